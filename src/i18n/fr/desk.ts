import type { DeskStrings } from '../en/desk.js';

export const desk: DeskStrings = {
  splitScreen: 'Écran partagé',
  paneLabel: (index: number, name: string) => `Volet ${index} : ${name}`,
  emptyPane: 'Aucune conversation dans ce volet',
  emptyPaneHint: 'Choisissez une conversation dans la liste pour l’afficher ici.',
  visitorInformation: 'Informations visiteur',
  conversations: 'Conversations',
  panes: 'Volets de conversation',
  toolbar: 'Barre d’outils du bureau',
  closeDrawer: 'Fermer le panneau',
  waitingCount: (n: number) =>
    n <= 1 ? `${n} conversation attend votre réponse` : `${n} conversations attendent votre réponse`,
};
