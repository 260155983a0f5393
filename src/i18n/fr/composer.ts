import type { ComposerStrings } from '../en/composer.js';

export const composer: ComposerStrings = {
  message: 'Message',
  placeholder: 'Écrivez un message…',
  placeholderCanned: 'Écrivez un message… (/ pour les réponses types)',
  send: 'Envoyer',
  toolbar: 'Outils du message',
  hint: 'Entrée pour envoyer, Maj+Entrée pour aller à la ligne.',
  typing: (name: string) => `${name} est en train d’écrire…`,
  typingPreview: 'Aperçu en direct',
  counter: (used: number, max: number) => `${used} / ${max}`,
  counterLabel: (left: number) =>
    left >= 0
      ? `${left} caractère${left > 1 ? 's' : ''} restant${left > 1 ? 's' : ''}`
      : `${-left} caractère${-left > 1 ? 's' : ''} de trop`,
  tooLong: (max: number) => `Ce message est trop long pour le canal (${max} caractères au maximum).`,
  blocked:
    'Ce visiteur est bloqué : impossible d’envoyer des messages. Un responsable peut le débloquer depuis la gestion des clients.',
  closed: 'Cette conversation est terminée : impossible d’envoyer des messages.',
  noConversation: 'Aucune conversation sélectionnée.',
  refused: 'Le message n’a pas pu être envoyé.',
  link: 'Envoyer un lien',
  linkForm: 'Lien',
  linkUrl: 'Adresse',
  linkTitle: 'Titre (facultatif)',
  linkSend: 'Envoyer le lien',
  linkEmpty: 'Saisissez l’adresse de la page à envoyer.',
  linkCompleted: (url: string) => `Sera envoyé comme ${url}`,
  linkInvalid:
    'Cette adresse ne peut pas être envoyée : utilisez une adresse complète http://, https://, mailto: ou tel:.',
  offer: 'Envoyer une offre',
  offers: 'Offres',
  offerSend: 'Envoyer l’offre',
  offerPreview: 'Aperçu',
  attach: 'Joindre un fichier',
  attachment: 'Pièce jointe',
  dropHere: 'Déposez des fichiers pour les joindre',
  uploading: (name: string) => `Envoi de ${name}…`,
  uploaded: (name: string) => `${name} est prêt à être envoyé.`,
  uploadProgress: 'Progression de l’envoi',
  cancelUpload: 'Annuler l’envoi',
  removeAttachment: 'Retirer la pièce jointe',
  uploadFailed: (name: string, reason: string) => `Impossible d’envoyer ${name} : ${reason}`,
  uploadBadUrl: (name: string) => `Impossible d’envoyer ${name} : le serveur a renvoyé une adresse inutilisable.`,
  uploadCancelled: 'Envoi annulé.',
  uploadInterrupted: (name: string) =>
    `Envoi annulé : ${name} n’a pas été envoyé, car vous avez quitté cette conversation. Joignez-le de nouveau pour l’envoyer.`,
  fileTooLarge: (name: string, max: string) => `${name} est trop volumineux (${max} au maximum).`,
  fileType: (name: string, accepted: string) =>
    accepted
      ? `${name} n’est pas un type de fichier autorisé. Types acceptés : ${accepted}.`
      : `${name} n’est pas un type de fichier autorisé.`,
  fileFamilies: { image: 'images', audio: 'fichiers audio', video: 'vidéos', text: 'fichiers texte' },
  attachmentOf: (name: string) => `Pièce jointe : ${name}`,
  cancelUploadOf: (name: string) => `Annuler l’envoi de ${name}`,
  removeAttachmentOf: (name: string) => `Retirer ${name}`,
  imagePreview: (name: string) => `Aperçu de ${name}`,
  canned: 'Réponses types',
  cannedNone: 'Aucune réponse type ne correspond.',
  cannedShared: 'Partagée',
  cannedPersonal: 'Personnelle',
  cannedUncategorized: 'Autres',
  emoji: 'Insérer un emoji',
  emojiPicker: 'Emoji',
  emojiLoading: 'Chargement des emoji…',
  emojiFailed: 'La liste complète des emoji n’a pas pu être chargée : voici les plus courants.',
  toolsFailed: 'Cet outil n’a pas pu être chargé. Vérifiez la connexion et réessayez.',
};
