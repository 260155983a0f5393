/**
 * The bench's REFERENCE: the limit a thread can reach with the same virtualizer — a bare Lit
 * element with `virtualize()` + `flow()` (pinned to the newest row), plain rows (author, time,
 * text), no store, no validation, no rich bubbles. `<chat-box>` is budgeted as a ratio of it,
 * measured in the same run on the same data.
 *
 * Fed either directly (`messages` / `append()`: raw data, nothing validated or indexed) or, where a
 * scenario needs the store's paging or panes, from `store.messages$(conversationId)`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { ObservableController } from './observable-controller.js';
import { messageText } from '../src/model/thread.js';
import type { Message } from '../src/model/types.js';
import type { DeskStore } from '../src/store/desk-store.js';

const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });

export class ReferenceThread extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
      min-height: 0;
      font:
        14px/1.4 system-ui,
        sans-serif;
    }
    .log {
      height: 100%;
      box-sizing: border-box;
    }
    .msg {
      box-sizing: border-box;
      width: 100%;
      padding: 4px 10px;
    }
    .meta {
      font-size: 12px;
      color: #555;
    }
    p {
      margin: 2px 0 0;
      overflow-wrap: anywhere;
    }
  `;

  static override properties = {
    store: { attribute: false },
    conversationId: { attribute: 'conversation-id' },
    messages: { attribute: false },
  };
  declare store?: DeskStore;
  declare conversationId?: string;
  /** Raw messages, oldest first (when no store is given). */
  declare messages: readonly Message[];

  private readonly fromStore = new ObservableController<readonly Message[]>(this, []);
  private loading = false;
  private stick = true;

  constructor() {
    super();
    this.messages = [];
  }

  /** Appends raw messages (a burst, a stream): one new array, one update. */
  appendMessages(messages: readonly Message[]): void {
    this.messages = [...this.messages, ...messages];
  }

  protected override willUpdate(): void {
    this.fromStore.observe(this.conversationId ? this.store?.messages$(this.conversationId) : undefined);
  }

  /** The virtualizer dropped its pin: the user scrolled away from the newest rows. */
  private onUnpinned(): void {
    this.stick = false;
  }

  private get items(): readonly Message[] {
    return this.store ? this.fromStore.value : this.messages;
  }

  private onScroll(event: Event): void {
    const log = event.currentTarget as HTMLElement;
    // Back at the bottom: follow new messages again.
    if (log.scrollTop + log.clientHeight >= log.scrollHeight - 4) this.stick = true;
    if (!this.store || !this.conversationId) return;
    const thread = this.store.state.threads.get(this.conversationId);
    if (log.scrollTop < log.clientHeight && !thread?.loadingOlder && thread?.hasOlder !== false) {
      if (this.loading) return;
      this.loading = true;
      this.store.loadOlder(this.conversationId);
      queueMicrotask(() => (this.loading = false));
    }
  }

  override render() {
    const items = this.items;
    return html`<div
      class="log"
      role="log"
      aria-label="Conversation"
      @scroll=${this.onScroll}
      @unpinned=${this.onUnpinned}
    >
      ${virtualize({
        items: items as Message[],
        scroller: true,
        keyFunction: (message: Message) => message.id,
        renderItem: (message: Message) =>
          html`<div class="msg">
            <div class="meta">${message.authorName ?? message.author} ${time.format(new Date(message.at))}</div>
            <p>${messageText(message)}</p>
          </div>`,
        layout: flow(this.stick ? { pin: { index: Math.max(0, items.length - 1), block: 'end' } } : {}),
      })}
    </div>`;
  }
}

/** Four reference threads in a grid; the focused pane gets a textarea (like the naive desk). */
export class ReferenceDesk extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template: minmax(0, 1fr) minmax(0, 1fr) / minmax(0, 1fr) minmax(0, 1fr);
      gap: 4px;
      height: 100%;
    }
    .pane {
      display: flex;
      flex-direction: column;
      min-height: 0;
      overflow: hidden;
    }
    reference-thread {
      flex: 1;
      min-height: 0;
    }
    textarea {
      height: 60px;
    }
  `;

  static override properties = { store: { attribute: false } };
  declare store?: DeskStore;

  private readonly panes = new ObservableController<readonly (string | null)[]>(this, []);
  private readonly focused = new ObservableController<number>(this, 0);

  protected override willUpdate(): void {
    this.panes.observe(this.store?.panes$);
    this.focused.observe(this.store?.focusedPane$);
  }

  override render() {
    return repeat(
      this.panes.value,
      (_id, index) => index,
      (id, index) =>
        html`<div class="pane" @pointerdown=${() => this.store?.focusPane(index)}>
          ${id ? html`<reference-thread .store=${this.store} conversation-id=${id}></reference-thread>` : nothing}
          ${index === this.focused.value ? html`<textarea aria-label="Message"></textarea>` : nothing}
        </div>`,
    );
  }
}

if (!customElements.get('reference-thread')) customElements.define('reference-thread', ReferenceThread);
if (!customElements.get('reference-desk')) customElements.define('reference-desk', ReferenceDesk);

declare global {
  interface HTMLElementTagNameMap {
    'reference-thread': ReferenceThread;
    'reference-desk': ReferenceDesk;
  }
}
