/** Strings of <chat-desk> (owned by that element). */
export const desk = {
  splitScreen: 'Split screen',
  /** Tooltip of each split-screen radio (its name is the number itself). */
  layoutTitle: (n: number) => (n === 1 ? 'One conversation' : `${n} conversations side by side`),
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
  /** Keyboard help shown as the toolbar's description. */
  keyboardHelp: 'Alt+Down / Alt+Up: next / previous conversation. F6: next pane.',
};
export type DeskStrings = typeof desk;
