import type { StateBoxStrings } from '../en/state-box.js';

export const stateBox: StateBoxStrings = {
  ongoingConversations: 'Conversations en cours',
  empty: 'Aucune conversation en cours',
};
