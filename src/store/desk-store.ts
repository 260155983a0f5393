import { BehaviorSubject, combineLatest, of, Subject, type Observable } from 'rxjs';
import { distinctUntilChanged, finalize, map, shareReplay, switchMap } from 'rxjs/operators';
import type { Uploader } from '../model/composer.js';
import { filterMessages, isMessageFilter, type MessageFilter } from '../model/filter.js';
import { channelStatuses, sameStatuses, type ChannelStatus } from '../model/channels.js';
import { parseMessage, parseServerEvent, rawType } from '../model/schema.js';
import type {
  Agent,
  Availability,
  ClientCommand,
  CobrowseOption,
  CobrowseOptions,
  CobrowsingState,
  ConnectionState,
  Conversation,
  DeskErrorCode,
  DeskErrorInfo,
  Draft,
  Layout,
  Message,
  Visitor,
} from '../model/types.js';
import { safeUrl } from '../model/url.js';
import { describeError, TransportError, type Transport } from '../transport/transport.js';
import type { LocalAction, StoreAction } from './actions.js';
import { defaultDraftStorage, loadDrafts, saveDraft, type DraftStorage } from './drafts.js';
import { MemoryOutbox, type Outbox } from './outbox.js';
import { CONVERSATION_SORTS, type ConversationSort } from './order.js';
import { reduce } from './reducer.js';
import {
  createSummariesSelector,
  selectHistory,
  shallowEqualHistory,
  type ConversationSummary,
  type VisitorHistory,
} from './selectors.js';
import {
  initialState,
  type ComposerTool,
  type DeskState,
  type Thread,
  type TypingState,
  type Upload,
} from './state.js';
import { UploadRunner } from './uploads.js';

export interface DeskStoreOptions {
  transport: Transport;
  /**
   * The signed-in agent. What is given here wins: a snapshot carrying an agent (the demo data's,
   * a server's) only fills in the fields left out (e.g. `role`). Without it, the snapshot's agent is used.
   */
  agent?: Agent;
  /** Where unconfirmed agent messages are kept (default: in memory). */
  outbox?: Outbox;
  layout?: Layout;
  /**
   * `frame` (default): server events are applied once per animation frame, so a burst costs
   * one render. `sync`: each event is applied at once (scripts and tests that need it).
   */
  batching?: 'frame' | 'sync';
  /** Clock, for tests. */
  now?: () => Date;
  /** Client message ids (default: crypto.randomUUID). */
  createClientId?: () => string;
  /**
   * Which reported errors are also written to the console with `console.warn` (every one goes to
   * `errors$` and the `desk-error` event). `default`: what went wrong outside the caller's hands or
   * is a programming error — dropped server input (`invalid-event`, `invalid-frame`, `events-lost`),
   * the connection (`server`, `protocol`, `unauthorized`, `transport`), `outbox`, `internal`,
   * `invalid-argument` — but not the outcomes the desk already shows the agent or the caller
   * gets back (`send-failed`: "Not sent" with Retry, one per message in an outage; `send-refused`;
   * `forbidden`). `all`: every error. `none`: nothing (listen to `errors$`).
   */
  consoleWarnings?: 'default' | 'all' | 'none';
  /**
   * Where unsent drafts are kept so that they survive a page reload, one entry per conversation
   * (default: the tab's `sessionStorage`). `null` keeps them in memory only.
   */
  draftStorage?: DraftStorage | null;
  /** How long a co-browsing request waits for the visitor before it expires, in ms (default 60 000). */
  cobrowseTimeoutMs?: number;
}

/** A conversation's co-browsing, as its tools show it. */
export interface CobrowseState {
  /** `idle`: nothing asked (or it ended); `requested`: waiting for the visitor; `active`: in control. */
  readonly state: 'idle' | 'requested' | 'active';
  /** The latest co-browsing line's state (the thread shows it), if any. */
  readonly line: CobrowsingState | undefined;
  /** What the agent sees while in control. */
  readonly options: CobrowseOptions;
}

/** What the agent sees of the visitor's screen until it chooses otherwise (form input is private by default). */
export const DEFAULT_COBROWSE_OPTIONS: CobrowseOptions = { mouse: true, input: false, scroll: true };
const DEFAULT_COBROWSE_TIMEOUT_MS = 60_000;

/** A command that waits for the server: sent again when back online, dropped when superseded or refused. */
interface PendingCommand {
  readonly command: ClientCommand;
  /** Undoes the optimistic state when the server refuses the command. */
  readonly rollback: () => void;
  /** Once the server applied it. */
  readonly settle?: () => void;
  inFlight: boolean;
}

/** What a conversation's composer shows: the draft, the open panel, the attachments. */
export interface ComposerState {
  readonly draft: string;
  readonly tool: ComposerTool | undefined;
  /** The attachments, in the order attached (uploading, ready to send, or failed). */
  readonly uploads: readonly Upload[];
}

const NO_UPLOADS: readonly Upload[] = [];

/** Whether an error code is written to the console under `consoleWarnings: 'default'`. */
const WARN_BY_DEFAULT: Record<DeskErrorCode, boolean> = {
  'invalid-event': true,
  'invalid-frame': true,
  'events-lost': true,
  server: true,
  protocol: true,
  unauthorized: true,
  transport: true,
  outbox: true,
  internal: true,
  'invalid-argument': true,
  demo: true,
  'send-failed': false,
  'send-refused': false,
  forbidden: false,
};

