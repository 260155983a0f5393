/**
 * Pure pieces of <compose-area>: the types a host hands it (canned answers, offers, uploader),
 * channel limits, canned-answer search and variables. No DOM rendering here (the file and
 * address checks of the on-demand tools are in compose-tools.ts).
 */
import type { CannedAnswer } from '../../model/composer.js';

export type { CannedAnswer, ComposerOffer, UploadResult, Uploader } from '../../model/composer.js';

/**
 * Text length limits by channel, in characters (UTF-16 code units, as `maxlength` counts).
 * SMS 1,600: the usual gateway limit for a concatenated SMS (about 10 segments); Facebook
 * Messenger 2,000, Instagram 1,000, WhatsApp 4,096 (their platform limits). Channels not listed
 * (chat, email, …) have no limit; the `max-length` attribute overrides this table.
 */
export const CHANNEL_LIMITS: Readonly<Record<string, number>> = {
  sms: 1600,
  facebook: 2000,
  instagram: 1000,
  whatsapp: 4096,
};

/** The counter shows once the text reaches this share of the limit. */
export const COUNTER_THRESHOLD = 0.8;

export function channelLimit(channel: string | undefined, override: number | undefined): number | undefined {
  if (override !== undefined && Number.isFinite(override) && override > 0) return Math.floor(override);
  return channel ? CHANNEL_LIMITS[channel] : undefined;
}

/** The canned-answer query when the text is a "/" command (a slash at the start, on one line). */
export function cannedQuery(text: string): string | undefined {
  const match = /^\/([^\n]*)$/.exec(text);
  return match ? match[1] : undefined;
}

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Canned answers matching a query (every word must appear in the title, text or category, accents
 * and case ignored), titles that start with the query first, then by category and title.
 */
export function searchCanned(answers: readonly CannedAnswer[], query: string, lang = 'en'): CannedAnswer[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = answers.filter((answer) => {
    const haystack = fold(`${answer.title} ${answer.text} ${answer.category ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
  const first = words[0] ?? '';
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return matches.sort((a, b) => {
    const pa = first && fold(a.title).startsWith(first) ? 0 : 1;
    const pb = first && fold(b.title).startsWith(first) ? 0 : 1;
    return pa - pb || collator.compare(a.category ?? '', b.category ?? '') || collator.compare(a.title, b.title);
  });
}

/**
 * Fills `{name}` variables. Unknown variables and those without a value are left as written,
 * so the agent sees what is missing before sending.
 */
export function fillVariables(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\{\s*([\w.]+)\s*\}/g, (whole, name: string) => {
    const value = values[name];
    return value ? value : whole;
  });
}
