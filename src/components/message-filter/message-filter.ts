import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { threadFilterContext, type ThreadFilterControl } from '../../context.js';
import { DeskController } from '../../controllers/desk-controller.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import { DeskFilterChangeEvent } from '../../events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { isMessageFilter, MESSAGE_FILTERS, type MessageFilter } from '../../model/filter.js';
import type { DeskStore } from '../../store/desk-store.js';
import { shared, tokens } from '../../styles/tokens.js';

/**
 * Chooses which messages a thread shows: All, Visitor, Agent, Actions (links, offers, files,
 * images, co-browsing, transfers, bot choices) or Navigation (pages visited). An accessible radio
 * group "Message filter"; arrow keys move between the options.
 *
 * Inside a `<chat-box>` it controls that thread. Anywhere else it controls the conversation given
 * by `conversation-id`, else its pane's, else the focused one (through the store's per-conversation
 * filter). Without a store it simply keeps its `value`.
 *
 * @summary The thread's message filter.
 * @csspart base - The radio group.
 * @csspart option - Each option (a label wrapping its radio).
 * @cssprop --message-filter-selected-bg - Background of the selected option (default: the accent colour).
 * @cssprop --message-filter-selected-color - Text colour of the selected option.
 * @fires desk-filter-change - When the agent picks a filter. `detail: { value }`.
 */
export class MessageFilterElement extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: inline-block;
        --_selected-bg: var(--message-filter-selected-bg, var(--_color-accent));
        --_selected-fg: var(--message-filter-selected-color, var(--_color-accent-contrast));
      }
      .group {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 2px;
        padding: 2px;
        border: 1px solid var(--_color-border);
        border-radius: 999px;
        background: var(--_color-surface-alt);
      }
      label {
        position: relative;
        display: inline-flex;
        align-items: center;
        padding: 2px var(--_space-2);
        border-radius: 999px;
        font-size: var(--_font-size-small);
        color: var(--_color-text-muted);
        cursor: pointer;
        user-select: none;
      }
      label:hover {
        color: var(--_color-text);
      }
      label:has(input:checked) {
        background: var(--_selected-bg);
        color: var(--_selected-fg);
        font-weight: 600;
      }
      label:has(input:focus-visible) {
        outline: var(--_focus-ring);
        outline-offset: 1px;
      }
      input {
        position: absolute;
        inset: 0;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }
      @media (forced-colors: active) {
        label:has(input:checked) {
          outline: 2px solid Highlight;
        }
      }
    `,
  ];

  /** The desk store; by default the one provided by the nearest `<chat-desk>` or `<desk-provider>`. */
  @property({ attribute: false }) store?: DeskStore;

  /** The conversation to filter when not inside a `<chat-box>`; by default the pane's, else the focused one. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  private current: MessageFilter = 'all';
  private requested: MessageFilter | undefined;
  private syncing = false;

  /** The selected filter: `all`, `visitor`, `agent`, `actions` or `navigation`. Setting it applies it. */
  @property({ reflect: true })
  get value(): MessageFilter {
    return this.current;
  }
  set value(value: MessageFilter) {
    const next = isMessageFilter(value) ? value : 'all';
    const previous = this.current;
    this.current = next;
    if (!this.syncing) this.requested = next;
    this.requestUpdate('value', previous);
  }

  private readonly desk = new DeskController(this);
  private readonly i18n = new LocaleController(this);
  private readonly storeFilter = new ObservableController<MessageFilter | undefined>(this, undefined);
  private thread: ThreadFilterControl | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: threadFilterContext,
      subscribe: true,
      callback: (control) => {
        this.thread = control;
        this.requestUpdate();
      },
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.desk.store;
    const id = this.desk.conversationId;
    this.storeFilter.observe(!this.thread && store && id ? store.filter$(id) : undefined);
    if (this.requested !== undefined && this.apply(this.requested)) this.requested = undefined;
    const target = this.thread?.value ?? this.storeFilter.value;
    if (target !== undefined && target !== this.current) {
      this.syncing = true;
      this.value = target;
      this.syncing = false;
    }
  }

  /** Sends a filter to what this element controls; false when there is nothing to control yet. */
  private apply(filter: MessageFilter): boolean {
    if (this.thread) {
      if (this.thread.value !== filter) this.thread.set(filter);
      return true;
    }
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (store && id) {
      if (this.storeFilter.value !== filter) store.setFilter(id, filter);
      return true;
    }
    return false;
  }

  private choose(filter: MessageFilter): void {
    if (filter === this.current) return;
    this.apply(filter);
    this.syncing = true;
    this.value = filter;
    this.syncing = false;
    this.dispatchEvent(new DeskFilterChangeEvent({ value: filter }));
  }

  override render() {
    const { t } = this.i18n;
    return html`<div class="group" part="base" role="radiogroup" aria-label=${t.thread.messageFilter}>
      ${MESSAGE_FILTERS.map(
        (filter) =>
          html`<label part="option"
            ><input
              type="radio"
              name="filter"
              value=${filter}
              .checked=${filter === this.current}
              @change=${() => this.choose(filter)}
            />${t.thread.filter[filter]}</label
          >`,
      )}
    </div>`;
  }
}
