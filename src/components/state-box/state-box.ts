import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DeskConversationSelectEvent } from '../../events.js';
import { formatDuration, formatTime } from '../../i18n/format.js';
import { channelLabel, messagePreview, visitorDisplayName } from '../../i18n/names.js';
import { lastPreviewable, timeOf } from '../../model/thread.js';
import { textDirection } from '../../model/text.js';
import type { Visitor } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { ConversationSummary } from '../../store/selectors.js';
import { shared, tokens } from '../../styles/tokens.js';
import { ArrivalTracker } from '../../controllers/arrivals.js';
import { channelIcon } from './channel-icon.js';
import {
  adjacentId,
  CONVERSATION_SORTS,
  DEFAULT_SORT,
  DEFAULT_WARNING_THRESHOLD,
  orderConversations,
  toSort,
  toThreshold,
  type ConversationSort,
} from '../../store/order.js';
import { announce } from '../shared/announcer.js';
import { DEFAULT_HEADING_LEVEL, heading, toHeadingLevel } from '../shared/heading.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { stateBoxStyles } from './state-box.styles.js';
import { ClockController } from '../../controllers/clock-controller.js';

const EMPTY: readonly ConversationSummary[] = [];
/** How long the pointer rests on a row before its mini view shows. */
const MINI_VIEW_DELAY_MS = 500;
const NO_DRAFTS: ReadonlyMap<string, string> = new Map();
/** The short form of a conversation ID shown in a row (the full one is in its description). */
function shortId(id: string): string {
  return id.length <= 8 ? id : `…${id.slice(-6)}`;
}

interface Row {
  readonly summary: ConversationSummary;
  /** Conversation already closed but still shown in a pane. */
  readonly closed: boolean;
}

/**
 * The agent's radar: a listbox "Ongoing conversations" whose options show the visitor's name (or
 * "Visitor #4821") with an online dot ("Online" / "Left 3 min ago"), channel, short conversation ID
 * (full in the option's description), last message or "typing…", unread count, the time the visitor
 * has waited since their FIRST unanswered message ("Overdue" past `warning-threshold` seconds), the
 * time since the agent's last message, the conversation's duration, and New / Transferred / Not sent
 * / Draft / Blocked / Closed marks. Times tick on screen; what screen readers read changes at most
 * once a minute. A "Sort by" control orders the list (kept in the store, shared with `<chat-desk>`).
 *
 * Keyboard: Click, Enter or Space shows a conversation; arrow keys, Home and End move in the list;
 * Alt+ArrowDown / Alt+ArrowUp switch to the next / previous one; **Shift+Enter** shows the mini view
 * (the last 3 messages, without switching; also after the pointer rests on a row for 500 ms) and
 * Escape hides it; **Ctrl+C** (⌘C) copies the focused conversation's ID. New conversations are
 * announced politely.
 *
 * @customElement state-box
 * @summary List of ongoing conversations with waiting times and unread counts.
 * @csspart base - The wrapper.
 * @csspart header - The title row with the conversation count.
 * @csspart list - The listbox.
 * @csspart option - Each conversation row.
 * @csspart avatar - The channel glyph of a row.
 * @csspart name - The visitor's name.
 * @csspart preview - The last message preview.
 * @csspart badge - The unread count.
 * @csspart waiting - The "waiting for your reply" chip.
 * @csspart failed - The "Not sent" chip (a message of the agent failed to send).
 * @csspart draft - The "Draft" chip (an unsent draft in a conversation not focused).
 * @csspart sort - The "Sort by" control.
 * @csspart presence - The online dot on a row's avatar.
 * @csspart conversation-id - The short conversation ID.
 * @csspart replied - The time since the agent's last message.
 * @csspart new - The "New" mark (not answered yet).
 * @csspart transferred - The "Transferred" mark.
 * @csspart mini-view - The popover with a conversation's last 3 messages.
 * @csspart empty - The empty state.
 * @cssprop --state-box-selected-bg - Background of the conversation shown in the focused pane.
 * @cssprop --state-box-warning-bg - Background of an overdue waiting chip.
 * @fires desk-conversation-select - Cancelable, before a conversation is shown; `detail.conversationId`.
 */
export class StateBox extends DeskElement {
  static override styles = [tokens, shared, stateBoxStyles];

