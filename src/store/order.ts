import { timeOf } from '../model/thread.js';
import type { ConversationSummary } from './selectors.js';

/**
 * How the state box orders conversations (and Alt+Arrow moves through them):
 * - `waiting` (default): the conversations waiting for a reply first, longest wait first, then the
 *   others oldest first;
 * - `activity`: the newest message first;
 * - `oldest`: the oldest conversation first (the order they arrived in; `arrival` is the same).
 */
export type ConversationSort = 'waiting' | 'activity' | 'oldest';
export const CONVERSATION_SORTS: readonly ConversationSort[] = ['waiting', 'activity', 'oldest'];
export const DEFAULT_SORT: ConversationSort = 'waiting';

/** Default seconds before a waiting visitor is flagged. */
export const DEFAULT_WARNING_THRESHOLD = 60;

/** `warning-threshold` attribute → seconds; missing or invalid restores the default. */
export function toThreshold(value: string | null | undefined): number {
  const seconds = value == null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_WARNING_THRESHOLD;
}

/** `sort` attribute → order; `arrival` (its former name) means `oldest`; anything else the default. */
export function toSort(value: string | null | undefined): ConversationSort {
  if (value === 'arrival') return 'oldest';
  return CONVERSATION_SORTS.includes(value as ConversationSort) ? (value as ConversationSort) : DEFAULT_SORT;
}

/** The time of a conversation's latest message (else its start), for the `activity` order. */
function activityOf(summary: ConversationSummary): number {
  return timeOf(summary.lastMessage?.at ?? summary.conversation.startedAt);
}

export function orderConversations(
  summaries: readonly ConversationSummary[],
  sort: ConversationSort,
): readonly ConversationSummary[] {
  if (sort === 'oldest') return summaries;
  const ranked = summaries.map((summary, index) => ({ summary, index }));
  if (sort === 'activity') {
    return ranked
      .sort((a, b) => activityOf(b.summary) - activityOf(a.summary) || a.index - b.index)
      .map((entry) => entry.summary);
  }
  return ranked
    .sort((a, b) => {
      const wa = a.summary.waitingSince;
      const wb = b.summary.waitingSince;
      if (wa && wb) return timeOf(wa) - timeOf(wb) || a.index - b.index;
      if (wa) return -1;
      if (wb) return 1;
      return a.index - b.index;
    })
    .map((entry) => entry.summary);
}

/**
 * The conversation `delta` steps from `current` in `ids`, wrapping around. When `current` is not
 * in the list, the first (forward) or last (backward) one.
 */
export function adjacentId(
  ids: readonly string[],
  current: string | null | undefined,
  delta: 1 | -1,
): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current ? ids.indexOf(current) : -1;
  if (index < 0) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[(index + delta + ids.length) % ids.length];
}