/** A past conversation to show inside a thread (`showPast`). */
export interface PastRequest {
  readonly conversationId: string;
  readonly serial: number;
}

export interface ThreadInfo {
  readonly hasOlder: boolean | undefined;
  readonly loadingOlder: boolean;
}

const EMPTY_MESSAGES: readonly Message[] = [];
const NO_THREADS: ReadonlyMap<string, readonly Message[]> = new Map();
const NO_TYPING: TypingState = { typing: false };
/** Fallback when animation frames are paused (a background tab must still take events in). */
const FRAME_FALLBACK_MS = 100;

/**
 * The desk's state: server events go through one reducer; elements read selectors and call commands.
 * Commands go to the transport; nothing else talks to it.
 */
export class DeskStore {
  private readonly transport: Transport;
  private readonly outbox: Outbox;
  private readonly now: () => Date;
  private readonly createClientId: () => string;
  private readonly batching: 'frame' | 'sync';
  private readonly consoleWarnings: 'default' | 'all' | 'none';
  /** The agent given to the constructor, which a snapshot's agent never overrides. */
  private readonly agentOption: Agent | undefined;
  /** Whose drafts the storage keeps (the agent given to the store). */
  private readonly draftOwner: string;
  private readonly stateSubject: BehaviorSubject<DeskState>;
  private readonly errorSubject = new Subject<DeskErrorInfo>();
  /** The past conversation last asked for in each thread (`showPast`), numbered so asking twice scrolls twice. */
  private readonly pastRequests = new BehaviorSubject<ReadonlyMap<string, PastRequest>>(new Map());
  private readonly selectorCache = new Map<string, Observable<unknown>>();
  private readonly inFlight = new Set<string>();
  private queue: StoreAction[] = [];
  private frame = 0;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private lastStamp = 0;
  private committing = false;
  private readonly outboxLoaded: Promise<void>;
  private readonly draftStorage: DraftStorage | null;
  private readonly uploads: UploadRunner;
  private readonly cobrowseTimeoutMs: number;
  /** Shift commands (availability, co-browsing) not yet applied by the server, by what they set. */
  private readonly pendingCommands = new Map<string, PendingCommand>();
  /** A co-browsing request's expiry, per conversation, with the line it is for. */
  private readonly cobrowseTimers = new Map<string, { lineId: string; timer: ReturnType<typeof setTimeout> }>();

  /** Every state, newest first to subscribers. */
  readonly state$: Observable<DeskState>;
  /** Every error: malformed server input, connection trouble, failed sends and refused commands (see `DeskErrorInfo`). */
  readonly errors$: Observable<DeskErrorInfo>;
  /** Ongoing conversations in arrival order (the state box's default order). */
  readonly conversations$: Observable<readonly ConversationSummary[]>;
  readonly focusedId$: Observable<string | null>;
  readonly layout$: Observable<Layout>;
  /** The order of the state box and of Alt+Arrow switching. */
  readonly sort$: Observable<ConversationSort>;
  readonly panes$: Observable<readonly (string | null)[]>;
  readonly focusedPane$: Observable<number>;
  readonly connection$: Observable<ConnectionState>;
  readonly agent$: Observable<Agent>;
  readonly loaded$: Observable<boolean>;
  /**
   * The channels the agent serves, each with the availability shown: the agent's choice (at once,
   * before the server confirms it), or "Busy" while its ongoing conversations reach its limit.
   */
  readonly channels$: Observable<readonly ChannelStatus[]>;

  constructor(options: DeskStoreOptions) {
    this.transport = options.transport;
    this.outbox = options.outbox ?? new MemoryOutbox();
    this.now = options.now ?? (() => new Date());
    this.createClientId = options.createClientId ?? (() => `c-${crypto.randomUUID()}`);
    this.batching = options.batching ?? 'frame';
    this.consoleWarnings = options.consoleWarnings ?? 'default';
    this.draftStorage = options.draftStorage === undefined ? defaultDraftStorage() : options.draftStorage;
    this.agentOption = options.agent;
    this.draftOwner = options.agent?.id ?? 'agent';
    this.stateSubject = new BehaviorSubject(
      initialState(
        options.agent ?? { id: 'agent', name: 'Agent' },
        options.layout,
        loadDrafts(this.draftStorage, this.draftOwner),
      ),
    );
    this.uploads = new UploadRunner(
      (action) => this.act(action),
      (conversationId) => this.state.uploads.get(conversationId) ?? NO_UPLOADS,
    );
    this.state$ = this.stateSubject.asObservable();
    this.errors$ = this.errorSubject.asObservable();

    const summaries = createSummariesSelector();
    this.conversations$ = this.select('conversations', summaries);
    this.focusedId$ = this.select('focusedId', (s) => s.panes[s.focusedPane] ?? null);
    this.layout$ = this.select('layout', (s) => s.layout);
    this.sort$ = this.select('sort', (s) => s.sort);
    this.panes$ = this.select('panes', (s) => s.panes);
    this.focusedPane$ = this.select('focusedPane', (s) => s.focusedPane);
    this.connection$ = this.select('connection', (s) => s.connection);
    this.agent$ = this.select('agent', (s) => s.agent);
    this.loaded$ = this.select('loaded', (s) => s.loaded);
    this.cobrowseTimeoutMs = options.cobrowseTimeoutMs ?? DEFAULT_COBROWSE_TIMEOUT_MS;
    this.channels$ = this.shared('channels', () =>
      this.stateSubject.pipe(
        distinctUntilChanged(
          (a, b) =>
            a.channels === b.channels &&
            a.availabilityPending === b.availabilityPending &&
            a.conversations === b.conversations,
        ),
        map((s) => channelStatuses(s.channels, s.conversations.values(), s.availabilityPending)),
        distinctUntilChanged(sameStatuses),
      ),
    );

    this.outboxLoaded = this.restoreOutbox();
    this.transport.connect({
      event: (raw) => this.receive(raw),
      connection: (state) => this.onConnection(state),
      error: (error) => this.report(error),
    });
  }

