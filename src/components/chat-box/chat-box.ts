import { ContextProvider } from '@lit/context';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { ClockController } from '../../controllers/clock-controller.js';
import { deskContext, paneContext } from '../../context.js';
import { DeskCobrowseEvent, DeskCobrowseOptionEvent, DeskOpenPageEvent, DeskTakeControlEvent } from '../../events.js';
import { formatDateTime } from '../../i18n/format.js';
import { isMessageFilter, matchesFilter, type MessageFilter } from '../../model/filter.js';
import { neutralizeBidi } from '../../model/text.js';
import { channelLabel, visitorDisplayName } from '../../i18n/names.js';
import { isWebChannel } from '../../model/channels.js';
import type { CobrowseOption, Conversation, Message, Visitor } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';
import {
  DEFAULT_COBROWSE_OPTIONS,
  type CobrowseState,
  type PastRequest,
  type ThreadInfo,
} from '../../store/desk-store.js';
import { announce } from '../shared/announcer.js';
import type { VisitorHistory } from '../../store/selectors.js';
import type { TypingState } from '../../store/state.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { shared, tokens } from '../../styles/tokens.js';
import { dialogStyles } from '../../styles/dialog.js';
import { confirmBlockDialog, requestBlock } from '../shared/confirm-block-dialog.js';
import { chatBoxStyles } from './chat-box.styles.js';
import { renderRow, type MessageViewContext } from './message-view.js';
import { DEFAULT_HEADING_LEVEL, heading, toHeadingLevel } from '../shared/heading.js';
import { ThreadAnnouncer } from './thread-announcer.js';
import { ThreadScrollController } from './thread-scroll-controller.js';
import { buildRows, closedBy, initials, type PastConversation, type ThreadRow } from './thread-rows.js';
import { HandoverController } from './handover.js';
import { handoverStyles } from './handover.styles.js';
import { NO_TRANSFER_TARGETS, type ClosingState } from '../../store/state.js';

const NO_MESSAGES: readonly Message[] = [];
const NO_ROWS: readonly ThreadRow[] = [];
const NO_THREAD: ThreadInfo = { hasOlder: undefined, loadingOlder: false };
const NOT_TYPING: TypingState = { typing: false };
const NO_CLOSING: ReadonlyMap<string, ClosingState> = new Map();
const NO_TAGS: readonly string[] = [];
const NO_COBROWSE: CobrowseState = { state: 'idle', line: undefined, options: DEFAULT_COBROWSE_OPTIONS };
const COBROWSE_OPTIONS: readonly CobrowseOption[] = ['mouse', 'input', 'scroll'];
const NO_THREADS: ReadonlyMap<string, readonly Message[]> = new Map();
const NO_PAST: readonly PastConversation[] = [];

const ICON_OPEN = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path
    d="M11 3h6v6M17 3l-8 8M8 4H4v12h12v-4"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
  />
</svg>`;
const ICON_CONTROL = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path
    d="M5 3l10 6-4.5 1.2L13 16l-2 1-2.5-5.8L5 14z"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linejoin="round"
  />
</svg>`;
const ICON_BLOCK = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
  <path d="M5 15L15 5" stroke="currentColor" stroke-width="1.6" />
