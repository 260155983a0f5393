import { a11y } from './en/a11y.js';
import { alerts } from './en/alerts.js';
import { common } from './en/common.js';
import { composer } from './en/composer.js';
import { desk } from './en/desk.js';
import { handover } from './en/handover.js';
import { shift } from './en/shift.js';
import { history } from './en/history.js';
import { stateBox } from './en/state-box.js';
import { thread } from './en/thread.js';
import { visitorPanel } from './en/visitor-panel.js';

/**
 * Every visible string, by section. Each locale implements the same interface (the English
 * sections define it); plural and parameterised entries are functions.
 */
export interface Strings {
  common: typeof common;
  thread: typeof thread;
  composer: typeof composer;
  stateBox: typeof stateBox;
  visitorPanel: typeof visitorPanel;
  desk: typeof desk;
  alerts: typeof alerts;
  shift: typeof shift;
  history: typeof history;
  handover: typeof handover;
  a11y: typeof a11y;
}

/** English: always loaded, the fallback while another locale loads or when it cannot. */
export const en: Strings = {
  common,
  thread,
  composer,
  stateBox,
  visitorPanel,
  desk,
  alerts,
  shift,
  history,
  handover,
  a11y,
};

/** Imports one locale's strings: a module whose `strings` implements {@link Strings}. */
export type LocaleLoader = () => Promise<{ strings: Strings }>;

/** The other locales, each its own lazily loaded chunk: a new locale is one entry here. */
const LOADERS = {
  fr: () => import('./fr/index.js'),
  ar: () => import('./ar/index.js'),
} satisfies Record<string, LocaleLoader>;

export type Locale = 'en' | keyof typeof LOADERS;

/** Where a locale's strings are: English is always `loaded`; `failed` is retried only when asked. */
export type LocaleState = 'unloaded' | 'loading' | 'loaded' | 'failed';

/** The locales of one set of loaders: which are loaded, and loading them once each. */
export interface LocaleRegistry<L extends string> {
  /** The supported locale for a BCP 47 tag (`fr-CA` → `fr`), English by default. */
  resolve(lang: string | null | undefined): L | 'en';
  /** The locale's strings once loaded (English always). */
  strings(locale: L | 'en'): Strings | undefined;
  state(locale: L | 'en'): LocaleState;
  /**
   * Loads a locale's strings, once: resolves when they are available, at once for English.
   * Never rejects: a failed load warns and leaves the elements in English; it is tried again only
   * with `retry` (an explicit request, never the elements' own loads, which would loop).
   */
  load(locale: L | 'en', options?: { retry?: boolean }): Promise<void>;
  /** Calls `listener` whenever a locale's strings arrive; returns the unsubscribe function. */
  listen(listener: () => void): () => void;
}

const baseLanguage = (lang: string | null | undefined): string => (lang ?? '').toLowerCase().split('-')[0];

/** A registry over `loaders`; the elements use {@link locales}, built from the loaders above. */
export function createLocaleRegistry<L extends string>(loaders: Readonly<Record<L, LocaleLoader>>): LocaleRegistry<L> {
  const isLocale = (base: string): base is L => Object.hasOwn(loaders, base);
  const loaded = new Map<L | 'en', Strings>([['en', en]]);
  const loading = new Map<L, Promise<void>>();
  const failed = new Set<L | 'en'>();
  const listeners = new Set<() => void>();
  return {
    resolve: (lang) => {
      const base = baseLanguage(lang);
      return isLocale(base) ? base : 'en';
    },
    strings: (locale) => loaded.get(locale),
    state: (locale) => {
      if (loaded.has(locale)) return 'loaded';
      if (failed.has(locale)) return 'failed';
      return locale !== 'en' && loading.has(locale) ? 'loading' : 'unloaded';
    },
    load: (locale, options) => {
      if (locale !== 'en' && options?.retry && failed.delete(locale)) loading.delete(locale);
      if (locale === 'en' || loaded.has(locale) || failed.has(locale)) return Promise.resolve();
      let pending = loading.get(locale);
      if (!pending) {
        pending = loaders[locale]().then(
          (module) => {
            loaded.set(locale, module.strings);
            for (const listener of [...listeners]) listener();
          },
          (error: unknown) => {
            failed.add(locale);
            console.warn(`agent-desk: the "${locale}" strings could not be loaded; showing English instead.`, error);
          },
        );
        loading.set(locale, pending);
      }
      return pending;
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The locales every element uses. */
export const locales: LocaleRegistry<Exclude<Locale, 'en'>> = createLocaleRegistry(LOADERS);

/** The supported locale for a BCP 47 tag (`fr-CA` → `fr`), English by default. */
export function resolveLocale(lang: string | null | undefined): Locale {
  return locales.resolve(lang);
}

/**
 * Loads the strings for `lang` (`fr`, `fr-CA`…) before they are needed: elements already in that
 * language switch to them as soon as they arrive, and elements created afterwards render in it at
 * once. Resolves immediately for English and languages without a translation (they use English).
 * Never rejects: if the strings cannot be loaded, a warning is logged and the elements stay in English;
 * calling it again tries again (the elements themselves don't retry a failed locale).
 */
export function loadLocale(lang: string): Promise<void> {
  return locales.load(resolveLocale(lang), { retry: true });
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

export function directionOf(lang: string | null | undefined): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(baseLanguage(lang)) ? 'rtl' : 'ltr';
}