  /** The current state (for one-off reads; subscribe to the observables to follow it). */
  get state(): DeskState {
    return this.stateSubject.value;
  }

  get focusedId(): string | null {
    const state = this.state;
    return state.panes[state.focusedPane] ?? null;
  }

  // ---- selectors -------------------------------------------------------------------------

  conversation$(id: string): Observable<Conversation | undefined> {
    return this.select(`conversation:${id}`, (s) => s.conversations.get(id));
  }

  /** A conversation's messages, ordered, optionally filtered. */
  messages$(id: string, filter: MessageFilter = 'all'): Observable<readonly Message[]> {
    // An unknown filter (say, from a mistyped attribute) shows everything rather than nothing.
    if (!isMessageFilter(filter)) filter = 'all';
    return this.shared(`messages:${id}:${filter}`, () =>
      this.stateSubject.pipe(
        map((s) => s.threads.get(id)?.messages ?? EMPTY_MESSAGES),
        distinctUntilChanged(),
        map((messages) => filterMessages(messages, filter)),
      ),
    );
  }

  /** A conversation's messages through the conversation's own filter (the one `setFilter` chose). */
  filteredMessages$(id: string): Observable<readonly Message[]> {
    return this.shared(`filtered:${id}`, () =>
      this.filter$(id).pipe(switchMap((filter) => this.messages$(id, filter))),
    );
  }

  thread$(id: string): Observable<ThreadInfo> {
    return this.select(
      `thread:${id}`,
      (s): ThreadInfo => {
        const thread: Thread | undefined = s.threads.get(id);
        return { hasOlder: thread?.hasOlder, loadingOlder: thread?.loadingOlder ?? false };
      },
      (a, b) => a.hasOlder === b.hasOlder && a.loadingOlder === b.loadingOlder,
    );
  }

  visitor$(id: string): Observable<Visitor | undefined> {
    return this.select(`visitor:${id}`, (s) => s.visitors.get(id));
  }

  /** The visitor of a conversation. */
  visitorOf$(conversationId: string): Observable<Visitor | undefined> {
    return this.select(`visitorOf:${conversationId}`, (s) => {
      const conversation = s.conversations.get(conversationId);
      return conversation ? s.visitors.get(conversation.visitorId) : undefined;
    });
  }

  typing$(conversationId: string): Observable<TypingState> {
    return this.select(`typing:${conversationId}`, (s) => s.typing.get(conversationId) ?? NO_TYPING);
  }

  draft$(conversationId: string): Observable<string> {
    return this.select(`draft:${conversationId}`, (s) => s.drafts.get(conversationId) ?? '');
  }

  /** Every conversation's unsent draft text. */
  get drafts$(): Observable<ReadonlyMap<string, string>> {
    return this.select('drafts', (s) => s.drafts);
  }

  /** What a conversation's composer shows: its draft, its open panel and its attachment. */
  composer$(conversationId: string): Observable<ComposerState> {
    return this.select(
      `composer:${conversationId}`,
      (s): ComposerState => ({
        draft: s.drafts.get(conversationId) ?? '',
        tool: s.tools.get(conversationId),
        uploads: s.uploads.get(conversationId) ?? NO_UPLOADS,
      }),
      (a, b) => a.draft === b.draft && a.tool === b.tool && a.uploads === b.uploads,
    );
  }

  filter$(conversationId: string): Observable<MessageFilter> {
    return this.select(`filter:${conversationId}`, (s) => s.filters.get(conversationId) ?? 'all');
  }

  /** A visitor's closed conversations, newest first, with paging state. */
  history$(visitorId: string): Observable<VisitorHistory> {
    return this.select(`history:${visitorId}`, (s) => selectHistory(s, visitorId), shallowEqualHistory);
  }

  /** The messages of each of a visitor's past conversations, as one map (previews and transcripts). */
  pastThreads$(visitorId: string): Observable<ReadonlyMap<string, readonly Message[]>> {
    return this.shared(`pastThreads:${visitorId}`, () =>
      this.history$(visitorId).pipe(
        map((history) => history.conversations.map((c) => c.id)),
        distinctUntilChanged((a, b) => a.length === b.length && a.every((id, i) => id === b[i])),
        switchMap((ids) =>
          ids.length === 0
            ? of(NO_THREADS)
            : combineLatest(ids.map((id) => this.messages$(id).pipe(map((messages) => [id, messages] as const)))).pipe(
                map((entries): ReadonlyMap<string, readonly Message[]> => new Map(entries)),
              ),
        ),
      ),
    );
  }

