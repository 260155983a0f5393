/**
 * Pure pieces of <compose-area>: the types a host hands it (canned answers, offers, uploader),
 * channel limits, the "/" command; and the notes of uploads dropped when the agent left a
 * conversation (needed before the tools are loaded). No DOM rendering here (the canned-answer search and variables,
 * the file and address checks of the on-demand tools are in compose-tools.ts).
 */
import type { DeskStore } from '../../store/desk-store.js';

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

/**
 * Attachments a composer had to drop because the agent left the conversation (pane switch,
 * another conversation), uploading or still waiting for the tools: per store, the file name by
 * conversation id. The next composer of that conversation says so, once.
 */
const interruptedUploads = new WeakMap<DeskStore, Map<string, string>>();

/** Notes that the attachment `name` of conversation `id` was dropped when the agent left it. */
export function noteInterrupted(store: DeskStore, id: string, name: string): void {
  let interrupted = interruptedUploads.get(store);
  if (!interrupted) interruptedUploads.set(store, (interrupted = new Map()));
  interrupted.set(id, name);
}

/** The file name of an attachment dropped when the agent left this conversation, once. */
export function takeInterrupted(store: DeskStore, id: string): string | undefined {
  const interrupted = interruptedUploads.get(store);
  const name = interrupted?.get(id);
  interrupted?.delete(id);
  return name;
}
