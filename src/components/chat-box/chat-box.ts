import { ContextProvider } from '@lit/context';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { of } from 'rxjs';
import { ClockController } from '../../controllers/clock-controller.js';
import { deskContext, paneContext } from '../../context.js';
import { DeskCobrowseEvent, DeskCobrowseOptionEvent, DeskOpenPageEvent, DeskTakeControlEvent } from '../../events.js';
import { formatDateTime } from '../../i18n/format.js';
import { isMessageFilter, type MessageFilter } from '../../model/filter.js';
import { neutralizeBidi } from '../../model/text.js';
import { channelLabel, visitorDisplayName } from '../../i18n/names.js';
import { isWebChannel } from '../../model/channels.js';
import type { CobrowseOption, Conversation, Message, Visitor } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';
import { DEFAULT_COBROWSE_OPTIONS, type CobrowseState, type ThreadInfo } from '../../store/desk-store.js';
import { announce } from '../shared/announcer.js';
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
import { buildRows, initials, type ThreadRow } from './thread-rows.js';

const NO_MESSAGES: readonly Message[] = [];
const NO_ROWS: readonly ThreadRow[] = [];
const NO_THREAD: ThreadInfo = { hasOlder: undefined, loadingOlder: false };
const NOT_TYPING: TypingState = { typing: false };
const NO_COBROWSE: CobrowseState = { state: 'idle', line: undefined, options: DEFAULT_COBROWSE_OPTIONS };
const COBROWSE_OPTIONS: readonly CobrowseOption[] = ['mouse', 'input', 'scroll'];

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
 * `<message-filter>` for this thread and the tools "Open current page", "Take control" and
 * "Block visitor". Long threads are virtualized: the view follows new messages while at the
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
 * @csspart new-messages - The "N new messages" button.
 * @csspart empty - The empty state.
 * @csspart typing - The "… is typing" line.
 * @csspart dialog - The block confirmation dialog.
 *
 * @cssprop --chat-box-visitor-bubble-bg - Visitor bubble background (default `--desk-color-visitor-bubble`).
 * @cssprop --chat-box-visitor-bubble-color - Visitor bubble text colour.
 * @cssprop --chat-box-agent-bubble-bg - Agent bubble background (default `--desk-color-agent-bubble`).
 * @cssprop --chat-box-agent-bubble-color - Agent bubble text colour.
 * @cssprop --chat-box-bot-bubble-bg - Bot bubble background (default `--desk-color-bot-bubble`).
 * @cssprop --chat-box-bot-bubble-color - Bot bubble text colour.
 * @cssprop --chat-box-bubble-max-width - Widest a bubble gets (default 72%).
 *
 * @fires desk-open-page - Cancelable; before the visitor's current page opens in a new tab. `detail: { url, visitorId }`.
 * @fires desk-take-control - Cancelable; before co-browsing is requested. `detail: { visitorId, conversationId }`.
 * @fires desk-cobrowse - Cancelable; before a co-browsing request is cancelled or the session stopped. `detail: { conversationId, visitorId, action: 'cancel' | 'stop' }`.
 * @fires desk-cobrowse-option - Cancelable; before a co-browsing switch (mouse, form input, scroll position) changes. `detail: { conversationId, option, enabled }`.
 * @fires desk-block-visitor - Cancelable; before the block confirmation opens. `detail: { visitorId }`.
 */
export class ChatBox extends DeskElement {
  static override styles = [tokens, shared, chatBoxStyles, dialogStyles];

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

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.tool-block') private blockButton?: HTMLButtonElement;

  /** What the thread's own elements (its `<message-filter>`) follow: this store and conversation. */
  private readonly storeProvider = new ContextProvider(this, { context: deskContext, initialValue: undefined });
  private readonly paneProvider = new ContextProvider(this, { context: paneContext, initialValue: undefined });
  private readonly data = select(
    this,
    (store, id) => {
      const conversation = id ? store.conversation$(id) : of(undefined);
      return {
        conversation,
        visitor: id ? store.visitorOf$(id) : of(undefined),
        filter: id ? store.filter$(id) : of<MessageFilter>('all'),
        messages: id ? store.filteredMessages$(id) : of(NO_MESSAGES),
        allMessages: id ? store.messages$(id) : of(NO_MESSAGES),
        threadInfo: id ? store.thread$(id) : of(NO_THREAD),
        typing: id ? store.typing$(id) : of(NOT_TYPING),
        cobrowse: id ? store.cobrowse$(id) : of(NO_COBROWSE),
      };
    },
    (next, previous) => {
      if (this.filterPending) this.filterPending = !this.applyFilter(this.assignedFilter);
      this.announcer.update(
        { ...next, conversationId: this.target.conversationId },
        previous && { ...previous, conversationId: this.announcedFor },
      );
      this.announcedFor = this.target.conversationId;
      this.announceCobrowse(next.cobrowse, previous?.cobrowse);
    },
  );

  private rows: readonly ThreadRow[] = NO_ROWS;
  private rowsSource: readonly Message[] = NO_MESSAGES;
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
    loadOlder: (id) => this.target.store?.loadOlder(id),
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
    if (messages !== this.rowsSource) {
      this.rowsSource = messages;
      this.rows = buildRows(messages);
    }
    const info = this.data.value?.threadInfo ?? NO_THREAD;
    this.threadScroll.show({ conversationId: id, variant: this.filter, rows: this.rows, info });
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
    };
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

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const { t } = this.i18n;
    const id = this.target.conversationId;
    const conversation = this.data.value?.conversation;
    if (!this.target.store || !id || !conversation) {
      const text = this.target.store ? t.thread.noConversation : t.common.noStore;
      return html`<div class="placeholder" part="base" role="status">${text}</div>`;
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
      ${this.renderLog(name)} ${this.renderTyping(name, closed)} ${this.renderDialog(name)}
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
    const info = this.data.value?.threadInfo ?? NO_THREAD;
    return html`<div class="log-area">
      <div
        class="scroller"
        part="log"
        role="log"
        aria-live="off"
        aria-label=${t.thread.conversationWith(name)}
        tabindex="0"
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
          ? html`<button class="new-messages" part="new-messages" @click=${() => this.threadScroll.jumpToNewest()}>
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

  private renderDialog(name: string) {
    return confirmBlockDialog({
      t: this.i18n.t,
      name,
      onConfirm: (reason) => this.confirmBlock(reason),
      onClose: () => this.onDialogClose(),
    });
  }
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
