/**
 * Shared display helpers: how a visitor, a channel and a message are named in the UI. Pure
 * functions of the locale's strings (`this.i18n.t`), so every element shows the same words.
 * They return plain text; render it as text (never as markup).
 */
import { neutralizeBidi } from '../model/text.js';
import { hasName, visitorNumber } from '../model/thread.js';
import { displayUrl } from '../model/url.js';
import type { Message, Visitor } from '../model/types.js';
import type { Strings } from './strings.js';

/** Longest preview kept by default (a list row shows one line; a 4,000-character message stays cheap). */
export const PREVIEW_MAX = 160;

/**
 * The visitor's name, else a stable generated one ("Visitor #4821") derived from the visitor id
 * (`visitor.id`, else `visitorId`).
 */
export function visitorDisplayName(t: Strings, visitor: Visitor | undefined, visitorId?: string): string {
  if (hasName(visitor)) return visitor.name;
  const id = visitor?.id ?? visitorId;
  return t.common.visitorFallbackName(id ? visitorNumber(id) : 0);
}

/** The channel's name ("Live chat", "WhatsApp"…); an unknown channel is shown as given. */
export function channelLabel(t: Strings, channel: string): string {
  return Object.hasOwn(t.common.channel, channel) ? t.common.channel[channel] : channel;
}

/** Collapses white space (new lines included) and clips to `max` characters with an ellipsis. */
function oneLine(text: string, max: number): string {
  const flat = neutralizeBidi(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max).trimEnd()}…` : flat;
}

/**
 * A one-line, localized, plain-text preview of a message for lists and notifications:
 * "Co-browsing requested", "Transferred to Maria", "File: invoice.pdf", "Image", a link's title or
 * address, "Offer: 15% off", a bot's question, the translated text, "Unsupported content (sticker)",
 * the text of a message or a system line. Never empty for a message with content; clipped to `max`.
 */
export function messagePreview(t: Strings, message: Message, max: number = PREVIEW_MAX): string {
  const p = t.common.preview;
  const clip = (text: string) => oneLine(text, max);
  switch (message.kind) {
    case 'text':
    case 'system':
    case 'translation':
      return clip(message.text);
    case 'link':
      return clip(message.title?.trim() || displayUrl(message.url));
    case 'navigation':
      return clip(p.visited(message.title?.trim() || displayUrl(message.url)));
    case 'offer':
      return clip(p.offer(message.title));
    case 'choice':
      return clip(message.question);
    case 'cobrowsing':
      return message.state === 'cancelled' || message.state === 'expired'
        ? t.shift.preview[message.state]
        : (p.cobrowsing[message.state] ?? clip(message.state));
    case 'transfer':
      return clip(message.to.type === 'skill' ? p.transferTeam(message.to.name) : p.transfer(message.to.name));
    case 'file':
      return clip(p.file(message.name));
    case 'image':
      return message.alt?.trim() ? clip(p.imageNamed(message.alt)) : p.image;
    case 'unsupported':
      return clip(p.unsupported(message.originalType));
  }
}
