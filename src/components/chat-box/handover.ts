/**
 * `<chat-box>`'s "Transfer" and "End conversation" tools (issue 16): their header buttons, the
 * transfer dialog, the end confirmation and the "Conversation ended · Undo" bar. A controller, not
 * an element: it keeps the dialogs' fields (what the agent is typing) and reaches the store only
 * through its commands. The dialogs (handover-dialogs.ts, on top of the shared confirm-dialog
 * styles) are loaded the first time a tool is used; announcements go through the desk's one
 * announcer.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DeskCloseConversationEvent, DeskTransferEvent } from '../../events.js';
import type { Strings } from '../../i18n/strings.js';
import type { Message, TransferTarget, TransferTargets } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { ClosingState, TransferState } from '../../store/state.js';
import { announce } from '../shared/announcer.js';
import { isolateName } from '../shared/confirm-block-dialog.js';
import { adoptLazyStyles, lazy } from '../shared/lazy.js';
import type { HandoverFields, renderHandoverDialogs } from './handover-dialogs.js';

const dialogsModule = lazy(() => import('./handover-dialogs.js'));

/** What the tools show for the conversation in the box. */
export interface HandoverView {
  readonly t: Strings;
  readonly store: DeskStore | undefined;
  readonly conversationId: string;
  /** The visitor's display name (already neutralized). */
  readonly name: string;
  readonly closed: boolean;
  readonly targets: TransferTargets;
  readonly tagSuggestions: readonly string[];
  readonly transfer: TransferState | undefined;
}

const ICON_TRANSFER = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path
    d="M3 7h11M11 4l3 3-3 3M17 13H6M9 10l-3 3 3 3"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
  />
</svg>`;
const ICON_END = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path d="M5 10.5l3.2 3.2L15 6.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
</svg>`;

export const keyOf = (target: TransferTarget) => `${target.type}:${target.id}`;

/** Why a transfer was refused, as the dialog and the announcement say it. */
export function refusalText(t: Strings, transfer: TransferState, target: string): string {
  return transfer.reason === 'unavailable' ? t.handover.refusedUnavailable(target) : t.handover.refused;
}

/** A transfer target's display name (its id when it is no longer listed). */
export function targetName(targets: TransferTargets, target: TransferTarget): string {
  const list = target.type === 'agent' ? targets.agents : targets.skills;
  return list.find((item) => item.id === target.id)?.name ?? target.id;
}

