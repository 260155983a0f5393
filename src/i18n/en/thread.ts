/** Strings of <chat-box> and <message-filter> (owned by those elements). */
export const thread = {
  conversationWith: (name: string) => `Conversation with ${name}`,
  noConversation: 'No conversation selected.',
  channelLabel: (channel: string) => `Channel: ${channel}`,
  // Header tools
  tools: 'Conversation tools',
  openCurrentPage: 'Open current page',
  openCurrentPageHint:
    'Opens the page the visitor is on in a new tab. Their session (basket, login) is not carried over.',
  openCurrentPageUnavailable: 'The visitor’s current page is not known or its address is not a safe web link.',
  takeControl: 'Take control',
  takeControlHint: 'Asks the visitor to share their screen (co-browsing).',
  controlRequested: 'Control requested…',
  controlRequestedHint:
    'Co-browsing was requested: waiting for the visitor to accept. You can ask again once it ends or is declined.',
  inControl: 'In control',
  inControlHint: 'Co-browsing is in progress. You can ask again once it ends.',
  takeControlClosed: 'The conversation is closed.',
  blockVisitor: 'Block visitor',
  blockVisitorHint: 'The visitor will not be able to write again. A manager can unblock them from customer management.',
  alreadyBlocked: 'This visitor is already blocked.',
  // Banners
  blockedBanner: (name: string) =>
    `${name} is blocked and can no longer send messages. A manager can unblock them from customer management.`,
  closedBanner: (when: string) => (when ? `This conversation was closed on ${when}.` : 'This conversation is closed.'),
  // Filter
  messageFilter: 'Message filter',
  filter: { all: 'All', visitor: 'Visitor', agent: 'Agent', actions: 'Actions', navigation: 'Navigation' },
  emptyThread: 'No messages yet.',
  emptyFilter: (filter: string) => `No “${filter}” messages in this conversation.`,
  showAllMessages: 'Show all messages',
  // Scrolling
  newMessages: (n: number) => (n === 1 ? '1 new message' : `${n} new messages`),
  loadOlderMessages: 'Load older messages',
  loadingOlderMessages: 'Loading older messages…',
  // Announcements
  announce: (name: string, text: string) => `${name}: ${text}`,
  // Message pieces
  agentFallbackName: 'Agent',
  botFallbackName: 'Bot',
  systemName: 'System',
  showMore: 'Show more',
  showLess: 'Show less',
  retry: 'Retry',
  notSent: 'Not sent',
  notSentBlocked: 'the visitor is blocked',
  notSentClosed: 'the conversation is closed',
  status: { sending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not sent' },
  cobrowsing: {
    requested: 'Co-browsing requested',
    started: 'Co-browsing started',
    ended: 'Co-browsing ended',
    declined: 'Co-browsing declined by the visitor',
  },
  transfer: (to: string, toType: 'agent' | 'skill', from?: string) => {
    const target = toType === 'skill' ? `the ${to} team` : to;
    return from ? `${from} transferred the conversation to ${target}` : `Conversation transferred to ${target}`;
  },
  transferComment: 'Transfer note',
  file: 'File',
  download: (name: string) => `Download ${name}`,
  blockedLink: 'Link blocked: not a safe web address',
  blockedImage: 'Image blocked: not a safe web address',
  image: 'Image',
  imageUnavailable: 'Image could not be loaded',
  openImageLink: 'Open image',
  openImage: (alt: string) => `${alt} (open full size)`,
  translatedFrom: (language: string) => `Translated from ${language}`,
  showOriginal: 'Show original',
  hideOriginal: 'Hide original',
  original: (language: string) => `Original (${language})`,
  unsupported: (type: string) => `The channel sent content the desk cannot display (${type}).`,
  choiceOptions: 'Options',
  choiceSelected: (label: string) => `Visitor chose: ${label}`,
  choiceWaiting: 'Waiting for the visitor’s choice',
  selected: 'selected',
  link: 'Link',
  offer: 'Offer',
  offerCta: 'View offer',
  visited: 'Visited',
  typing: (name: string) => `${name} is typing…`,
};
export type ThreadStrings = typeof thread;
