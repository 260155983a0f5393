/**
 * The block confirmation on demand: its template and styles (confirm-block-dialog.ts,
 * styles/dialog.ts) are a separate chunk, fetched when the agent points at or focuses "Block
 * visitor" and at the latest when they press it, not for the first paint. The same press opens the
 * dialog once the chunk is there (focus on Cancel, as before). If the chunk cannot be fetched,
 * `failed` is set (show `t.common.blockDialog.loadFailed`) and the next press tries again.
 */
import { nothing, type ReactiveElement } from 'lit';
import type * as DialogStyles from '../../styles/dialog.js';
import type * as Dialog from './confirm-block-dialog.js';
import { LazyPart } from './lazy-part.js';

/** Where the chunk comes from (tests replace `load` to simulate a failed fetch). */
export const blockDialogChunk = {
  load: (): Promise<[typeof Dialog, typeof DialogStyles]> =>
    Promise.all([import('./confirm-block-dialog.js'), import('../../styles/dialog.js')]),
};

export class LazyBlockDialog {
  private readonly part: LazyPart<[typeof Dialog, typeof DialogStyles]>;

  constructor(private readonly host: ReactiveElement) {
    this.part = new LazyPart(host, blockDialogChunk, (chunk) => chunk[1].dialogStyles);
  }

  /** The last attempt to fetch the dialog failed. */
  get failed(): boolean {
    return this.part.failed;
  }

  /** Starts fetching the dialog ahead of a likely press; a failure is reported by `open()`. */
  readonly preload = (): void => void this.part.load();

  /** The dialog's template once its chunk is loaded; nothing before. */
  render(options: Dialog.ConfirmBlockDialogOptions) {
    return this.part.module ? this.part.module[0].confirmBlockDialog(options) : nothing;
  }

  /** Fetches the dialog if needed, renders it, then opens it with focus on Cancel. */
  async open(): Promise<void> {
    const { host, part } = this;
    await part.load();
    await host.updateComplete;
    if (part.module && host.isConnected) part.module[0].openConfirmBlockDialog(host.renderRoot.querySelector('dialog'));
  }
}
