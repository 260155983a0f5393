/**
 * The block confirmation on demand: its template and styles (confirm-block-dialog.ts,
 * styles/dialog.ts) are a separate chunk, not part of the first paint. An element keeps a
 * `lazyBlockDialog(this)` part, prefetches it when the agent points at or focuses "Block visitor"
 * (`part.prefetch`), renders `part.module?.[0].confirmBlockDialog(…)`, and on the press calls
 * `part.request(target)`: the same press opens it, focus on Cancel. If the chunk cannot be
 * fetched, `part.failed` is set (show `t.common.blockDialog.loadFailed`, keyed by `part.failures`)
 * and the next press tries again.
 */
import type { ReactiveElement } from 'lit';
import { DeskBlockVisitorEvent } from '../../events.js';
import type * as DialogStyles from '../../styles/dialog.js';
import type * as Dialog from './confirm-block-dialog.js';
import { LazyPart } from './lazy-part.js';

type Chunk = [typeof Dialog, typeof DialogStyles];

/** Where the chunk comes from (tests replace `load` to hold it back or simulate a failed fetch). */
export const blockDialogChunk = {
  load: (): Promise<Chunk> => Promise.all([import('./confirm-block-dialog.js'), import('../../styles/dialog.js')]),
};

/** What "Block visitor" is about now: read at the press, and again when the dialog can open. */
export interface BlockTarget {
  /** The visitor shown. */
  readonly visitorId: string | undefined;
  /** Whether that visitor is blocked. */
  readonly blocked: boolean;
  /** The rendered confirmation, once its code is there. */
  readonly dialog: HTMLDialogElement | null | undefined;
}

export class LazyBlockDialog extends LazyPart<Chunk> {
  /** The press waiting for the chunk (one per element). */
  private pending: { readonly visitorId: string } | undefined;

  /**
   * A press on "Block visitor": fires the cancelable `desk-block-visitor`, then opens the
   * confirmation once its code is there, unless meanwhile the element left the page, shows
   * another visitor, that visitor was blocked, or the agent pressed Escape. A second press for the
   * same visitor while waiting does nothing more.
   */
  async request(target: () => BlockTarget): Promise<void> {
    const { visitorId, blocked } = target();
    if (!visitorId || blocked || this.pending?.visitorId === visitorId) return;
    const event = new DeskBlockVisitorEvent({ visitorId });
    this.host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const pending = { visitorId };
    this.pending = pending;
    this.host.addEventListener('keydown', this.escape);
    await this.load();
    await this.host.updateComplete;
    if (this.pending !== pending) return;
    this.cancel();
    const now = target();
    if (this.host.isConnected && now.visitorId === visitorId && !now.blocked) {
      this.module?.[0].openConfirmBlockDialog(now.dialog);
    }
  }

  private readonly escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.cancel();
  };

  private cancel(): void {
    this.pending = undefined;
    this.host.removeEventListener('keydown', this.escape);
  }
}

/** The block confirmation as a lazily loaded part of `host`. */
export function lazyBlockDialog(host: ReactiveElement): LazyBlockDialog {
  return new LazyBlockDialog(host, blockDialogChunk, (chunk) => chunk[1].dialogStyles);
}
