import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DEFAULT_HEADING_LEVEL, heading, toHeadingLevel } from '../shared/heading.js';
import { of } from 'rxjs';
import { distinctUntilChanged, map, switchMap } from 'rxjs/operators';
import { DeskConversationSelectEvent, DeskCustomerRecordEvent } from '../../events.js';
import {
  countryName,
  formatCurrency,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatTime,
  languageName,
} from '../../i18n/format.js';
import { neutralizeBidi } from '../../model/text.js';
import { timeOf } from '../../model/thread.js';
import { channelLabel, messagePreview, visitorDisplayName } from '../../i18n/names.js';
import type { Strings } from '../../i18n/strings.js';
import type { Conversation, Message, Visitor } from '../../model/types.js';
import { displayUrl, safeUrl } from '../../model/url.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { VisitorHistory } from '../../store/selectors.js';
import { shared, tokens } from '../../styles/tokens.js';
import { dialogStyles } from '../../styles/dialog.js';
import { confirmBlockDialog, requestBlock } from '../shared/confirm-block-dialog.js';
import { transcript, transcriptStyles } from './transcript.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { visitorPanelStyles } from './visitor-panel.styles.js';

type SectionKey = 'source' | 'navigation' | 'profile' | 'pastMessages' | 'customData' | 'visitorHistory';
type CustomDatum = NonNullable<Visitor['customData']>[number];

const NO_MESSAGES: readonly Message[] = [];
const NO_THREADS: ReadonlyMap<string, readonly Message[]> = new Map();
/** Recent pages shown in the Navigation section. */
const RECENT_PAGES = 8;

/** The first message worth previewing for a history entry: the visitor's first words, else anything. */
function previewOf(t: Strings, messages: readonly Message[]): string {
  const first =
    messages.find((m) => m.author === 'visitor' && m.kind !== 'navigation') ??
    messages.find((m) => m.kind !== 'navigation');
  return first ? messagePreview(t, first) : '';
}

