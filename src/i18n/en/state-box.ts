/** Strings of <state-box> (owned by that element). */
export const stateBox = {
  ongoingConversations: 'Ongoing conversations',
  count: (n: number) => (n === 1 ? '1 conversation' : `${n} conversations`),
  empty: 'No ongoing conversations',
  emptyHint: 'New conversations appear here as visitors write in.',
  /** Visible waiting chip: "Waiting 45 s". */
  waiting: (duration: string) => `Waiting ${duration}`,
  /** Spoken waiting state, with the warning past the threshold. */
  waitingForReply: (duration: string, overdue = false) =>
    `Waiting for your reply for ${duration}${overdue ? ' (overdue)' : ''}`,
  /** Pause between the pieces of a row's spoken name. */
  separator: ', ',
  /** One of the agent's messages in the conversation failed to send. */
  notSent: 'Not sent',
  /** An unsent draft waits in this conversation. */
  draft: 'Draft',
  unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  duration: (duration: string) => `Conversation duration ${duration}`,
  closed: 'Closed',
  blocked: 'Blocked',
  typing: 'typing…',
  you: (text: string) => `You: ${text}`,
  noMessages: 'No messages yet',
  /** Kind of content when a message has no text (image without description, choice…). */
  attachment: 'Attachment',
  channel: (name: string) => `Channel: ${name}`,
  inPane: (n: number) => `Shown in pane ${n}`,
  /** Short visible mark of the pane showing a conversation (split screen). */
  paneMark: (n: number) => `Pane ${n}`,
  newConversation: (name: string, channel: string) => `New conversation from ${name} (${channel})`,
  /** The "Sort by" control and its orders. */
  sortBy: 'Sort by',
  sorts: { waiting: 'Longest waiting', activity: 'Newest activity', oldest: 'Oldest conversation' },
  /** Shown, in text, beside the colour of a wait past the threshold. */
  overdue: 'Overdue',
  /** Visible prefix of the short conversation ID. */
  idLabel: 'ID',
  conversationId: (id: string) => `Conversation ID ${id}`,
  online: 'Online',
  /** The visitor left: `duration` is how long ago, at minute resolution. */
  left: (duration: string) => `Left ${duration} ago`,
  offline: 'Left',
  /** Under a minute, in the spoken (minute-resolution) times. */
  underAMinute: 'under a minute',
  /** Visible time since the agent's last message. */
  replied: (duration: string) => `Replied ${duration}`,
  /** Spoken time since the agent's last message. */
  repliedAgo: (duration: string) => `You replied ${duration} ago`,
  /** No agent message yet. */
  unanswered: 'New',
  unansweredLong: 'Not answered yet',
  transferred: 'Transferred',
  transferredLong: 'Transferred to you',
  /** The mini view of a conversation's latest messages. */
  miniView: (name: string) => `Latest messages from ${name}`,
  miniViewHint: 'Shift+Enter shows the latest messages; Ctrl+C copies the conversation ID.',
  copyId: 'Copy conversation ID',
  idCopied: (id: string) => `Conversation ID ${id} copied`,
};
export type StateBoxStrings = typeof stateBox;
