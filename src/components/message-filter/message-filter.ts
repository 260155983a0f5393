import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { of } from 'rxjs';
import { DeskFilterChangeEvent } from '../../events.js';
import { isMessageFilter, MESSAGE_FILTERS, type MessageFilter } from '../../model/filter.js';
import { shared, tokens } from '../../styles/tokens.js';
import { DeskElement, select } from '../shared/desk-element.js';

/**
 * Chooses which messages a thread shows: All, Visitor, Agent, Actions (links, offers, files,
 * images, co-browsing, transfers, bot choices) or Navigation (pages visited). An accessible radio
 * group "Message filter"; arrow keys move between the options.
 *
 * The store keeps one filter per conversation; this element shows and sets the filter of the
 * conversation given by `conversation-id`, else its pane's (inside a `<chat-box>`: that thread),
 * else the focused one. Without a store it simply keeps its `value`.
 *
 * @customElement message-filter
 * @summary The thread's message filter.
 * @csspart base - The radio group.
 * @csspart option - Each option (a label wrapping its radio).
 * @cssprop --message-filter-selected-bg - Background of the selected option (default: the accent colour).
 * @cssprop --message-filter-selected-color - Text colour of the selected option.
 * @fires desk-filter-change - When the agent picks a filter. `detail: { value }`.
 */
export class MessageFilterElement extends DeskElement {
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

  /** The conversation to filter; by default the pane's (the enclosing `<chat-box>`'s), else the focused one. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The filter set on the element: applied to the conversation, and what shows without a store. */
  private assigned: MessageFilter = 'all';
  /** An assigned filter that waits for a conversation to apply to. */
  private pending = false;

  /**
   * The selected filter: `all`, `visitor`, `agent`, `actions` or `navigation`. Reading it gives the
   * conversation's filter (from the store); setting it (or the attribute) applies it there.
   */
  @property()
  get value(): MessageFilter {
    return this.data?.value?.filter ?? this.assigned;
  }
  set value(value: MessageFilter) {
    const previous = this.value;
    this.assigned = isMessageFilter(value) ? value : 'all';
    this.pending = !this.apply(this.assigned);
    this.requestUpdate('value', previous);
  }

  private readonly data = select(
    this,
    (store, conversationId) => ({ filter: conversationId ? store.filter$(conversationId) : of(undefined) }),
    () => {
      if (this.pending) this.pending = !this.apply(this.assigned);
    },
  );

  protected override explicitConversationId(): string | undefined {
    return this.conversationId;
  }

  /** Sends a filter to the conversation; false when there is none yet. */
  private apply(filter: MessageFilter): boolean {
    const { store, conversationId } = this.target ?? {};
    if (!store || !conversationId) return false;
    store.setFilter(conversationId, filter);
    return true;
  }

  private choose(filter: MessageFilter): void {
    if (filter === this.value) return;
    this.value = filter;
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
              .checked=${filter === this.value}
              @change=${() => this.choose(filter)}
            />${t.thread.filter[filter]}</label
          >`,
      )}
    </div>`;
  }
}
