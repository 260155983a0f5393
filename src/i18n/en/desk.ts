/** Strings of <chat-desk> (owned by that element). */
export const desk = {
  splitScreen: 'Split screen',
  paneLabel: (index: number, name: string) => `Pane ${index}: ${name}`,
  emptyPane: 'No conversation in this pane',
  emptyPaneHint: 'Pick a conversation in the list to show it here.',
  visitorInformation: 'Visitor information',
  conversations: 'Conversations',
  /** Label of the panes region. */
  panes: 'Conversation panes',
  toolbar: 'Desk toolbar',
  closeDrawer: 'Close panel',
  waitingCount: (n: number) =>
    n === 1 ? '1 conversation waiting for your reply' : `${n} conversations waiting for your reply`,
};
export type DeskStrings = typeof desk;
