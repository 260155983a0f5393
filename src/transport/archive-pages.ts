import { byNewest, timeOf } from '../model/thread.js';
import type { Conversation, Message, ServerEvent } from '../model/types.js';

/** What an in-memory server keeps of the past: closed conversations and older messages. */
export interface Archive {
  conversations: readonly Conversation[];
  messages: readonly Message[];
}

/**
 * The next page of a visitor's past conversations, newest first, older than `before` (the
 * oldest one the desk already has). Shared by MemoryTransport and the reference server.
 */
export function historyPage(
  archive: Archive,
  visitorId: string,
  before: string | undefined,
  size: number,
): ServerEvent {
  const limit = before ? timeOf(before) : Number.POSITIVE_INFINITY;
  const older = archive.conversations
    .filter((c) => c.visitorId === visitorId && timeOf(c.startedAt) < limit)
    .sort(byNewest);
  const page = older.slice(0, size);
  const ids = new Set(page.map((c) => c.id));
  return {
    type: 'history.page',
    visitorId,
    conversations: page,
    messages: archive.messages.filter((m) => ids.has(m.conversationId)),
    hasMore: older.length > page.length,
  };
}

/** The next page of a thread's older messages (the newest `size` before `before`). */
export function olderMessagesPage(
  archive: Archive,
  conversationId: string,
  visitorId: string,
  before: string | undefined,
  size: number,
): ServerEvent {
  const limit = before ? timeOf(before) : Number.POSITIVE_INFINITY;
  const older = archive.messages.filter((m) => m.conversationId === conversationId && timeOf(m.at) < limit);
  const page = older.slice(-size);
  return {
    type: 'history.page',
    visitorId,
    conversationId,
    conversations: [],
    messages: page,
    hasMore: older.length > page.length,
  };
}
