import type { DeskStrings } from '../en/desk.js';

export const desk: DeskStrings = {
  splitScreen: 'Écran partagé',
  paneLabel: (index: number, name: string) => `Volet ${index} : ${name}`,
  emptyPane: 'Aucune conversation dans ce volet',
  visitorInformation: 'Informations visiteur',
  conversations: 'Conversations',
  toolbar: 'Barre d’outils du bureau',
};
