import { html, nothing, svg, type LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { ProviderController } from '../../controllers/provider-controller.js';
import { DeskConversationSelectEvent, DeskLayoutChangeEvent } from '../../events.js';
import { visitorDisplayName } from '../../i18n/names.js';
import type { Layout } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import { shared, tokens } from '../../styles/tokens.js';
import {
  adjacentId,
  DEFAULT_SORT,
  DEFAULT_WARNING_THRESHOLD,
  orderConversations,
  toSort,
  toThreshold,
  type ConversationSort,
} from '../../store/order.js';
import type { AlertAdapters } from '../../controllers/alert-adapters.js';
import type { CannedAnswer, ComposerOffer, Uploader } from '../../model/composer.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { adoptLazyStyles, lazy } from '../shared/lazy.js';
import type { DeskAlerts } from './alerts-menu.js';
import { chatDeskStyles } from './chat-desk.styles.js';
import { dialogStyles } from '../../styles/dialog.js';
import { announce } from '../shared/announcer.js';
import { DEFAULT_HEADING_LEVEL, toHeadingLevel } from '../shared/heading.js';
import type { renderShortcutsDialog } from './shortcuts-dialog.js';

const LAYOUTS: readonly Layout[] = [1, 2, 4];
/** The alerts and their menu: rare (opt-in), so a chunk of their own. */
const alertsChunk = lazy(() => import('./alerts-menu.js'));
const shortcutsChunk = lazy(() => import('./shortcuts-dialog.js'));
/** Where the agent's split-screen choice is kept (used only when the page sets no `layout`). */
export const LAYOUT_STORAGE_KEY = 'agent-desk:layout';
/** Below this width (of the desk itself, not the window) the side columns become drawers. */
const NARROW_BELOW = 900;
/** Below this width split panes stack instead of sitting side by side. */
const COMPACT_BELOW = 640;

type Drawer = 'conversations' | 'info';
/** A stop of F6 / Shift+F6: the list, each pane's thread and composer, the visitor panel. */
type Region = { kind: 'sidebar' } | { kind: 'thread' | 'composer'; pane: number } | { kind: 'info' };
type Focusable = HTMLElement & { updateComplete?: Promise<unknown> };

function toLayout(value: string | null): Layout | undefined {
  const n = Number(value);
  return n === 1 || n === 2 || n === 4 ? n : undefined;
}

/** True when a key goes to a text field (`?` is then a character, not the shortcuts key). */
function typingIn(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  );
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

function readSavedLayout(): Layout | undefined {
  try {
    return toLayout(localStorage.getItem(LAYOUT_STORAGE_KEY));
  } catch {
    return undefined; // storage blocked (sandboxed frame, privacy mode)
  }
}

function saveLayout(layout: Layout): void {
  try {
    localStorage.setItem(LAYOUT_STORAGE_KEY, String(layout));
  } catch {
    // not persisted; the desk still works
  }
}

/** Split-screen glyphs: 1, 2 side by side, 2×2. */
const LAYOUT_ICONS: Record<Layout, ReturnType<typeof svg>> = {
  1: svg`<rect x="3" y="4" width="18" height="16" rx="2"/>`,
  2: svg`<rect x="3" y="4" width="8" height="16" rx="2"/><rect x="13" y="4" width="8" height="16" rx="2"/>`,
  4: svg`<rect x="3" y="4" width="8" height="7" rx="1.5"/><rect x="13" y="4" width="8" height="7" rx="1.5"/><rect x="3" y="13" width="8" height="7" rx="1.5"/><rect x="13" y="13" width="8" height="7" rx="1.5"/>`,
};

/**
 * The assembled desk: the state box, one, two or four conversation panes (only the focused one has
 * a composer) and the visitor panel of the focused conversation. Provides the store to everything
 * inside it and fills its container (it can live in a region of a CRM page): below 900 px of its own
 * width the state box and the visitor panel become drawers opened from the toolbar.
 *
 * Alerts (opt-in, see `notify`): the toolbar's "Alerts" menu lets the agent choose a sound, a count in
 * the tab title while the tab is hidden and desktop notifications (permission asked from that click),
 * or mute them all; the choice is kept in localStorage (`agent-desk:alerts`) and wins over `notify`
 * afterwards. An alert is raised for each new (or transferred) conversation and for visitor messages
 * in a conversation not shown in a pane (any conversation while the tab is hidden), after a cancelable
 * `desk-notify`. Screen readers hear, at most every few seconds, a summary of the conversations not in
 * a pane that received messages ("Noah Schmidt: 2 unread").
 *
 * The toolbar also shows the agent's availability per channel (`<agent-status compact>`).
 *
 * Keyboard: Alt+ArrowDown / Alt+ArrowUp switch to the next / previous conversation from anywhere in
 * the desk; F6 / Shift+F6 move focus round the regions (conversation list → each pane's thread, then
 * its composer → visitor panel → back); Escape closes an open drawer. The toolbar's "Keyboard
 * shortcuts" button, or `?` outside a text field, opens a dialog listing every shortcut.
 *
 * @customElement chat-desk
 * @summary The complete agent desk.
 * @csspart base - The desk grid.
 * @csspart sidebar - The state box column (a drawer on narrow desks).
 * @csspart toolbar - The toolbar above the panes.
 * @csspart agent-status - The toolbar's `<agent-status>` (its `base` part).
 * @csspart layout - The "Split screen" segmented control.
 * @csspart drawer-toggle - The buttons opening the drawers on narrow desks.
 * @csspart alerts - The "Alerts" button and its menu.
 * @csspart shortcuts-button - The toolbar's "Keyboard shortcuts" button.
 * @csspart shortcuts-dialog - The "Keyboard shortcuts" dialog.
 * @csspart connection - The connection banner (shown while offline or reconnecting).
 * @csspart panes - The pane grid.
 * @csspart pane - Each pane.
 * @csspart info - The visitor panel column (a drawer on narrow desks).
 * @cssprop --desk-color-scheme - `light`, `dark` or `light dark` (default; follows the system).
 * @cssprop --chat-desk-sidebar-width - Width of the state box column (default 300px).
 * @cssprop --chat-desk-info-width - Width of the visitor panel column (default 320px).
 * @fires desk-error - When the store drops a malformed event or a command fails.
 * @fires desk-layout-change - When the split-screen layout changes.
 * @fires desk-notify - Cancelable, before each alert (new conversation, or visitor message out of sight);
 *   `preventDefault()` keeps the desk's own sound, title and notification for it.
 * @fires desk-conversation-select - Cancelable, before Alt+ArrowDown / Alt+ArrowUp switches conversation
 *   (the state box fires it for clicks and Enter).
 */
export class ChatDesk extends DeskElement {
  static override styles = [tokens, shared, chatDeskStyles, dialogStyles];

  /** Builds a MemoryTransport with the demo data and simulator when no store is set. */
  @property({ type: Boolean, reflect: true }) demo = false;

  /**
   * Split screen: 1, 2 or 4 panes. Setting it (or the attribute) asks the store for that layout;
   * reading it gives the store's. Without the attribute the agent's last choice (localStorage
   * `agent-desk:layout`) is restored when a store arrives.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => toLayout(value) ?? 1, toAttribute: (v: Layout) => String(v) },
  })
  get layout(): Layout {
    return this.data?.value?.layout ?? this.requestedLayout ?? 1;
  }
  set layout(layout: Layout) {
    const previous = this.layout;
    this.requestedLayout = toLayout(String(layout)) ?? 1;
    this.provider?.store?.setLayout(this.requestedLayout);
    this.requestUpdate('layout', previous);
  }

  /** `light` or `dark` forces a theme; by default the desk follows the system setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Order of the state box and of Alt+Arrow switching, kept in the store (the state box's "Sort by"
   * changes it too): `waiting` (default), `activity` or `oldest` (`arrival` is accepted for `oldest`).
   */
  @property({ converter: { fromAttribute: toSort } })
  get sort(): ConversationSort {
    return this.data?.value?.sort ?? this.requestedSort ?? DEFAULT_SORT;
  }
  set sort(sort: ConversationSort) {
    const previous = this.sort;
    this.requestedSort = toSort(sort);
    this.provider?.store?.setSort(this.requestedSort);
    this.requestUpdate('sort', previous);
  }

  /** Seconds a visitor may wait for a reply before the state box warns. */
  @property({ attribute: 'warning-threshold', converter: { fromAttribute: toThreshold } })
  warningThreshold: number = DEFAULT_WARNING_THRESHOLD;

  /** Canned answers for the focused pane's composer (see `<compose-area>`). */
  @property({ attribute: false }) cannedAnswers: readonly CannedAnswer[] = [];

  /** Offers the agent can send from the composer. */
  @property({ attribute: false }) offers: readonly ComposerOffer[] = [];

  /** Uploads attachments for the composer; without one the attach button is hidden. */
  @property({ attribute: false }) uploader?: Uploader;

  /** Largest attachment in bytes, passed to the composer (its default: 10 MB). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize?: number;

  /** Allowed attachment types for the composer, as a file input's `accept`. */
  @property() accept?: string;

  /** Where the composer's emoji picker loads its data (see `<compose-area>`). */
  @property({ attribute: 'emoji-data-source' }) emojiDataSource?: string;

  /**
   * Alert channels offered from the start, space-separated: `sound`, `title` (a count in the tab
   * title while the tab is hidden), `desktop` (desktop notifications, once the agent allowed them
   * from the "Alerts" menu). None by default; the agent's own choice, once made, is kept instead.
   */
  @property() notify?: string;

  /** Replaces the alerts' side effects: the sound, the page title and visibility, notifications, the clock. */
  @property({ attribute: false }) alertAdapters?: Partial<AlertAdapters>;

  /**
   * The level of the desk's top headings (the list's title, each pane's title, the visitor's
   * name; 1–6, default 2): set it to fit the page's outline. Sub-headings nest below it.
   */
  @property({ attribute: 'heading-level', converter: { fromAttribute: toHeadingLevel } })
  headingLevel: number = DEFAULT_HEADING_LEVEL;

  /** True while the desk is narrower than 900 px (side columns are drawers). */
  @state() private narrow = false;
  @state() private compact = false;
  @state() private drawer: Drawer | null = null;

  /** The layout the page asked for (attribute or property); applied to each store the desk gets. */
  private requestedLayout: Layout | undefined;
  /** The order the page asked for; applied to each store the desk gets. */
  private requestedSort: ConversationSort | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private readonly provider = new ProviderController(this, () => this.storeChanged());
  private previousStore: DeskStore | undefined;
  /** The alerts and their "Alerts" menu: a chunk loaded when the desk is first connected. */
  private alerts: DeskAlerts | undefined;
  private alertsLoading: Promise<void> | undefined;
  private alertsAbort: AbortController | undefined;
  /** Where focus was when the shortcuts dialog opened. */
  private shortcutsReturn: HTMLElement | undefined;
  /** The shortcuts dialog's markup: loaded when it is first opened (it rarely is). */
  private renderShortcuts: typeof renderShortcutsDialog | undefined;
  private shortcutsAbort = new AbortController();

  private readonly data = select(
    this,
    (store) => ({
      panes: store.panes$,
      focusedPane: store.focusedPane$,
      layout: store.layout$,
      summaries: store.conversations$,
      connection: store.connection$,
      sort: store.sort$,
    }),
    (value, previous) => {
      if (previous && value.layout !== previous.layout) {
        this.dispatchEvent(new DeskLayoutChangeEvent({ layout: value.layout }));
      }
      if (previous && value.connection !== previous.connection) {
        announce(this, this.i18n.t.common.connection[value.connection], { key: 'connection' });
      }
      // A narrow desk scrolls its stacked panes: the pane the agent turned to shows its composer.
      if (previous && value.focusedPane !== previous.focusedPane && this.narrow) {
        void this.updateComplete.then(() =>
          this.renderRoot
            .querySelector(`.pane[data-index="${value.focusedPane}"] compose-area`)
            ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
        );
      }
    },
  );

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener(DeskConversationSelectEvent.eventName, this.onSelect);
  }

  protected override ownStore(): DeskStore | undefined {
    return this.provider?.store;
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    const [name] = args;
    if (name === 'store' || name === 'demo') this.provider?.sync();
  }

  /** A new store takes the page's layout, else the agent's saved choice, else the previous store's. */
  private storeChanged(): void {
    const store = this.provider.store;
    this.alerts?.controller.setStore(store);
    const layout = this.requestedLayout ?? readSavedLayout() ?? this.previousStore?.state.layout;
    this.previousStore = store;
    if (store && layout && store.state.layout !== layout) store.setLayout(layout);
    if (store && this.requestedSort) store.setSort(this.requestedSort);
    this.resolveTarget();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadAlerts();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => this.onResize(entries));
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    // A desk removed before its alerts arrived does not set them up (a move loads them again).
    this.alertsAbort?.abort();
    this.alertsAbort = undefined;
    this.alertsLoading = undefined;
    this.shortcutsAbort.abort();
    this.shortcutsAbort = new AbortController();
  }

  /** `updateComplete` covers the alerts' chunk too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.alertsLoading;
    return super.getUpdateComplete();
  }

  private loadAlerts(): void {
    if (this.alerts || this.alertsLoading) return;
    const controller = new AbortController();
    this.alertsAbort = controller;
    this.alertsLoading = alertsChunk(controller.signal).then(
      ({ createDeskAlerts }) => {
        this.alertsLoading = undefined;
        this.alerts = createDeskAlerts(this, {
          strings: () => this.i18n.t,
          channels: () => this.notify,
          adapters: () => this.alertAdapters,
        });
        this.alerts.controller.setStore(this.provider.store);
        this.requestUpdate();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return; // the desk left; its next connection loads them again
        this.alertsLoading = undefined; // tried again on the next connection
        console.warn('agent-desk: the alerts could not be loaded', error);
      },
    );
  }

  protected override willUpdate(): void {
    if (!this.narrow) this.drawer = null;
  }

  /** The agent's split-screen choice; remembered when the page did not set the layout itself. */
  private chooseLayout(store: DeskStore, layout: Layout): void {
    store.setLayout(layout);
    if (!this.hasAttribute('layout')) saveLayout(layout);
  }

  override render() {
    const store = this.activeStore;
    const data = this.data.value;
    const { t, dir } = this.i18n;
    if (!store || !data) return html`<div class="placeholder" role="status">${t.common.noStore}</div>`;
    const panes = data.panes;
    const narrow = this.narrow;
    const drawer = narrow ? this.drawer : null;
    const connection = data.connection;
    return html`
      <div
        class="desk"
        part="base"
        dir=${dir}
        ?data-narrow=${narrow}
        ?data-compact=${this.compact}
        ?data-drawer-open=${!!drawer}
      >
        <section
          id="sidebar"
          class="column sidebar"
          part="sidebar"
          aria-label=${t.desk.conversations}
          ?hidden=${narrow && drawer !== 'conversations'}
          @keydown=${this.onDrawerKeyDown}
          @focusout=${this.onDrawerFocusOut}
        >
          <state-box warning-threshold=${this.warningThreshold} heading-level=${this.headingLevel}></state-box>
        </section>
        <section class="center" aria-label=${t.desk.panes}>
          <div class="toolbar" part="toolbar">
            ${narrow ? this.renderToggle('conversations', t.desk.conversations) : nothing}
            <div class="layout" role="radiogroup" part="layout" aria-label=${t.desk.splitScreen}>
              ${LAYOUTS.map(
                (layout) => html`
                  <label class="segment">
                    <input
                      type="radio"
                      name="layout"
                      .value=${String(layout)}
                      .checked=${data.layout === layout}
                      @change=${() => this.chooseLayout(store, layout)}
                    />
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                      ${LAYOUT_ICONS[layout]}
                    </svg>
                    <span aria-hidden="true">${layout}</span>
                    <span class="visually-hidden">${t.a11y.layout[layout]}</span>
                  </label>
                `,
              )}
            </div>
            <!-- It fills the space between the layout and the alerts (a spacer would take half of it). -->
            <agent-status compact exportparts="base: agent-status"></agent-status>
            <button
              type="button"
              class="toggle shortcuts"
              part="shortcuts-button"
              aria-haspopup="dialog"
              @click=${() => void this.openShortcuts()}
            >
              <span class="key" aria-hidden="true">?</span>
              <span class="label">${t.a11y.shortcuts}</span>
            </button>
            ${this.alerts?.menu.render()} ${narrow ? this.renderToggle('info', t.desk.visitorInformation) : nothing}
          </div>
          <div class="connection" part="connection" data-state=${connection}>
            ${connection === 'online' ? nothing : t.common.connection[connection]}
          </div>
          <div class="panes" part="panes" data-layout=${data.layout}>
            ${repeat(
              panes,
              (_id, index) => index,
              (id, index) => this.renderPane(store, id, index),
            )}
          </div>
        </section>
        <section
          id="info"
          class="column info"
          part="info"
          tabindex="-1"
          aria-label=${t.desk.visitorInformation}
          ?hidden=${narrow && drawer !== 'info'}
          @keydown=${this.onDrawerKeyDown}
          @focusout=${this.onDrawerFocusOut}
        >
          <visitor-panel heading-level=${this.headingLevel}></visitor-panel>
        </section>
        ${drawer ? this.renderScrim() : nothing} ${this.renderShortcuts?.(t, this.headingLevel, this.onShortcutsClose)}
      </div>
    `;
  }

  private renderScrim() {
    // The scrim only adds pointer dismissal; keyboard users close a drawer with Escape or its toggle.
    return html`<div class="scrim" aria-hidden="true" @click=${() => this.closeDrawer(false)}></div>`;
  }

  private renderToggle(which: Drawer, label: string) {
    const open = this.drawer === which;
    const waiting =
      which === 'conversations'
        ? (this.data.value?.summaries ?? []).filter((summary) => summary.waitingSince).length
        : 0;
    return html`<button
        type="button"
        class="toggle"
        part="drawer-toggle"
        data-drawer=${which}
        aria-controls=${which === 'conversations' ? 'sidebar' : 'info'}
        aria-expanded=${open ? 'true' : 'false'}
        aria-describedby=${waiting ? 'waiting-count' : nothing}
        @click=${() => this.toggleDrawer(which)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          ${
            which === 'conversations'
              ? svg`<path d="M4 6h16M4 12h16M4 18h16"/>`
              : svg`<circle cx="12" cy="8" r="3.5"/><path d="M5 20c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5"/>`
          }
        </svg>
        <span>${label}</span>
        ${waiting ? html`<span class="toggle-badge" aria-hidden="true">${waiting}</span>` : nothing}
      </button>
      ${waiting ? html`<span id="waiting-count" hidden>${this.i18n.t.desk.waitingCount(waiting)}</span>` : nothing}`;
  }

  /** The focused pane's composer, configured from the desk's composer properties. */
  private renderComposer(id: string) {
    // The desk shows the connection banner once, above the panes: the composer does not repeat it.
    return html`<compose-area
      conversation-id=${id}
      hide-offline-notice
      .cannedAnswers=${this.cannedAnswers}
      .offers=${this.offers}
      .uploader=${this.uploader}
      max-file-size=${ifDefined(this.maxFileSize)}
      accept=${ifDefined(this.accept)}
      emoji-data-source=${ifDefined(this.emojiDataSource)}
    ></compose-area>`;
  }

  private renderPane(store: DeskStore, id: string | null, index: number) {
    const { t } = this.i18n;
    const focusedPane = this.data.value?.focusedPane ?? 0;
    const focused = index === focusedPane;
    const label = t.desk.paneLabel(index + 1, id ? this.nameOf(store, id) : t.desk.emptyPane);
    return html`
      <div
        class="pane"
        part="pane"
        role="group"
        tabindex="-1"
        data-index=${index}
        aria-label=${label}
        aria-current=${focused && (this.data.value?.panes.length ?? 0) > 1 ? 'true' : nothing}
        ?data-focused=${focused}
        @pointerdown=${() => store.focusPane(index)}
        @focusin=${() => {
          if (store.state.focusedPane !== index) store.focusPane(index);
        }}
      >
        ${
          id
            ? html`<chat-box conversation-id=${id} heading-level=${this.headingLevel}></chat-box>
                ${focused ? this.renderComposer(id) : nothing}`
            : html`<div class="placeholder empty-pane">
                <p>${t.desk.emptyPane}</p>
                <p class="hint">${t.desk.emptyPaneHint}</p>
              </div>`
        }
      </div>
    `;
  }

  private nameOf(store: DeskStore, conversationId: string): string {
    const { state } = store;
    const visitorId = state.conversations.get(conversationId)?.visitorId ?? conversationId;
    return visitorDisplayName(this.i18n.t, state.visitors.get(visitorId), visitorId);
  }

  // ---- behaviour -------------------------------------------------------------------------

  private onResize(entries: readonly ResizeObserverEntry[]): void {
    const entry = entries[entries.length - 1];
    const width = entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
    if (width <= 0) return; // not laid out (display: none): keep the current mode
    // Measured with a ResizeObserver rather than a size container, so that the desk keeps its
    // natural width in any host layout (a size container would collapse in a flex row).
    const narrow = width < NARROW_BELOW;
    if (narrow !== this.narrow) this.narrow = narrow;
    const compact = width < COMPACT_BELOW;
    if (compact !== this.compact) this.compact = compact;
  }

  private toggleDrawer(which: Drawer): void {
    if (this.drawer === which) {
      this.closeDrawer(true);
      return;
    }
    this.drawer = which;
    void this.updateComplete.then(() => {
      if (which === 'conversations') this.renderRoot.querySelector<HTMLElement>('state-box')?.focus();
      else this.renderRoot.querySelector<HTMLElement>('#info')?.focus();
    });
  }

  /** Closes the open drawer; `returnFocus` puts focus back on its toggle. */
  private closeDrawer(returnFocus: boolean): void {
    const which = this.drawer;
    if (!which) return;
    this.drawer = null;
    if (!returnFocus) return;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`button[data-drawer="${which}"]`)?.focus(),
    );
  }

  /** Focus leaving an open drawer for the rest of the desk closes it (a toggle handles its own click). */
  private readonly onDrawerFocusOut = (event: FocusEvent): void => {
    if (!this.narrow || !this.drawer) return;
    const section = event.currentTarget as HTMLElement;
    const next = event.relatedTarget;
    if (!(next instanceof Node) || section.contains(next)) return;
    if (next instanceof HTMLElement && next.dataset.drawer) return;
    this.drawer = null;
  };

  private readonly onDrawerKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.narrow || !this.drawer) return;
    // Escape in a dialog inside the drawer (block confirmation) closes that dialog only.
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement && node.open)) return;
    event.preventDefault();
    this.closeDrawer(true);
  };

  /** Moves DOM focus into a pane: its composer when it has one, else the pane itself. */
  private async focusPaneContent(index: number): Promise<void> {
    await this.updateComplete;
    const pane = this.renderRoot.querySelector<HTMLElement>(`.pane[data-index="${index}"]`);
    if (!pane) return;
    const composer = pane.querySelector<Focusable>('compose-area');
    if (composer) {
      await composer.updateComplete;
      composer.focus();
      if ((this.renderRoot as ShadowRoot).activeElement === composer) return;
    }
    pane.focus();
  }

  /** The F6 stops, in order; a closed drawer is not one. */
  private regions(): Region[] {
    const panes = this.activeStore?.state.panes ?? [];
    const regions: Region[] = [];
    if (!this.narrow || this.drawer === 'conversations') regions.push({ kind: 'sidebar' });
    panes.forEach((id, pane) => {
      regions.push({ kind: 'thread', pane });
      if (id) regions.push({ kind: 'composer', pane });
    });
    if (!this.narrow || this.drawer === 'info') regions.push({ kind: 'info' });
    return regions;
  }

  /** The F6 stop an event comes from (through nested shadow roots), if any. */
  private regionOf(event: Event): Region | undefined {
    let composer = false;
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node.localName === 'compose-area') composer = true;
      if (node.getRootNode() !== this.renderRoot) continue;
      if (node.id === 'sidebar') return { kind: 'sidebar' };
      if (node.id === 'info') return { kind: 'info' };
      if (node.classList.contains('pane'))
        return { kind: composer ? 'composer' : 'thread', pane: Number(node.dataset.index) };
    }
    return undefined;
  }

  /** F6 / Shift+F6: focus moves to the next / previous region, round the desk. */
  private async moveRegion(event: Event, step: 1 | -1): Promise<void> {
    const regions = this.regions();
    const from = this.regionOf(event);
    const same = (region: Region) =>
      region.kind === from?.kind && (!('pane' in region) || ('pane' in from && region.pane === from.pane));
    const index = regions.findIndex(same);
    // From outside every region (the toolbar): the first one forwards, the last one backwards.
    const next =
      regions[index < 0 ? (step > 0 ? 0 : regions.length - 1) : (index + step + regions.length) % regions.length];
    if (next) await this.focusRegion(next);
  }

  private async focusRegion(region: Region): Promise<void> {
    const store = this.activeStore;
    if (region.kind === 'sidebar') {
      this.renderRoot.querySelector<HTMLElement>('state-box')?.focus();
      return;
    }
    if (region.kind === 'info') {
      this.renderRoot.querySelector<HTMLElement>('#info')?.focus();
      return;
    }
    if (store && store.state.focusedPane !== region.pane) store.focusPane(region.pane);
    if (region.kind === 'composer') {
      await this.focusPaneContent(region.pane);
      return;
    }
    await this.updateComplete;
    const pane = this.renderRoot.querySelector<HTMLElement>(`.pane[data-index="${region.pane}"]`);
    // The thread's log (its public `log` part), else the pane itself (an empty pane).
    const log = pane?.querySelector('chat-box')?.shadowRoot?.querySelector<HTMLElement>('[part~="log"]');
    (log ?? pane)?.focus();
  }

  /** Opens the "Keyboard shortcuts" dialog; focus comes back to where it was when it closes. */
  private async openShortcuts(): Promise<void> {
    // Where focus is now: loading the dialog (its first use) takes a moment.
    const back = deepActiveElement();
    if (!this.renderShortcuts) {
      const signal = this.shortcutsAbort.signal;
      try {
        const loaded = await shortcutsChunk(signal);
        adoptLazyStyles(this.shadowRoot, loaded.shortcutsDialogStyles);
        this.renderShortcuts = loaded.renderShortcutsDialog;
      } catch (error) {
        if (signal.aborted) return; // the desk left meanwhile
        throw error; // a failed fetch is reported; the next use tries again
      }
      this.requestUpdate();
      await this.updateComplete;
    }
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('.shortcuts-dialog');
    if (!dialog || dialog.open) return;
    this.shortcutsReturn = back;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private readonly onShortcutsClose = (): void => {
    const back = this.shortcutsReturn;
    this.shortcutsReturn = undefined;
    if (back?.isConnected) back.focus();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const store = this.activeStore;
    if (!store) return;
    // Nothing switches behind an open dialog (confirmations are modal).
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement && node.open)) return;
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const ids = orderConversations(this.data.value?.summaries ?? [], this.sort).map((s) => s.conversation.id);
      const next = adjacentId(ids, store.focusedId, event.key === 'ArrowDown' ? 1 : -1);
      if (!next) return;
      const select = new DeskConversationSelectEvent({ conversationId: next });
      this.dispatchEvent(select);
      if (select.defaultPrevented) return;
      store.focus(next);
      return;
    }
    if (event.key === 'F6' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void this.moveRegion(event, event.shiftKey ? -1 : 1);
      return;
    }
    if (event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey && !typingIn(event)) {
      event.preventDefault();
      void this.openShortcuts();
    }
  };

  /**
   * After a selection that was not prevented (in the list, or a past conversation in the visitor
   * panel), a narrow desk closes the drawer and shows the pane.
   */
  private readonly onSelect = (event: DeskConversationSelectEvent): void => {
    if (!this.narrow || !this.drawer) return;
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.drawer = null;
      void this.focusPaneContent(this.activeStore?.state.focusedPane ?? 0);
    });
  };
}
