/** Strings of <compose-area> (owned by that element). */
export const composer = {
  message: 'Message',
  send: 'Send',
};
export type ComposerStrings = typeof composer;
