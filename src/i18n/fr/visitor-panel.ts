import type { VisitorPanelStrings } from '../en/visitor-panel.js';

export const visitorPanel: VisitorPanelStrings = {
  noConversation: 'Sélectionnez une conversation pour voir son visiteur.',
  noVisitor: 'Aucune information sur ce visiteur pour le moment.',

  source: 'Source',
  navigation: 'Navigation',
  profile: 'Profil',
  pastMessages: 'Messages passés',
  customData: 'Données personnalisées',
  visitorHistory: 'Historique du visiteur',

  unknown: 'Inconnu',
  notProvided: 'Non renseigné',
  yes: 'Oui',
  no: 'Non',

  sourceType: 'Provenance',
  sourceDetail: 'Détails',
  sourceTypes: {
    direct: 'Accès direct',
    search: 'Moteur de recherche',
    campaign: 'Campagne',
    referral: 'Site référent',
    social: 'Réseau social',
  } as Record<string, string>,

  browsingDuration: 'Navigue depuis',
  pagesViewed: 'Pages vues',
  visits: 'Visites',
  firstVisit: 'première visite',
  returningVisitor: 'visiteur connu',
  currentPage: 'Page actuelle',
  unsafeUrl: 'Lien non ouvert : cette adresse n’est pas autorisée.',
  newTab: '(s’ouvre dans un nouvel onglet)',
  recentPages: 'Pages récentes',
  noRecentPages: 'Aucune page visitée pendant cette conversation pour le moment.',
  noRecentPagesClosed: 'Aucune page n’a été enregistrée pendant cette conversation.',

  country: 'Pays',
  browser: 'Navigateur',
  os: 'Système d’exploitation',
  language: 'Langue',
  localTime: 'Heure locale',

  pastMessagesCount: (count: number, formatted: string) =>
    count < 2 ? `${formatted} message` : `${formatted} messages`,
  showCustomerRecord: 'Voir la fiche client',
  customerRecordShown: (count: number, formatted: string) =>
    count < 2
      ? `Historique complet : ${formatted} conversation passée.`
      : `Historique complet : ${formatted} conversations passées.`,

  noCustomData: 'Aucune donnée personnalisée n’est configurée pour ce visiteur.',

  noHistory: 'Aucune conversation passée.',
  loadOlder: 'Charger les conversations plus anciennes',
  loadingOlder: 'Chargement des conversations plus anciennes…',
  noOlderConversations: 'Aucune conversation plus ancienne.',
  transcriptCapped: (shown: string, total: string) => `Affichage des ${shown} dernières lignes sur ${total}.`,
  showAllLines: (total: string) => `Tout afficher (${total})`,
  noPreview: 'Aucun message',
  viewing: 'Affichée',
  transcriptOf: (date: string) => `Transcription de la conversation du ${date}`,
  agentFallback: 'Conseiller',
  system: 'Système',

  blockVisitor: 'Bloquer le visiteur',
  blocked: 'Bloqué',
  blockedStatus: 'Ce visiteur est bloqué.',
  unblockVisitor: 'Débloquer le visiteur',
  unblockExplanation: 'Un responsable peut débloquer ce visiteur depuis la gestion des clients.',
};
