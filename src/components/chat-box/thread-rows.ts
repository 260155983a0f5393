/**
 * Turns a conversation's messages into the rows the thread virtualizes: day separators and
 * messages with their side (visitor left, agent/bot right, events centred) and grouping.
 * Pure and cheap: times are read by hand and the local day is worked out once per day (model/time),
 * so deriving the rows of a 10,000-message thread is one linear pass without allocating Dates — no
 * per-message cache either: filling a WeakMap cost more than it saved in a page that just loaded.
 */
import { localDay, parseTime } from '../../model/time.js';
import type { Conversation, Message, MessageKind } from '../../model/types.js';

export type Side = 'left' | 'right' | 'center';

export interface DayRow {
  readonly type: 'day';
  readonly key: string;
  readonly at: string;
}

export interface MessageRow {
  readonly type: 'message';
  /** Stable across the optimistic → confirmed swap (client id first). */
  readonly key: string;
  readonly message: Message;
  readonly side: Side;
  /** First message of a run by the same author: shows avatar and name. */
  readonly first: boolean;
  /** 1-based place among the loaded messages (`aria-posinset`: kept whatever rows are rendered). */
  readonly position: number;
}

/** The heading of one of the visitor's conversations, when the thread shows more than one. */
export interface ConversationRow {
  readonly type: 'conversation';
  readonly key: string;
  readonly conversation: Conversation;
  /** The agent who last wrote in it (who had it when it closed). */
  readonly closedBy: string | undefined;
}

export type ThreadRow = DayRow | MessageRow | ConversationRow;

/** One of the visitor's past conversations, with its messages (already filtered). */
export interface PastConversation {
  readonly conversation: Conversation;
  readonly messages: readonly Message[];
  /** See {@link closedBy}. */
  readonly closedBy: string | undefined;
}

/** Kinds shown as centred event lines rather than bubbles. */
const EVENT_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['system', 'cobrowsing', 'transfer']);
/** Two messages further apart than this start a new group. */
const GROUP_GAP_MS = 5 * 60 * 1000;

export function sideOf(message: Message): Side {
  if (EVENT_KINDS.has(message.kind) || message.author === 'system') return 'center';
  return message.author === 'visitor' ? 'left' : 'right';
}

/** The key a message keeps from its optimistic copy to the server's confirmation. */
export function messageKey(message: Message): string {
  return `m:${message.clientId ?? message.id}`;
}

/**
 * Day separators and grouped message rows, in thread order. With `past` conversations of the
 * visitor (oldest first), each comes first under its own heading, then the current one under its.
 */
export function buildRows(
  messages: readonly Message[],
  current?: Conversation,
  past: readonly PastConversation[] = [],
): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let position = 0;
  const segment = (list: readonly Message[], headed: boolean) => {
    let previous: Message | undefined;
    let previousTime = 0;
    let previousDay = 0;
    let previousSide: Side | undefined;
    for (const message of list) {
      // An unreadable time (never one that passed validation) counts as time 0 of day 0.
      const parsed = parseTime(message.at);
      const time = Number.isNaN(parsed) ? 0 : parsed;
      const day = Number.isNaN(parsed) ? 0 : localDay(parsed);
      const newDay = previous === undefined || previousDay !== day;
      // A conversation's heading gives its date: no day separator right under it.
      if (newDay && !(headed && previous === undefined))
        rows.push({ type: 'day', key: `d:${message.conversationId}:${day}`, at: message.at });
      const side = sideOf(message);
      const first =
        newDay ||
        side === 'center' ||
        message.kind === 'navigation' ||
        previous === undefined ||
        previousSide !== side ||
        previous.kind === 'navigation' ||
        previous.author !== message.author ||
        (previous.authorName ?? '') !== (message.authorName ?? '') ||
        time - previousTime > GROUP_GAP_MS;
      position += 1;
      rows.push({ type: 'message', key: messageKey(message), message, side, first, position });
      previous = message;
      previousTime = time;
      previousDay = day;
      previousSide = side;
    }
  };
  for (const { conversation, messages: list, closedBy } of past) {
    rows.push({ type: 'conversation', key: `c:${conversation.id}`, conversation, closedBy });
    segment(list, true);
  }
  const headed = past.length > 0 && current !== undefined;
  if (headed) rows.push({ type: 'conversation', key: `c:${current.id}`, conversation: current, closedBy: undefined });
  segment(messages, headed);
  return rows;
}

/** Who closed a conversation, as far as its messages tell: the agent who last wrote in it (who had it then). */
export function closedBy(messages: readonly Message[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].author === 'agent') return messages[i].authorName?.trim() || undefined;
  }
  return undefined;
}

/** Up to two initials from a name ("Emma Laurent" → "EL", "Visitor #4821" → "V4"). */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A short type label for a file ("PDF", "IMG"…), from its MIME type or extension. */
export function fileBadge(name: string, mimeType?: string): { type: string; label: string } {
  const mime = (mimeType ?? '').toLowerCase();
  const extension = (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? '').toLowerCase();
  if (mime === 'application/pdf' || extension === 'pdf') return { type: 'pdf', label: 'PDF' };
  if (mime.startsWith('image/') || ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'heic'].includes(extension)) {
    return { type: 'image', label: 'IMG' };
  }
  if (mime.startsWith('audio/') || ['mp3', 'wav', 'ogg', 'm4a'].includes(extension))
    return { type: 'audio', label: 'AUD' };
  if (mime.startsWith('video/') || ['mp4', 'mov', 'webm'].includes(extension)) return { type: 'video', label: 'VID' };
  if (/zip|compressed|tar|rar|7z/.test(mime) || ['zip', 'rar', '7z', 'gz', 'tar'].includes(extension)) {
    return { type: 'archive', label: 'ZIP' };
  }
  if (/sheet|excel|csv/.test(mime) || ['xls', 'xlsx', 'csv', 'ods'].includes(extension))
    return { type: 'sheet', label: 'XLS' };
  if (/word|document|text/.test(mime) || ['doc', 'docx', 'txt', 'odt', 'rtf'].includes(extension)) {
    return { type: 'doc', label: extension ? extension.slice(0, 4).toUpperCase() : 'DOC' };
  }
  return { type: 'other', label: extension ? extension.slice(0, 4).toUpperCase() : 'FILE' };
}

/** Messages longer than this are collapsed behind "Show more". */
export const COLLAPSE_AT = 4000;
/** At most this much of a message is shown, expanded (the rest is kept: the full text downloads as a file). */
export const SHOWN_AT_MOST = 200_000;
