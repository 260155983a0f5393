/** Strings of <chat-box> (owned by that element). */
export const thread = {
  conversationWith: (name: string) => `Conversation with ${name}`,
  openCurrentPage: 'Open current page',
  takeControl: 'Take control',
  blockVisitor: 'Block visitor',
  messageFilter: 'Message filter',
  filter: { all: 'All', visitor: 'Visitor', agent: 'Agent', actions: 'Actions', navigation: 'Navigation' },
  showMore: 'Show more',
  showLess: 'Show less',
  retry: 'Retry',
  notSent: 'Not sent',
};
export type ThreadStrings = typeof thread;
