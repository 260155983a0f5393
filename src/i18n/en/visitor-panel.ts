/** Strings of <visitor-panel> (owned by that element). */
export const visitorPanel = {
  source: 'Source',
  navigation: 'Navigation',
  profile: 'Profile',
  pastMessages: 'Past messages',
  customData: 'Custom data',
  visitorHistory: 'Visitor history',
  showCustomerRecord: 'Show customer record',
  loadOlder: 'Load older conversations',
};
export type VisitorPanelStrings = typeof visitorPanel;
