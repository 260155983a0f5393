import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import { ProviderController } from '../../controllers/provider-controller.js';
import { DeskLayoutChangeEvent } from '../../events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import type { Layout } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import { shared, tokens } from '../../styles/tokens.js';
import { chatDeskStyles } from './chat-desk.styles.js';

const LAYOUTS: readonly Layout[] = [1, 2, 4];

function toLayout(value: string | null): Layout | undefined {
  const n = Number(value);
  return n === 1 || n === 2 || n === 4 ? n : undefined;
}

/**
 * The assembled desk: state box, one to four conversation panes (only the focused one has a
 * composer) and the visitor panel. Provides the store to everything inside it.
 *
 * @summary The complete agent desk.
 * @csspart base - The desk grid.
 * @csspart sidebar - The state box column.
 * @csspart toolbar - The toolbar above the panes.
 * @csspart panes - The pane grid.
 * @csspart pane - Each pane.
 * @csspart info - The visitor panel column.
 * @cssprop --desk-color-scheme - `light`, `dark` or `light dark` (default; follows the system).
 * @fires desk-error - When the store drops a malformed event or a command fails.
 * @fires desk-layout-change - When the split-screen layout changes.
 */
export class ChatDesk extends LitElement {
  static override styles = [tokens, shared, chatDeskStyles];

  /** The desk store; without one (and without `demo`) the desk shows an empty placeholder. */
  @property({ attribute: false }) store?: DeskStore;

  /** Builds a MemoryTransport with the demo data and simulator when no store is set. */
  @property({ type: Boolean, reflect: true }) demo = false;

  /** Split screen: 1, 2 or 4 panes. Reflects the store's layout. */
  @property({ reflect: true, converter: { fromAttribute: toLayout, toAttribute: (v: Layout) => String(v) } })
  layout: Layout = 1;

  /** `light` or `dark` forces a theme; by default the desk follows the system setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly provider = new ProviderController(this);
  private readonly i18n = new LocaleController(this);
  private readonly panes = new ObservableController<readonly (string | null)[]>(this, []);
  private readonly focusedPane = new ObservableController<number>(this, 0);
  private readonly storeLayout = new ObservableController<Layout | undefined>(this, undefined, (layout) => {
    if (layout && layout !== this.layout) {
      this.layout = layout;
      this.dispatchEvent(new DeskLayoutChangeEvent({ layout }));
    }
  });
  private appliedLayout: Layout | undefined;

  /** The store in use (the one set, or the demo one). */
  get activeStore(): DeskStore | undefined {
    return this.provider.store;
  }

  protected override willUpdate(): void {
    const store = this.provider.store;
    // The attribute drives the store; the store's layout is reflected back to the attribute.
    if (store && this.layout !== this.appliedLayout) {
      this.appliedLayout = this.layout;
      if (store.state.layout !== this.layout) store.setLayout(this.layout);
    }
    this.panes.observe(store?.panes$);
    this.focusedPane.observe(store?.focusedPane$);
    this.storeLayout.observe(store?.layout$);
  }

  override render() {
    const store = this.provider.store;
    const { t, dir } = this.i18n;
    if (!store) return html`<div class="placeholder" role="status">${t.common.noStore}</div>`;
    const panes = this.panes.value;
    return html`
      <div class="desk" part="base" dir=${dir}>
        <section class="column sidebar" part="sidebar" aria-label=${t.desk.conversations}>
          <state-box></state-box>
        </section>
        <section class="center" aria-label=${t.common.channel.chat}>
          <div class="toolbar" part="toolbar">
            <div role="radiogroup" aria-label=${t.desk.splitScreen}>
              ${LAYOUTS.map(
                (layout) => html`
                  <label>
                    <input
                      type="radio"
                      name="layout"
                      .checked=${this.layout === layout}
                      @change=${() => store.setLayout(layout)}
                    />${layout}
                  </label>
                `,
              )}
            </div>
          </div>
          <div class="panes" part="panes" data-layout=${this.layout}>
            ${repeat(
              panes,
              (_id, index) => index,
              (id, index) => this.renderPane(store, id, index),
            )}
          </div>
        </section>
        <section class="column info" part="info" aria-label=${t.desk.visitorInformation}>
          <visitor-panel></visitor-panel>
        </section>
      </div>
    `;
  }

  private renderPane(store: DeskStore, id: string | null, index: number) {
    const focused = index === this.focusedPane.value;
    return html`
      <div
        class="pane"
        part="pane"
        ?data-focused=${focused}
        @pointerdown=${() => store.focusPane(index)}
        @focusin=${() => store.focusPane(index)}
      >
        ${id
          ? html`<chat-box conversation-id=${id}></chat-box>
              ${focused ? html`<compose-area conversation-id=${id}></compose-area>` : nothing}`
          : html`<div class="placeholder">${this.i18n.t.desk.emptyPane}</div>`}
      </div>
    `;
  }
}