</svg>`;

/**
 * One conversation thread, whatever the channel: visitor messages on the left, agent and bot
 * messages on the right, events (system, co-browsing, transfers) in the middle, day separators,
 * grouping by author, every message kind with its own style, delivery status and Retry for a
 * message that could not be sent. The header names the visitor and the channel, holds a
 * `<message-filter>` for this thread and the tools "Open current page", "Take control", "Block
 * visitor", "Transfer" (a dialog: search and choose an agent or a skill, comment) and "End
 * conversation" (a confirmation with a closing note and tags; "Conversation ended · Undo" for 5 s
 * while the pane shows the next conversation waiting). A colleague's transfer comment shows at the
 * top of the thread. Long threads are virtualized: the view follows new messages while at the
 * bottom, keeps its place (and offers "N new messages") when the agent scrolled up, and fetches
 * older messages at the top without jumping.
 *
 * Shows the conversation given by `conversation-id`, else its pane's, else the focused one, and
 * provides it and its store (`paneContext`, `deskContext`) to what it contains.
 *
 * @customElement chat-box
 * @summary A conversation thread with its header tools.
 *
 * @csspart base - The element's frame.
 * @csspart header - The header: visitor, channel, filter and tools.
 * @csspart title - The visitor's name and the channel.
 * @csspart channel - The channel label.
 * @csspart filter - The header's `<message-filter>` group (its `base` part).
 * @csspart filter-option - Each option of that filter (its `option` part).
 * @csspart toolbar - The group of header tools.
 * @csspart tool - Each header tool button.
 * @csspart tool-note - The visible note beside "Open current page" (the visitor's session is not carried).
 * @csspart cobrowse - While in control: the group of co-browsing switches.
 * @csspart cobrowse-switch - Each co-browsing switch (role="switch").
 * @csspart control-status - "Control requested…" / "In control" beside Take control while co-browsing is asked or running.
 * @csspart banner - The "blocked" and "closed" banners.
 * @csspart log - The scrolling thread (`role="log"`).
 * @csspart day-separator - A day separator.
 * @csspart conversation-separator - The heading of each of the visitor's conversations when past ones continue above the current one.
 * @csspart avatar - An author's initials.
 * @csspart author - An author's name above a group of messages.
 * @csspart bubble - A message bubble (cards also have the `card` part).
 * @csspart card - Link, offer, file, choice and blocked-image cards.
 * @csspart image - An image thumbnail link.
 * @csspart event - A centred event line (system, co-browsing, transfer).
 * @csspart navigation - A "page visited" line.
 * @csspart meta - Time and delivery status under a message.
 * @csspart status - The delivery status.
 * @csspart retry - The Retry button of a message that was not sent.
 * @csspart original - The original text of a translation.
 * @csspart truncated - "Message truncated: …, first … shown" and "Download the full text" under a message kept beyond what is shown.
 * @csspart new-messages - The "N new messages" button.
 * @csspart empty - The empty state.
 * @csspart typing - The "… is typing" line.
 * @csspart dialog - The block, transfer and end confirmation dialogs.
 * @csspart transfer-dialog - The "Transfer conversation" dialog.
 * @csspart end-dialog - The "End conversation" confirmation.
 * @csspart tag - A tag chip in the end confirmation.
 * @csspart transfer-note - The colleague's transfer comment at the top of the thread (also `banner`).
 * @csspart undo-bar - The "Conversation ended · Undo" bar.
 * @csspart undo - Its Undo button.
 *
 * @cssprop --chat-box-visitor-bubble-bg - Visitor bubble background (default `--desk-color-visitor-bubble`).
 * @cssprop --chat-box-visitor-bubble-color - Visitor bubble text colour.
 * @cssprop --chat-box-agent-bubble-bg - Agent bubble background (default `--desk-color-agent-bubble`).
 * @cssprop --chat-box-agent-bubble-color - Agent bubble text colour.
 * @cssprop --chat-box-bot-bubble-bg - Bot bubble background (default `--desk-color-bot-bubble`).
 * @cssprop --chat-box-bot-bubble-color - Bot bubble text colour.
 * @cssprop --chat-box-bubble-max-width - Widest a bubble gets (default 72%).
 * @cssprop --chat-box-thread-min-height - Least height the messages keep when the box is squeezed, the page scrolling instead (default `min(8rem, 40vh)`; `<chat-desk>` sets 0 in its fixed-size panes).
 *
 * @fires desk-open-page - Cancelable; before the visitor's current page opens in a new tab. `detail: { url, visitorId }`.
 * @fires desk-take-control - Cancelable; before co-browsing is requested. `detail: { visitorId, conversationId }`.
 * @fires desk-cobrowse - Cancelable; before a co-browsing request is cancelled or the session stopped. `detail: { conversationId, visitorId, action: 'cancel' | 'stop' }`.
 * @fires desk-cobrowse-option - Cancelable; before a co-browsing switch (mouse, form input, scroll position) changes. `detail: { conversationId, option, enabled }`.
 * @fires desk-block-visitor - Cancelable; before the block confirmation opens. `detail: { visitorId }`.
 * @fires desk-transfer - Cancelable; when the agent confirms a transfer, before it is sent. `detail: { conversationId, target: { type, id }, comment }`.
 * @fires desk-close-conversation - Cancelable; when the agent confirms ending the conversation, before it ends. `detail: { conversationId, note, tags }`.
 */
export class ChatBox extends DeskElement {
  static override styles = [tokens, shared, chatBoxStyles, dialogStyles, handoverStyles];

  /** The conversation to show; by default the pane's, else the focused one. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The level of the pane's title (the visitor's name) as a heading: 1–6, default 2. */
  @property({ attribute: 'heading-level', converter: { fromAttribute: toHeadingLevel } })
  headingLevel: number = DEFAULT_HEADING_LEVEL;

  /** The filter set on the element: applied to the conversation, and what shows without a store. */
  private assignedFilter: MessageFilter = 'all';
  /** An assigned filter that waits for a conversation to apply to. */
  private filterPending = false;

  /**
   * Which messages the thread shows: `all`, `visitor`, `agent`, `actions` or `navigation`. The
   * store keeps one filter per conversation (a `<message-filter>` shows the same one): reading it
   * gives the conversation's, setting it (or the attribute) applies it there.
   */
  @property()
  get filter(): MessageFilter {
    return this.data?.value?.filter ?? this.assignedFilter;
  }
  set filter(value: MessageFilter) {
    const previous = this.filter;
    this.assignedFilter = isMessageFilter(value) ? value : 'all';
    this.filterPending = !this.applyFilter(this.assignedFilter);
    this.requestUpdate('filter', previous);
  }

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private originals: ReadonlySet<string> = new Set();
  /** Keys of images that failed to load (shown as a compact fallback). */
  @state() private brokenImages: ReadonlySet<string> = new Set();
  /** The message item in the thread's Tab order: the last one focused. */
  @state() private activeKey: string | undefined;
  /** Focus is in the thread (then its active item, not the log, is the Tab stop). */
  @state() private focusWithin = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.tool-block') private blockButton?: HTMLButtonElement;

  /** What the thread's own elements (its `<message-filter>`) follow: this store and conversation. */
  private readonly storeProvider = new ContextProvider(this, { context: deskContext, initialValue: undefined });
  private readonly paneProvider = new ContextProvider(this, { context: paneContext, initialValue: undefined });
  private readonly data = select(
    this,
    (store, id) => {
      const conversation = id ? store.conversation$(id) : of(undefined);
      const visitorId = conversation.pipe(
        map((c) => c?.visitorId),
        distinctUntilChanged(),
      );
      return {
        conversation,
        visitor: id ? store.visitorOf$(id) : of(undefined),
        filter: id ? store.filter$(id) : of<MessageFilter>('all'),
        messages: id ? store.filteredMessages$(id) : of(NO_MESSAGES),
        allMessages: id ? store.messages$(id) : of(NO_MESSAGES),
        threadInfo: id ? store.thread$(id) : of(NO_THREAD),
        typing: id ? store.typing$(id) : of(NOT_TYPING),
        agent: store.agent$,
        transfer: id ? store.transfer$(id) : of(undefined),
        transferTargets: store.transferTargets$,
        tagSuggestions: store.tagSuggestions$,
        closing: store.closing$,
        cobrowse: id ? store.cobrowse$(id) : of(NO_COBROWSE),
        /** The visitor's past conversations, continued above this one as the agent scrolls up. */
        history: visitorId.pipe(switchMap((v) => (v ? store.history$(v) : of(undefined)))),
        pastThreads: visitorId.pipe(switchMap((v) => (v ? store.pastThreads$(v) : of(NO_THREADS)))),
        /** A past conversation the agent opened from the visitor's history: scrolled to here. */
        pastRequest: id ? store.pastRequest$(id) : of(undefined),
      };
    },
    (next, previous) => {
      this.handover.update(next.transfer, previous?.transfer, next.closing ?? NO_CLOSING);
      if (this.filterPending) this.filterPending = !this.applyFilter(this.assignedFilter);
      this.announcer.update(
        { ...next, conversationId: this.target.conversationId },
        previous && { ...previous, conversationId: this.announcedFor },
      );
      this.announcedFor = this.target.conversationId;
      this.announceCobrowse(next.cobrowse, previous?.cobrowse);
    },
  );

  /** Transfer and End conversation: their tools, dialogs and undo bar. */
  private readonly handover = new HandoverController(this);
  private rows: readonly ThreadRow[] = NO_ROWS;
  /** The `showPast` request handled last. */
  private pastShown: PastRequest | undefined;
  /** "N new messages" puts focus on the log itself (see onLogFocus). */
  private jumping = false;
  private rowsSource: readonly Message[] = NO_MESSAGES;
  private rowsPast: readonly PastConversation[] = NO_PAST;
  /** The past conversations as last derived, and from what (history, their messages, filter). */
  private past: { inputs: readonly unknown[]; value: readonly PastConversation[] } = { inputs: [], value: NO_PAST };
  /** The conversation of the previous selection, for the announcer's comparison. */
  private announcedFor: string | undefined;
  private readonly announcer = new ThreadAnnouncer(this, () => ({
    t: this.i18n.t,
    name: this.visitorName,
    retryUnavailable: this.retryUnavailable,
  }));
  /** The conversation whose co-browsing state was last seen (a switch of conversation announces nothing). */
  private cobrowseFor: string | undefined;

  /** Following the newest message, "N new messages", older pages: see ThreadScrollController. */
  private readonly threadScroll = new ThreadScrollController(this, {
    log: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    loadOlder: (id) => this.loadOlder(id),
  });
  /** "Now" for day separators ("Today", "Yesterday"): moves on at each local midnight. */
  private readonly day = new ClockController(this, 'midnight').setEnabled(true);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.announcer.disconnect();
    if (this.dialog?.open) this.dialog.close('cancel');
  }

  protected override explicitConversationId(): string | undefined {
    return this.conversationId;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { store, conversationId: id } = this.target;
    if (this.storeProvider.value !== store) this.storeProvider.setValue(store);
    if (this.paneProvider.value !== id) this.paneProvider.setValue(id);
    const messages = this.data.value?.messages ?? NO_MESSAGES;
    const past = this.pastConversations();
    if (messages !== this.rowsSource || past !== this.rowsPast) {
      this.rowsSource = messages;
      this.rowsPast = past;
      this.rows = buildRows(messages, this.data.value?.conversation, past);
    }
    const olderFrom = (this.data.value?.threadInfo ?? NO_THREAD).hasOlder === false ? 'history' : 'thread';
    this.threadScroll.show({
      conversationId: id,
      variant: this.filter,
      rows: this.rows,
      info: this.olderInfo,
      olderFrom,
    });
  }

  /**
   * The visitor's closed conversations that started before this one, oldest first, each with its
   * messages under the thread's filter (the same objects while nothing they depend on changed).
   */
  private pastConversations(): readonly PastConversation[] {
    const value = this.data.value;
    const current = value?.conversation;
    const history: VisitorHistory | undefined = value?.history;
    const threads = value?.pastThreads ?? NO_THREADS;
    const filter = this.filter;
    // Above the conversation's own first message only: its older messages come first.
    if ((value?.threadInfo ?? NO_THREAD).hasOlder !== false) return NO_PAST;
    const inputs = [current?.id, current?.startedAt, history?.conversations, threads, filter];
    if (inputs.every((input, i) => input === this.past.inputs[i])) return this.past.value;
    const started = current ? Date.parse(current.startedAt) : Number.NaN;
    const list: PastConversation[] = [];
    for (const conversation of history?.conversations ?? []) {
      if (!current || conversation.id === current.id || !(Date.parse(conversation.startedAt) < started)) continue;
      const all = threads.get(conversation.id) ?? NO_MESSAGES;
      const messages = filter === 'all' ? all : all.filter((message) => matchesFilter(message, filter));
      list.push({ conversation, messages, closedBy: closedBy(all) });
    }
    // history lists the newest first; the thread reads down to the current conversation.
    list.reverse();
    this.past = { inputs, value: list.length ? list : NO_PAST };
    return this.past.value;
  }

  /**
   * Older rows to fetch: this conversation's earlier messages, then (once they are all here) the
   * visitor's earlier conversations, page by page: one scroll back through everything.
   */
  private get olderInfo(): ThreadInfo {
    const info = this.data.value?.threadInfo ?? NO_THREAD;
    const history = this.data.value?.history;
    if (info.hasOlder !== false || !history) return info;
    return { hasOlder: history.hasMore, loadingOlder: history.loading };
  }

  private loadOlder(conversationId: string): void {
    const { store } = this.target;
    const visitorId = this.data.value?.conversation?.visitorId;
    if (!store) return;
    if ((this.data.value?.threadInfo ?? NO_THREAD).hasOlder !== false) store.loadOlder(conversationId);
    else if (visitorId) store.loadHistory(visitorId);
  }

  /**
   * A past conversation opened from the visitor's history: once its heading is among the rows
   * (older pages are fetched until it is), the thread scrolls to it and focus goes to its first
   * message. (Decided on the rows just rendered; acted on after this update, as it changes state.)
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const request = this.data.value?.pastRequest;
    if (!request || request === this.pastShown) return;
    const key = `c:${request.conversationId}`;
    const index = rowIndexOf(this.rows, key);
    const info = this.olderInfo;
    const id = this.target.conversationId;
    if (index >= 0 || info.hasOlder === false) {
      // Shown, or everything is loaded and it is not there (not this visitor's): done either way.
      this.pastShown = request;
      if (index < 0) return;
      queueMicrotask(() => {
        const at = rowIndexOf(this.rows, key);
        if (at < 0) return;
        this.threadScroll.release();
        void this.focusRow(messageAfter(this.rows, at) ?? at, 'start', at);
      });
    } else if (id && !info.loadingOlder) {
      queueMicrotask(() => this.loadOlder(id));
    }
  }

  /** Applies a filter to the conversation; false when there is none yet. */
  private applyFilter(filter: MessageFilter): boolean {
    const { store, conversationId } = this.target;
    if (!store || !conversationId) return false;
    store.setFilter(conversationId, filter);
    return true;
  }

  /** A filter chosen inside the thread (the empty state's "Show all messages"). */
  private selectFilter(filter: MessageFilter): void {
    if (!this.applyFilter(filter)) this.filter = filter;
  }

  private get visitorName(): string {
    const visitor = this.data.value?.visitor;
    const visitorId = this.data.value?.conversation?.visitorId ?? this.target.conversationId ?? '';
    return neutralizeBidi(visitorDisplayName(this.i18n.t, visitor, visitorId));
  }

  private viewContext(): MessageViewContext {
    return {
      t: this.i18n.t,
      lang: this.i18n.lang,
      now: new Date(this.day.now),
      visitorName: this.visitorName,
      expanded: this.expanded,
      originals: this.originals,
      brokenImages: this.brokenImages,
      retryUnavailable: this.retryUnavailable,
      toggleExpanded: (key) => (this.expanded = toggled(this.expanded, key)),
      toggleOriginal: (key) => (this.originals = toggled(this.originals, key)),
      imageFailed: (key) => {
        if (!this.brokenImages.has(key)) this.brokenImages = toggled(this.brokenImages, key);
      },
      retry: (messageId) => {
        if (!this.retryUnavailable) this.target.store?.retry(messageId);
      },
      setSize: this.setSize,
      activeKey: this.activeKey,
      focusWithin: this.focusWithin,
      tab: -1,
    };
  }

  /** `aria-setsize` of the message items: their count, or -1 (unknown) while older pages may exist. */
  private get setSize(): number {
    if (this.olderInfo.hasOlder !== false) return -1;
    for (let i = this.rows.length - 1; i >= 0; i -= 1) {
      const row = this.rows[i];
      if (row.type === 'message') return row.position;
    }
    return 0;
  }

  /** Why a failed message cannot be sent again (blocked visitor, closed conversation), if so. */
  private get retryUnavailable(): string | undefined {
    const { t } = this.i18n;
    if (this.data.value?.visitor?.blocked) return t.thread.notSentBlocked;
    if (this.data.value?.conversation?.status === 'closed') return t.thread.notSentClosed;
    return undefined;
  }

  // ---- header tools ------------------------------------------------------------------------

  private get currentPageUrl(): string | null {
    const url = safeUrl(this.data.value?.visitor?.currentPage?.url, 'link');
    return url && /^https?:/i.test(url) ? url : null;
  }

  private openCurrentPage(): void {
    const url = this.currentPageUrl;
    const visitorId = this.data.value?.conversation?.visitorId;
    if (!url || !visitorId || !this.onWebsite) return;
    const event = new DeskOpenPageEvent({ url, visitorId });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  /** The conversation's visitor is on the website: there is a page to open and a screen to share. */
  private get onWebsite(): boolean {
    const channel = this.data.value?.conversation?.channel;
    return channel !== undefined && isWebChannel(channel);
  }

  private get cobrowse(): CobrowseState {
    return this.data.value?.cobrowse ?? NO_COBROWSE;
  }

  /** The co-browsing button: Take control, then Cancel request while asked, Stop control while in control. */
  private controlClicked(): void {
    const conversation = this.data.value?.conversation;
    if (!conversation || conversation.status === 'closed' || !this.onWebsite) return;
    const { state } = this.cobrowse;
    if (state === 'idle') {
      const event = new DeskTakeControlEvent({ visitorId: conversation.visitorId, conversationId: conversation.id });
      this.dispatchEvent(event);
      if (event.defaultPrevented) return;
      this.target.store?.takeControl(conversation.id);
      return;
    }
    const action = state === 'requested' ? 'cancel' : 'stop';
    const event = new DeskCobrowseEvent({ conversationId: conversation.id, visitorId: conversation.visitorId, action });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    if (action === 'cancel') this.target.store?.cancelControl(conversation.id);
    else this.target.store?.stopControl(conversation.id);
  }

  private toggleOption(option: CobrowseOption): void {
    const conversationId = this.data.value?.conversation?.id;
    if (!conversationId) return;
    const enabled = !this.cobrowse.options[option];
    const event = new DeskCobrowseOptionEvent({ conversationId, option, enabled });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.target.store?.setCobrowseOption(conversationId, option, enabled);
  }

  /** Each co-browsing state change is said (the thread shows it as a line too). */
  private announceCobrowse(next: CobrowseState, previous: CobrowseState | undefined): void {
    const id = this.target.conversationId;
    const same = this.cobrowseFor === id;
    this.cobrowseFor = id;
    if (!same || !previous || !next.line || next.line === previous.line) return;
    const { t } = this.i18n;
    const text =
      next.line === 'cancelled' || next.line === 'expired' ? t.shift.line[next.line] : t.thread.cobrowsing[next.line];
    announce(this, t.thread.announce(this.visitorName, text), { key: `cobrowse:${id}` });
  }

  private confirmBlock(reason: string | undefined): void {
    const visitorId = this.data.value?.conversation?.visitorId;
    if (visitorId) this.target.store?.block(visitorId, reason);
  }

  /** Cancel, Escape or Block: focus goes back to "Block visitor" (it stays, marked unavailable, after blocking). */
  private onDialogClose(): void {
    if (this.isConnected) this.blockButton?.focus();
  }

  // ---- the thread as items: one Tab stop, arrows between messages ------------------------

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** The rendered item of a message row (rows outside the virtualizer's range are not in the DOM). */
  private rowElement(key: string, anyRow = false): HTMLElement | undefined {
    for (const child of this.scroller?.children ?? []) {
      if (!(child instanceof HTMLElement) || child.dataset.key !== key) continue;
      if (anyRow || child.getAttribute('role') === 'article') return child;
    }
    return undefined;
  }

  /** Message items rendered and (at least `fully`) inside the log's box, top to bottom. */
  private itemsInView(fully: boolean): HTMLElement[] {
    const scroller = this.scroller;
    if (!scroller) return [];
    const box = scroller.getBoundingClientRect();
    const items: HTMLElement[] = [];
    for (const child of scroller.children) {
      if (!(child instanceof HTMLElement) || child.getAttribute('role') !== 'article') continue;
      const rect = child.getBoundingClientRect();
      const inside = fully
        ? rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1
        : rect.bottom > box.top && rect.top < box.bottom;
      if (inside) items.push(child);
    }
    return items.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  }

  /** Tab (or Shift+Tab) onto the log: on to the message last focused if in view, else the newest one in view. */
  private onLogFocus(event: FocusEvent): void {
    const scroller = event.currentTarget as HTMLElement;
    // Back from one of its items, or sent here by "N new messages" (the view is on its way down): stay on the log.
    const from = event.relatedTarget;
    if (this.jumping || (from instanceof Node && scroller.contains(from))) return;
    const inView = this.itemsInView(false);
    const active = this.activeKey ? this.rowElement(this.activeKey) : undefined;
    const target = active && inView.includes(active) ? active : inView.at(-1);
    target?.focus({ preventScroll: true });
  }

  private onLogFocusIn(event: FocusEvent): void {
    const item = (event.target as Element).closest<HTMLElement>('[role="article"]');
    this.focusWithin = true;
    if (!item?.dataset.key) return;
    this.activeKey = item.dataset.key;
    // Reading an older message: what arrives below must not scroll it (and focus) away.
    if (item.dataset.key !== this.rows.at(-1)?.key) this.threadScroll.release();
  }

  private onLogFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && (event.currentTarget as HTMLElement).contains(next)) return;
    this.focusWithin = false;
  }

  /** Up/Down: previous/next message; Home/End: first loaded/newest; Page Up/Down: a screen, then the message there. */
  private onLogKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const scroller = event.currentTarget as HTMLElement;
    const origin = event.composedPath()[0];
    // Keys in a message's links and buttons are theirs.
    const onItem = origin instanceof HTMLElement && origin.getAttribute('role') === 'article';
    if (!onItem && origin !== scroller) return;
    const rows = this.rows;
    const current = onItem ? rowIndexOf(rows, (origin as HTMLElement).dataset.key) : -1;
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowUp':
        target = messageBefore(rows, current < 0 ? rows.length : current);
        break;
      case 'ArrowDown':
        target = current < 0 ? messageBefore(rows, rows.length) : messageAfter(rows, current);
        break;
      case 'Home':
        target = messageAfter(rows, -1);
        break;
      case 'End':
        target = messageBefore(rows, rows.length);
        break;
      case 'PageUp':
      case 'PageDown':
        event.preventDefault();
        void this.focusAfterPage(scroller, event.key === 'PageUp' ? -1 : 1);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (target !== undefined) void this.focusRow(target);
  }

  /**
   * Focuses a message item, scrolling the virtualized log until it is rendered; `block: 'start'`
   * puts the row `top` (the item, or its conversation's heading) at the top of the view.
   */
  private async focusRow(index: number, block: 'nearest' | 'start' = 'nearest', top = index): Promise<void> {
    const key = this.rows[index]?.key;
    const scroller = this.scroller;
    if (!key || !scroller) return;
    this.activeKey = key;
    for (let frame = 0; frame < MAX_SEEK_FRAMES; frame += 1) {
      const item = this.rowElement(key);
      if (item) {
        item.focus({ preventScroll: true });
        const shown = this.rowElement(this.rows[top].key, true) ?? item;
        shown.scrollIntoView({ block });
        return;
      }
      if (index === messageAfter(this.rows, -1)) scroller.scrollTop = 0;
      else if (index >= this.rows.length - 1) scroller.scrollTop = scroller.scrollHeight;
      else {
        // Not rendered: further than the rows kept around the view. Far away, jump near it (by
        // its share of the rows); near, move a screen at a time towards it.
        const first = this.itemsInView(false)[0];
        const at = first ? rowIndexOf(this.rows, first.dataset.key) : -1;
        if (frame === 0 && at >= 0 && Math.abs(at - index) > 50) {
          scroller.scrollTop = (scroller.scrollHeight * index) / this.rows.length;
        } else {
          scroller.scrollTop += (index < at ? -1 : 1) * scroller.clientHeight * 0.8;
        }
      }
      await nextFrame();
    }
  }

  /** Page Up/Down: scrolls a screen, then focuses the message at the top (or bottom) of the view. */
  private async focusAfterPage(scroller: HTMLElement, direction: -1 | 1): Promise<void> {
    scroller.scrollTop += direction * scroller.clientHeight * 0.9;
    await nextFrame();
    await nextFrame();
    // The agent may have moved on (Shift+Tab to the filter) during those frames: focus is not taken back.
    const active = this.shadowRoot?.activeElement;
    if (!active || !scroller.contains(active)) return;
    const fully = this.itemsInView(true);
    const items = fully.length > 0 ? fully : this.itemsInView(false);
    const target = direction < 0 ? items[0] : items.at(-1);
    target?.focus({ preventScroll: true });
  }

  private readonly jumpToNewest = (): void => {
    this.activeKey = undefined;
    this.jumping = true;
    this.threadScroll.jumpToNewest();
    this.jumping = false;
  };

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const { t } = this.i18n;
    const id = this.target.conversationId;
    const conversation = this.data.value?.conversation;
    if (!this.target.store || !id || !conversation) {
      const text = this.target.store ? t.thread.noConversation : t.common.noStore;
      return html`<div class="placeholder" part="base">
        <p role="status">${text}</p>
        ${this.handover.renderUndo(t)}
      </div>`;
    }
    const visitor = this.data.value?.visitor;
    const name = this.visitorName;
    const closed = conversation.status === 'closed';
    return html`<div class="base" part="base" dir=${this.i18n.dir}>
      ${this.renderHeader(conversation, visitor, name, closed)}
      ${
        visitor?.blocked
          ? html`<div class="banner blocked" part="banner">${t.thread.blockedBanner(name)}</div>`
          : nothing
      }
      ${
        closed
          ? html`<div class="banner closed" part="banner">
              ${t.thread.closedBanner(conversation.closedAt ? formatDateTime(this.i18n.lang, conversation.closedAt) : '')}
            </div>`
          : nothing
      }
      ${this.handover.renderUndo(t)}
      ${this.handover.renderTransferNote(t, this.data.value?.allMessages ?? NO_MESSAGES, this.data.value?.agent?.name ?? '')}
      ${this.renderLog(name)} ${this.renderTyping(name, closed)} ${this.renderDialog(name)}
      ${this.handover.renderDialogs(this.handoverView(conversation.id, name, closed))}
    </div>`;
  }

  private renderHeader(conversation: Conversation, visitor: Visitor | undefined, name: string, closed: boolean) {
    const { t } = this.i18n;
    const channel = channelLabel(t, conversation.channel);
    const web = this.onWebsite;
    const notOnWebsite = t.shift.notOnWebsite(channel);
    const pageUrl = this.currentPageUrl;
    const pageHint = !web ? notOnWebsite : pageUrl ? t.thread.openCurrentPageHint : t.thread.openCurrentPageUnavailable;
    const blocked = !!visitor?.blocked;
    const blockHint = blocked ? t.thread.alreadyBlocked : t.thread.blockVisitorHint;
    const control = this.cobrowse.state;
    const controlLabel =
      control === 'requested'
        ? t.shift.cancelRequest
        : control === 'active'
          ? t.shift.stopControl
          : t.thread.takeControl;
    const controlHint = closed
      ? t.thread.takeControlClosed
      : !web
        ? notOnWebsite
        : control === 'active'
          ? t.thread.inControlHint
          : control === 'requested'
            ? t.thread.controlRequestedHint
            : t.thread.takeControlHint;
    const controlUnavailable = closed || !web;
    return html`<div class="header" part="header">
        <span class="avatar header-avatar" aria-hidden="true">${initials(name)}</span>
        <div class="title" part="title">
          ${heading(this.headingLevel, name, { className: 'name', dir: 'auto' })}
          <span class="channel" part="channel" title=${t.thread.channelLabel(channel)}
            ><span class="visually-hidden">${t.thread.channelLabel(channel)}</span
            ><span aria-hidden="true">${channel}</span></span
          >
        </div>
        <message-filter class="filter" exportparts="base: filter, option: filter-option"></message-filter>
        <div class="tools" part="toolbar" role="group" aria-label=${t.thread.tools}>
          <span class="tool-with-note">
            <button
              class="tool tool-open"
              part="tool"
              ?disabled=${web && !pageUrl}
              aria-disabled=${web ? 'false' : 'true'}
              title=${pageHint}
              aria-describedby="open-page-hint"
              @click=${this.openCurrentPage}
            >
              ${ICON_OPEN}<span class="label">${t.thread.openCurrentPage}</span>
            </button>
            ${web ? html`<span class="tool-note" part="tool-note" aria-hidden="true">${t.shift.sessionNotCarried}</span>` : nothing}
          </span>
          <button
            class="tool tool-control"
            part="tool"
            aria-disabled=${controlUnavailable ? 'true' : 'false'}
            data-state=${control}
            title=${controlHint}
            aria-describedby="control-hint"
            @click=${this.controlClicked}
          >
            ${ICON_CONTROL}<span class="label">${controlLabel}</span>
          </button>
          ${
            control !== 'idle'
              ? html`<span class="tool-status" part="control-status" data-state=${control}
                  >${control === 'active' ? t.thread.inControl : t.thread.controlRequested}</span
                >`
              : nothing
          }
          <button
            class="tool tool-block"
            part="tool"
            aria-disabled=${blocked ? 'true' : 'false'}
            title=${blockHint}
            aria-describedby="block-hint"
            @click=${() => requestBlock(this, { visitorId: conversation.visitorId, blocked, dialog: this.dialog })}
          >
            ${ICON_BLOCK}<span class="label">${t.thread.blockVisitor}</span>
          </button>
          ${this.handover.renderTools(this.handoverView(conversation.id, name, closed))}
          <span id="open-page-hint" hidden>${pageHint}</span>
          <span id="control-hint" hidden>${controlHint}</span>
          <span id="block-hint" hidden>${blockHint}</span>
        </div>
      </div>
      ${control === 'active' && !closed ? this.renderCobrowseOptions() : nothing}`;
  }

  /** While in control: what the agent sees of the visitor's screen, as switches. */
  private renderCobrowseOptions() {
    const { t } = this.i18n;
    const { options } = this.cobrowse;
    return html`<div class="cobrowse" part="cobrowse" role="group" aria-label=${t.shift.cobrowseOptions}>
      ${COBROWSE_OPTIONS.map(
        (option) =>
          html`<button
            class="switch"
            part="cobrowse-switch"
            role="switch"
            aria-checked=${options[option] ? 'true' : 'false'}
            @click=${() => this.toggleOption(option)}
          >
            <span class="switch-track" aria-hidden="true"></span>${t.shift.option[option]}
          </button>`,
      )}
    </div>`;
  }

  private renderLog(name: string) {
    const { t } = this.i18n;
    const rows = this.rows as ThreadRow[];
    const ctx = this.viewContext();
    const info = this.olderInfo;
    return html`<div class="log-area">
      <div
        class="scroller"
        part="log"
        role="log"
        aria-live="off"
        aria-label=${t.thread.conversationWith(name)}
        tabindex=${this.focusWithin ? -1 : 0}
        @focus=${this.onLogFocus}
        @focusin=${this.onLogFocusIn}
        @focusout=${this.onLogFocusOut}
        @keydown=${this.onLogKey}
      >
        ${virtualize({
          items: rows,
          // The scroller is the virtualizer itself: with a separate scrolling ancestor, the
          // virtualizer's pin math uses the live scroll offset and loses the bottom of long threads.
          scroller: true,
          // The directive may render one frame with a stale range after the rows shrank (filter change).
          keyFunction: (row: ThreadRow | undefined, index: number) => row?.key ?? `gap:${index}`,
          renderItem: (row: ThreadRow | undefined) => (row ? renderRow(row, ctx) : html`<div></div>`),
          layout: this.threadScroll.layout,
        })}
      </div>
      ${rows.length === 0 ? this.renderEmpty() : nothing}
      ${info.loadingOlder ? html`<div class="older" role="status">${t.thread.loadingOlderMessages}</div>` : nothing}
      ${
        this.threadScroll.newCount > 0
          ? html`<button class="new-messages" part="new-messages" @click=${this.jumpToNewest}>
              <span aria-hidden="true">↓</span> ${t.thread.newMessages(this.threadScroll.newCount)}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const { t } = this.i18n;
    const filter = this.filter;
    if (filter === 'all' || (this.data.value?.allMessages ?? NO_MESSAGES).length === 0) {
      return html`<div class="empty" part="empty">${t.thread.emptyThread}</div>`;
    }
    return html`<div class="empty" part="empty">
      <span>${t.thread.emptyFilter(t.thread.filter[filter])}</span>
      <button class="show-all" @click=${() => this.selectFilter('all')}>${t.thread.showAllMessages}</button>
    </div>`;
  }

  private renderTyping(name: string, closed: boolean) {
    const typing = this.data.value?.typing ?? NOT_TYPING;
    if (!typing.typing || closed) return nothing;
    return html`<div class="typing" part="typing">
      <span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>
      <span>${this.i18n.t.thread.typing(name)}</span>
      ${typing.preview ? html`<span class="preview">${typing.preview.slice(0, 300)}</span>` : nothing}
    </div>`;
  }

  private handoverView(conversationId: string, name: string, closed: boolean) {
    const data = this.data.value;
    return {
      t: this.i18n.t,
      store: this.target.store,
      conversationId,
      name,
      closed,
      targets: data?.transferTargets ?? NO_TRANSFER_TARGETS,
      tagSuggestions: data?.tagSuggestions ?? NO_TAGS,
      transfer: data?.transfer,
    };
  }

  private renderDialog(name: string) {
    return confirmBlockDialog({
      t: this.i18n.t,
      name,
      onConfirm: (reason) => this.confirmBlock(reason),
      onClose: () => this.onDialogClose(),
    });
  }
}

/** Frames a keyboard move waits for the virtualizer to render the message it goes to. */
const MAX_SEEK_FRAMES = 40;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function rowIndexOf(rows: readonly ThreadRow[], key: string | undefined): number {
  return key === undefined ? -1 : lastIndex(rows, (row) => row.key === key);
}

/** The message row before `index` (day separators are not items), if any. */
function messageBefore(rows: readonly ThreadRow[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i -= 1) if (rows[i].type === 'message') return i;
  return undefined;
}

function messageAfter(rows: readonly ThreadRow[], index: number): number | undefined {
  for (let i = index + 1; i < rows.length; i += 1) if (rows[i].type === 'message') return i;
  return undefined;
}

/** The index of the last item that matches, or -1. */
function lastIndex<T>(list: readonly T[], matches: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i -= 1) if (matches(list[i])) return i;
  return -1;
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
