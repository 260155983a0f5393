import type { StateBoxStrings } from '../en/state-box.js';

export const stateBox: StateBoxStrings = {
  ongoingConversations: 'Conversations en cours',
  title: 'Conversations',
  count: (n: number) => (n <= 1 ? `${n} conversation` : `${n} conversations`),
  empty: 'Aucune conversation en cours',
  emptyHint: 'Les nouvelles conversations s’affichent ici dès qu’un visiteur écrit.',
  waiting: (duration: string) => `En attente ${duration}`,
  waitingForReply: (duration: string, overdue = false) =>
    `En attente de votre réponse depuis ${duration}${overdue ? ' (en retard)' : ''}`,
  separator: ', ',
  notSent: 'Non envoyé',
  draft: 'Brouillon',
  unread: (n: number) => (n <= 1 ? `${n} message non lu` : `${n} messages non lus`),
  duration: (duration: string) => `Durée de la conversation ${duration}`,
  closed: 'Fermée',
  blocked: 'Bloqué',
  typing: 'écrit…',
  you: (text: string) => `Vous : ${text}`,
  noMessages: 'Aucun message pour l’instant',
  attachment: 'Pièce jointe',
  channel: (name: string) => `Canal : ${name}`,
  inPane: (n: number) => `Affichée dans le volet ${n}`,
  paneMark: (n: number) => `Volet ${n}`,
  newConversation: (name: string, channel: string) => `Nouvelle conversation de ${name} (${channel})`,
};
