/**
 * The block confirmation shared by <chat-box> (header tool) and <visitor-panel>: one template
 * function, no custom element. Same title, consequences, optional reason and focus rules in both
 * places: opening puts focus on Cancel (the safe choice), Escape or Cancel closes, and the host
 * puts focus back on its trigger (or, after blocking, on what replaced it) in `onClose`.
 * Style it with `dialogStyles` from src/styles/dialog.ts.
 */
import { html, type TemplateResult } from 'lit';
import { DeskBlockVisitorEvent } from '../../events.js';
import type { Strings } from '../../i18n/strings.js';

export interface ConfirmBlockDialogOptions {
  readonly t: Strings;
  /** The visitor's display name (already neutralized). */
  readonly name: string;
  /** The agent confirmed; `reason` is the trimmed optional reason, undefined when empty. */
  onConfirm(reason: string | undefined): void;
  /** The dialog closed, `blocked` telling whether it was by confirming. */
  onClose(blocked: boolean): void;
}

/** The `returnValue` of a dialog closed by confirming. */
const CONFIRMED = 'block';
/** Dialogs closed by their own buttons, whose `close` event is already handled. */
const closedHere = new WeakSet<HTMLDialogElement>();

export function confirmBlockDialog(options: ConfirmBlockDialogOptions): TemplateResult {
  const { t, name } = options;
  const strings = t.common.blockDialog;
  // Cancel and Block call onClose right away (focus moves in the same task); the dialog's own
  // `close` event (asynchronous) only reports the closes it did not start: Escape, a host's close().
  const finish = (dialog: HTMLDialogElement | null, value: string) => {
    if (!dialog) return;
    closedHere.add(dialog);
    dialog.close(value);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = form.querySelector('textarea')?.value.trim() || undefined;
    finish(form.closest('dialog'), CONFIRMED);
    options.onConfirm(reason);
    options.onClose(true);
  };
  const cancel = (event: Event) => {
    finish((event.target as HTMLElement).closest('dialog'), 'cancel');
    options.onClose(false);
  };
  const closed = (event: Event) => {
    const dialog = event.target as HTMLDialogElement;
    if (closedHere.delete(dialog)) return;
    options.onClose(dialog.returnValue === CONFIRMED);
  };
  return html`<dialog
    class="confirm-dialog"
    part="dialog"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="block-title"
    aria-describedby="block-description"
    @close=${closed}
  >
    <form method="dialog" @submit=${submit}>
      <h2 id="block-title">${isolateName(strings.title, name)}</h2>
      <p id="block-description">${isolateName(strings.description, name)}</p>
      <label for="block-reason">${strings.reason}</label>
      <textarea id="block-reason" name="reason" rows="3" maxlength="500"></textarea>
      <div class="dialog-actions">
        <button type="button" class="cancel" @click=${cancel}>${t.common.cancel}</button>
        <button type="submit" class="danger">${strings.confirm}</button>
      </div>
    </form>
  </dialog>`;
}

/**
 * A localized sentence with the (untrusted, possibly right-to-left) name in a `<bdi>`, so that the
 * name cannot reorder the punctuation around it.
 */
export function isolateName(sentence: (name: string) => string, name: string): TemplateResult {
  const marker = '\u0000';
  const parts = sentence(marker).split(marker);
  return html`${parts.map((part, i) => (i === 0 ? part : html`<bdi>${name}</bdi>${part}`))}`;
}

/** Opens the dialog as a modal: an empty reason, focus on Cancel. */
export function openConfirmBlockDialog(dialog: HTMLDialogElement | null | undefined): void {
  if (!dialog || dialog.open) return;
  const field = dialog.querySelector('textarea');
  if (field) field.value = '';
  dialog.returnValue = '';
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>('.cancel')?.focus();
}

/** What "Block visitor" is about when pressed. */
export interface BlockTarget {
  /** The visitor shown. */
  readonly visitorId: string | undefined;
  /** Whether that visitor is blocked. */
  readonly blocked: boolean;
  /** The rendered confirmation. */
  readonly dialog: HTMLDialogElement | null | undefined;
}

/**
 * A press on "Block visitor": fires the cancelable `desk-block-visitor` on `host`, then opens the
 * confirmation unless the host prevented it. Nothing happens for a visitor already blocked.
 */
export function requestBlock(host: HTMLElement, target: BlockTarget): void {
  const { visitorId, blocked, dialog } = target;
  if (!visitorId || blocked || dialog?.open) return;
  const event = new DeskBlockVisitorEvent({ visitorId });
  host.dispatchEvent(event);
  if (event.defaultPrevented) return;
  openConfirmBlockDialog(dialog);
}