  /**
   * The order of the list, kept in the store (the "Sort by" control and `<chat-desk>` share it):
   * `waiting` (default; longest waiting first), `activity` (newest message first) or `oldest`
   * (`arrival` is accepted for `oldest`). Setting it (or the attribute) asks the store for that order.
   */
  @property({ converter: { fromAttribute: toSort } })
  get sort(): ConversationSort {
    return this.data?.value?.sort ?? this.requestedSort ?? DEFAULT_SORT;
  }
  set sort(sort: ConversationSort) {
    const previous = this.sort;
    this.requestedSort = toSort(sort);
    this.target.store?.setSort(this.requestedSort);
    this.requestUpdate('sort', previous);
  }

  /** The level of the "Ongoing conversations" heading (1–6, default 2), to fit the page's outline. */
  @property({ attribute: 'heading-level', converter: { fromAttribute: toHeadingLevel } })
  headingLevel: number = DEFAULT_HEADING_LEVEL;

  /** Seconds a visitor may wait for a reply before the row shows a warning. */
  @property({ attribute: 'warning-threshold', converter: { fromAttribute: toThreshold } })
  warningThreshold: number = DEFAULT_WARNING_THRESHOLD;

  /** Conversation whose row holds the roving tab stop. */
  @state() private activeId: string | undefined;
  /** The conversation whose latest messages show in the mini view, and the row it is beside. */
  @state() private miniView: { id: string; top: number; left: number } | undefined;

  /** The order the page asked for, applied to each store the list gets. */
  private requestedSort: ConversationSort | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  /** The row under the pointer, and whether the pointer is on the mini view. */
  private hovered: string | undefined;
  private overMiniView = false;

  private readonly clock = new ClockController(this);
  private readonly data = select(
    this,
    (store) => ({
      summaries: store.conversations$,
      focusedId: store.focusedId$,
      panes: store.panes$,
      layout: store.layout$,
      drafts: store.drafts$,
      sort: store.sort$,
    }),
    (value, previous) => {
      if (value.summaries === previous?.summaries) return;
      const store = this.target.store;
      if (store !== this.observedStore) {
        this.observedStore = store;
        this.arrivals.reset();
        this.seenOngoing = new Set();
        if (this.requestedSort && store) store.setSort(this.requestedSort);
      }
      for (const summary of value.summaries) this.seenOngoing.add(summary.conversation.id);
      this.noticeArrivals(value.summaries);
    },
  );
  /**
   * Conversations seen ongoing, per store. A closed conversation stays listed while shown in a pane
   * only if it closed while the agent had it (not a past one opened from the visitor's history).
   */
  private seenOngoing = new Set<string>();

  /** Conversation ids already seen (for the arrival announcements), per store. */
  private readonly arrivals = new ArrivalTracker();
  private observedStore: DeskStore | undefined;
  /** Safe element ids for the rows (conversation ids may hold any character). */
  private readonly domIds = new Map<string, string>();
  private focusAfterRender = false;
  /** Type-ahead: the letters typed in quick succession, and when they are forgotten. */
  private typed = '';
  private typedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The shown conversation last scrolled into view, and the observer that will measure it. */
  private revealedId: string | null = null;
  private revealing: IntersectionObserver | undefined;

  /** Focuses the row that holds the tab stop (the shown conversation by default). */
  override focus(options?: FocusOptions): void {
    const option = this.activeOption();
    if (option) option.focus(options);
    else super.focus(options);
  }

  protected override update(changed: PropertyValues<this>): void {
    // Re-ordering (sort="waiting") moves rows in the DOM, which drops focus: put it back.
    const hadFocus = !!(this.renderRoot as ShadowRoot).activeElement?.matches('[role="option"]');
    super.update(changed);
    if (hadFocus && !(this.renderRoot as ShadowRoot).activeElement) this.activeOption()?.focus({ preventScroll: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typedTimer);
    clearTimeout(this.hoverTimer);
    this.miniView = undefined;
    this.revealing?.disconnect();
    this.revealing = undefined;
  }

  protected override updated(): void {
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      this.activeOption()?.focus();
    }
    // Keep the shown conversation visible in a long list when it changes from elsewhere (Alt+Arrow).
    const selected = this.data.value?.focusedId ?? null;
    if (selected !== this.revealedId) {
      this.revealedId = selected;
      const option = selected ? this.optionFor(selected) : null;
      if (option) this.reveal(option);
    }
  }

