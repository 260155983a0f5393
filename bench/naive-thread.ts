/**
 * The naive baseline the benchmarks compare <chat-box> with: what one writes first with Lit —
 * every message rendered with `repeat`, no virtualization, the browser's own scroll anchoring.
 * Same store, same data, same page, so results are ratios that hold on a noisy machine.
 */
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ObservableController } from './observable-controller.js';
import { messageText } from '../src/model/thread.js';
import type { Message } from '../src/model/types.js';
import type { DeskStore } from '../src/store/desk-store.js';

const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });

/** A plain thread: one bubble per message, all of them in the DOM. */
export class NaiveThread extends LitElement {
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
      overflow-y: auto;
      padding: 8px;
      box-sizing: border-box;
    }
    .msg {
      max-width: 75%;
      margin: 6px 0;
      padding: 6px 10px;
      border-radius: 12px;
      background: #eef;
    }
    .msg.agent,
    .msg.bot {
      margin-left: auto;
      background: #def;
    }
    .msg.system {
      margin: 6px auto;
      background: none;
      color: #555;
      font-size: 12px;
    }
    .meta {
      display: flex;
      gap: 8px;
      font-size: 12px;
      color: #555;
    }
    p {
      margin: 2px 0 0;
      overflow-wrap: anywhere;
    }
  `;

  // No decorators in bench code: it is served outside the tsconfig that enables them.
  static override properties = { store: { attribute: false }, conversationId: { attribute: 'conversation-id' } };
  declare store?: DeskStore;
  declare conversationId?: string;

  private readonly messages = new ObservableController<readonly Message[]>(this, []);
  private stick = true;

  protected override willUpdate(): void {
    this.messages.observe(this.conversationId ? this.store?.messages$(this.conversationId) : undefined);
    const log = this.log;
    this.stick = !log || log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  }

  private get log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  protected override updated(): void {
    const log = this.log;
    if (log && this.stick) log.scrollTop = log.scrollHeight;
  }

  private onScroll(): void {
    const log = this.log;
    if (log && this.conversationId && log.scrollTop < log.clientHeight) this.store?.loadOlder(this.conversationId);
  }

  override render() {
    return html`<div class="log" role="log" aria-label="Conversation" @scroll=${this.onScroll}>
      ${repeat(
        this.messages.value,
        (message) => message.id,
        (message) =>
          html`<div class="msg ${message.author}">
            <div class="meta">
              <span>${message.authorName ?? message.author}</span><time>${time.format(new Date(message.at))}</time>
            </div>
            <p>${messageText(message)}</p>
          </div>`,
      )}
    </div>`;
  }
}

/** The naive split screen: four naive threads in a grid; the focused pane gets a textarea. */
export class NaiveDesk extends LitElement {
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
      border: 1px solid #ccc;
    }
    .pane[data-focused] {
      border-color: blue;
    }
    naive-thread {
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
        html`<div
          class="pane"
          part="pane"
          ?data-focused=${index === this.focused.value}
          @pointerdown=${() => this.store?.focusPane(index)}
        >
          ${id ? html`<naive-thread .store=${this.store} conversation-id=${id}></naive-thread>` : nothing}
          ${index === this.focused.value ? html`<textarea aria-label="Message"></textarea>` : nothing}
        </div>`,
    );
  }
}

if (!customElements.get('naive-thread')) customElements.define('naive-thread', NaiveThread);
if (!customElements.get('naive-desk')) customElements.define('naive-desk', NaiveDesk);

declare global {
  interface HTMLElementTagNameMap {
    'naive-thread': NaiveThread;
    'naive-desk': NaiveDesk;
  }
}
