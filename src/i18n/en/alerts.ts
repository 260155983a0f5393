/** Strings of the desk's alerts: the toolbar's "Alerts" menu, notifications and announcements. */
export const alerts = {
  /** The toolbar button opening the menu, and the menu's group name. */
  alerts: 'Alerts',
  sound: 'Sound',
  title: 'Tab title',
  desktop: 'Desktop notifications',
  mute: 'Mute',
  /** Description of the toolbar button while muted. */
  muted: 'Alerts muted',
  desktopBlocked: 'Blocked in the browser’s site settings.',
  desktopUnsupported: 'Not supported by this browser.',
  /** Alert text (desk-notify detail, notification title) of a new conversation. */
  newConversation: (name: string, channel: string) => `New conversation from ${name} (${channel})`,
  /** Alert text of a conversation transferred to the agent. */
  transferred: (name: string, channel: string) => `Conversation transferred to you: ${name} (${channel})`,
  /** Alert text of a visitor message. */
  message: (name: string, preview: string) => `${name}: ${preview}`,
  /** The page title while hidden with `count` alerts: "(3) Support desk". */
  pageTitle: (count: number, title: string) => `(${count}) ${title}`,
  /** Screen-reader summary of a conversation not shown in a pane: "Noah Schmidt: 2 unread". */
  unread: (name: string, n: number) => `${name}: ${n} unread`,
  /** Ends a summary listing only the first conversations. */
  more: (n: number) =>
    n === 1 ? '1 more conversation with unread messages' : `${n} more conversations with unread messages`,
  /** Between the parts of a summary. */
  separator: '. ',
};
export type AlertStrings = typeof alerts;
