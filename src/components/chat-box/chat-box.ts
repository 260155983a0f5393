import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { DeskController } from '../../controllers/desk-controller.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { messageText } from '../../model/thread.js';
import type { Message } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import { shared, tokens } from '../../styles/tokens.js';

/**
 * One conversation thread (skeleton: the thread issue replaces this rendering).
 *
 * @summary A conversation thread.
 */
export class ChatBox extends LitElement {
  static override styles = [tokens, shared];

  @property({ attribute: false }) store?: DeskStore;
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  private readonly desk = new DeskController(this);
  private readonly i18n = new LocaleController(this);
  private readonly messages = new ObservableController<readonly Message[]>(this, []);

  protected override willUpdate(): void {
    const id = this.desk.conversationId;
    this.messages.observe(id ? this.desk.store?.messages$(id) : undefined);
  }

  override render() {
    return html`<div role="log" aria-label=${this.i18n.t.thread.conversationWith(this.desk.conversationId ?? '')}>
      ${this.messages.value.map((message) => html`<p>${message.author}: ${messageText(message)}</p>`)}
    </div>`;
  }
}
