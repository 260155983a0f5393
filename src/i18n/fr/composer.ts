import type { ComposerStrings } from '../en/composer.js';

export const composer: ComposerStrings = {
  message: 'Message',
  send: 'Envoyer',
};