  // ---- commands --------------------------------------------------------------------------

  /** Shows a conversation: brings forward the pane showing it, else puts it in the focused pane. */
  focus(conversationId: string): void {
    const had = this.state.conversations.get(conversationId)?.unread ?? 0;
    this.act({ type: 'local.focus', conversationId });
    if (had > 0) this.command({ type: 'markRead', conversationId });
  }

  /**
   * Shows one of a visitor's past conversations where it continues: in the thread of their
   * conversation `threadId` (brought forward), scrolled to it, rather than on its own.
   */
  showPast(conversationId: string, threadId: string): void {
    this.focus(threadId);
    const requests = new Map(this.pastRequests.value);
    requests.set(threadId, { conversationId, serial: (requests.get(threadId)?.serial ?? 0) + 1 });
    this.pastRequests.next(requests);
  }

  /** The past conversation last asked for in a thread (see `showPast`). */
  pastRequest$(threadId: string): Observable<PastRequest | undefined> {
    return this.pastRequests.pipe(
      map((requests) => requests.get(threadId)),
      distinctUntilChanged(),
    );
  }

  focusPane(index: number): void {
    this.act({ type: 'local.focusPane', index });
  }

  setLayout(layout: Layout): void {
    if (layout !== 1 && layout !== 2 && layout !== 4) {
      this.report({
        code: 'invalid-argument',
        method: 'setLayout',
        message: `Layout must be 1, 2 or 4, not ${String(layout)}`,
      });
      return;
    }
    this.act({ type: 'local.layout', layout });
  }

  /** Orders the state box: `waiting` (longest waiting first), `activity` (newest first) or `oldest`. */
  setSort(sort: ConversationSort): void {
    if (!CONVERSATION_SORTS.includes(sort)) {
      this.report({
        code: 'invalid-argument',
        method: 'setSort',
        message: `Unknown conversation order ${String(sort).slice(0, 64)}`,
      });
      return;
    }
    if (sort !== this.state.sort) this.act({ type: 'local.sort', sort });
  }

  /** Sets a conversation's unsent text (kept across a reload, see `draftStorage`). */
  setDraft(conversationId: string, text: string): void {
    if ((this.state.drafts.get(conversationId) ?? '') === text) return;
    this.act({ type: 'local.draft', conversationId, text });
    saveDraft(this.draftStorage, this.draftOwner, conversationId, text);
  }

  /** Opens a composer panel in a conversation (the one open closes), or closes it with `undefined`. */
  setTool(conversationId: string, tool: ComposerTool | undefined): void {
    if (this.state.tools.get(conversationId) !== tool) this.act({ type: 'local.tool', conversationId, tool });
  }

  /**
   * Uploads a file with the integrator's uploader as one more attachment of the conversation. The
   * upload goes on whatever the composers do; `composer$(id).uploads` follows it from "uploading"
   * (with progress) to "ready" (then `send` it and `removeUpload`) or "failed".
   */
  startUpload(conversationId: string, file: File, uploader: Uploader): void {
    if (!this.destroyed) this.uploads.start(conversationId, file, uploader);
  }

  /**
   * Cancels one of the conversation's uploads in flight (its signal aborts), or drops that
   * attachment; without `uploadId`, every attachment of the conversation.
   */
  removeUpload(conversationId: string, uploadId?: string): void {
    this.uploads.remove(conversationId, uploadId);
  }

  setFilter(conversationId: string, filter: MessageFilter): void {
    if (!isMessageFilter(filter)) {
      this.report({
        code: 'invalid-argument',
        method: 'setFilter',
        message: `Unknown message filter ${String(filter).slice(0, 64)}`,
      });
      return;
    }
    if ((this.state.filters.get(conversationId) ?? 'all') !== filter)
      this.act({ type: 'local.filter', conversationId, filter });
  }

  /**
   * Sends an agent message: shown at once as "sending", kept in the outbox until the server
   * confirms it, marked failed (with Retry) if it cannot be delivered. Returns the optimistic
   * message, or undefined when the conversation cannot receive messages.
   */
  send(conversationId: string, draft: Draft): Message | undefined {
    const clientId = this.createClientId();
    // Checked like any untrusted input: a `desk-send` listener may have replaced the draft.
    const parsed =
      typeof draft === 'object' && draft !== null
        ? parseMessage({
            ...draft,
            id: clientId,
            clientId,
            conversationId,
            author: 'agent',
            authorName: this.state.agent.name,
            at: this.stamp(),
            status: 'sending',
          })
        : undefined;
    const refusal = !parsed
      ? 'The draft is not a message.'
      : parsed.ok
        ? this.refuseSend(conversationId, parsed.value)
        : `The draft is not a valid message (${parsed.error}).`;
    if (refusal || !parsed?.ok) {
      this.report({ code: 'send-refused', conversationId, message: refusal! });
      return undefined;
    }
    const message = parsed.value;
    this.act({ type: 'local.message.sending', message });
    void this.persist(message).then(() => this.deliver(message));
    return message;
  }

