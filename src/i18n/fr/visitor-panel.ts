import type { VisitorPanelStrings } from '../en/visitor-panel.js';

export const visitorPanel: VisitorPanelStrings = {
  source: 'Source',
  navigation: 'Navigation',
  profile: 'Profil',
  pastMessages: 'Messages passés',
  customData: 'Données personnalisées',
  visitorHistory: 'Historique du visiteur',
  showCustomerRecord: 'Voir la fiche client',
  loadOlder: 'Charger les conversations plus anciennes',
};
