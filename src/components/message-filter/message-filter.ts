import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { DeskController } from '../../controllers/desk-controller.js';
import type { DeskStore } from '../../store/desk-store.js';
import { shared, tokens } from '../../styles/tokens.js';

/**
 * Skeleton of <message-filter>; its own issue builds it.
 *
 * @summary <message-filter> (skeleton).
 */
export class MessageFilterElement extends LitElement {
  static override styles = [tokens, shared];

  @property({ attribute: false }) store?: DeskStore;
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  private readonly desk = new DeskController(this);

  override render() {
    return html`<div class="placeholder">${this.desk.conversationId ?? ''}</div>`;
  }
}
