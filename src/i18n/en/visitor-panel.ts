/** Strings of <visitor-panel> (owned by that element). */
export const visitorPanel = {
  noConversation: 'Select a conversation to see its visitor.',
  noVisitor: 'No information about this visitor yet.',

  // Section headings (exact names are part of the public contract).
  source: 'Source',
  navigation: 'Navigation',
  profile: 'Profile',
  pastMessages: 'Past messages',
  customData: 'Custom data',
  visitorHistory: 'Visitor history',

  unknown: 'Unknown',
  notProvided: 'Not provided',
  yes: 'Yes',
  no: 'No',

  // Source
  sourceType: 'Arrived from',
  sourceDetail: 'Details',
  sourceTypes: {
    direct: 'Direct visit',
    search: 'Search engine',
    campaign: 'Campaign',
    referral: 'Referral',
    social: 'Social network',
  } as Record<string, string>,

  // Navigation
  browsingDuration: 'Browsing for',
  pagesViewed: 'Pages viewed',
  visits: 'Visits',
  firstVisit: 'first visit',
  returningVisitor: 'returning visitor',
  currentPage: 'Current page',
  unsafeUrl: 'Link not opened: this address is not allowed.',
  newTab: '(opens in a new tab)',
  recentPages: 'Recent pages',
  noRecentPages: 'No pages visited during this conversation yet.',
  noRecentPagesClosed: 'No pages were recorded during this conversation.',

  // Profile
  country: 'Country',
  browser: 'Browser',
  os: 'Operating system',
  language: 'Language',
  localTime: 'Local time',

  // Past messages
  pastMessagesCount: (count: number, formatted: string) => (count === 1 ? '1 message' : `${formatted} messages`),
  showCustomerRecord: 'Show customer record',
  customerRecordShown: (count: number, formatted: string) =>
    count === 1 ? 'Full history: 1 past conversation.' : `Full history: ${formatted} past conversations.`,

  // Custom data
  noCustomData: 'No custom data is set up for this visitor.',

  // Visitor history
  noHistory: 'No past conversations.',
  loadOlder: 'Load older conversations',
  loadingOlder: 'Loading older conversations…',
  noOlderConversations: 'No older conversations.',
  transcriptCapped: (shown: string, total: string) => `Showing the last ${shown} of ${total} lines.`,
  showAllLines: (total: string) => `Show all ${total}`,
  noPreview: 'No messages',
  viewing: 'Shown',
  transcriptOf: (date: string) => `Transcript of the conversation of ${date}`,
  agentFallback: 'Agent',
  system: 'System',

  // Block
  blockVisitor: 'Block visitor',
  blocked: 'Blocked',
  blockedStatus: 'This visitor is blocked.',
  unblockVisitor: 'Unblock visitor',
  unblockExplanation: 'A manager can unblock this visitor from customer management.',
};
export type VisitorPanelStrings = typeof visitorPanel;
