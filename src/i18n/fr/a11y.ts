import type { A11yStrings } from '../en/a11y.js';

export const a11y: A11yStrings = {
  newMessages: (name, n, latest) =>
    n === 1 ? `${name} : ${latest}` : `${name} : ${n} nouveaux messages. Dernier : ${latest}`,
  notSent: 'Message non envoyé. Nouvel essai possible.',
  notSentNoRetry: (reason) => `Message non envoyé : ${reason}.`,
  retryMessage: (preview) => `Réessayer : ${preview}`,
  filterResult: {
    all: (n) => `Tous les messages affichés : ${n}`,
    visitor: (n) => `Messages du visiteur affichés : ${n}`,
    agent: (n) => `Messages de l’agent affichés : ${n}`,
    actions: (n) => `Actions affichées : ${n}`,
    navigation: (n) => `Navigation affichée : ${n}`,
  },
  conversationEnded: (name) => `La conversation avec ${name} est terminée.`,
  layout: { 1: '1 conversation', 2: '2 côte à côte', 4: '4 en grille' },
  shortcuts: 'Raccourcis clavier',
  shortcutsKey: 'Touche',
  shortcutsAction: 'Action',
  shortcutGroups: [
    {
      title: 'Tout le bureau',
      items: [
        {
          keys: 'F6 / Maj+F6',
          action: 'Zone suivante / précédente : conversations, fil et éditeur de chaque volet, panneau visiteur',
        },
        { keys: 'Alt+↓ / Alt+↑', action: 'Conversation suivante / précédente' },
        { keys: '?', action: 'Afficher ces raccourcis (hors d’une zone de texte)' },
        { keys: 'Échap', action: 'Fermer la boîte de dialogue, le menu ou le tiroir ouvert' },
      ],
    },
    {
      title: 'Conversations en cours',
      items: [
        { keys: '↓ / ↑, Début / Fin', action: 'Parcourir la liste' },
        { keys: 'Entrée ou Espace', action: 'Ouvrir la conversation' },
        { keys: 'Lettres', action: 'Aller au visiteur dont le nom commence par elles' },
        { keys: 'Maj+Entrée', action: 'Afficher ou masquer les derniers messages (Échap les masque)' },
        { keys: 'Ctrl+C', action: 'Copier l’ID de la conversation' },
      ],
    },
    {
      title: 'Fil',
      items: [
        { keys: '↓ / ↑', action: 'Message suivant / précédent (le fil est un seul arrêt de tabulation)' },
        { keys: 'Début / Fin', action: 'Premier message chargé / le plus récent' },
        { keys: 'Pg suiv / Pg préc', action: 'Un écran plus loin, puis le message qui s’y trouve' },
      ],
    },
    {
      title: 'Éditeur',
      items: [
        { keys: 'Entrée', action: 'Envoyer' },
        { keys: 'Maj+Entrée', action: 'Nouvelle ligne' },
        { keys: '/', action: 'En début de message : réponses types (↓ / ↑ choisir, Entrée ou Tab insérer)' },
        { keys: 'Flèches', action: 'Parcourir les emoji' },
        {
          keys: 'Échap',
          action: 'Fermer les réponses types ou l’outil ouvert, sinon annuler le dernier envoi de fichier',
        },
      ],
    },
  ],
};
