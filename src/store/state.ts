import type { MessageFilter } from '../model/filter.js';
import { DEFAULT_SORT, type ConversationSort } from './order.js';
import type { Agent, ConnectionState, Conversation, Layout, Message, Visitor } from '../model/types.js';

export interface Thread {
  /** Ordered by time, ties by arrival. */
  readonly messages: readonly Message[];
  /** Ids and client ids present, for idempotent adds. */
  readonly ids: ReadonlySet<string>;
  /** The server has older messages (thread scroll-back); undefined until the server said. */
  readonly hasOlder: boolean | undefined;
  readonly loadingOlder: boolean;
}

export interface TypingState {
  readonly typing: boolean;
  readonly preview?: string;
}

export interface HistoryState {
  readonly hasMore: boolean;
  readonly loading: boolean;
}

export interface DeskState {
  readonly agent: Agent;
  readonly visitors: ReadonlyMap<string, Visitor>;
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly threads: ReadonlyMap<string, Thread>;
  readonly typing: ReadonlyMap<string, TypingState>;
  readonly history: ReadonlyMap<string, HistoryState>;
  readonly drafts: ReadonlyMap<string, string>;
  readonly filters: ReadonlyMap<string, MessageFilter>;
  readonly layout: Layout;
  /** The order of the state box and of Alt+Arrow switching. */
  readonly sort: ConversationSort;
  /** Conversation shown in each pane (length = layout); null for an empty pane. */
  readonly panes: readonly (string | null)[];
  readonly focusedPane: number;
  readonly connection: ConnectionState;
  /** True once the first snapshot arrived. */
  readonly loaded: boolean;
}

export const EMPTY_THREAD: Thread = { messages: [], ids: new Set(), hasOlder: undefined, loadingOlder: false };

export function initialState(agent: Agent, layout: Layout = 1): DeskState {
  return {
    agent,
    visitors: new Map(),
    conversations: new Map(),
    threads: new Map(),
    typing: new Map(),
    history: new Map(),
    drafts: new Map(),
    filters: new Map(),
    layout,
    sort: DEFAULT_SORT,
    panes: Array.from({ length: layout }, () => null),
    focusedPane: 0,
    connection: 'connecting',
    loaded: false,
  };
}
