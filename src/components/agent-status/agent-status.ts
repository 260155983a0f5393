import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DeskAvailabilityChangeEvent } from '../../events.js';
import { channelLabel } from '../../i18n/names.js';
import type { ChannelStatus } from '../../model/channels.js';
import type { Availability } from '../../model/types.js';
import { shared, tokens } from '../../styles/tokens.js';
import { announce } from '../shared/announcer.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { agentStatusStyles } from './agent-status.styles.js';

const AVAILABILITIES: readonly Availability[] = ['available', 'busy', 'unavailable'];
/** A shape per status, so that colour is never the only sign. */
// A presence dot in its ring (the visitor panel's toggle already has the person).
const ICON_PRESENCE = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
  <circle cx="10" cy="10" r="3" fill="currentColor" />
</svg>`;
const ICONS: Record<Availability, string> = { available: '✓', busy: '–', unavailable: '✕' };

let serial = 0;

/**
 * The agent's name and availability on each channel it serves (Live chat, Email, WhatsApp…):
 * Available, Busy or Unavailable, in text with an icon. A channel whose ongoing conversations reach
 * its `maxConversations` shows Busy with the reason ("Limit reached (3/3)") and turns Available again
 * by itself when one ends; a Busy or Unavailable the agent chose is never overridden.
 *
 * The button "Availability" opens a panel: an "All channels" radio group, then one radio group per
 * channel (named by the channel) with the radios Available, Busy and Unavailable. Arrow keys move
 * within a group; Escape closes the panel and returns focus to the button. Changes are announced.
 * Also shown in `<chat-desk>`'s toolbar, `compact`: each channel as a chip (icon and name, the limit
 * count when reached; the status in its accessible text and tooltip).
 *
 * @customElement agent-status
 * @summary The agent's availability per channel.
 * @csspart base - The whole status.
 * @csspart name - The agent's name.
 * @csspart summary - The list of channels with their status.
 * @csspart button - The "Availability" button.
 * @csspart button-label - Its words (a narrow desk hides them visually; they stay its name).
 * @csspart panel - The panel of radio groups.
 * @cssprop --agent-status-available-color - Colour of "Available" (default: the success colour).
 * @cssprop --agent-status-busy-color - Colour of "Busy" (default: the warning colour).
 * @cssprop --agent-status-unavailable-color - Colour of "Unavailable" (default: the danger colour).
 * @fires desk-availability-change - Cancelable; before an availability is set. `detail: { channel, availability }` (`channel` null: all channels).
 */
export class AgentStatus extends DeskElement {
  static override styles = [tokens, shared, agentStatusStyles];

  /** Chips instead of sentences: the status word is in each chip's tooltip and accessible text. */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private open = false;
  @query('.toggle') private toggle?: HTMLButtonElement;

  /** Ids inside the shadow root (unique per element, for the groups' descriptions). */
  private readonly uid = `agent-status-${++serial}`;

  private readonly data = select(
    this,
    (store) => ({ agent: store.agent$, channels: store.channels$ }),
    (next, previous) => {
      if (previous) this.announceChanges(next.channels, previous.channels);
    },
  );

  /** Says which channels changed status (a limit reached or left, a choice confirmed or undone). */
  private announceChanges(next: readonly ChannelStatus[], previous: readonly ChannelStatus[]): void {
    const before = new Map(previous.map((entry) => [entry.channel, entry]));
    for (const entry of next) {
      const old = before.get(entry.channel);
      if (!old || (old.availability === entry.availability && old.limitReached === entry.limitReached)) continue;
      const { t } = this.i18n;
      announce(
        this,
        t.shift.channelNow(channelLabel(t, entry.channel), t.shift.status[entry.availability], this.reason(entry)),
        { key: `availability:${entry.channel}` },
      );
    }
  }

  private reason(entry: ChannelStatus): string | undefined {
    return entry.limitReached ? this.i18n.t.shift.limitReached(entry.ongoing, entry.maxConversations ?? 0) : undefined;
  }

  private choose(channel: string | null, availability: Availability): void {
    const event = new DeskAvailabilityChangeEvent({ channel, availability });
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      // The radio the agent clicked goes back to what the store has.
      this.requestUpdate();
      return;
    }
    this.target.store?.setAvailability(availability, channel === null ? undefined : [channel]);
  }

  private setOpen(open: boolean, focusButton = false): void {
    this.open = open;
    if (open) {
      // Into the first group ("All channels"): on its checked radio, else its first one.
      void this.updateComplete.then(() => {
        const group = this.renderRoot.querySelector('.panel [role="radiogroup"]');
        (group?.querySelector<HTMLInputElement>('input:checked') ?? group?.querySelector('input'))?.focus();
      });
    } else if (focusButton) {
      this.toggle?.focus();
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.setOpen(false, true);
  }

  /** Focus leaving the element (a click elsewhere, Tab past the panel) closes the panel. */
  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.open && next && !this.renderRoot.contains(next) && !this.contains(next)) this.open = false;
  }

  override render() {
    const { t } = this.i18n;
    const value = this.data.value;
    if (!this.target.store || !value) {
      return html`<div class="base" part="base" role="status">${t.common.noStore}</div>`;
    }
    const channels = value.channels;
    const name = value.agent.name;
    return html`<div
      class="base"
      part="base"
      role="group"
      aria-label=${t.shift.agentStatus(name)}
      dir=${this.i18n.dir}
      @keydown=${this.onKeyDown}
      @focusout=${this.onFocusOut}
    >
      <span class="name" part="name" dir="auto">${name}</span>
      ${
        channels.length === 0
          ? html`<span class="reason">${t.shift.noChannels}</span>`
          : html`<ul class="summary" part="summary">
              ${channels.map((entry) => this.renderSummary(entry))}
            </ul>`
      }
      <button
        class="toggle"
        part="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="${this.uid}-panel"
        ?disabled=${channels.length === 0}
        @click=${() => this.setOpen(!this.open)}
      >
        ${ICON_PRESENCE}<span class="label" part="button-label">${t.shift.availability}</span>
      </button>
      <div
        id="${this.uid}-panel"
        class="panel"
        part="panel"
        role="group"
        aria-label=${t.shift.availabilityPanel}
        ?hidden=${!this.open}
      >
        ${this.open ? this.renderPanel(channels) : nothing}
      </div>
    </div>`;
  }

  private renderSummary(entry: ChannelStatus) {
    const { t } = this.i18n;
    const reason = this.reason(entry);
    if (this.compact) {
      const channel = channelLabel(t, entry.channel);
      const status = t.shift.status[entry.availability];
      return html`<li
        class="channel chip"
        data-availability=${entry.availability}
        title=${t.shift.channelStatus(channel, status, reason)}
      >
        <span class="badge" aria-hidden="true">${ICONS[entry.availability]}</span>
        <span class="chip-name">${channel}</span>
        ${entry.limitReached ? html`<span class="reason" aria-hidden="true">${entry.ongoing}/${entry.maxConversations}</span>` : nothing}
        <span class="visually-hidden">${t.shift.status[entry.availability]}${reason ? `, ${reason}` : ''}</span>
      </li>`;
    }
    return html`<li class="channel" data-availability=${entry.availability}>
      <span class="badge" aria-hidden="true">${ICONS[entry.availability]}</span>
      <span>${t.shift.summaryChannel(channelLabel(t, entry.channel))}</span>
      <span class="status">${t.shift.status[entry.availability]}</span>
      ${reason ? html`<span class="reason">(${reason})</span>` : nothing}
    </li>`;
  }

  private renderPanel(channels: readonly ChannelStatus[]) {
    const { t } = this.i18n;
    const first = channels[0]?.chosen;
    const all = channels.every((entry) => entry.chosen === first) ? first : undefined;
    return html`${this.renderGroup('all', t.shift.allChannels, all, null, 'all')}
    ${channels.map((entry, index) =>
      this.renderGroup(
        `c${index}`,
        channelLabel(t, entry.channel),
        entry.chosen,
        entry.channel,
        '',
        this.reason(entry),
      ),
    )}`;
  }

  private renderGroup(
    key: string,
    label: string,
    checked: Availability | undefined,
    channel: string | null,
    className: string,
    reason?: string,
  ) {
    const { t } = this.i18n;
    const id = `${this.uid}-${key}`;
    return html`<div
      class="group ${className}"
      role="radiogroup"
      aria-labelledby="${id}-name"
      aria-describedby=${reason ? `${id}-reason` : nothing}
    >
      <span id="${id}-name" class="group-name">${label}</span>
      <div class="options">
        ${AVAILABILITIES.map(
          (availability) =>
            html`<label data-availability=${availability}
              ><input
                type="radio"
                name=${id}
                .checked=${live(checked === availability)}
                @change=${() => this.choose(channel, availability)}
              /><span class="badge" aria-hidden="true">${ICONS[availability]}</span
              >${t.shift.status[availability]}</label
            >`,
        )}
      </div>
      ${reason ? html`<span id="${id}-reason" class="reason">${t.shift.status.busy}: ${reason}</span>` : nothing}
    </div>`;
  }
}
