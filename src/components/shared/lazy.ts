import type { CSSResult } from 'lit';

/**
 * Something large or rarely used (the emoji picker and its data…), fetched on first use and shared
 * from then on. A failed fetch is forgotten, so the next use tries again. Each use passes the
 * AbortSignal of what it is for (a panel, an element): once that signal aborts, the use rejects
 * with its reason and what was waiting for the module does not run (no generation counters).
 *
 * ```ts
 * const picker = lazy(() => import('emoji-picker-element'));
 * const { Database } = await picker(controller.signal);
 * ```
 */
export function lazy<T>(load: () => Promise<T>): (signal: AbortSignal) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (signal) => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return untilAborted(pending, signal);
  };
}

/** `promise`, unless `signal` aborts first: then its reason. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Adds the rules of a part loaded on demand (a dialog…) to an element's shadow root, after its static
 * `styles`: the cascade is the one they would have had among them (a `<style>` in the shadow root
 * would come before the adopted sheets and lose every tie). Every engine the desk supports has
 * constructable stylesheets, so `styleSheet` is there.
 */
export function adoptLazyStyles(root: ShadowRoot | null, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
