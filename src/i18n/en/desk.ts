/** Strings of <chat-desk> (owned by that element). */
export const desk = {
  splitScreen: 'Split screen',
  paneLabel: (index: number, name: string) => `Pane ${index}: ${name}`,
  emptyPane: 'No conversation in this pane',
  visitorInformation: 'Visitor information',
  conversations: 'Conversations',
  toolbar: 'Desk toolbar',
};
export type DeskStrings = typeof desk;
