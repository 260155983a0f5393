/** Strings of <state-box> (owned by that element). */
export const stateBox = {
  ongoingConversations: 'Ongoing conversations',
  empty: 'No ongoing conversations',
};
export type StateBoxStrings = typeof stateBox;
