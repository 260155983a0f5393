import { css, html, type LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ProviderController } from '../../controllers/provider-controller.js';
import type { DeskStore } from '../../store/desk-store.js';
import { DeskElement } from '../shared/desk-element.js';

/**
 * Provides the desk store to any layout the host builds from the single elements.
 *
 * @customElement desk-provider
 * @summary Store provider for custom desk layouts.
 * @slot - The desk elements (`<state-box>`, `<chat-box>`, `<compose-area>`…) in any arrangement.
 * @fires desk-error - When the store drops a malformed event or a command fails.
 */
export class DeskProvider extends DeskElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Builds a MemoryTransport with the demo data and simulator when no store is set. */
  @property({ type: Boolean, reflect: true }) demo = false;

  private readonly provider = new ProviderController(this, () => this.resolveTarget());

  protected override ownStore(): DeskStore | undefined {
    return this.provider?.store;
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    const [name] = args;
    if (name === 'store' || name === 'demo') this.provider?.sync();
  }

  override render() {
    return html`<slot></slot>`;
  }
}
