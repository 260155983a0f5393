/**
 * Pure pieces of <compose-area>: the types a host hands it (canned answers, offers, uploader),
 * channel limits, the "/" command. No DOM here (the canned-answer search and variables are in
 * canned-answers.ts, the file checks in attachments.ts, the address completion in link-panel.ts).
 */

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
