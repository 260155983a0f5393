import { adoptStyles, html, nothing, svg, type LitElement, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import { AlertsController, type AlertChannel, type AlertsOptions } from '../../controllers/alerts-controller.js';
import type { Strings } from '../../i18n/strings.js';
import { alertsMenuStyles } from './alerts-menu.styles.js';

const CHANNELS: readonly { channel: AlertChannel; label: (t: Strings) => string }[] = [
  { channel: 'sound', label: (t) => t.alerts.sound },
  { channel: 'title', label: (t) => t.alerts.title },
  { channel: 'desktop', label: (t) => t.alerts.desktop },
];

/**
 * The toolbar's "Alerts" button and the menu it discloses: a checkbox per channel and "Mute".
 * Escape or focus leaving the menu closes it; Escape puts focus back on the button.
 */
export class AlertsMenu implements ReactiveController {
  private open = false;

  constructor(
    private readonly host: LitElement,
    private readonly alerts: AlertsController,
    private readonly strings: () => Strings,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  render() {
    const t = this.strings();
    const { muted } = this.alerts.preferences;
    const permission = this.alerts.permission;
    const desktopNote =
      permission === 'unsupported'
        ? t.alerts.desktopUnsupported
        : permission === 'denied'
          ? t.alerts.desktopBlocked
          : '';
    return html`<div class="alerts" part="alerts" @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      <button
        type="button"
        class="toggle"
        id="alerts-toggle"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="alerts-panel"
        aria-describedby=${muted ? 'alerts-muted' : nothing}
        @click=${this.toggle}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M6 16v-5a6 6 0 0 1 12 0v5l1.5 2h-15z" />
          <path d="M10 20.5a2 2 0 0 0 4 0" />
          ${muted ? svg`<path d="M4 3l16 18" />` : nothing}
        </svg>
        <span>${t.alerts.alerts}</span>
      </button>
      <span id="alerts-muted" hidden>${t.alerts.muted}</span>
      <div id="alerts-panel" class="alerts-panel" role="group" aria-label=${t.alerts.alerts} ?hidden=${!this.open}>
        ${CHANNELS.map(({ channel, label }) => {
          const blocked = channel === 'desktop' && !!desktopNote;
          return html`<label class="alerts-option">
            <input
              type="checkbox"
              data-channel=${channel}
              .checked=${live(this.alerts.isOn(channel))}
              ?disabled=${blocked}
              aria-describedby=${blocked ? 'alerts-desktop-note' : nothing}
              @change=${(event: Event) => void this.alerts.setChannel(channel, (event.target as HTMLInputElement).checked)}
            />
            ${label(t)}
          </label>`;
        })}
        ${desktopNote ? html`<p id="alerts-desktop-note" class="alerts-note">${desktopNote}</p>` : nothing}
        <label class="alerts-option alerts-mute">
          <input
            type="checkbox"
            data-channel="mute"
            .checked=${live(muted)}
            @change=${(event: Event) => this.alerts.setMuted((event.target as HTMLInputElement).checked)}
          />
          ${t.alerts.mute}
        </label>
      </div>
    </div>`;
  }

  private readonly toggle = (): void => {
    this.open = !this.open;
    this.host.requestUpdate();
  };

  private close(returnFocus: boolean): void {
    this.open = false;
    this.host.requestUpdate();
    if (returnFocus) this.host.renderRoot.querySelector<HTMLElement>('#alerts-toggle')?.focus();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open || event.defaultPrevented) return;
    event.preventDefault();
    this.close(true);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!this.open || (next instanceof Node && (event.currentTarget as HTMLElement).contains(next))) return;
    this.close(false);
  };
}

/** The desk's alerts: what `<chat-desk>` loads on demand (this module is its own chunk). */
export interface DeskAlerts {
  readonly controller: AlertsController;
  readonly menu: AlertsMenu;
}

/** Builds the alerts of `host` (a connected element) and adds the menu's styles to its shadow root. */
export function createDeskAlerts(host: LitElement, options: AlertsOptions): DeskAlerts {
  const root = host.renderRoot;
  if (root instanceof ShadowRoot) {
    adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, alertsMenuStyles]);
  }
  const controller = new AlertsController(host, options);
  return { controller, menu: new AlertsMenu(host, controller, options.strings) };
}
