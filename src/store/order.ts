import { timeOf } from '../model/thread.js';
import type { ConversationSummary } from './selectors.js';

/**
 * How the state box orders conversations: `arrival` (default) keeps the store's order (oldest
 * conversation first); `waiting` puts the conversations waiting for a reply first, longest
 * wait first, then the others in arrival order.
 */
export type ConversationSort = 'arrival' | 'waiting';

/** Default seconds before a waiting visitor is flagged. */
export const DEFAULT_WARNING_THRESHOLD = 60;

/** `warning-threshold` attribute → seconds; missing or invalid restores the default. */
export function toThreshold(value: string | null | undefined): number {
  const seconds = value == null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_WARNING_THRESHOLD;
}

export function toSort(value: string | null | undefined): ConversationSort {
  return value === 'waiting' ? 'waiting' : 'arrival';
}

export function orderConversations(
  summaries: readonly ConversationSummary[],
  sort: ConversationSort,
): readonly ConversationSummary[] {
  if (sort === 'arrival') return summaries;
  return summaries
    .map((summary, index) => ({ summary, index }))
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
