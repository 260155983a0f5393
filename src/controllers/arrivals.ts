import type { ConversationSummary } from '../store/selectors.js';

/**
 * Tells which conversations are new since the last list, for polite announcements. The first list
 * of a loaded store is the snapshot: nothing in it "arrived".
 */
export class ArrivalTracker {
  private known = new Set<string>();
  private primed = false;

  /** Forget everything (another store). */
  reset(): void {
    this.known = new Set();
    this.primed = false;
  }

  /** The conversations in `list` not seen before; none until the store has loaded once. */
  update(list: readonly ConversationSummary[], loaded: boolean): ConversationSummary[] {
    const fresh = list.filter((summary) => !this.known.has(summary.conversation.id));
    for (const summary of list) this.known.add(summary.conversation.id);
    if (!this.primed) {
      this.primed = loaded;
      return [];
    }
    return fresh;
  }
}