function toNumber(value: string | number | boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function validTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything about the visitor of a conversation: where they came from, what they browse
 * (live), their profile, past messages, the integrator's custom data and their past
 * conversations; block (and, for managers, unblock) them.
 *
 * Follows the `conversation-id` attribute, else the pane's conversation, else the focused one.
 * Without a store it renders an accessible placeholder.
 *
 * @customElement visitor-panel
 * @summary Visitor information panel.
 * @csspart base - The panel.
 * @csspart header - The visitor's name and blocked badge.
 * @csspart section - Each collapsible section.
 * @csspart section-toggle - The button in each section heading.
 * @csspart section-body - The content of each section.
 * @csspart link - Links to pages the visitor saw.
 * @csspart history-entry - Each past conversation button.
 * @csspart transcript - The full text of a past conversation (customer record, or the one shown).
 * @csspart load-older - The "Load older conversations" button.
 * @csspart customer-record - The "Show customer record" button.
 * @csspart block - The block / unblock area.
 * @csspart dialog - The block confirmation dialog.
 * @cssprop --visitor-panel-padding - Inner padding of the sections.
 * @cssprop --visitor-panel-label-width - Width of the label column in key/value lists.
 * @fires desk-customer-record - When the agent asks for the customer record (cancelable; default: shows the full history here).
 * @fires desk-block-visitor - When the agent asks to block the visitor, before the confirmation (cancelable).
 * @fires desk-conversation-select - When the agent opens a past conversation (cancelable; default: focuses it).
 */
export class VisitorPanel extends DeskElement {
  static override styles = [tokens, shared, visitorPanelStyles, transcriptStyles, dialogStyles];

  /** The conversation whose visitor is shown; by default the pane's or the focused one. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The level of the visitor's name heading (1–6, default 2); sections are one level below, their parts two. */
  @property({ attribute: 'heading-level', converter: { fromAttribute: toHeadingLevel } })
  headingLevel: number = DEFAULT_HEADING_LEVEL;

  @state() private collapsed: ReadonlySet<SectionKey> = new Set();
  /** Past conversations whose whole transcript is shown (past its first lines). */
  @state() private fullTranscripts: ReadonlySet<string> = new Set();
  /** Set when the agent's "Load older conversations" reached the end (for "No older conversations"). */
  @state() private olderExhaustedFor: string | undefined;
  /** The visitor whose full history ("customer record") is being loaded or shown. */
  @state() private recordFor: string | undefined;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly clock = new ClockController(this);
  private readonly data = select(
    this,
    (store, id) => {
      const visitorId = (id ? store.conversation$(id) : of(undefined)).pipe(
        map((conversation) => conversation?.visitorId),
        distinctUntilChanged(),
      );
      return {
        conversation: id ? store.conversation$(id) : of(undefined),
        navigation: id ? store.messages$(id, 'navigation') : of(NO_MESSAGES),
        agent: store.agent$,
        visitor: visitorId.pipe(switchMap((v) => (v ? store.visitor$(v) : of(undefined)))),
        history: visitorId.pipe(switchMap((v) => (v ? store.history$(v) : of(undefined)))),
        /** Messages of each past conversation (previews and transcripts). */
        pastThreads: visitorId.pipe(switchMap((v) => (v ? store.pastThreads$(v) : of(NO_THREADS)))),
      };
    },
    (value, previous) => {
      if (value.history === previous?.history) return;
      this.continueRecord(value.history);
      this.loadFirstPage(value.conversation?.visitorId, value.history);
    },
  );

  /** The visitor whose first page of history was asked for without "Load older conversations". */
  private firstPageFor: string | undefined;

  /** A returning visitor whose past conversations are all on the server: their first page comes unasked. */
  private loadFirstPage(visitorId: string | undefined, history: VisitorHistory | undefined): void {
    const store = this.target.store;
    if (!store || !visitorId || !history || this.firstPageFor === visitorId) return;
    if (history.conversations.length > 0 || !history.hasMore || history.loading) return;
    this.firstPageFor = visitorId;
    store.loadHistory(visitorId);
  }

  /** Where focus goes after the next render (e.g. back to the trigger of the dialog). */
  private focusAfterUpdate: string | undefined;
  private loadOlderHadFocus = false;
  /** How many past conversations were listed when the agent asked for older ones. */
  private countBeforeLoad = 0;

  protected override explicitConversationId(): string | undefined {
    return this.conversationId;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const visitor = this.data.value?.visitor;
    this.clock.setEnabled(!!visitor && (!!visitor.browsingStartedAt || validTimeZone(visitor.timeZone)));
    const visitorId = this.data.value?.conversation?.visitorId;
    if (this.recordFor && this.recordFor !== visitorId) this.recordFor = undefined;
    if (this.olderExhaustedFor && this.olderExhaustedFor !== visitorId) this.olderExhaustedFor = undefined;
    const history = this.data.value?.history;
    if (this.loadOlderHadFocus && history && !history.loading && !history.hasMore) {
      // The last page removes "Load older conversations": say that there is nothing older, and keep
      // focus in the list (the last entry it brought, else that note), not on <body>.
      this.loadOlderHadFocus = false;
      this.olderExhaustedFor = this.data.value?.conversation?.visitorId;
      const active = this.shadowRoot?.activeElement;
      if (!active || active.matches('.load-older')) {
        const added = history.conversations.length > this.countBeforeLoad;
        this.focusAfterUpdate ??= added ? '.history-entry:last-of-type button' : '.no-older';
      }
    }
  }

  protected override updated(): void {
    // Blocked meanwhile (another pane, the server): nothing left to confirm.
    if (this.dialog?.open && this.data.value?.visitor?.blocked) this.dialog.close('cancel');

    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      target?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close('cancel');
  }

  // ---- rendering -------------------------------------------------------------------------

  override render() {
    const { t } = this.i18n;
    const vp = t.visitorPanel;
    const store = this.target.store;
    const conversation = this.data.value?.conversation;
    if (!store || !conversation) {
      const why = !store ? t.common.noStore : this.target.conversationId ? vp.noVisitor : vp.noConversation;
      return html`<div class="placeholder" role="status">${why}</div>`;
    }
    const visitor: Visitor = this.data.value?.visitor ?? { id: conversation.visitorId };
    return html`
      <div class="base" part="base" dir=${this.i18n.dir}>
        <header class="header" part="header">
          ${this.heading(0, 'name', this.nameOf(visitor), 'auto')}
          ${visitor.blocked ? html`<span class="badge badge-blocked">${vp.blocked}</span>` : nothing}
        </header>
        ${this.section('source', vp.source, this.renderSource(visitor))}
        ${this.section('navigation', vp.navigation, this.renderNavigation(visitor))}
        ${this.section('profile', vp.profile, this.renderProfile(visitor))}
        ${this.section('pastMessages', vp.pastMessages, this.renderPastMessages(visitor))}
        ${this.section('customData', vp.customData, this.renderCustomData(visitor))}
        ${this.section('visitorHistory', vp.visitorHistory, this.renderHistory(store, visitor))}
        ${this.renderBlock(visitor)}
        ${confirmBlockDialog({
          t,
          name: this.nameOf(visitor),
          onConfirm: (reason) => this.confirmBlock(visitor.id, reason),
          onClose: (blocked) => this.onDialogClose(blocked),
        })}
      </div>
    `;
  }

  /** A heading `offset` levels below the panel's `heading-level`. */
  private heading(offset: number, className: string, content: unknown, dir?: 'auto'): TemplateResult {
    return heading(this.headingLevel, content, { offset, className, dir });
  }

  private nameOf(visitor: Visitor): string {
    return neutralizeBidi(visitorDisplayName(this.i18n.t, visitor));
  }

  private section(key: SectionKey, title: string, body: TemplateResult): TemplateResult {
    const open = !this.collapsed.has(key);
    return html`
      <section class="section" part="section" data-section=${key}>
        ${this.heading(
          1,
          'section-heading',
          html`<button
            type="button"
            class="section-toggle"
            part="section-toggle"
            id="toggle-${key}"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="body-${key}"
            @click=${() => this.toggle(key)}
          >
            ${title}
          </button>`,
        )}
        <div class="section-body" part="section-body" id="body-${key}" ?hidden=${!open}>${body}</div>
      </section>
    `;
  }

  private toggle(key: SectionKey, open?: boolean): void {
    const next = new Set(this.collapsed);
    const shouldOpen = open ?? next.has(key);
    if (shouldOpen) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  }

  private row(label: string, value: unknown, extra?: unknown): TemplateResult {
    return html`<div class="row">
      <dt>${label}</dt>
      <dd>${value}${extra ?? nothing}</dd>
    </div>`;
  }

  private missing(text: string): TemplateResult {
    return html`<span class="missing">${text}</span>`;
  }

  private renderSource(visitor: Visitor): TemplateResult {
    const vp = this.i18n.t.visitorPanel;
    const source = visitor.source;
    const type = source ? (vp.sourceTypes[source.type] ?? source.type) : undefined;
    const detail = source?.detail?.trim();
    return html`
      <dl>
        ${this.row(vp.sourceType, type ?? this.missing(vp.unknown))}
        ${this.row(vp.sourceDetail, detail ? detail : this.missing(vp.notProvided))}
      </dl>
    `;
  }

  private renderNavigation(visitor: Visitor): TemplateResult {
    const { lang } = this.i18n;
    const vp = this.i18n.t.visitorPanel;
    const started = visitor.browsingStartedAt ? timeOf(visitor.browsingStartedAt) : 0;
    const duration = started ? formatDuration(lang, this.clock.now - started) : undefined;
    const visits = visitor.visitCount;
    const pages = [...(this.data.value?.navigation ?? NO_MESSAGES)].reverse().slice(0, RECENT_PAGES);
    return html`
      <dl>
        ${this.row(vp.browsingDuration, duration ? html`<span class="duration">${duration}</span>` : this.missing(vp.notProvided))}
        ${this.row(vp.pagesViewed, visitor.pagesViewed !== undefined ? formatNumber(lang, visitor.pagesViewed) : this.missing(vp.notProvided))}
        ${this.row(
          vp.visits,
          visits !== undefined ? formatNumber(lang, visits) : this.missing(vp.notProvided),
          visits !== undefined
            ? html` <span class="muted">(${visits > 1 ? vp.returningVisitor : vp.firstVisit})</span>`
            : nothing,
        )}
        ${this.row(
          vp.currentPage,
          visitor.currentPage
            ? this.renderPage(visitor.currentPage.url, visitor.currentPage.title)
            : this.missing(vp.unknown),
        )}
      </dl>
      ${this.heading(2, 'subheading', vp.recentPages)}
      ${
        pages.length
          ? html`<ol class="pages">
              ${repeat(
                pages,
                (m) => m.id,
                (m) =>
                  m.kind === 'navigation'
                    ? html`<li>
                        <time datetime=${m.at}>${formatTime(lang, m.at)}</time>
                        <div class="page">${this.renderPage(m.url, m.title)}</div>
                      </li>`
                    : nothing,
              )}
            </ol>`
          : html`<p class="empty">
              ${this.data.value?.conversation?.status === 'closed' ? vp.noRecentPagesClosed : vp.noRecentPages}
            </p>`
      }
    `;
  }

  /** A page the visitor saw: a link for an allowed URL, inert text otherwise. */
  private renderPage(url: string, title: string | undefined): TemplateResult {
    const vp = this.i18n.t.visitorPanel;
    const safe = safeUrl(url, 'link');
    const shownTitle = neutralizeBidi(title?.trim() ?? '');
    const shownUrl = neutralizeBidi(safe ? displayUrl(safe) : url);
    const label = shownTitle || shownUrl;
    if (!safe) {
      return html`${shownTitle ? html`<span class="page-title" dir="auto">${shownTitle}</span>` : nothing}
        <span class="url inert" dir="ltr">${shownUrl}</span>
        <span class="note">${vp.unsafeUrl}</span>`;
    }
    return html`<a class="page-title" part="link" href=${safe} target="_blank" rel="noopener noreferrer"
        ><bdi>${label}</bdi><span class="visually-hidden"> ${vp.newTab}</span></a
      >
      <span class="url" dir="ltr">${shownUrl}</span>`;
  }

  private renderProfile(visitor: Visitor): TemplateResult {
    const { lang } = this.i18n;
    const vp = this.i18n.t.visitorPanel;
    const text = (value: string | undefined, empty = vp.notProvided) => (value?.trim() ? value : this.missing(empty));
    const timeZone = visitor.timeZone;
    const localTime = validTimeZone(timeZone)
      ? html`${formatTime(lang, new Date(this.clock.now).toISOString(), timeZone)}
          <span class="muted">(${timeZone})</span>`
      : this.missing(vp.unknown);
    return html`
      <dl>
        ${this.row(vp.country, visitor.country?.trim() ? countryName(lang, visitor.country) : this.missing(vp.unknown))}
        ${this.row(vp.browser, text(visitor.browser, vp.unknown))} ${this.row(vp.os, text(visitor.os, vp.unknown))}
        ${this.row(vp.language, visitor.language?.trim() ? languageName(lang, visitor.language) : this.missing(vp.notProvided))}
        ${this.row(vp.localTime, localTime)}
      </dl>
    `;
  }

  private renderPastMessages(visitor: Visitor): TemplateResult {
    const { lang } = this.i18n;
    const vp = this.i18n.t.visitorPanel;
    const count = visitor.pastMessagesCount;
    return html`
      <p class="count">
        ${count !== undefined ? vp.pastMessagesCount(count, formatNumber(lang, count)) : this.missing(vp.notProvided)}
      </p>
      <button type="button" class="button" part="customer-record" @click=${() => this.showCustomerRecord(visitor.id)}>
        ${vp.showCustomerRecord}
      </button>
    `;
  }

  private renderCustomData(visitor: Visitor): TemplateResult {
    const vp = this.i18n.t.visitorPanel;
    const items = visitor.customData ?? [];
    if (items.length === 0) return html`<p class="empty">${vp.noCustomData}</p>`;
    return html`
      <dl>
        ${items.map((item) => {
          const value = this.formatValue(item);
          const label = neutralizeBidi(item.label?.trim() || item.key);
          return this.row(
            label,
            value === '' ? this.missing(vp.notProvided) : html`<bdi>${neutralizeBidi(value)}</bdi>`,
          );
        })}
      </dl>
    `;
  }

  private formatValue(item: CustomDatum): string {
    const { lang } = this.i18n;
    const vp = this.i18n.t.visitorPanel;
    const value = item.value;
    if (typeof value === 'boolean') return value ? vp.yes : vp.no;
    const n = toNumber(value);
    switch (item.format) {
      case 'currency':
        if (!Number.isFinite(n)) return String(value);
        return item.currency ? formatCurrency(lang, n, item.currency) : formatNumber(lang, n);
      case 'number':
        return Number.isFinite(n) ? formatNumber(lang, n) : String(value);
      case 'date':
        return formatDate(lang, String(value)) || String(value);
      default:
        return String(value);
    }
  }

  private renderHistory(store: DeskStore, visitor: Visitor): TemplateResult {
    const { lang } = this.i18n;
    const { t } = this.i18n;
    const vp = t.visitorPanel;
    const history = this.data.value?.history;
    const conversations = history?.conversations ?? [];
    const threads = this.data.value?.pastThreads ?? NO_THREADS;
    const shown = this.target.conversationId;
    const record = this.recordFor === visitor.id;
    // Answered with nothing more to load: say so (before that, the button alone; meanwhile, the status).
    const done = !!history && !history.hasMore && !history.loading;
    const recordDone = record && done;
    const end = !done
      ? undefined
      : conversations.length === 0
        ? vp.noHistory
        : this.olderExhaustedFor === visitor.id
          ? vp.noOlderConversations
          : undefined;
    return html`
      ${
        conversations.length
          ? html`<ol class="history">
              ${repeat(
                conversations,
                (c) => c.id,
                (c) => {
                  const channel = channelLabel(t, c.channel);
                  const messages = threads.get(c.id) ?? NO_MESSAGES;
                  const preview = previewOf(t, messages) || vp.noPreview;
                  return html`<li class="history-entry">
                    <button
                      type="button"
                      part="history-entry"
                      aria-current=${c.id === shown ? 'true' : nothing}
                      @click=${() => this.openConversation(store, c.id)}
                    >
                      <span class="history-meta">
                        <time datetime=${c.startedAt}>${formatDateTime(lang, c.startedAt)}</time>
                        <span class="channel">${channel}</span>
                        ${c.id === shown ? html`<span class="badge">${vp.viewing}</span>` : nothing}
                      </span>
                      <span class="preview" dir="auto">${preview}</span>
                    </button>
                    ${record || c.id === shown ? this.renderTranscript(visitor, c, messages) : nothing}
                  </li>`;
                },
              )}
            </ol>`
          : nothing
      }
      ${end ? html`<p class="empty no-older" tabindex="-1">${end}</p>` : nothing}
      <p class="status" role="status">
        ${
          history?.loading
            ? vp.loadingOlder
            : recordDone
              ? vp.customerRecordShown(conversations.length, formatNumber(lang, conversations.length))
              : ''
        }
      </p>
      ${
        history?.hasMore
          ? html`<button
              type="button"
              class="button load-older"
              part="load-older"
              aria-busy=${history.loading ? 'true' : 'false'}
              @click=${() => this.loadOlder(store, visitor.id)}
            >
              ${vp.loadOlder}
            </button>`
          : nothing
      }
    `;
  }

  /** The whole past exchange as text, under its history entry (customer record, or the conversation shown). */
  private renderTranscript(visitor: Visitor, conversation: Conversation, messages: readonly Message[]) {
    const { lang, t } = this.i18n;
    return transcript({
      t,
      lang,
      visitorName: this.nameOf(visitor),
      conversation,
      messages,
      expanded: this.fullTranscripts.has(conversation.id),
      onShowAll: () => this.showFullTranscript(conversation.id),
    });
  }

  private renderBlock(visitor: Visitor): TemplateResult {
    const { t } = this.i18n;
    const vp = t.visitorPanel;
    const manager = this.data.value?.agent?.role === 'manager';
    if (visitor.blocked) {
      return html`
        <div class="block blocked" part="block">
          <p class="blocked-status" tabindex="-1">${vp.blockedStatus}</p>
          ${
            manager
              ? html`<button type="button" class="button unblock" @click=${() => this.unblock(visitor.id)}>
                  ${vp.unblockVisitor}
                </button>`
              : html`<p class="muted">${vp.unblockExplanation}</p>`
          }
        </div>
      `;
    }
    return html`
      <div class="block" part="block">
        <button
          type="button"
          class="button danger block-trigger"
          @click=${() => requestBlock(this, { visitorId: visitor.id, blocked: !!visitor.blocked, dialog: this.dialog })}
        >
          ${vp.blockVisitor}
        </button>
      </div>
    `;
  }

  // ---- actions ---------------------------------------------------------------------------

  private showCustomerRecord(visitorId: string): void {
    const event = new DeskCustomerRecordEvent({ visitorId });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const store = this.target.store;
    this.toggle('visitorHistory', true);
    this.recordFor = visitorId;
    if (store) this.continueRecord(this.data.value?.history, store);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('[data-section="visitorHistory"]')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  /** While the customer record is asked for, keeps loading pages until there are no more. */
  private continueRecord(history: VisitorHistory | undefined, store = this.target.store): void {
    const visitorId = this.recordFor;
    if (!store || !visitorId || !history?.hasMore || history.loading) return;
    if (this.data.value?.conversation?.visitorId !== visitorId) return;
    // Not from inside the store's emission: the next page is asked for once this one is applied.
    queueMicrotask(() => {
      if (this.recordFor === visitorId) store.loadHistory(visitorId);
    });
  }

  private showFullTranscript(conversationId: string): void {
    this.fullTranscripts = new Set(this.fullTranscripts).add(conversationId);
  }

  private loadOlder(store: DeskStore, visitorId: string): void {
    this.loadOlderHadFocus = true;
    this.countBeforeLoad = this.data.value?.history?.conversations.length ?? 0;
    store.loadHistory(visitorId);
  }

  private openConversation(store: DeskStore, conversationId: string): void {
    const event = new DeskConversationSelectEvent({ conversationId });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    // A past conversation continues above the visitor's current one: the thread scrolls to it.
    const shown = this.data.value?.conversation;
    if (shown?.status === 'ongoing' && shown.id !== conversationId) store.showPast(conversationId, shown.id);
    else store.focus(conversationId);
  }

  private confirmBlock(visitorId: string, reason: string | undefined): void {
    this.target.store?.block(visitorId, reason);
  }

  /**
   * Cancel or Escape: focus goes back to "Block visitor". After blocking the trigger is replaced
   * by the blocked state: focus goes there (Unblock for a manager) once it is rendered.
   */
  private onDialogClose(blocked: boolean): void {
    if (!this.isConnected) return;
    const trigger = this.renderRoot.querySelector<HTMLElement>('.block-trigger');
    if (!blocked && trigger) {
      trigger.focus();
      return;
    }
    this.focusAfterUpdate = '.unblock, .blocked-status, .block-trigger';
    this.requestUpdate();
  }

  private unblock(visitorId: string): void {
    if (this.target.store?.unblock(visitorId)) this.focusAfterUpdate = '.block-trigger';
  }
}
