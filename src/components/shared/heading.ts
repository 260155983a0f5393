/**
 * Real headings at the level the host page needs: an element never assumes where it sits in the
 * page's outline, it takes a `heading-level` (1–6, default 2) and nests its own headings below it.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** The default level of an element's top heading. */
export const DEFAULT_HEADING_LEVEL = 2;

/** A `heading-level` attribute value as a level from 1 to 6 (anything else: the default). */
export function toHeadingLevel(value: unknown): number {
  const level = Math.trunc(Number(value));
  return level >= 1 && level <= 6 ? level : DEFAULT_HEADING_LEVEL;
}

export interface HeadingOptions {
  /** Levels below `level` (a section under the element's title: 1). */
  offset?: number;
  className?: string;
  id?: string;
  dir?: 'auto';
}

/**
 * An `<h1>`–`<h6>` for `level` (plus `offset`, capped at 6). One plain template per level rather
 * than `lit/static-html.js`: the same markup, without that module in every page's bundle.
 */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const { className, id, dir } = options;
  const c = ifDefined(className);
  const i = ifDefined(id);
  const d = ifDefined(dir);
  switch (Math.min(6, toHeadingLevel(level) + (options.offset ?? 0))) {
    case 1:
      return html`<h1 class=${c} id=${i} dir=${d}>${content}</h1>`;
    case 2:
      return html`<h2 class=${c} id=${i} dir=${d}>${content}</h2>`;
    case 3:
      return html`<h3 class=${c} id=${i} dir=${d}>${content}</h3>`;
    case 4:
      return html`<h4 class=${c} id=${i} dir=${d}>${content}</h4>`;
    case 5:
      return html`<h5 class=${c} id=${i} dir=${d}>${content}</h5>`;
    default:
      return html`<h6 class=${c} id=${i} dir=${d}>${content}</h6>`;
  }
}
