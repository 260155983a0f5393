import type { UploadResult } from '../model/composer.js';
import type { MessageFilter } from '../model/filter.js';
import { DEFAULT_SORT, type ConversationSort } from './order.js';
import type {
  Agent,
  AgentChannel,
  Availability,
  CobrowseOptions,
  CobrowsingState,
  ConnectionState,
  Conversation,
  Layout,
  Message,
  Visitor,
} from '../model/types.js';

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

/** The composer panel open in a conversation (at most one). */
export type ComposerTool = 'link' | 'offer' | 'emoji';

/** Why an upload did not give a file to send. */
export type UploadError =
  /** The uploader rejected (`reason`: its error's message). */
  | { readonly code: 'upload-failed'; readonly reason: string }
  /** The uploader resolved with an address the thread cannot show (not http(s), `javascript:`…). */
  | { readonly code: 'bad-url' };

/**
 * An attachment of a conversation's composer, from the file picked to the file ready to send.
 * Plain data: the file itself and the upload's AbortController stay in the store's upload runner.
 */
export type Upload = {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly mimeType: string;
  /** An image the thread shows inline, else a file. */
  readonly kind: 'image' | 'file';
  /** `blob:` URL of an image's preview, revoked when the upload goes (sent, removed, failed). */
  readonly previewUrl?: string;
} & (
  | { readonly status: 'uploading'; readonly progress: number }
  | { readonly status: 'ready'; readonly result: UploadResult }
  | { readonly status: 'failed'; readonly error: UploadError }
);

/** A conversation's latest co-browsing line (what the co-browsing tools show follows from it). */
export interface CobrowseLine {
  readonly state: CobrowsingState;
  readonly at: string;
  /** The line's client id when it has one (the agent's own), else its id. */
  readonly lineId: string;
}

export interface DeskState {
  readonly agent: Agent;
  readonly visitors: ReadonlyMap<string, Visitor>;
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly threads: ReadonlyMap<string, Thread>;
  readonly typing: ReadonlyMap<string, TypingState>;
  readonly history: ReadonlyMap<string, HistoryState>;
  readonly drafts: ReadonlyMap<string, string>;
  /** The composer panel open, per conversation. */
  readonly tools: ReadonlyMap<string, ComposerTool>;
  /** The composer's attachments, per conversation, in the order attached (uploading, ready to send, or failed). */
  readonly uploads: ReadonlyMap<string, readonly Upload[]>;
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
  // ---- the agent's shift: availability per channel, co-browsing (issue 16) ----
  /** The channels the agent serves, as the server has them. */
  readonly channels: readonly AgentChannel[];
  /** Availability the agent chose and the server has not confirmed yet, per channel. */
  readonly availabilityPending: ReadonlyMap<string, Availability>;
  /** Each conversation's latest co-browsing line. */
  readonly cobrowse: ReadonlyMap<string, CobrowseLine>;
  /** What the agent chose to see while in control, per conversation (defaults until changed). */
  readonly cobrowseOptions: ReadonlyMap<string, CobrowseOptions>;
}

export const EMPTY_THREAD: Thread = { messages: [], ids: new Set(), hasOlder: undefined, loadingOlder: false };

export function initialState(
  agent: Agent,
  layout: Layout = 1,
  drafts: ReadonlyMap<string, string> = new Map(),
): DeskState {
  return {
    agent,
    visitors: new Map(),
    conversations: new Map(),
    threads: new Map(),
    typing: new Map(),
    history: new Map(),
    drafts,
    tools: new Map(),
    uploads: new Map(),
    filters: new Map(),
    layout,
    sort: DEFAULT_SORT,
    panes: Array.from({ length: layout }, () => null),
    focusedPane: 0,
    connection: 'connecting',
    loaded: false,
    channels: [],
    availabilityPending: new Map(),
    cobrowse: new Map(),
    cobrowseOptions: new Map(),
  };
}