  /**
   * Scrolls the list (only the list, never the page) so that `option` is in view. Measured by an
   * observer once the page is laid out: reading positions now would force a layout in the middle
   * of the desk's render (4 threads mounting, a pane switch).
   */
  private reveal(option: HTMLElement): void {
    const list = option.parentElement;
    if (!list) return;
    this.revealing?.disconnect();
    const observer = new IntersectionObserver(
      ([entry]) => {
        observer.disconnect();
        if (this.revealing === observer) this.revealing = undefined;
        const { boundingClientRect: row, rootBounds: box } = entry;
        if (!box || !option.isConnected) return;
        if (row.top < box.top) list.scrollTop -= box.top - row.top;
        else if (row.bottom > box.bottom) list.scrollTop += row.bottom - box.bottom;
      },
      { root: list },
    );
    this.revealing = observer;
    observer.observe(option);
  }

  private optionFor(conversationId: string): HTMLElement | null {
    const options = this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]');
    for (const option of options) if (option.dataset.id === conversationId) return option;
    return null;
  }

  override render() {
    const { t } = this.i18n;
    const store = this.target.store;
    if (!store) return html`<div class="placeholder" part="base">${t.common.noStore}</div>`;
    const rows = this.rows(store);
    this.clock.setEnabled(rows.length > 0);
    const ids = rows.map((row) => row.summary.conversation.id);
    const selected = this.data.value?.focusedId ?? null;
    const active =
      this.activeId && ids.includes(this.activeId)
        ? this.activeId
        : selected && ids.includes(selected)
          ? selected
          : ids[0];
    const ongoing = rows.filter((row) => !row.closed).length;
    const now = Date.now();
    return html`
      <div class="base" part="base">
        <div class="header" part="header">
          ${this.renderTitle()}
          <span class="count" title=${t.stateBox.count(ongoing)}>
            <span aria-hidden="true">${ongoing}</span>
            <span class="visually-hidden">${t.stateBox.count(ongoing)}</span>
          </span>
        </div>
        <div class="toolbar">
          <label class="sort" part="sort">
            <span>${t.stateBox.sortBy}</span>
            <select
              .value=${this.sort}
              @change=${(event: Event) => store.setSort(toSort((event.target as HTMLSelectElement).value))}
            >
              ${CONVERSATION_SORTS.map(
                (sort) =>
                  html`<option value=${sort} ?selected=${sort === this.sort}>${t.stateBox.sorts[sort]}</option>`,
              )}
            </select>
          </label>
        </div>
        ${
          rows.length
            ? nothing
            : html`<div class="empty" part="empty">
                ${
                  store.state.loaded
                    ? html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
                          <path d="M4 5h16v10H9l-5 4z" stroke-width="1.6" stroke-linejoin="round" />
                        </svg>
                        <p class="empty-title">${t.stateBox.empty}</p>
                        <p class="empty-hint">${t.stateBox.emptyHint}</p>`
                    : html`<p class="empty-hint">${t.common.loading}</p>`
                }
              </div>`
        }
        <ul
          role="listbox"
          part="list"
          aria-label=${t.stateBox.ongoingConversations}
          aria-describedby="list-hint"
          ?hidden=${rows.length === 0}
          @keydown=${this.onKeyDown}
          @click=${this.onClick}
          @pointerover=${this.onPointerOver}
          @pointerleave=${this.onPointerLeave}
        >
          ${repeat(
            rows,
            (row) => row.summary.conversation.id,
            (row) => this.renderRow(row, row.summary.conversation.id === active, selected, now),
          )}
        </ul>
        <p id="list-hint" class="visually-hidden">${t.stateBox.miniViewHint}</p>
        ${this.renderMiniView(store)}
      </div>
    `;
  }

  /** The list's heading, at the page's level. */
  private renderTitle() {
    return heading(this.headingLevel, this.i18n.t.stateBox.ongoingConversations, { className: 'title' });
  }

  /** The latest three messages of a conversation, beside its row, without switching to it. */
  private renderMiniView(store: DeskStore) {
    const view = this.miniView;
    if (!view) return nothing;
    const { t, lang } = this.i18n;
    const summary = (this.data.value?.summaries ?? EMPTY).find((s) => s.conversation.id === view.id);
    if (!summary) return nothing;
    const name = this.nameOf(summary);
    const messages = (store.state.threads.get(view.id)?.messages ?? [])
      .filter((message) => message.kind !== 'navigation')
      .slice(-3);
    return html`<div
      id="mini-view"
      class="mini-view"
      part="mini-view"
      role="tooltip"
      aria-label=${t.stateBox.miniView(name)}
      style=${`top: ${view.top}px; left: ${view.left}px`}
      @pointerenter=${() => (this.overMiniView = true)}
      @pointerleave=${this.onPointerLeave}
    >
      <p class="mini-title">${t.stateBox.miniView(name)}</p>
      ${
        messages.length
          ? html`<ol>
              ${messages.map(
                (message) =>
                  html`<li data-author=${message.author}>
                    <span class="mini-meta"
                      >${message.author === 'visitor' ? name : (message.authorName ?? store.state.agent.name)}
                      <time datetime=${message.at}>${formatTime(lang, message.at)}</time></span
                    >
                    <span class="mini-text" dir="auto">${messagePreview(t, message, 160)}</span>
                  </li>`,
              )}
            </ol>`
          : html`<p>${t.stateBox.noMessages}</p>`
      }
    </div>`;
  }

  private renderRow(row: Row, active: boolean, selected: string | null, now: number) {
    const { t, lang } = this.i18n;
    const sb = t.stateBox;
    const { conversation, visitor, typing } = row.summary;
    const id = conversation.id;
    const dom = this.domId(id);
    const name = this.nameOf(row.summary);
    const channel = channelLabel(t, conversation.channel);
    const sep = this.sep();
    const blocked = !!visitor?.blocked;
    const waitingSince = row.closed ? undefined : row.summary.waitingSince;
    const waitedMs = waitingSince ? Math.max(0, now - timeOf(waitingSince)) : 0;
    const overdue = !!waitingSince && waitedMs >= Math.max(0, this.warningThreshold) * 1000;
    const end = row.closed && conversation.closedAt ? timeOf(conversation.closedAt) : now;
    const durationMs = Math.max(0, end - timeOf(conversation.startedAt));
    const repliedAt = row.summary.agentRepliedAt;
    const repliedMs = repliedAt ? Math.max(0, now - timeOf(repliedAt)) : 0;
    const unread = row.closed ? 0 : row.summary.unread;
    const paneIndex = (this.data.value?.layout ?? 1) > 1 ? (this.data.value?.panes ?? []).indexOf(id) : -1;
    const preview = typing?.typing ? { text: sb.typing, dir: 'auto' as const } : this.previewOf(row.summary);
    const failed = row.summary.failed;
    const draft = id !== selected && ((this.data.value?.drafts ?? NO_DRAFTS).get(id) ?? '').trim() !== '';
    const unanswered = !row.closed && !repliedAt;
    const presence = this.presenceOf(visitor, now);
    return html`
      <li
        role="option"
        part="option"
        id=${dom}
        class="row"
        data-id=${id}
        data-channel=${conversation.channel}
        tabindex=${active ? 0 : -1}
        aria-selected=${id === selected ? 'true' : 'false'}
        aria-describedby=${this.miniView?.id === id ? `${dom}-id mini-view` : `${dom}-id`}
        ?data-waiting=${!!waitingSince}
        ?data-overdue=${overdue}
        ?data-closed=${row.closed}
        ?data-blocked=${blocked}
        ?data-in-pane=${paneIndex >= 0}
        ?data-failed=${failed}
        ?data-draft=${draft}
      >
        <span class="avatar" part="avatar">
          ${channelIcon(conversation.channel)}
          ${
            presence
              ? html`<span class="presence" part="presence" ?data-online=${presence.online} aria-hidden="true"></span>`
              : nothing
          }
        </span>
        <span class="main">
          <span class="line">
            <span class="name" part="name" dir="auto">${name}</span>${sep}
            ${presence ? html`<span class="visually-hidden">${presence.text}</span>${sep}` : nothing}
          </span>
          <span class="state">
            <span class="channel">${channel}</span>
            <span class="conversation-id" part="conversation-id" aria-hidden="true" title=${sb.conversationId(id)}
              >${sb.idLabel} ${shortId(id)}</span
            >
            ${
              repliedAt
                ? html`<span class="replied" part="replied" aria-hidden="true"
                    >${sb.replied(formatDuration(lang, repliedMs))}</span
                  >`
                : nothing
            }
            ${
              waitingSince
                ? html`<span class="chip waiting" part="waiting">
                    <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
                      <circle cx="12" cy="12" r="8.5" />
                      <path d="M12 7.5V12l3 2" stroke-linecap="round" />
                    </svg>
                    <span aria-hidden="true">${sb.waiting(formatDuration(lang, waitedMs))}</span>
                    ${overdue ? html`<span class="overdue" aria-hidden="true">${sb.overdue}</span>` : nothing}
                    <span class="visually-hidden">${sb.waitingForReply(this.minutes(waitedMs), overdue)}</span>
                  </span>`
                : nothing
            }
            ${unanswered ? html`<span class="chip new" part="new">${sb.unanswered}</span>` : nothing}
            ${row.summary.transferred ? html`<span class="chip transferred" part="transferred">${sb.transferred}</span>` : nothing}
            ${
              failed
                ? html`<span class="chip failed" part="failed">
                    <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
                      <circle cx="12" cy="12" r="8.5" />
                      <path d="M12 7.5v5.5M12 16.2v.3" stroke-linecap="round" />
                    </svg>
                    <span>${sb.notSent}</span>
                  </span>`
                : nothing
            }
            ${draft ? html`<span class="chip draft" part="draft">${sb.draft}</span>` : nothing}
            ${blocked ? html`<span class="chip blocked">${sb.blocked}</span>` : nothing}
            ${row.closed ? html`<span class="chip closed">${sb.closed}</span>` : nothing}
            ${
              paneIndex >= 0
                ? html`<span class="chip pane-mark" title=${sb.inPane(paneIndex + 1)}>
                    <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
                      <rect x="3" y="4" width="8" height="16" rx="2" />
                      <rect x="13" y="4" width="8" height="16" rx="2" />
                    </svg>
                    <span aria-hidden="true">${sb.paneMark(paneIndex + 1)}</span>
                    <span class="visually-hidden">${sb.inPane(paneIndex + 1)}</span>
                  </span>`
                : nothing
            } </span
          >${sep}
          ${
            unread > 0
              ? html`<span class="badge" part="badge">
                    <span aria-hidden="true">${unread > 99 ? '99+' : unread}</span>
                    <span class="visually-hidden">${sb.unread(unread)}</span> </span
                  >${sep}`
              : nothing
          }
          <span class="preview" part="preview" dir=${preview.dir} ?data-typing=${!!typing?.typing}>${preview.text}</span
          >${sep}
          <span class="times">
            ${
              repliedAt
                ? html`<span class="visually-hidden">${sb.repliedAgo(this.minutes(repliedMs))}</span>${sep}`
                : unanswered
                  ? html`<span class="visually-hidden">${sb.unansweredLong}</span>${sep}`
                  : nothing
            }
            <span class="duration">
              <span aria-hidden="true">${formatDuration(lang, durationMs)}</span>
              <span class="visually-hidden">${sb.duration(this.minutes(durationMs))}</span>
            </span>
          </span>
        </span>
        <span id="${dom}-id" hidden
          >${sb.conversationId(id)}${row.summary.transferred ? `. ${sb.transferredLong}` : ''}</span
        >
      </li>
    `;
  }

  /** A duration at minute resolution, in words, for what screen readers read (seconds would re-read rows). */
  private minutes(milliseconds: number): string {
    if (milliseconds < 60_000) return this.i18n.t.stateBox.underAMinute;
    return formatDuration(this.i18n.lang, Math.floor(milliseconds / 60_000) * 60_000, 'long');
  }

  /** The visitor's presence, when the server tells it: online, or left (and how long ago). */
  private presenceOf(visitor: Visitor | undefined, now: number): { online: boolean; text: string } | undefined {
    if (visitor?.online === undefined) return undefined;
    const sb = this.i18n.t.stateBox;
    if (visitor.online) return { online: true, text: sb.online };
    const seen = visitor.lastSeenAt ? timeOf(visitor.lastSeenAt) : 0;
    return { online: false, text: seen ? sb.left(this.minutes(Math.max(0, now - seen))) : sb.offline };
  }

  // ---- data ------------------------------------------------------------------------------

  /** Ongoing conversations in the chosen order, then closed ones still shown in a pane. */
  private rows(store: DeskStore): Row[] {
    const ordered = orderConversations(this.data.value?.summaries ?? EMPTY, this.sort);
    const rows: Row[] = ordered.map((summary) => ({ summary, closed: false }));
    const listed = new Set(ordered.map((summary) => summary.conversation.id));
    const state = store.state;
    for (const id of this.data.value?.panes ?? []) {
      // A past conversation opened from the visitor's history is not an ongoing one.
      if (!id || listed.has(id) || !this.seenOngoing.has(id)) continue;
      const conversation = state.conversations.get(id);
      if (!conversation || conversation.status !== 'closed') continue;
      listed.add(id);
      rows.push({
        closed: true,
        summary: {
          conversation,
          visitor: state.visitors.get(conversation.visitorId),
          lastMessage: lastPreviewable(state.threads.get(id)?.messages ?? []),
          waitingSince: undefined,
          agentRepliedAt: undefined,
          failed: false,
          transferred: false,
          unread: 0,
          typing: undefined,
        },
      });
    }
    return rows;
  }

  private nameOf(summary: ConversationSummary): string {
    return visitorDisplayName(this.i18n.t, summary.visitor, summary.conversation.visitorId);
  }

  /** A pause between the pieces of an option's spoken name (the locale's list separator). */
  private sep() {
    return html`<span class="visually-hidden">${this.i18n.t.stateBox.separator}</span>`;
  }

  /**
   * The last message in one line, with its direction: the message's own, not that of a "You: "
   * around it, so that an English message in an Arabic desk (or the reverse) is clipped at its end.
   */
  private previewOf(summary: ConversationSummary): { text: string; dir: 'ltr' | 'rtl' | 'auto' } {
    const { t } = this.i18n;
    const message = summary.lastMessage;
    if (!message) return { text: t.stateBox.noMessages, dir: 'auto' };
    const text = messagePreview(t, message) || t.stateBox.attachment;
    return { text: message.author === 'agent' ? t.stateBox.you(text) : text, dir: textDirection(text) };
  }

  private domId(conversationId: string): string {
    let id = this.domIds.get(conversationId);
    if (!id) {
      id = `conversation-${this.domIds.size + 1}`;
      this.domIds.set(conversationId, id);
    }
    return id;
  }

  private noticeArrivals(list: readonly ConversationSummary[]): void {
    const fresh = this.arrivals.update(list, !!this.target.store?.state.loaded);
    if (fresh.length === 0) return;
    const { t } = this.i18n;
    announce(
      this,
      fresh
        .map((summary) =>
          t.stateBox.newConversation(this.nameOf(summary), channelLabel(t, summary.conversation.channel)),
        )
        .join('. '),
      { key: 'arrivals' },
    );
  }

  // ---- interaction -----------------------------------------------------------------------

  private activeOption(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
  }

  private orderedIds(): string[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')].map((option) => option.dataset.id!);
  }

  private select(conversationId: string): void {
    const store = this.target.store;
    if (!store) return;
    const event = new DeskConversationSelectEvent({ conversationId });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    store.focus(conversationId);
  }

  private moveTo(conversationId: string | undefined): void {
    if (!conversationId) return;
    this.activeId = conversationId;
    this.focusAfterRender = true;
    this.requestUpdate();
  }

  private readonly onClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const id = option?.dataset.id;
    if (!id) return;
    this.activeId = id;
    this.select(id);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const current = (event.target as Element).closest<HTMLElement>('[role="option"]')?.dataset.id ?? this.activeId;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'c' && current) {
      // Nothing is selected as text in a listbox: Ctrl+C copies the conversation ID.
      event.preventDefault();
      void this.copyId(current);
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' && this.miniView) {
      event.preventDefault();
      event.stopPropagation();
      this.miniView = undefined;
      return;
    }
    if (event.key === 'Enter' && event.shiftKey && !event.altKey) {
      event.preventDefault();
      const option = current ? this.optionFor(current) : null;
      if (option && current) this.toggleMiniView(current, option);
      return;
    }
    const ids = this.orderedIds();
    if (event.altKey) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      // Alt+Arrow: switch to the next / previous conversation (the desk lets this one through).
      event.preventDefault();
      const next = adjacentId(ids, this.data.value?.focusedId ?? null, event.key === 'ArrowDown' ? 1 : -1);
      if (!next) return;
      this.select(next);
      this.moveTo(next);
      return;
    }
    const index = current ? ids.indexOf(current) : -1;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(ids[Math.min(ids.length - 1, index + 1)]);
        break;
      case 'ArrowUp':
        this.moveTo(ids[Math.max(0, index - 1)]);
        break;
      case 'Home':
        this.moveTo(ids[0]);
        break;
      case 'End':
        this.moveTo(ids[ids.length - 1]);
        break;
      case 'Enter':
      case ' ':
        if (current) this.select(current);
        break;
      default:
        // "?" is left to the desk (it opens the keyboard shortcuts).
        if (event.key.length === 1 && event.key !== ' ' && event.key !== '?' && !event.altKey) {
          this.typeAhead(event.key, ids, current);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  /** Shows (or hides) the mini view of a conversation beside its row. */
  private toggleMiniView(
    conversationId: string,
    option: HTMLElement,
    show = this.miniView?.id !== conversationId,
  ): void {
    if (!show) {
      this.miniView = undefined;
      return;
    }
    const rect = option.getBoundingClientRect();
    const width = 320;
    const rtl = this.i18n.dir === 'rtl';
    const room = rtl ? rect.left - width - 8 : window.innerWidth - rect.right - width - 8;
    // Beside the row when there is room, else below it; always inside the viewport.
    const left =
      room >= 0
        ? rtl
          ? rect.left - width - 8
          : rect.right + 8
        : Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    const top = room >= 0 ? rect.top : rect.bottom + 4;
    this.miniView = { id: conversationId, top: Math.max(8, Math.min(top, window.innerHeight - 160)), left };
  }

  /** Pointer resting on a row: its mini view after a short delay. */
  private readonly onPointerOver = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const id = option?.dataset.id;
    if (id === this.hovered) return;
    this.hovered = id;
    clearTimeout(this.hoverTimer);
    if (!option || !id || this.miniView?.id === id) return;
    this.hoverTimer = setTimeout(() => {
      if (this.hovered === id && option.isConnected) this.toggleMiniView(id, option, true);
    }, MINI_VIEW_DELAY_MS);
  };

  /** The pointer left the list or the mini view: close it, unless it went onto the other. */
  private readonly onPointerLeave = (event: PointerEvent): void => {
    if ((event.currentTarget as Element).matches('[role="listbox"]')) this.hovered = undefined;
    else this.overMiniView = false;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      if (!this.hovered && !this.overMiniView) this.miniView = undefined;
    }, 150);
  };

  /** Copies a conversation's full ID and says so. */
  private async copyId(conversationId: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(conversationId);
      announce(this, this.i18n.t.stateBox.idCopied(conversationId), { key: 'copied' });
    } catch {
      // Clipboard refused (no permission, insecure context): the ID stays in the row's description.
    }
  }

  /** Moves to the next conversation whose visitor name starts with the letters typed. */
  private typeAhead(key: string, ids: readonly string[], current: string | undefined): void {
    clearTimeout(this.typedTimer);
    this.typedTimer = setTimeout(() => (this.typed = ''), 700);
    const repeat = this.typed === key; // the same letter again cycles through the matches
    this.typed = repeat ? key : this.typed + key;
    const prefix = this.typed.toLocaleLowerCase(this.i18n.lang);
    const names = new Map<string, string>();
    for (const summary of this.data.value?.summaries ?? EMPTY) names.set(summary.conversation.id, this.nameOf(summary));
    const start = current ? ids.indexOf(current) : -1;
    const offset = this.typed.length === 1 ? 1 : 0;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[(start + offset + i + ids.length) % ids.length];
      if ((names.get(id) ?? '').toLocaleLowerCase(this.i18n.lang).startsWith(prefix)) {
        this.moveTo(id);
        return;
      }
    }
  }
}
