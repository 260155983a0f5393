/**
 * Real headings at the level the host page needs: an element never assumes where it sits in the
 * page's outline, it takes a `heading-level` (1–6, default 2) and nests its own headings below it.
 */
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

export { html as staticHtml } from 'lit/static-html.js';

/** The default level of an element's top heading. */
export const DEFAULT_HEADING_LEVEL = 2;

// The six tag names, fixed here: nothing from outside ever becomes markup.
const TAGS: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((level) => unsafeStatic(`h${level}`));

/** A `heading-level` attribute value as a level from 1 to 6 (anything else: the default). */
export function toHeadingLevel(value: unknown): number {
  const level = Math.trunc(Number(value));
  return level >= 1 && level <= 6 ? level : DEFAULT_HEADING_LEVEL;
}

/** The heading tag `offset` levels below `level` (capped at h6), for `staticHtml`. */
export function headingTag(level: number, offset = 0): StaticValue {
  return TAGS[Math.min(6, toHeadingLevel(level) + offset) - 1];
}
