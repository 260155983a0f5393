/**
 * The URL allow-list. Untrusted URLs become links only when absolute `http:`, `https:`,
 * `mailto:` or `tel:`; image sources only `http:`/`https:` (plus `blob:` previews the
 * composer made itself). Everything else is shown as plain text.
 */

export type UrlUse = 'link' | 'image';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Browsers drop ASCII tab/newline anywhere and C0 controls/space at the ends before parsing.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/;

/**
 * Returns the normalized URL when it may be used as a link or image source, else `null`.
 * Relative, protocol-relative and malformed URLs are refused: there is no trustworthy base.
 */
export function safeUrl(raw: unknown, use: UrlUse = 'link', options: { allowBlob?: boolean } = {}): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  // Any control, whitespace or invisible character is a sign of obfuscation: refuse rather than guess.
  if (CONTROL_OR_SPACE.test(raw)) return null;
  if (!HAS_SCHEME.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const allowed = use === 'link' ? LINK_PROTOCOLS : IMAGE_PROTOCOLS;
  if (allowed.has(url.protocol)) {
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
    return url.href;
  }
  if (use === 'image' && options.allowBlob && url.protocol === 'blob:') return url.href;
  return null;
}

/** A short form of a URL for display: host and path, without the scheme. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      const path = url.pathname === '/' ? '' : url.pathname;
      return `${url.host}${path}${url.search}`;
    }
    return raw;
  } catch {
    return raw;
  }
}
