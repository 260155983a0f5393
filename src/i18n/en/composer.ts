/** Strings of <compose-area> (owned by that element). */
export const composer = {
  message: 'Message',
  placeholder: 'Type a message…',
  placeholderCanned: 'Type a message… (/ for canned answers)',
  send: 'Send',
  toolbar: 'Message tools',
  hint: 'Enter to send, Shift+Enter for a new line.',
  // Typing indicator
  typing: (name: string) => `${name} is typing…`,
  typingPreview: 'Live preview',
  // Character limit
  counter: (used: number, max: number) => `${used} / ${max}`,
  counterLabel: (left: number) => (left >= 0 ? `${left} characters left` : `${-left} characters over the limit`),
  tooLong: (max: number) => `This message is too long for the channel (${max} characters at most).`,
  // Disabled states
  blocked: 'This visitor is blocked: messages cannot be sent. A manager can unblock them from customer management.',
  closed: 'This conversation is closed: messages cannot be sent.',
  noConversation: 'No conversation selected.',
  refused: 'The message could not be sent.',
  // Link
  link: 'Send a link',
  linkForm: 'Link',
  linkUrl: 'URL',
  linkTitle: 'Title (optional)',
  linkSend: 'Send link',
  linkEmpty: 'Enter the address of the page to send.',
  /** The address typed without a scheme, completed: "Will be sent as https://shop.example.com/tents". */
  linkCompleted: (url: string) => `Will be sent as ${url}`,
  linkInvalid: 'This address cannot be sent: use a full http://, https://, mailto: or tel: address.',
  // Offer
  offer: 'Send an offer',
  offers: 'Offers',
  offerSend: 'Send offer',
  offerPreview: 'Preview',
  // Attachments
  attach: 'Attach a file',
  attachment: 'Attachment',
  dropHere: 'Drop files to attach them',
  uploading: (name: string) => `Uploading ${name}…`,
  uploaded: (name: string) => `${name} is ready to send.`,
  uploadProgress: 'Upload progress',
  cancelUpload: 'Cancel upload',
  removeAttachment: 'Remove attachment',
  uploadFailed: (name: string, reason: string) => `Could not upload ${name}: ${reason}`,
  uploadBadUrl: (name: string) => `Could not upload ${name}: the server returned an address that cannot be used.`,
  uploadCancelled: 'Upload cancelled.',
  fileTooLarge: (name: string, max: string) => `${name} is too large (${max} at most).`,
  /** `accepted`: the accepted types, listed ("PNG, JPEG, and PDF"); empty when unknown. */
  fileType: (name: string, accepted: string) =>
    `${name} is not a type of file that can be sent.${accepted && ` Accepted: ${accepted}.`}`,
  /** Wildcards of an `accept` list (`image/*`), in the list of accepted types. */
  fileFamilies: { image: 'images', audio: 'audio files', video: 'videos', text: 'text files' },
  /** One of several attachments: its group and its button name the file. */
  attachmentOf: (name: string) => `Attachment: ${name}`,
  cancelUploadOf: (name: string) => `Cancel upload of ${name}`,
  removeAttachmentOf: (name: string) => `Remove ${name}`,
  imagePreview: (name: string) => `Preview of ${name}`,
  // Canned answers
  canned: 'Canned answers',
  cannedNone: 'No canned answer matches.',
  cannedShared: 'Shared',
  cannedPersonal: 'Personal',
  cannedUncategorized: 'Other',
  // Emoji
  emoji: 'Insert emoji',
  emojiPicker: 'Emoji',
  emojiLoading: 'Loading emoji…',
  emojiFailed: 'The full emoji list could not be loaded: here are common ones.',
};
export type ComposerStrings = typeof composer;
