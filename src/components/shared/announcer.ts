/**
 * ONE announcer for the whole desk, in the document's light DOM: live regions inside shadow roots
 * are unreliable across screen readers. Every element says what happened through `announce()`.
 *
 * Texts asked for in the same moment are spoken together, in order; a later text with the same
 * `key` replaces a pending one (a count that grows while it waits). Where the browser has
 * `ariaNotify()` it speaks; the region still shows the text (with `aria-live="off"`, so nothing is
 * said twice) for integrators and tests to read.
 */

/** `assertive` interrupts: only for what the agent must hear at once (a failed send). */
export type AnnouncePriority = 'polite' | 'assertive';

export interface AnnounceOptions {
  priority?: AnnouncePriority;
  /** A pending announcement with the same key is replaced instead of queued. */
  key?: string;
}

/** The announcer's element: `<div data-agent-desk-announcer>` at the end of `<body>`. */
export const ANNOUNCER_SELECTOR = '[data-agent-desk-announcer]';

/** How long texts are gathered before they are spoken together. */
export const ANNOUNCE_DELAY_MS = 150;

interface Pending {
  texts: Map<string, string>;
  timer: ReturnType<typeof setTimeout>;
}

const pending = new WeakMap<Document, Record<AnnouncePriority, Pending | undefined>>();
let anonymous = 0;

type NotifyingElement = Element & { ariaNotify?: (text: string, options?: { priority?: 'high' | 'normal' }) => void };

/** Says `text` to screen-reader users; `from` is the element it is about (its document is used). */
export function announce(from: Node, text: string, options: AnnounceOptions = {}): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const doc = from.ownerDocument ?? (from as Document);
  const priority = options.priority ?? 'polite';
  const queues = pending.get(doc) ?? { polite: undefined, assertive: undefined };
  pending.set(doc, queues);
  let queue = queues[priority];
  if (!queue) {
    queue = {
      texts: new Map(),
      timer: setTimeout(() => {
        queues[priority] = undefined;
        speak(doc, priority, [...(queue?.texts.values() ?? [])].join(' '));
      }, ANNOUNCE_DELAY_MS),
    };
    queues[priority] = queue;
  }
  const key = options.key ?? `#${++anonymous}`;
  queue.texts.delete(key);
  queue.texts.set(key, trimmed);
}

function speak(doc: Document, priority: AnnouncePriority, text: string): void {
  const region = regionOf(doc, priority);
  const notifier = doc.documentElement as NotifyingElement;
  const notifies = typeof notifier.ariaNotify === 'function';
  region.setAttribute('aria-live', notifies ? 'off' : priority);
  // A new node each time: screen readers speak an inserted node even when its text repeats.
  const line = doc.createElement('p');
  line.textContent = text;
  region.replaceChildren(line);
  if (notifies) notifier.ariaNotify?.(text, { priority: priority === 'assertive' ? 'high' : 'normal' });
}

function regionOf(doc: Document, priority: AnnouncePriority): HTMLElement {
  let root = doc.querySelector<HTMLElement>(ANNOUNCER_SELECTOR);
  if (!root) {
    root = doc.createElement('div');
    root.setAttribute('data-agent-desk-announcer', '');
    // Visually hidden, still read: the announcer lives outside every shadow root and stylesheet.
    root.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
    for (const level of ['polite', 'assertive'] as const) {
      const region = doc.createElement('div');
      region.dataset.priority = level;
      region.setAttribute('role', level === 'assertive' ? 'alert' : 'status');
      region.setAttribute('aria-live', level);
      region.setAttribute('aria-atomic', 'true');
      root.append(region);
    }
    (doc.body ?? doc.documentElement).append(root);
  }
  return root.querySelector<HTMLElement>(`[data-priority="${priority}"]`) ?? root;
}

/** The text last given to the announcer at `priority` (for tests and integrators' own logs). */
export function lastAnnouncement(doc: Document = document, priority: AnnouncePriority = 'polite'): string {
  return doc.querySelector(`${ANNOUNCER_SELECTOR} [data-priority="${priority}"]`)?.textContent ?? '';
}
