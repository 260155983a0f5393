import type { CommonStrings } from '../en/common.js';

export const common: CommonStrings = {
  visitorFallbackName: (n: number) => `Visiteur n° ${n}`,
  noStore: 'Le bureau n’est pas connecté.',
  loading: 'Chargement…',
  close: 'Fermer',
  cancel: 'Annuler',
  confirm: 'Confirmer',
  blockDialog: {
    title: (name: string) => `Bloquer ${name} ?`,
    description: (name: string) =>
      `${name} ne pourra plus vous envoyer de messages ni démarrer de nouvelle conversation. Seul un responsable peut le débloquer, depuis la gestion des clients.`,
    reason: 'Motif (facultatif)',
    confirm: 'Bloquer',
  },
  channel: {
    chat: 'Chat en direct',
    facebook: 'Facebook',
    whatsapp: 'WhatsApp',
    instagram: 'Instagram',
    sms: 'SMS',
    email: 'E-mail',
    'apple-business-chat': 'Apple Messages',
  },
  preview: {
    cobrowsing: {
      requested: 'Co-navigation demandée',
      started: 'Co-navigation commencée',
      ended: 'Co-navigation terminée',
      declined: 'Co-navigation refusée',
    },
    transfer: (to: string) => `Transférée à ${to}`,
    transferTeam: (team: string) => `Transférée à l’équipe ${team}`,
    file: (name: string) => `Fichier : ${name}`,
    image: 'Image',
    imageNamed: (alt: string) => `Image : ${alt}`,
    offer: (title: string) => `Offre : ${title}`,
    unsupported: (type: string) => `Contenu non pris en charge (${type})`,
    visited: (page: string) => `A visité ${page}`,
  },
  connection: {
    connecting: 'Connexion…',
    online: 'Connecté',
    offline: 'Hors ligne — les messages partiront au retour de la connexion.',
    reconnecting: 'Reconnexion…',
  },
  durationJustNow: 'à l’instant',
};
