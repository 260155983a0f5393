import type { ShiftStrings } from '../en/shift.js';

export const shift: ShiftStrings = {
  agentStatus: (name) => `Disponibilité de ${name}`,
  availability: 'Disponibilité',
  availabilityPanel: 'Disponibilité par canal',
  summaryChannel: (channel) => `${channel} :`,
  allChannels: 'Tous les canaux',
  noChannels: 'Aucun canal à servir.',
  status: { available: 'Disponible', busy: 'Occupé', unavailable: 'Indisponible' },
  limitReached: (count, max) => `Limite atteinte (${count}/${max})`,
  channelStatus: (channel, status, reason) => (reason ? `${channel} : ${status}, ${reason}` : `${channel} : ${status}`),
  channelNow: (channel, status, reason) =>
    reason ? `${channel} est maintenant ${status} : ${reason}` : `${channel} est maintenant ${status}`,
  saving: 'Enregistrement…',
  cancelRequest: 'Annuler la demande',
  stopControl: 'Arrêter le contrôle',
  cobrowseOptions: 'Ce que vous voyez de l’écran du visiteur',
  option: {
    mouse: 'Afficher la souris du visiteur',
    input: 'Afficher la saisie des formulaires du visiteur',
    scroll: 'Afficher la position de défilement du visiteur',
  },
  line: {
    cancelled: 'Demande de co-navigation annulée',
    expired: 'Demande de co-navigation expirée : le visiteur n’a pas répondu',
  },
  preview: { cancelled: 'Co-navigation annulée', expired: 'Demande de co-navigation expirée' },
  notOnWebsite: (channel) => `Indisponible sur ${channel} : le visiteur n’est pas sur le site.`,
  sessionNotCarried: 'Sans la session du visiteur (panier, connexion)',
};
