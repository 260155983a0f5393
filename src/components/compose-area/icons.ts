import { svg } from 'lit';

/** Small stroke icons for the composer toolbar (decorative: the buttons carry the names). */
export const icon = (body: ReturnType<typeof svg>) => svg`<svg viewBox="0 0 24 24" width="18" height="18" fill="none"
  stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
  focusable="false">${body}</svg>`;

export const sendIcon = icon(svg`<path d="M4 12 20 4l-6 16-3-7z"/><path d="m11 13 9-9"/>`);
export const linkIcon = icon(
  svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`,
);
export const offerIcon = icon(svg`<path d="M20 12 12 20l-8-8V4h8z"/><circle cx="8.5" cy="8.5" r="1.5"/>`);
export const attachIcon = icon(
  svg`<path d="m20 11-8 8a5 5 0 0 1-7-7l8-8a3.5 3.5 0 0 1 5 5l-8 8a1.8 1.8 0 0 1-2.5-2.5l7-7"/>`,
);
export const emojiIcon = icon(
  svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 14.5a4.5 4.5 0 0 0 7 0"/><path d="M9 9.5h.01M15 9.5h.01"/>`,
);