  /**
   * The time of a new agent message, strictly after the previous one's: messages written in the
   * same millisecond keep their order in the thread and in a restored outbox (sorted by `at`).
   */
  private stamp(): string {
    this.lastStamp = Math.max(this.now().getTime(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /** Sends a failed message again, under the same client id (never twice on the server). */
  retry(messageId: string): void {
    const message = this.findMessage(messageId);
    if (!message?.clientId || message.status !== 'failed') return;
    const sending = this.markSending(message);
    void this.persist(sending).then(() => this.deliver(sending));
  }

  block(visitorId: string, reason?: string): void {
    this.act({ type: 'local.visitor.blocked', visitorId, blocked: true });
    this.command({ type: 'block', visitorId, ...(reason ? { reason } : {}) }, () =>
      this.act({ type: 'local.visitor.blocked', visitorId, blocked: false }),
    );
  }

  /** Managers only; for an agent it reports a `forbidden` error and returns false. */
  unblock(visitorId: string): boolean {
    if (this.state.agent.role !== 'manager') {
      this.report({ code: 'forbidden', visitorId, message: 'Only a manager can unblock a visitor.' });
      return false;
    }
    this.act({ type: 'local.visitor.blocked', visitorId, blocked: false });
    this.command({ type: 'unblock', visitorId }, () =>
      this.act({ type: 'local.visitor.blocked', visitorId, blocked: true }),
    );
    return true;
  }

  // ---- the agent's shift: availability per channel, co-browsing (issue 16) ------------------

  /**
   * Sets the agent's availability on channels (every channel the agent serves by default). Shown at
   * once; sent again when back online until the server applies it; undone if the server refuses it.
   */
  setAvailability(availability: Availability, channels?: readonly string[]): void {
    if (availability !== 'available' && availability !== 'busy' && availability !== 'unavailable') {
      this.report({
        code: 'invalid-argument',
        method: 'setAvailability',
        message: `Unknown availability ${String(availability).slice(0, 64)}`,
      });
      return;
    }
    const known = this.state.channels.map((entry) => entry.channel);
    const targets = [...new Set(channels ?? known)].filter((channel) => known.includes(channel));
    if (targets.length === 0) return;
    this.act({ type: 'local.availability', channels: targets, availability });
    const settle = () => {
      // Only what this command set: a later choice on the same channel stays pending.
      const done = targets.filter((channel) => this.state.availabilityPending.get(channel) === availability);
      if (done.length > 0) this.act({ type: 'local.availability', channels: done, availability: undefined });
    };
    this.pendingCommand(
      `availability:${targets.join('\n')}`,
      { type: 'availability', channels: targets, availability },
      settle,
      settle,
    );
  }

  /** A conversation's co-browsing: what its tools show (requested, in control, options). */
  cobrowse$(conversationId: string): Observable<CobrowseState> {
    return this.select(
      `cobrowse:${conversationId}`,
      (s): CobrowseState => {
        const line = s.cobrowse.get(conversationId)?.state;
        const state = line === 'requested' ? 'requested' : line === 'started' ? 'active' : 'idle';
        return { state, line, options: s.cobrowseOptions.get(conversationId) ?? DEFAULT_COBROWSE_OPTIONS };
      },
      (a, b) => a.state === b.state && a.line === b.line && a.options === b.options,
    );
  }

  /**
   * Asks the visitor for co-browsing: the "requested" line shows at once; the request expires
   * after `cobrowseTimeoutMs` unless the visitor answers. Ignored while one is requested or running.
   */
  takeControl(conversationId: string): void {
    const conversation = this.state.conversations.get(conversationId);
    if (!conversation || conversation.status === 'closed') return;
    const current = this.state.cobrowse.get(conversationId)?.state;
    if (current === 'requested' || current === 'started') return;
    const clientId = this.cobrowseLine(conversationId, 'requested');
    this.pendingCommand(
      `cobrowse:${clientId}`,
      { type: 'cobrowse', conversationId, visitorId: conversation.visitorId, clientId },
      () => this.act({ type: 'local.cobrowse.withdrawn', conversationId, clientId }),
    );
  }

  /** Withdraws a co-browsing request the visitor has not answered. */
  cancelControl(conversationId: string): void {
    if (this.state.cobrowse.get(conversationId)?.state === 'requested') this.endCobrowse(conversationId, 'cancelled');
  }

  /** Ends the co-browsing session in progress. */
  stopControl(conversationId: string): void {
    if (this.state.cobrowse.get(conversationId)?.state === 'started') this.endCobrowse(conversationId, 'ended');
  }

  /** Shows or hides the visitor's mouse, form input or scroll position while in control. */
  setCobrowseOption(conversationId: string, option: CobrowseOption, enabled: boolean): void {
    if (!Object.hasOwn(DEFAULT_COBROWSE_OPTIONS, option)) {
      this.report({
        code: 'invalid-argument',
        method: 'setCobrowseOption',
        message: `Unknown co-browsing option ${String(option).slice(0, 64)}`,
      });
      return;
    }
    if (this.state.cobrowse.get(conversationId)?.state !== 'started') return;
    const previous = this.state.cobrowseOptions.get(conversationId) ?? DEFAULT_COBROWSE_OPTIONS;
    if (previous[option] === enabled) return;
    const options = { ...previous, [option]: enabled };
    this.act({ type: 'local.cobrowse.options', conversationId, options });
    this.pendingCommand(
      `cobrowseOptions:${conversationId}`,
      { type: 'cobrowseOptions', conversationId, options },
      () => {
        if (this.state.cobrowseOptions.get(conversationId) === options)
          this.act({ type: 'local.cobrowse.options', conversationId, options: previous });
      },
    );
  }

  /** Adds the agent's own co-browsing line at once (the server's copy replaces it); returns its client id. */
  private cobrowseLine(conversationId: string, state: CobrowsingState): string {
    const clientId = this.createClientId();
    this.act({
      type: 'local.message.sending',
      message: {
        id: clientId,
        clientId,
        conversationId,
        author: 'system',
        at: this.stamp(),
        kind: 'cobrowsing',
        state,
      },
    });
    return clientId;
  }

  private endCobrowse(conversationId: string, reason: 'cancelled' | 'expired' | 'ended'): void {
    const clientId = this.cobrowseLine(conversationId, reason);
    this.pendingCommand(`cobrowse:${clientId}`, { type: 'cobrowseEnd', conversationId, clientId, reason }, () =>
      this.act({ type: 'local.cobrowse.withdrawn', conversationId, clientId }),
    );
  }

  /** Starts or stops each request's expiry as the conversations' latest co-browsing lines change. */
  private watchCobrowse(state: DeskState, previous: DeskState): void {
    if (state.cobrowse === previous.cobrowse) return;
    for (const [conversationId, entry] of this.cobrowseTimers) {
      const line = state.cobrowse.get(conversationId);
      if (line?.state !== 'requested' || line.lineId !== entry.lineId) {
        clearTimeout(entry.timer);
        this.cobrowseTimers.delete(conversationId);
      }
    }
    for (const [conversationId, line] of state.cobrowse) {
      if (line.state !== 'requested' || this.cobrowseTimers.has(conversationId)) continue;
      // A closed conversation's old request (history) is not the agent's to expire.
      if (state.conversations.get(conversationId)?.status !== 'ongoing') continue;
      const left = Math.max(0, Date.parse(line.at) + this.cobrowseTimeoutMs - this.now().getTime());
      const timer = setTimeout(() => {
        this.cobrowseTimers.delete(conversationId);
        const current = this.state.cobrowse.get(conversationId);
        if (current?.state === 'requested' && current.lineId === line.lineId)
          this.endCobrowse(conversationId, 'expired');
      }, left);
      this.cobrowseTimers.set(conversationId, { lineId: line.lineId, timer });
    }
  }

  /**
   * Sends a shift command the outbox way: what it sets already shows; a command not delivered
   * (offline, timed out) is sent again once online, under the same key (a newer one replaces it,
   * so nothing is applied twice); a refused one is rolled back and reported.
   */
  private pendingCommand(key: string, command: ClientCommand, rollback: () => void, settle?: () => void): void {
    const entry: PendingCommand = { command, rollback, settle, inFlight: false };
    this.pendingCommands.delete(key);
    this.pendingCommands.set(key, entry);
    this.attempt(key, entry);
  }

  private attempt(key: string, entry: PendingCommand): void {
    if (entry.inFlight || this.destroyed) return;
    entry.inFlight = true;
    this.transport.send(entry.command).then(
      () => {
        entry.inFlight = false;
        if (this.pendingCommands.get(key) !== entry) return;
        this.pendingCommands.delete(key);
        entry.settle?.();
      },
      (error: unknown) => {
        entry.inFlight = false;
        if (this.pendingCommands.get(key) !== entry) return;
        const retried = error instanceof TransportError && error.reason !== 'rejected';
        if (!retried) {
          this.pendingCommands.delete(key);
          entry.rollback();
        }
        this.report({
          code: 'transport',
          command: entry.command.type,
          message: `${entry.command.type} ${retried ? 'not delivered yet (sent again when online)' : 'failed'}: ${describeError(error)}`,
        });
      },
    );
  }

  typing(conversationId: string, typing: boolean, preview?: string): void {
    this.command({ type: 'typing', conversationId, typing, ...(preview !== undefined ? { preview } : {}) });
  }

  /** Fetches the next page of a visitor's older conversations (answered by `history.page`). */
  loadHistory(visitorId: string): void {
    const history = selectHistory(this.state, visitorId);
    if (history.loading || !history.hasMore) return;
    const oldest = history.conversations.at(-1);
    this.act({ type: 'local.history.loading', visitorId });
    this.command({ type: 'loadHistory', visitorId, ...(oldest ? { before: oldest.startedAt } : {}) }, () =>
      this.receiveValid({ type: 'history.page', visitorId, conversations: [], messages: [], hasMore: true }),
    );
  }

  /** Fetches older messages of a thread (answered by `history.page` with the conversation id). */
  loadOlder(conversationId: string): void {
    const thread = this.state.threads.get(conversationId);
    if (thread?.loadingOlder || thread?.hasOlder === false) return;
    const conversation = this.state.conversations.get(conversationId);
    if (!conversation) return;
    this.act({ type: 'local.older.loading', conversationId, loading: true });
    const before = thread?.messages[0]?.at;
    this.command({ type: 'loadMessages', conversationId, ...(before ? { before } : {}) }, () =>
      this.act({ type: 'local.older.loading', conversationId, loading: false }),
    );
  }

  /** Applies every queued server event now (tests and scripts; the desk does this per frame). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.fallbackTimer) clearTimeout(this.fallbackTimer);
    this.frame = 0;
    this.fallbackTimer = undefined;
    if (this.queue.length === 0 || this.committing) return;
    this.committing = true;
    try {
      // A command a subscriber issues while a state is being delivered is applied right after
      // that delivery, so every subscriber sees the states in order and ends on the latest.
      while (this.queue.length > 0) {
        const actions = this.queue;
        this.queue = [];
        this.commit(actions);
      }
    } finally {
      this.committing = false;
    }
  }

  /** Resolves once the outbox was read back into the threads. */
  ready(): Promise<void> {
    return this.outboxLoaded;
  }

  /** Closes the transport and completes every stream. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.flush();
    this.uploads.stop([...this.state.uploads.values()].flat());
    for (const { timer } of this.cobrowseTimers.values()) clearTimeout(timer);
    this.cobrowseTimers.clear();
    this.transport.close();
    this.stateSubject.complete();
    this.errorSubject.complete();
  }

  // ---- internals -------------------------------------------------------------------------

  private select<T>(key: string, project: (state: DeskState) => T, compare?: (a: T, b: T) => boolean): Observable<T> {
    return this.shared(key, () => this.stateSubject.pipe(map(project), distinctUntilChanged(compare)));
  }

  /** One shared subscription per key, replaying the latest value. */
  private shared<T>(key: string, create: () => Observable<T>): Observable<T> {
    let cached = this.selectorCache.get(key) as Observable<T> | undefined;
    if (!cached) {
      cached = create().pipe(
        // Forgotten when nobody listens any more, so the cache does not grow with every id ever seen.
        finalize(() => {
          if (this.selectorCache.get(key) === cached) this.selectorCache.delete(key);
        }),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      this.selectorCache.set(key, cached);
    }
    return cached;
  }

  private receive(raw: unknown): void {
    if (this.destroyed) return;
    const parsed = parseServerEvent(raw);
    if (!parsed.ok) {
      const type = rawType(raw)?.slice(0, 64) ?? 'unknown';
      this.report({
        code: 'invalid-event',
        eventType: type,
        message: `Dropped malformed "${type}" event: ${parsed.error}`,
      });
      return;
    }
    // A snapshot or history page keeps its valid items; each one left out is reported (a few, then a count).
    const dropped = parsed.dropped ?? [];
    const eventType = parsed.value.type;
    for (const item of dropped.slice(0, 10)) {
      this.report({ code: 'invalid-event', eventType, message: `Dropped malformed item of "${eventType}": ${item}` });
    }
    if (dropped.length > 10) {
      this.report({
        code: 'invalid-event',
        eventType,
        message: `Dropped ${dropped.length - 10} more malformed items of "${eventType}"`,
      });
    }
    this.receiveValid(parsed.value);
  }

  private receiveValid(event: StoreAction): void {
    // A closed conversation takes no more messages: its reload copy of the draft goes.
    if (event.type === 'conversation.closed') saveDraft(this.draftStorage, this.draftOwner, event.conversationId, '');
    if (event.type === 'snapshot' && event.agent && this.agentOption) {
      event = { ...event, agent: { ...event.agent, ...this.agentOption } };
    }
    if (event.type === 'message.added' && event.message.clientId && event.message.author === 'agent') {
      void this.forget(event.message.clientId);
    }
    this.queue.push(event);
    if (this.batching === 'sync') this.flush();
    else this.schedule();
  }

  private schedule(): void {
    if (this.frame || this.fallbackTimer) return;
    if (typeof requestAnimationFrame === 'function') this.frame = requestAnimationFrame(() => this.flush());
    this.fallbackTimer = setTimeout(() => this.flush(), FRAME_FALLBACK_MS);
  }

  /** Local actions apply at once, after whatever the server said before them. */
  private act(action: LocalAction): void {
    if (this.destroyed) return;
    this.queue.push(action);
    this.flush();
  }

  private commit(actions: readonly StoreAction[]): void {
    const previous = this.stateSubject.value;
    const { state, errors } = reduce(previous, actions);
    if (state !== previous) {
      this.stateSubject.next(state);
      this.watchCobrowse(state, previous);
    }
    for (const error of errors) this.report(error);
  }

  private report(error: DeskErrorInfo): void {
    const warn = this.consoleWarnings === 'all' || (this.consoleWarnings === 'default' && WARN_BY_DEFAULT[error.code]);
    if (warn) console.warn(`[agent-desk] ${error.code}: ${error.message}`);
    this.errorSubject.next(error);
  }

  private command(command: ClientCommand, onFailure?: () => void): void {
    this.transport.send(command).catch((error: unknown) => {
      onFailure?.();
      this.report({
        code: 'transport',
        command: command.type,
        message: `${command.type} failed: ${describeError(error)}`,
      });
    });
  }

  private refuseSend(conversationId: string, draft: Message): string | undefined {
    const conversation = this.state.conversations.get(conversationId);
    if (!conversation) return `Unknown conversation ${conversationId}`;
    if (conversation.status === 'closed') return 'The conversation is closed.';
    if (this.state.visitors.get(conversation.visitorId)?.blocked) return 'The visitor is blocked.';
    switch (draft.kind) {
      case 'text':
        return draft.text.trim() ? undefined : 'The message is empty.';
      case 'link':
        return safeUrl(draft.url) ? undefined : 'The link is not an absolute http(s), mailto or tel URL.';
      case 'file':
      case 'image':
        return safeUrl(draft.url, draft.kind === 'image' ? 'image' : 'link')
          ? undefined
          : 'The file URL is not allowed.';
      case 'offer':
        if (!draft.title.trim()) return 'The offer has no title.';
        if (draft.url !== undefined && !safeUrl(draft.url)) return 'The offer link is not an absolute http(s) URL.';
        if (draft.imageUrl !== undefined && !safeUrl(draft.imageUrl, 'image'))
          return 'The offer image URL is not allowed.';
        return undefined;
      default:
        return 'Only text, link, offer, file and image messages can be sent.';
    }
  }

  private async persist(message: Message): Promise<void> {
    try {
      await this.outbox.put(message);
    } catch (error) {
      this.report({
        code: 'outbox',
        clientId: message.clientId,
        message: `Could not keep the message for resending: ${describeError(error)}`,
      });
    }
  }

  private async deliver(message: Message): Promise<void> {
    const clientId = message.clientId!;
    if (this.inFlight.has(clientId) || this.destroyed) return;
    this.inFlight.add(clientId);
    const {
      id: _id,
      conversationId,
      author: _author,
      authorName: _name,
      at,
      status: _status,
      clientId: _c,
      ...content
    } = message;
    try {
      await this.transport.send({ type: 'send', clientId, conversationId, at, content: content as Draft });
      this.act({ type: 'local.message.status', conversationId, clientId, status: 'sent' });
      await this.forget(clientId);
    } catch (error) {
      // The server's echo can confirm a message whose acknowledgement was lost (timeout, drop):
      // it was delivered, so it is neither "Not sent" nor kept for resending.
      if (this.confirmed(clientId)) {
        await this.forget(clientId);
        return;
      }
      // Kept as failed first, then shown as failed: while it shows "sending" it is in flight, so a
      // resend (back online) or a Retry never meets a "sending" message that nothing will finish.
      await this.persist({ ...message, status: 'failed' } as Message);
      this.inFlight.delete(clientId);
      this.act({ type: 'local.message.status', conversationId, clientId, status: 'failed' });
      this.report({
        code: 'send-failed',
        clientId,
        conversationId,
        message: `Message not sent: ${describeError(error)}`,
      });
    } finally {
      this.inFlight.delete(clientId);
    }
  }

  /** Removes a confirmed message from the outbox; a failure is harmless (restoring skips confirmed ones). */
  private forget(clientId: string): Promise<void> {
    return this.outbox.delete(clientId).catch(() => undefined);
  }

  private findMessage(id: string): Message | undefined {
    for (const thread of this.state.threads.values()) {
      if (!thread.ids.has(id)) continue;
      return thread.messages.find((message) => message.id === id || message.clientId === id);
    }
    return undefined;
  }

  private async restoreOutbox(): Promise<void> {
    let pending: Message[] = [];
    try {
      pending = await this.outbox.load();
    } catch (error) {
      this.report({ code: 'outbox', message: `Could not read the outbox: ${describeError(error)}` });
    }
    for (const message of pending) {
      // The server already has it (its snapshot came first): never show or send it twice.
      if (message.clientId && this.confirmed(message.clientId)) {
        void this.forget(message.clientId);
        continue;
      }
      this.act({ type: 'local.message.sending', message });
    }
  }

  /** True when the thread holds the server's copy of this client id (a status past sending). */
  private confirmed(clientId: string): boolean {
    const status = this.findMessage(clientId)?.status;
    return status !== undefined && status !== 'sending' && status !== 'failed';
  }

  private onConnection(state: ConnectionState): void {
    this.act({ type: 'local.connection', state });
    if (state === 'online') {
      // Shift commands not applied yet go again, in the order they were given.
      for (const [key, entry] of this.pendingCommands) this.attempt(key, entry);
      // (Back) online: everything still waiting goes again, under its client id.
      void this.outboxLoaded
        .then(() => this.outbox.load())
        .then(
          (pending) => this.resendOutbox(pending),
          () => undefined,
        );
    }
  }

  /** A message going out (again): a failed one shows "sending" once more. */
  private markSending(message: Message): Message {
    if (message.status === 'failed') {
      this.act({
        type: 'local.message.status',
        conversationId: message.conversationId,
        clientId: message.clientId!,
        status: 'sending',
      });
    }
    return { ...message, status: 'sending' } as Message;
  }

  private resendOutbox(pending: readonly Message[]): void {
    for (const message of pending) {
      if (!message.clientId || this.inFlight.has(message.clientId)) continue;
      if (this.confirmed(message.clientId)) {
        void this.forget(message.clientId);
        continue;
      }
      const current = this.findMessage(message.clientId) ?? message;
      if (current.status === 'sending' || current.status === 'failed') void this.deliver(this.markSending(current));
    }
  }
}
