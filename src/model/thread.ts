import { stringHash } from './text.js';
import { parseTime } from './time.js';
import type { Conversation, Message, Visitor } from './types.js';

/** Milliseconds since the epoch of an ISO time; unparsable times sort first. */
export function timeOf(iso: string | undefined): number {
  if (!iso) return 0;
  const ms = parseTime(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Index at which a message at `at` goes so that the thread stays ordered by time,
 * ties by arrival (after every message with the same time).
 */
export function insertionIndex(messages: readonly Message[], at: string): number {
  const time = timeOf(at);
  let low = 0;
  let high = messages.length;
  // Fast path: most messages arrive newest-last.
  if (high === 0 || timeOf(messages[high - 1].at) <= time) return high;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (timeOf(messages[mid].at) <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sorts messages by time, ties keep their given (arrival) order. */
export function sortMessages(messages: readonly Message[]): Message[] {
  return messages
    .map((message, index) => ({ message, index, time: timeOf(message.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.message);
}

/** Authors whose message answers the visitor. */
const REPLY_AUTHORS = new Set(['agent', 'bot']);

/**
 * When the visitor is waiting for a reply (they wrote after the last agent or bot reply): the time
 * of the FIRST visitor message since that reply, so a follow-up never hides how long they have been
 * waiting; else `undefined`. Navigation and system lines do not count.
 */
export function waitingSince(messages: readonly Message[]): string | undefined {
  let first: string | undefined;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message.kind === 'navigation' || message.author === 'system') continue;
    if (REPLY_AUTHORS.has(message.author)) break;
    if (message.author === 'visitor') first = message.at;
  }
  return first;
}

/** The time of the agent's last message that went out (not one that failed), if any. */
export function lastAgentMessageAt(messages: readonly Message[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message.author === 'agent' && message.status !== 'failed') return message.at;
  }
  return undefined;
}

/** Whether one of the agent's messages failed to send. */
export function hasFailedSend(messages: readonly Message[]): boolean {
  return messages.some((message) => message.author === 'agent' && message.status === 'failed');
}

/** Whether the conversation came to the agent by a transfer (it holds a transfer line). */
export function wasTransferred(messages: readonly Message[]): boolean {
  return messages.some((message) => message.kind === 'transfer');
}

/** The last message worth previewing in a list (skips navigation). */
export function lastPreviewable(messages: readonly Message[]): Message | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].kind !== 'navigation') return messages[i];
  }
  return undefined;
}

/** Plain-text summary of a message for previews and announcements (never markup). */
export function messageText(message: Message): string {
  switch (message.kind) {
    case 'text':
    case 'system':
    case 'translation':
      return message.text;
    case 'link':
      return message.title ?? message.url;
    case 'offer':
      return message.title;
    case 'navigation':
      return message.title ?? message.url;
    case 'cobrowsing':
      return message.state;
    case 'transfer':
      return message.to.name;
    case 'file':
      return message.name;
    case 'image':
      return message.alt ?? '';
    case 'unsupported':
      return message.text ?? message.originalType;
    case 'choice':
      return message.question;
  }
}

/** Counts visitor messages after the last agent/bot reply (used when the server gives no count). */
export function countUnanswered(messages: readonly Message[]): number {
  let count = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (REPLY_AUTHORS.has(message.author)) break;
    if (message.author === 'visitor' && message.kind !== 'navigation') count += 1;
  }
  return count;
}

/** Ongoing conversations in arrival order (oldest first, ties by id): the state box's default order. */
export function byArrival(a: Conversation, b: Conversation): number {
  return timeOf(a.startedAt) - timeOf(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Newest first, for visitor history. */
export function byNewest(a: Conversation, b: Conversation): number {
  return timeOf(b.startedAt) - timeOf(a.startedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A stable short number for a visitor without a name ("Visitor #4821"),
 * derived from the id so it is the same everywhere and across reloads.
 */
export function visitorNumber(visitorId: string): number {
  return 1000 + (stringHash(visitorId) % 9000);
}

export function hasName(visitor: Visitor | undefined): visitor is Visitor & { name: string } {
  return !!visitor?.name && visitor.name.trim().length > 0;
}
