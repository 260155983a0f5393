import type { HistoryStrings } from '../en/history.js';

export const history: HistoryStrings = {
  item: (author: string, kind: string, time: string, status?: string) =>
    [author, kind, time, status].filter(Boolean).join(', '),
  kind: {
    text: 'message',
    link: 'lien',
    offer: 'offre',
    navigation: 'page visitée',
    system: 'message système',
    cobrowsing: 'co-navigation',
    transfer: 'transfert',
    file: 'fichier',
    image: 'image',
    translation: 'message traduit',
    unsupported: 'contenu non pris en charge',
    choice: 'question',
  },
  truncated: (size: string, shown: string) => `Message tronqué : ${size}, seuls les premiers ${shown} sont affichés`,
  conversationOf: (date: string, channel: string, closed: boolean, closedBy?: string) =>
    [`Conversation du ${date}`, channel, closed ? (closedBy ? `close par ${closedBy}` : 'close') : 'en cours'].join(
      ' · ',
    ),
  downloadFull: 'Télécharger le texte complet',
};
