import { html, svg, type SVGTemplateResult } from 'lit';

/** Small static channel glyphs (no data in them); the channel's name is given as text beside them. */
const ICONS: Record<string, SVGTemplateResult> = {
  chat: svg`<path d="M4 5h16v10H9l-5 4z"/>`,
  facebook: svg`<path d="M14 8h2V5h-2.5C11 5 10 6.6 10 9v2H8v3h2v6h3v-6h2.5l.5-3h-3V9.2c0-.8.3-1.2 1-1.2z" fill="currentColor" stroke="none"/>`,
  whatsapp: svg`<path d="M5 19l1.2-3.6A7.5 7.5 0 1 1 9 18.6z"/><path d="M9.5 9.5c.5 2 2 3.5 4 4" stroke-width="1.8" stroke-linecap="round"/>`,
  instagram: svg`<rect x="4.5" y="4.5" width="15" height="15" rx="4.5"/><circle cx="12" cy="12" r="3.4"/><circle cx="16.6" cy="7.4" r="1.1" fill="currentColor" stroke="none"/>`,
  sms: svg`<rect x="7" y="3" width="10" height="18" rx="2"/><path d="M10.5 17.5h3" stroke-linecap="round"/>`,
  email: svg`<rect x="3.5" y="6" width="17" height="12" rx="1.5"/><path d="M4 7l8 6 8-6"/>`,
  'apple-business-chat': svg`<path d="M12 4c4.7 0 8 2.9 8 6.5S16.7 17 12 17c-.9 0-1.8-.1-2.6-.3L5 19l1.2-3.4C4.8 14.4 4 12.6 4 10.5 4 6.9 7.3 4 12 4z"/>`,
};

const FALLBACK = svg`<circle cx="12" cy="12" r="7.5"/><path d="M4.5 12h15M12 4.5c2.2 2.4 2.2 12.6 0 15M12 4.5c-2.2 2.4-2.2 12.6 0 15" stroke-width="1.5"/>`;

/** The channel's glyph, decorative (`aria-hidden`): pair it with the channel's name as text. Line
 * defaults (no fill, a 2 px round-joined stroke) come from the `.channel-icon` rule of the styles. */
export function channelIcon(channel: string) {
  return html`<svg class="channel-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
    ${ICONS[channel] ?? FALLBACK}
  </svg>`;
}
