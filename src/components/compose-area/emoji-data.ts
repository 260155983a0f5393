/**
 * Where the emoji picker loads its data by default: the emojibase JSON of `emoji-picker-element-data`
 * (a dependency of agent-desk), English or French, served from the same origin as this code: never
 * a CDN. Each path is a literal relative to this module, the pattern bundlers understand: the
 * library build copies the file beside its chunks as an asset (scripts/rollup-import-meta-assets.mjs),
 * and so do Vite, webpack 5 and Parcel in an app; a dev server serves it from node_modules. The
 * file is fetched only when the agent first opens the emoji panel (then kept in IndexedDB by the
 * picker). `<compose-area emoji-data-source="…">` overrides it.
 */
export type EmojiDataLocale = 'en' | 'fr';

export function emojiDataUrl(locale: EmojiDataLocale): string {
  return locale === 'fr'
    ? new URL('../../../node_modules/emoji-picker-element-data/fr/emojibase/data.json', import.meta.url).href
    : new URL('../../../node_modules/emoji-picker-element-data/en/emojibase/data.json', import.meta.url).href;
}
