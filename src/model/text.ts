/**
 * Text helpers for untrusted strings. Pure, no DOM.
 */

/**
 * Bidirectional formatting controls that can reorder what follows them: the embeddings and
 * overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and the isolates U+2066–U+2069 (LRI, RLI,
 * FSI, PDI). A visitor can use them to make "gnp.exe" look like "exe.png".
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes bidirectional embedding, override and isolate controls from untrusted short text
 * (file names, titles, names, URLs) so that what is shown is the characters in their real
 * order. Arabic, Hebrew and other right-to-left letters are kept as they are, and so are the
 * implicit marks (LRM U+200E, RLM U+200F, ALM U+061C), which cannot reorder text on their own.
 * Render the result inside `dir="auto"` or `<bdi>` so that it cannot reorder its surroundings.
 */
export function neutralizeBidi(text: string): string;
export function neutralizeBidi(text: string | undefined): string | undefined;
export function neutralizeBidi(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.replace(BIDI_CONTROLS, '');
}

const FIRST_STRONG = /\p{L}/u;
// Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam: the right-to-left scripts of living languages.
const RIGHT_TO_LEFT = /[\p{sc=Arab}\p{sc=Hebr}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Adlm}]/u;

/**
 * The direction of a text by its first letter, as `dir="auto"` decides it; `auto` when it has no
 * letter. For a text shown inside a localized phrase ("You: …") whose own words must not decide it.
 */
export function textDirection(text: string): 'ltr' | 'rtl' | 'auto' {
  const first = FIRST_STRONG.exec(text)?.[0];
  if (!first) return 'auto';
  return RIGHT_TO_LEFT.test(first) ? 'rtl' : 'ltr';
}

/** A stable 32-bit hash of a string (Java's `hashCode`, unsigned): short, repeatable ids and numbers. */
export function stringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash;
}
