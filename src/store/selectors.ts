import {
  byArrival,
  byNewest,
  hasFailedSend,
  lastAgentMessageAt,
  lastPreviewable,
  waitingSince,
  wasTransferred,
} from '../model/thread.js';
import type { Conversation, Message, Visitor } from '../model/types.js';
import type { DeskState, TypingState } from './state.js';

/** One row of the state box. */
export interface ConversationSummary {
  readonly conversation: Conversation;
  readonly visitor: Visitor | undefined;
  readonly lastMessage: Message | undefined;
  /** Time of the FIRST visitor message still waiting for a reply. */
  readonly waitingSince: string | undefined;
  /** Time of the agent's last message that went out. */
  readonly agentRepliedAt: string | undefined;
  /** One of the agent's messages failed to send. */
  readonly failed: boolean;
  /** The conversation came to the agent by a transfer. */
  readonly transferred: boolean;
  readonly unread: number;
  readonly typing: TypingState | undefined;
}

export interface VisitorHistory {
  /** Closed conversations, newest first. */
  readonly conversations: readonly Conversation[];
  readonly hasMore: boolean;
  readonly loading: boolean;
}

/**
 * Builds state-box rows, reusing the previous row object when none of its inputs changed,
 * so that downstream `distinctUntilChanged` and Lit's `repeat` see stable identities.
 */
export function createSummariesSelector(): (state: DeskState) => readonly ConversationSummary[] {
  const cache = new Map<string, { inputs: unknown[]; summary: ConversationSummary }>();
  let previous: readonly ConversationSummary[] = [];
  return (state) => {
    const ongoing = [...state.conversations.values()]
      // A conversation the agent just ended is off the list at once (it comes back on undo).
      .filter((c) => c.status === 'ongoing' && !state.closing.has(c.id))
      .sort(byArrival);
    const next = ongoing.map((conversation) => {
      const visitor = state.visitors.get(conversation.visitorId);
      const thread = state.threads.get(conversation.id);
      const typing = state.typing.get(conversation.id);
      const inputs = [conversation, visitor, thread, typing];
      const cached = cache.get(conversation.id);
      if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.summary;
      const messages = thread?.messages ?? [];
      const summary: ConversationSummary = {
        conversation,
        visitor,
        lastMessage: lastPreviewable(messages),
        waitingSince: waitingSince(messages),
        agentRepliedAt: lastAgentMessageAt(messages),
        failed: hasFailedSend(messages),
        transferred: wasTransferred(messages),
        unread: conversation.unread ?? 0,
        typing,
      };
      cache.set(conversation.id, { inputs, summary });
      return summary;
    });
    if (cache.size > next.length * 2 + 16) {
      const live = new Set(next.map((summary) => summary.conversation.id));
      for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    }
    if (next.length === previous.length && next.every((summary, i) => summary === previous[i])) return previous;
    previous = next;
    return next;
  };
}

export function selectHistory(state: DeskState, visitorId: string): VisitorHistory {
  const conversations = [...state.conversations.values()]
    .filter((c) => c.visitorId === visitorId && (c.status === 'closed' || state.closing.has(c.id)))
    .sort(byNewest);
  const known = state.history.get(visitorId);
  // Until the server answered, a returning visitor may have more on the server.
  const hasMore = known?.hasMore ?? (state.visitors.get(visitorId)?.visitCount ?? 0) > conversations.length + 1;
  return { conversations, hasMore, loading: known?.loading ?? false };
}

export function shallowEqualHistory(a: VisitorHistory, b: VisitorHistory): boolean {
  return (
    a.hasMore === b.hasMore &&
    a.loading === b.loading &&
    a.conversations.length === b.conversations.length &&
    a.conversations.every((conversation, i) => conversation === b.conversations[i])
  );
}
