import type { AlertStrings } from '../en/alerts.js';

export const alerts: AlertStrings = {
  alerts: 'Alertes',
  sound: 'Son',
  title: 'Titre de l’onglet',
  desktop: 'Notifications du bureau',
  mute: 'Silence',
  muted: 'Alertes en sourdine',
  desktopBlocked: 'Bloquées dans les paramètres du site du navigateur.',
  desktopUnsupported: 'Non prises en charge par ce navigateur.',
  newConversation: (name: string, channel: string) => `Nouvelle conversation de ${name} (${channel})`,
  transferred: (name: string, channel: string) => `Conversation qui vous est transférée : ${name} (${channel})`,
  message: (name: string, preview: string) => `${name} : ${preview}`,
  pageTitle: (count: number, title: string) => `(${count}) ${title}`,
  unread: (name: string, n: number) => `${name} : ${n} non lu${n === 1 ? '' : 's'}`,
  more: (n: number) =>
    n === 1 ? '1 autre conversation avec des messages non lus' : `${n} autres conversations avec des messages non lus`,
  separator: '. ',
};
