/** Strings of the thread as items: message names, oversized content (owned by <chat-box>). */
export const history = {
  /** A message item's accessible name: who, what, when, and "Not sent" when it failed. */
  item: (author: string, kind: string, time: string, status?: string) =>
    [author, kind, time, status].filter(Boolean).join(', '),
  kind: {
    text: 'message',
    link: 'link',
    offer: 'offer',
    navigation: 'page visited',
    system: 'system message',
    cobrowsing: 'co-browsing',
    transfer: 'transfer',
    file: 'file',
    image: 'image',
    translation: 'translated message',
    unsupported: 'unsupported content',
    choice: 'question',
  },
  /** Over the frame's limit for a field, the desk keeps the beginning and says so. */
  truncated: (size: string, shown: string) => `Message truncated: ${size}, first ${shown} shown`,
  /** The heading of one of the visitor's conversations in the thread (date, channel, who closed it). */
  conversationOf: (date: string, channel: string, closed: boolean, closedBy?: string) =>
    [`Conversation of ${date}`, channel, closed ? (closedBy ? `closed by ${closedBy}` : 'closed') : 'ongoing'].join(
      ' · ',
    ),
  downloadFull: 'Download the full text',
};
export type HistoryStrings = typeof history;
