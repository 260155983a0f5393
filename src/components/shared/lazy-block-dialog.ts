/**
 * The block confirmation on demand: its template and styles (confirm-block-dialog.ts,
 * styles/dialog.ts) are a separate chunk, not part of the first paint. An element keeps a
 * `lazyBlockDialog(this)` part, fetches it when the agent points at or focuses "Block visitor"
 * (`part.load`), renders `part.module?.[0].confirmBlockDialog(…)`, and on the press (after its
 * cancelable request event) awaits `part.load()` and its own update, then calls
 * `part.module?.[0].openConfirmBlockDialog(dialog)`: the same press opens it, focus on Cancel.
 * If the chunk cannot be fetched, `part.failed` is set (show `t.common.blockDialog.loadFailed`)
 * and the next press tries again.
 */
import type { ReactiveElement } from 'lit';
import type * as DialogStyles from '../../styles/dialog.js';
import type * as Dialog from './confirm-block-dialog.js';
import { LazyPart } from './lazy-part.js';

/** Where the chunk comes from (tests replace `load` to simulate a failed fetch). */
export const blockDialogChunk = {
  load: (): Promise<[typeof Dialog, typeof DialogStyles]> =>
    Promise.all([import('./confirm-block-dialog.js'), import('../../styles/dialog.js')]),
};

/** The block confirmation as a lazily loaded part of `host`. */
export function lazyBlockDialog(host: ReactiveElement) {
  return new LazyPart(host, blockDialogChunk, (chunk) => chunk[1].dialogStyles);
}
