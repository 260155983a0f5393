import type { ThreadStrings } from '../en/thread.js';

export const thread: ThreadStrings = {
  conversationWith: (name: string) => `Conversation avec ${name}`,
  openCurrentPage: 'Ouvrir la page actuelle',
  takeControl: 'Prendre la main',
  blockVisitor: 'Bloquer le visiteur',
  messageFilter: 'Filtre des messages',
  filter: { all: 'Tous', visitor: 'Visiteur', agent: 'Agent', actions: 'Actions', navigation: 'Navigation' },
  showMore: 'Afficher plus',
  showLess: 'Afficher moins',
  retry: 'Réessayer',
  notSent: 'Non envoyé',
};
