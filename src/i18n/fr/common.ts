import type { CommonStrings } from '../en/common.js';

export const common: CommonStrings = {
  visitorFallbackName: (n: number) => `Visiteur n° ${n}`,
  noStore: 'Le bureau n’est pas connecté.',
  loading: 'Chargement…',
  close: 'Fermer',
  cancel: 'Annuler',
  confirm: 'Confirmer',
  channel: {
    chat: 'Chat en direct',
    facebook: 'Facebook',
    whatsapp: 'WhatsApp',
    instagram: 'Instagram',
    sms: 'SMS',
    email: 'E-mail',
    'apple-business-chat': 'Apple Messages',
  },
  connection: {
    connecting: 'Connexion…',
    online: 'Connecté',
    offline: 'Hors ligne — les messages partiront au retour de la connexion.',
    reconnecting: 'Reconnexion…',
  },
  durationJustNow: 'à l’instant',
};
