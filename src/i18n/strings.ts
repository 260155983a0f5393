import { common as enCommon } from './en/common.js';
import { composer as enComposer } from './en/composer.js';
import { desk as enDesk } from './en/desk.js';
import { stateBox as enStateBox } from './en/state-box.js';
import { thread as enThread } from './en/thread.js';
import { visitorPanel as enVisitorPanel } from './en/visitor-panel.js';
import { common as frCommon } from './fr/common.js';
import { composer as frComposer } from './fr/composer.js';
import { desk as frDesk } from './fr/desk.js';
import { stateBox as frStateBox } from './fr/state-box.js';
import { thread as frThread } from './fr/thread.js';
import { visitorPanel as frVisitorPanel } from './fr/visitor-panel.js';

/**
 * Every visible string, by section. Each locale implements the same interface (the English
 * sections define it); plural and parameterised entries are functions.
 */
export interface Strings {
  common: typeof enCommon;
  thread: typeof enThread;
  composer: typeof enComposer;
  stateBox: typeof enStateBox;
  visitorPanel: typeof enVisitorPanel;
  desk: typeof enDesk;
}

export const LOCALES = {
  en: {
    common: enCommon,
    thread: enThread,
    composer: enComposer,
    stateBox: enStateBox,
    visitorPanel: enVisitorPanel,
    desk: enDesk,
  },
  fr: {
    common: frCommon,
    thread: frThread,
    composer: frComposer,
    stateBox: frStateBox,
    visitorPanel: frVisitorPanel,
    desk: frDesk,
  },
} satisfies Record<string, Strings>;

export type Locale = keyof typeof LOCALES;

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

/** The supported locale for a BCP 47 tag (`fr-CA` → `fr`), English by default. */
export function resolveLocale(lang: string | null | undefined): Locale {
  const base = (lang ?? '').toLowerCase().split('-')[0];
  return base in LOCALES ? (base as Locale) : 'en';
}

export function directionOf(lang: string | null | undefined): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has((lang ?? '').toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
