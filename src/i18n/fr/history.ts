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
  downloadFull: 'Télécharger le texte complet',
};