export class HandoverController implements ReactiveController, HandoverFields {
  // What the agent types in the dialogs (handover-dialogs.ts renders them from these).
  query = '';
  selected: string | undefined;
  comment = '';
  note = '';
  tags: string[] = [];
  tagDraft = '';
  /** The conversation ended from this box, while its undo is offered. */
  private ended: { id: string; name: string } | undefined;
  private view: HandoverView | undefined;
  private renderLoaded: typeof renderHandoverDialogs | undefined;
  /** Aborts a load of the dialogs still under way when the box leaves the page. */
  private connection = new AbortController();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connection = new AbortController();
  }

  hostDisconnected(): void {
    this.connection.abort();
    for (const dialog of this.dialogs()) if (dialog.open) dialog.close('cancel');
  }

  /**
   * Follows the store: an accepted transfer closes its dialog and is announced; a refusal is
   * announced (the dialog says it and keeps the comment); an end no longer undoable drops its bar.
   */
  update(
    transfer: TransferState | undefined,
    previous: TransferState | undefined,
    closing: ReadonlyMap<string, ClosingState>,
  ): void {
    const view = this.view;
    if (this.ended && closing.get(this.ended.id)?.status !== 'undoable') this.ended = undefined;
    if (!view || !transfer || transfer === previous) return;
    const target = targetName(view.targets, transfer.target);
    if (transfer.status === 'accepted' && previous?.status !== 'accepted') {
      const dialog = this.dialog('transfer');
      if (dialog?.open) this.closeDialog(dialog);
      announce(this.host, view.t.handover.transferred(view.name, target), { key: `transfer:${view.conversationId}` });
      view.store?.dismissTransfer(view.conversationId);
    } else if (transfer.status === 'refused' && previous?.status !== 'refused') {
      announce(this.host, refusalText(view.t, transfer, target), {
        priority: 'assertive',
        key: `transfer:${view.conversationId}`,
      });
    }
  }

  // ---- header tools ------------------------------------------------------------------------

  renderTools(view: HandoverView): TemplateResult {
    this.view = view;
    const h = view.t.handover;
    return html`<button
        class="tool tool-transfer"
        part="tool"
        ?disabled=${view.closed}
        title=${h.transferHint}
        aria-haspopup="dialog"
        @click=${() => void this.openTransfer()}
      >
        ${ICON_TRANSFER}<span class="label">${h.transfer}</span>
      </button>
      <button
        class="tool tool-end"
        part="tool"
        ?disabled=${view.closed}
        title=${h.endHint}
        aria-haspopup="dialog"
        @click=${() => void this.openEnd()}
      >
        ${ICON_END}<span class="label">${h.end}</span>
      </button>`;
  }

  /** The "Conversation ended · Undo" bar, while the end ended from this box can be undone. */
  renderUndo(t: Strings): TemplateResult | typeof nothing {
    const ended = this.ended;
    if (!ended) return nothing;
    return html`<div class="undo-bar" part="undo-bar" role="group" aria-label=${t.handover.ended}>
      <span>${t.handover.ended}</span>
      <span aria-hidden="true">·</span>
      <button class="undo" part="undo" aria-label=${t.handover.undoLabel(ended.name)} @click=${() => this.undo()}>
        ${t.handover.undo}
      </button>
    </div>`;
  }

  /**
   * A transfer note at the top of the thread: the comment of the latest transfer line, when that
   * transfer gave the conversation to this agent (a colleague or a bot handed it over).
   */
  renderTransferNote(t: Strings, messages: readonly Message[], agentName: string): TemplateResult | typeof nothing {
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      const message = messages[i];
      if (message.kind !== 'transfer') continue;
      const toMe = message.to.type === 'agent' && message.to.name === agentName;
      if (!message.comment || !toMe) return nothing;
      const from = message.from?.name;
      return html`<div class="banner transfer-note" part="banner transfer-note">
        <strong>${from ? isolateName(t.handover.transferNote, from) : t.handover.transferNoteNoName}</strong>
        <q dir="auto">${message.comment.slice(0, 1_000)}</q>
      </div>`;
    }
    return nothing;
  }

  // ---- dialogs -----------------------------------------------------------------------------

  /** The dialogs, once their module is loaded (the first time a tool is used: they are rarely open). */
  renderDialogs(view: HandoverView): TemplateResult | typeof nothing {
    this.view = view;
    return this.renderLoaded ? this.renderLoaded(this, view) : nothing;
  }

  // ---- behaviour ---------------------------------------------------------------------------

  /** The dialog asked for, rendered: the first use loads the dialogs' module. */
  private async dialogFor(which: 'transfer' | 'end'): Promise<HTMLDialogElement | null | undefined> {
    if (!this.renderLoaded) {
      try {
        const loaded = await dialogsModule(this.connection.signal);
        adoptLazyStyles(this.host.shadowRoot, loaded.handoverDialogStyles);
        this.renderLoaded = loaded.renderHandoverDialogs;
      } catch (error) {
        // The box left the page meanwhile: nothing to open. A failed fetch is reported; the next click retries.
        if (this.connection.signal.aborted) return undefined;
        throw error;
      }
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    return this.dialog(which);
  }

  private async openTransfer(): Promise<void> {
    const dialog = await this.dialogFor('transfer');
    const view = this.view;
    if (!view || view.closed || !dialog || dialog.open) return;
    const transfer = view.transfer;
    if (transfer?.status === 'refused' || transfer?.status === 'pending') {
      // What the agent wrote before a refusal (or while it is still being sent) is shown again.
      this.selected = keyOf(transfer.target);
      this.comment = transfer.comment;
    } else {
      if (transfer) view.store?.dismissTransfer(view.conversationId);
      this.selected = undefined;
      this.comment = '';
    }
    this.query = '';
    this.host.requestUpdate();
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('#transfer-search')?.focus();
  }

  private async openEnd(): Promise<void> {
    const dialog = await this.dialogFor('end');
    const view = this.view;
    if (!view || view.closed || !dialog || dialog.open) return;
    this.note = '';
    this.tags = [];
    this.tagDraft = '';
    this.host.requestUpdate();
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLTextAreaElement>('#end-note')?.focus();
  }

  setQuery(value: string): void {
    this.query = value;
    this.host.requestUpdate();
  }

  choose(key: string): void {
    this.selected = key;
    this.host.requestUpdate();
  }

  setComment(value: string): void {
    this.comment = value;
  }

  setNote(value: string): void {
    this.note = value;
  }

  setTagDraft(value: string): void {
    this.tagDraft = value;
    this.host.requestUpdate();
  }

  submitTransfer(event: SubmitEvent): void {
    event.preventDefault();
    const view = this.view;
    if (!view || !this.selected || view.transfer?.status === 'pending') return;
    const [type, ...rest] = this.selected.split(':');
    const target: TransferTarget = { type: type === 'skill' ? 'skill' : 'agent', id: rest.join(':') };
    const comment = this.comment.trim();
    const request = new DeskTransferEvent({ conversationId: view.conversationId, target, comment });
    this.host.dispatchEvent(request);
    if (request.defaultPrevented) {
      // The host transfers it its own way: the dialog's work is done.
      this.closeDialog(this.dialog('transfer'));
      return;
    }
    // The dialog stays open until the server answers: accepted closes it, a refusal is said in it.
    view.store?.transfer(view.conversationId, target, comment);
  }

  submitEnd(event: SubmitEvent): void {
    event.preventDefault();
    const view = this.view;
    if (!view) return;
    // A tag typed but not confirmed with Enter still counts.
    if (this.tagDraft.trim()) this.addTag(this.tagDraft, false);
    const note = this.note.trim();
    const tags = [...this.tags];
    const request = new DeskCloseConversationEvent({ conversationId: view.conversationId, note, tags });
    this.host.dispatchEvent(request);
    const dialog = this.dialog('end');
    if (request.defaultPrevented) {
      this.closeDialog(dialog);
      return;
    }
    this.ended = { id: view.conversationId, name: view.name };
    view.store?.closeConversation(view.conversationId, { note, tags });
    if (dialog?.open) dialog.close('ended');
    announce(this.host, view.t.handover.endedAnnouncement(view.name), { key: `end:${view.conversationId}` });
    // The pane moved on: focus goes to Undo, the one thing left of the conversation ended.
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLButtonElement>('.undo')?.focus());
  }

  private undo(): void {
    const view = this.view;
    const ended = this.ended;
    if (!ended || !view?.store) return;
    this.ended = undefined;
    if (view.store.undoClose(ended.id))
      announce(this.host, view.t.handover.restored(ended.name), { key: `end:${ended.id}` });
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLButtonElement>('.tool-end')?.focus(),
    );
  }

  addTag(raw: string, refocus: boolean): void {
    const tag = raw.trim().slice(0, 60);
    if (tag && !this.tags.some((known) => known.toLocaleLowerCase() === tag.toLocaleLowerCase()))
      this.tags = [...this.tags, tag];
    this.tagDraft = '';
    this.host.requestUpdate();
    if (refocus) this.focusTagInput();
  }

  removeTag(tag: string): void {
    this.tags = this.tags.filter((known) => known !== tag);
    this.host.requestUpdate();
    // The chip (and its button) is gone: focus goes to the tag field rather than to the page.
    this.focusTagInput();
  }

  tagKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ',') {
      // Enter adds the tag; it must not submit the form (ending the conversation).
      event.preventDefault();
      if (this.tagDraft.trim()) this.addTag(this.tagDraft, false);
    } else if (event.key === 'Backspace' && !this.tagDraft && this.tags.length) {
      this.removeTag(this.tags[this.tags.length - 1]);
    }
  }

  private focusTagInput(): void {
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLInputElement>('#end-tag-input')?.focus(),
    );
  }

  cancel(which: 'transfer' | 'end'): void {
    this.closeDialog(this.dialog(which));
  }

  private closeDialog(dialog: HTMLDialogElement | null | undefined): void {
    if (dialog?.open) dialog.close('cancel');
  }

  /**
   * Escape, Cancel, an accepted transfer: focus goes back to the tool that opened the dialog; once a
   * transfer has closed the conversation that tool is disabled, so focus goes to the thread instead.
   */
  onClosed(which: 'transfer' | 'end'): void {
    const dialog = this.dialog(which);
    if (!this.host.isConnected || dialog?.returnValue === 'ended') return;
    // After the render that follows the store's answer: it is what disables the tool.
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot;
      const tool = root?.querySelector<HTMLButtonElement>(which === 'transfer' ? '.tool-transfer' : '.tool-end');
      if (tool && !tool.disabled) tool.focus();
      else root?.querySelector<HTMLElement>('[role="log"]')?.focus();
    });
  }

  private dialog(which: 'transfer' | 'end'): HTMLDialogElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>(`.${which}-dialog`);
  }

  private dialogs(): HTMLDialogElement[] {
    return [this.dialog('transfer'), this.dialog('end')].filter((dialog): dialog is HTMLDialogElement => !!dialog);
  }
}
