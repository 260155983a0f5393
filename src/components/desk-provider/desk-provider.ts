import { html, LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ProviderController } from '../../controllers/provider-controller.js';
import type { DeskStore } from '../../store/desk-store.js';

/**
 * Provides the desk store to any layout the host builds from the single elements.
 *
 * @summary Store provider for custom desk layouts.
 * @slot - The desk elements (`<state-box>`, `<chat-box>`, `<compose-area>`…) in any arrangement.
 * @fires desk-error - When the store drops a malformed event or a command fails.
 */
export class DeskProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The desk store shared with every descendant. */
  @property({ attribute: false }) store?: DeskStore;

  /** Builds a MemoryTransport with the demo data and simulator when no store is set. */
  @property({ type: Boolean, reflect: true }) demo = false;

  private readonly provider = new ProviderController(this);

  /** The store in use (the one set, or the demo one). */
  get activeStore(): DeskStore | undefined {
    return this.provider.store;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
