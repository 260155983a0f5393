/** Strings of the desk's accessibility layer: announcements, region names, the keyboard shortcuts help. */
export const a11y = {
  /** One announcement for every visitor message that arrived together in a conversation. */
  newMessages: (name: string, n: number, latest: string) =>
    n === 1 ? `${name}: ${latest}` : `${name}: ${n} new messages. Latest: ${latest}`,
  /** Said (assertively) when one of the agent's messages fails to send. */
  notSent: 'Message not sent. Retry available.',
  /** Said when a message fails and cannot be retried (`reason`: the visitor is blocked…). */
  notSentNoRetry: (reason: string) => `Message not sent: ${reason}.`,
  /** Name of a failed message's Retry button: says which message it sends again. */
  retryMessage: (preview: string) => `Retry: ${preview}`,
  /** Said after the thread's filter changes: how many messages it shows. */
  filterResult: {
    all: (n: number) => `Showing all messages: ${n}`,
    visitor: (n: number) => `Showing visitor messages: ${n}`,
    agent: (n: number) => `Showing agent messages: ${n}`,
    actions: (n: number) => `Showing actions: ${n}`,
    navigation: (n: number) => `Showing navigation: ${n}`,
  },
  conversationEnded: (name: string) => `The conversation with ${name} has ended.`,
  /** Names of the split-screen radios (each starts with its digit). */
  layout: { 1: '1 conversation', 2: '2 side by side', 4: '4 in a grid' },
  /** The toolbar button and the dialog listing every shortcut. */
  shortcuts: 'Keyboard shortcuts',
  shortcutsKey: 'Key',
  shortcutsAction: 'Action',
  /** The shortcuts, by area: `keys` as printed on the keyboard. */
  shortcutGroups: [
    {
      title: 'Whole desk',
      items: [
        {
          keys: 'F6 / Shift+F6',
          action: 'Next / previous region: conversations, each pane’s thread and composer, visitor panel',
        },
        { keys: 'Alt+↓ / Alt+↑', action: 'Next / previous conversation' },
        { keys: '?', action: 'Show these shortcuts (outside a text box)' },
        { keys: 'Escape', action: 'Close the open dialog, menu or drawer' },
      ],
    },
    {
      title: 'Ongoing conversations',
      items: [
        { keys: '↓ / ↑, Home / End', action: 'Move through the list' },
        { keys: 'Enter or Space', action: 'Open the conversation' },
        { keys: 'Letters', action: 'Go to the visitor whose name starts with them' },
        { keys: 'Shift+Enter', action: 'Show or hide the latest messages (Escape hides them)' },
        { keys: 'Ctrl+C', action: 'Copy the conversation ID' },
      ],
    },
    {
      title: 'Thread',
      items: [
        { keys: '↓ / ↑', action: 'Next / previous message (the thread is one Tab stop)' },
        { keys: 'Home / End', action: 'First loaded / newest message' },
        { keys: 'Page Down / Page Up', action: 'A screen further, then the message there' },
      ],
    },
    {
      title: 'Composer',
      items: [
        { keys: 'Enter', action: 'Send' },
        { keys: 'Shift+Enter', action: 'New line' },
        { keys: '/', action: 'At the start of the message: canned answers (↓ / ↑ choose, Enter or Tab insert)' },
        { keys: 'Arrow keys', action: 'Move through the emoji' },
        { keys: 'Escape', action: 'Close the canned answers or the open tool, else cancel the last upload' },
      ],
    },
  ],
};
export type A11yStrings = typeof a11y;
