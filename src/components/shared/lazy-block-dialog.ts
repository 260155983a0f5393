/**
 * The block confirmation on demand: its template and styles (confirm-block-dialog.ts,
 * styles/dialog.ts) are a separate chunk, fetched when the agent points at or focuses "Block
 * visitor" and at the latest when they press it, not for the first paint. The same press opens the
 * dialog once the chunk is there (focus on Cancel, as before). If the chunk cannot be fetched,
 * `failed` is set (show `t.common.blockDialog.loadFailed`) and the next press tries again.
 */
import { adoptStyles, nothing, type ReactiveElement } from 'lit';
import type * as DialogStyles from '../../styles/dialog.js';
import type * as Dialog from './confirm-block-dialog.js';

type Chunk = [typeof Dialog, typeof DialogStyles];

/** Where the chunk comes from (tests replace `load` to simulate a failed fetch). */
export const blockDialogChunk = {
  load: (): Promise<Chunk> => Promise.all([import('./confirm-block-dialog.js'), import('../../styles/dialog.js')]),
};

export class LazyBlockDialog {
  /** The last attempt to fetch the dialog failed. */
  failed = false;
  private loaded: Chunk | undefined;
  private styled = false;
  private loading: Promise<Chunk> | undefined;

  constructor(private readonly host: ReactiveElement) {}

  /** Starts fetching the dialog ahead of a likely press; a failure is reported by `open()`. */
  readonly preload = (): void => void this.load().catch(() => undefined);

  /** The dialog's template once its chunk is loaded; nothing before. */
  render(options: Dialog.ConfirmBlockDialogOptions) {
    return this.loaded ? this.loaded[0].confirmBlockDialog(options) : nothing;
  }

  /** Fetches the dialog if needed, renders it, then opens it with focus on Cancel. */
  async open(): Promise<void> {
    const { host } = this;
    try {
      await this.load();
      this.failed = false;
    } catch {
      this.failed = true;
    }
    host.requestUpdate();
    await host.updateComplete;
    if (!this.loaded || !host.isConnected) return;
    const [{ openConfirmBlockDialog }, { dialogStyles }] = this.loaded;
    const root = host.renderRoot as ShadowRoot;
    if (!this.styled) {
      this.styled = true;
      const sheet = dialogStyles.styleSheet;
      // Added after the element's own styles; older engines without constructable sheets get a <style>.
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      else adoptStyles(root, [dialogStyles]);
    }
    openConfirmBlockDialog(root.querySelector('dialog'));
  }

  private load(): Promise<Chunk> {
    this.loading ??= blockDialogChunk.load().then(
      (chunk) => (this.loaded = chunk),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
