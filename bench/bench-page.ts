/**
 * In-page measurements for `npm run bench` (driven by bench/run.mjs through bench/index.html) and
 * for the smoke test (test/bench-smoke.test.ts runs each scenario with tiny sizes).
 *
 * The harness only relies on public behaviour: `<chat-box conversation-id>` inside a
 * `<desk-provider .store>`, `<chat-desk layout="4" .store>`, a `role="log"` thread somewhere in
 * the shadow roots, and message text rendered as text (each message carries a unique `[id]`
 * token, see data.ts). The same scenario runs against the naive baseline (naive-thread.ts).
 */
import '../src/define.js';
import './naive-thread.js';
import './reference-thread.js';
import { DeskStore } from '../src/store/desk-store.js';
import { MemoryTransport } from '../src/transport/memory-transport.js';
import type { Fixtures, Message, ServerEvent } from '../src/model/types.js';
import { Selection } from '../src/components/shared/desk-element.js';
import { DemoSimulator } from '../src/transport/simulator.js';
import { demoFixtures } from '../src/transport/demo-fixtures.js';
import { bigFixtures, messageId, textMessage, token } from './data.js';

/** `reference`: a bare virtualize() + flow() thread (reference-thread.ts); `baseline`: the naive list. */
export type Impl = 'chat-box' | 'reference' | 'baseline';

/** What the runner provides through CDP (all optional: the smoke test runs without them). */
export interface BenchHooks {
  /** Collects garbage, then returns the bytes in use (V8 heap + Blink's embedder heap). */
  heap?: () => Promise<number | undefined>;
  /** Cumulative CDP Performance metrics in ms: ScriptDuration, LayoutDuration, RecalcStyleDuration, TaskDuration. */
  metrics?: () => Promise<Record<string, number> | undefined>;
  /** Named points the runner may act on (e.g. start/stop a CPU profile around a measured phase). */
  mark?: (name: string) => Promise<void>;
  /** Detached DOM nodes still alive (CDP DOM.getDetachedDomNodes, after garbage collection). */
  detached?: () => Promise<number | undefined>;
}

interface BenchWindow {
  __benchHeap?: () => Promise<number | undefined>;
  __benchMetrics?: () => Promise<Record<string, number> | undefined>;
  __benchMark?: (name: string) => Promise<void>;
  __benchDetached?: () => Promise<number | undefined>;
  gc?: () => void;
}

/** The runner's CDP hooks when present, else a best effort with performance.memory. */
export function defaultHooks(): BenchHooks {
  const w = window as unknown as BenchWindow;
  return {
    heap:
      w.__benchHeap ??
      (async () => {
        w.gc?.();
        const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return memory?.usedJSHeapSize;
      }),
    metrics: w.__benchMetrics ?? (async () => undefined),
    mark: w.__benchMark ?? (async () => undefined),
    detached: w.__benchDetached ?? (async () => undefined),
  };
}

// ---- DOM helpers (through open shadow roots) -----------------------------------------------

/** Visits every element and text node under `root`, entering open shadow roots. Return false to stop. */
export function walkDeep(root: Node, visit: (node: Node) => boolean | void): void {
  const roots: Node[] = [root];
  while (roots.length > 0) {
    const current = roots.pop()!;
    const walker = document.createTreeWalker(current, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node: Node | null =
      current.nodeType === Node.ELEMENT_NODE || current.nodeType === Node.TEXT_NODE ? current : walker.nextNode();
    while (node) {
      if (visit(node) === false) return;
      const shadow = (node as Element).shadowRoot;
      if (shadow) roots.push(shadow);
      node = walker.nextNode();
    }
  }
}

/** Elements under `root` (not counting `root`), through shadow roots. */
export function countElements(root: Node): number {
  let count = 0;
  walkDeep(root, (node) => {
    if (node !== root && node.nodeType === Node.ELEMENT_NODE) count += 1;
  });
  return count;
}

export function deepQuery(root: Node, predicate: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  walkDeep(root, (node) => {
    if (node.nodeType === Node.ELEMENT_NODE && node !== root && predicate(node as Element)) {
      found = node as Element;
      return false;
    }
    return true;
  });
  return found;
}

export function deepQueryAll(root: Node, predicate: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  walkDeep(root, (node) => {
    if (node.nodeType === Node.ELEMENT_NODE && node !== root && predicate(node as Element)) found.push(node as Element);
  });
  return found;
}

/** The text node showing `text` (first match), through shadow roots. */
export function findText(root: Node, text: string): Text | undefined {
  let found: Text | undefined;
  walkDeep(root, (node) => {
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.includes(text)) {
      found = node as Text;
      return false;
    }
    return true;
  });
  return found;
}

function deepText(root: Node): string {
  let text = '';
  walkDeep(root, (node) => {
    if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
  });
  return text;
}

/** True when `element` is rendered and at least a pixel of it shows inside `within` and the window. */
export function isVisible(element: Element | null | undefined, within: Element): boolean {
  if (!element || !element.isConnected) return false;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  const box = within.getBoundingClientRect();
  const top = Math.max(rect.top, box.top, 0);
  const bottom = Math.min(rect.bottom, box.bottom, window.innerHeight);
  const left = Math.max(rect.left, box.left, 0);
  const right = Math.min(rect.right, box.right, window.innerWidth);
  if (bottom - top < 1 || right - left < 1) return false;
  return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

/** The innermost element at a point, through shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

function parentAcrossShadow(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

const TOKEN = /\[(c\d+-\d+)\]/g;

/** The message (token id) shown at a point, with the element that holds exactly that message. */
function messageAtPoint(x: number, y: number): { id: string; element: Element } | undefined {
  let element = deepElementFromPoint(x, y);
  for (let depth = 0; element && depth < 10; depth += 1) {
    const ids = [...deepText(element).matchAll(TOKEN)].map((m) => m[1]);
    if (ids.length === 1) return { id: ids[0], element };
    if (ids.length > 1) return undefined;
    element = parentAcrossShadow(element);
  }
  return undefined;
}

/** The scrolling element of a thread: the deepest one that scrolls vertically (largest scroll range). */
export function findScroller(host: Element): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let range = 0;
  walkDeep(host, (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    if (element.scrollHeight - element.clientHeight <= range) return;
    const overflow = getComputedStyle(element).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') {
      best = element;
      range = element.scrollHeight - element.clientHeight;
    }
  });
  return best;
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Resolves after the next frame was rendered: a task queued from requestAnimationFrame runs after
 * that frame's style, layout, ResizeObserver callbacks and paint, so what we see then is on screen.
 */
export const afterFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Checks after each rendered frame until `check` is true; resolves with performance.now() at success, or undefined. */
export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<number | undefined> {
  const start = performance.now();
  for (;;) {
    await afterFrame();
    if (check()) return performance.now();
    if (performance.now() - start > timeoutMs) return undefined;
  }
}

/** Records animation frame timestamps: the longest gap is the worst freeze the user saw. */
export class FrameRecorder {
  private times: number[] = [];
  private running = false;

  start(): void {
    this.times = [];
    this.running = true;
    const tick = (time: number) => {
      if (!this.running) return;
      this.times.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  stop(): { frames: number; maxGap: number; gapsOver50: number } {
    this.running = false;
    let maxGap = 0;
    let gapsOver50 = 0;
    for (let i = 1; i < this.times.length; i += 1) {
      const gap = this.times[i] - this.times[i - 1];
      maxGap = Math.max(maxGap, gap);
      if (gap > 50) gapsOver50 += 1;
    }
    return { frames: this.times.length, maxGap: round(maxGap), gapsOver50 };
  }
}

/** Long tasks (> 50 ms) and long animation frames, with the scripts the browser blames. */
export class LongTaskRecorder {
  private tasks: number[] = [];
  private culprits: { duration: number; source: string }[] = [];
  private observers: PerformanceObserver[] = [];

  start(): void {
    this.tasks = [];
    this.culprits = [];
    const longtask = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.tasks.push(entry.duration);
    });
    longtask.observe({ type: 'longtask', buffered: false });
    this.observers.push(longtask);
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      const loaf = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const scripts =
            (
              entry as unknown as {
                scripts?: { duration: number; sourceURL?: string; sourceFunctionName?: string; invoker?: string }[];
              }
            ).scripts ?? [];
          for (const script of scripts) {
            if (script.duration < 20) continue;
            const file = (script.sourceURL ?? '').replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
            this.culprits.push({
              duration: round(script.duration),
              source: `${script.invoker ?? ''} ${script.sourceFunctionName ?? ''} ${file}`.trim(),
            });
          }
        }
      });
      loaf.observe({ type: 'long-animation-frame', buffered: false });
      this.observers.push(loaf);
    }
  }

  stop(): { count: number; longest: number; culprits: { duration: number; source: string }[] } {
    for (const observer of this.observers) {
      for (const entry of observer.takeRecords()) if (entry.entryType === 'longtask') this.tasks.push(entry.duration);
      observer.disconnect();
    }
    this.observers = [];
    const culprits = this.culprits.sort((a, b) => b.duration - a.duration).slice(0, 8);
    return { count: this.tasks.length, longest: round(Math.max(0, ...this.tasks)), culprits };
  }
}

/**
 * Sees message tokens appear in the DOM (MutationObserver on every shadow root, no polling walk)
 * and, once per frame, which of them show in the thread. A message counts as shown at the first
 * frame where it or a newer one is visible: in a fast stream several messages land in one frame
 * and the older of them may already be scrolled past — the view had caught up with them anyway.
 */
class VisibilityTracker {
  private readonly candidates = new Map<string, Text>();
  private readonly observed = new WeakSet<Node>();
  private readonly observer: MutationObserver;
  /** When each message was first covered by the view (it or a newer one visible). */
  readonly shownAt = new Map<string, number>();
  /** Messages that were themselves seen on screen. */
  seen = 0;
  private caughtUp = -1;

  /** `order`: the ids in emission order (appended to while the stream runs); `index`: id → position. */
  constructor(
    private readonly host: Element,
    private readonly order: string[],
    private readonly index: Map<string, number>,
  ) {
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') this.consider(record.target);
        else for (const node of record.addedNodes) this.scan(node);
      }
    });
    this.observe(host);
    this.scan(host);
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private scan(root: Node): void {
    if (root instanceof ShadowRoot) this.observe(root);
    walkDeep(root, (node) => {
      if (node.nodeType === Node.TEXT_NODE) this.consider(node);
      else if ((node as Element).shadowRoot) this.observe((node as Element).shadowRoot!);
    });
  }

  private consider(node: Node): void {
    if (node.nodeType !== Node.TEXT_NODE) return;
    const data = (node as Text).data;
    if (!data.includes('[')) return;
    for (const match of data.matchAll(TOKEN)) {
      const position = this.index.get(match[1]);
      if (position !== undefined && position > this.caughtUp) this.candidates.set(match[1], node as Text);
    }
  }

  /** Call once per rendered frame. */
  check(now: number): void {
    let newest = this.caughtUp;
    for (const [id, node] of this.candidates) {
      const position = this.index.get(id)!;
      if (position <= this.caughtUp || !node.isConnected || !node.data.includes(token(id))) {
        this.candidates.delete(id);
        continue;
      }
      if (isVisible(node.parentElement, this.host)) {
        this.seen += 1;
        newest = Math.max(newest, position);
        this.candidates.delete(id);
      }
    }
    for (let i = this.caughtUp + 1; i <= newest; i += 1) this.shownAt.set(this.order[i], now);
    this.caughtUp = newest;
  }

  disconnect(): void {
    this.observer.disconnect();
  }
}

// ---- set-up ---------------------------------------------------------------------------------

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function createStore(fixtures: Fixtures, options: { simulate?: boolean; layout?: 1 | 2 | 4 } = {}) {
  const transport = new MemoryTransport({ fixtures, simulate: options.simulate ?? false, seed: 7 });
  const store = new DeskStore({ transport, agent: fixtures.agent, layout: options.layout });
  store.flush();
  return { transport, store };
}

/** A fixed-size box at the top left, shrunk to the window (a test runner's window is small). */
function container(width: number, height: number): HTMLElement {
  width = Math.min(width, window.innerWidth);
  height = Math.min(height, window.innerHeight);
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;display:flex;flex-direction:column;overflow:hidden`;
  document.body.append(box);
  return box;
}

/**
 * Mounts one thread: <chat-box> in a <desk-provider>, the naive baseline, or the reference. The
 * reference takes `raw` messages when given (no store, no validation), else reads the store.
 * Returns the thread host.
 */
function mountThread(
  impl: Impl,
  store: DeskStore | undefined,
  conversationId: string,
  box: HTMLElement,
  raw?: readonly Message[],
): HTMLElement {
  if (impl === 'reference') {
    const thread = document.createElement('reference-thread');
    if (raw) thread.messages = raw;
    else thread.store = store;
    thread.conversationId = conversationId;
    thread.style.cssText = 'flex:1;min-height:0';
    box.append(thread);
    return thread;
  }
  if (!store) throw new Error(`${impl} needs a store`);
  if (impl === 'baseline') {
    const thread = document.createElement('naive-thread');
    thread.store = store;
    thread.conversationId = conversationId;
    thread.style.cssText = 'flex:1;min-height:0';
    box.append(thread);
    return thread;
  }
  const provider = document.createElement('desk-provider');
  provider.store = store;
  const chatBox = document.createElement('chat-box');
  chatBox.setAttribute('conversation-id', conversationId);
  if ((window as unknown as { benchDirectStore?: boolean }).benchDirectStore) chatBox.store = store;
  chatBox.style.cssText = 'display:flex;flex-direction:column;flex:1;min-height:0;height:100%';
  provider.append(chatBox);
  box.append(provider);
  return chatBox;
}

/** Waits until the message with `id` shows in the thread; returns when (performance.now()) and the search time spent. */
async function waitVisible(
  host: Element,
  id: string,
  timeoutMs: number,
): Promise<{ at: number | undefined; searchMs: number }> {
  let searchMs = 0;
  const at = await waitUntil(() => {
    const start = performance.now();
    const text = findText(host, token(id));
    searchMs += performance.now() - start;
    return !!text && isVisible(text.parentElement, host);
  }, timeoutMs);
  return { at, searchMs };
}

async function heapOf(hooks: BenchHooks): Promise<number | undefined> {
  return (await hooks.heap?.()) ?? undefined;
}

function diff(after: Record<string, number> | undefined, before: Record<string, number> | undefined) {
  if (!after || !before) return undefined;
  const out: Record<string, number> = {};
  for (const key of Object.keys(after)) out[key] = round(after[key] - (before[key] ?? 0));
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function log(host: Element): Element | undefined {
  return deepQuery(host, (element) => element.getAttribute('role') === 'log');
}

function cleanup(box: HTMLElement, store: DeskStore | undefined): void {
  box.remove();
  store?.destroy();
}

/** The message of the given token (`id`) if shown, reusing the last text node found while it still holds it. */
class NewestWatch {
  private text: Text | undefined;
  searchMs = 0;
  constructor(
    private readonly host: Element,
    private readonly id: string,
  ) {}

  element(): Element | undefined {
    const start = performance.now();
    if (!this.text?.isConnected || !this.text.data.includes(token(this.id)))
      this.text = findText(this.host, token(this.id));
    this.searchMs += performance.now() - start;
    const element = this.text?.parentElement ?? undefined;
    return element && isVisible(element, this.host) ? element : undefined;
  }
}

/** Frames the view must stay unchanged (newest message, scroll offset and height) to count as settled. */
export const SETTLED_FRAMES = 5;

/**
 * Waits until the message `id` is visible AND the view is settled: for SETTLED_FRAMES frames in a
 * row nothing moved (the message's box, the scroller's offset and height), so no layout shift and
 * no "keep at bottom" correction is left. Returns when it first showed, when the view settled (the
 * first frame of the unchanged stretch) and the search time spent before each.
 */
export async function waitSettled(
  host: Element,
  id: string,
  timeoutMs: number,
): Promise<{
  visibleAt: number | undefined;
  settledAt: number | undefined;
  searchBeforeVisible: number;
  searchBeforeSettled: number;
}> {
  const watch = new NewestWatch(host, id);
  let visibleAt: number | undefined;
  let searchBeforeVisible = 0;
  let stable: { at: number; search: number; signature: string; frames: number } | undefined;
  const done = await waitUntil(() => {
    const now = performance.now();
    const element = watch.element();
    if (!element) {
      stable = undefined;
      return false;
    }
    if (visibleAt === undefined) {
      visibleAt = now;
      searchBeforeVisible = watch.searchMs;
    }
    const scroller = findScrollerOf(element);
    const rect = element.getBoundingClientRect();
    const signature = `${Math.round(rect.top)}:${Math.round(rect.bottom)}:${scroller ? `${Math.round(scroller.scrollTop)}:${scroller.scrollHeight}` : ''}`;
    if (stable && stable.signature === signature) {
      stable.frames += 1;
      return stable.frames >= SETTLED_FRAMES;
    }
    stable = { at: now, search: watch.searchMs, signature, frames: 0 };
    return false;
  }, timeoutMs);
  return {
    visibleAt,
    settledAt: done === undefined ? undefined : stable?.at,
    searchBeforeVisible,
    searchBeforeSettled: stable?.search ?? watch.searchMs,
  };
}

/** The nearest scrolling ancestor of `element`, across shadow roots. */
function findScrollerOf(element: Element): Element | undefined {
  let node: Element | null = parentAcrossShadow(element);
  while (node) {
    if (node.scrollHeight > node.clientHeight) {
      const overflow = getComputedStyle(node).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') return node;
    }
    node = parentAcrossShadow(node);
  }
  return undefined;
}

// ---- scenarios ------------------------------------------------------------------------------

export interface RenderResult {
  impl: Impl;
  messages: number;
  /** Building the store from the snapshot (parse + reduce), before any element exists (0 for the reference: raw data). */
  storeMs: number;
  /** From appending the element to the first frame where the newest message shows (search time excluded). */
  visibleMs: number | undefined;
  /** From appending the element until the view is settled (see waitSettled; search time excluded). */
  settledMs: number | undefined;
  /** storeMs + settledMs: from the raw snapshot to a settled view (the render budget). */
  totalMs: number | undefined;
  /** CDP metrics over that window (ms): script, layout, style recalculation. */
  cdp?: Record<string, number>;
  /** Elements inside the role="log" thread, through shadow roots. */
  threadElements: number;
  /** Elements of the whole element (header, tools, thread…), through shadow roots. */
  hostElements: number;
  /** Heap in use after render minus before (bytes), after garbage collection. */
  heapBytes: number | undefined;
}

/**
 * 1. Render a conversation of `messages` messages until the newest one is visible and the view is
 * settled. The reference gets the raw messages (nothing validated or indexed).
 */
export async function render(options: {
  impl: Impl;
  messages?: number;
  hooks?: BenchHooks;
  keep?: boolean;
}): Promise<RenderResult> {
  const hooks = options.hooks ?? defaultHooks();
  const count = options.messages ?? 10_000;
  const fixtures = bigFixtures({ conversations: 1, messages: count });
  await hooks.mark?.('snapshot:start');
  const storeStart = performance.now();
  const store = options.impl === 'reference' ? undefined : createStore(fixtures).store;
  const storeMs = options.impl === 'reference' ? 0 : performance.now() - storeStart;
  await hooks.mark?.('snapshot:end');
  const box = container(720, 800);
  await nextFrame();
  await nextFrame();
  const heapBefore = await heapOf(hooks);
  const metricsBefore = await hooks.metrics?.();
  await hooks.mark?.('render:start');
  // Start in a task of the page's own (code running in a DevTools callback is not counted as script).
  await nextFrame();
  const start = performance.now();
  const host = mountThread(options.impl, store, 'c1', box, fixtures.messages);
  const settled = await waitSettled(host, messageId('c1', count), 20_000);
  await hooks.mark?.('render:end');
  const metricsAfter = await hooks.metrics?.();
  const settledMs =
    settled.settledAt === undefined ? undefined : round(settled.settledAt - start - settled.searchBeforeSettled);
  await sleep(300);
  await nextFrame();
  const thread = log(host);
  const result: RenderResult = {
    impl: options.impl,
    messages: count,
    storeMs: round(storeMs),
    visibleMs:
      settled.visibleAt === undefined ? undefined : round(settled.visibleAt - start - settled.searchBeforeVisible),
    settledMs,
    totalMs: settledMs === undefined ? undefined : round(storeMs + settledMs),
    cdp: diff(metricsAfter, metricsBefore),
    threadElements: thread ? countElements(thread) : Number.NaN,
    hostElements: countElements(host),
    heapBytes: undefined,
  };
  const heapAfter = await heapOf(hooks);
  if (heapBefore !== undefined && heapAfter !== undefined) result.heapBytes = heapAfter - heapBefore;
  if (!options.keep) cleanup(box, store);
  return result;
}

export interface BurstResult {
  impl: Impl;
  initial: number;
  count: number;
  /** The synchronous emit loop (validation + queueing). */
  emitMs: number;
  /** Until the store holds every message. */
  storeMs: number | undefined;
  /** Until the newest message shows. */
  visibleMs: number | undefined;
  /** Until the newest message shows and the view is settled (see waitSettled). */
  settledMs: number | undefined;
  maxFrameGap: number;
  longTasks: { count: number; longest: number; culprits: { duration: number; source: string }[] };
  cdp?: Record<string, number>;
}

/** 2. `count` message.added events in one tick into the conversation on screen. */
export async function burst(options: {
  impl: Impl;
  initial?: number;
  count?: number;
  hooks?: BenchHooks;
}): Promise<BurstResult> {
  const hooks = options.hooks ?? defaultHooks();
  const initial = options.initial ?? 1_000;
  const count = options.count ?? 1_000;
  const fixtures = bigFixtures({ conversations: 1, messages: initial });
  const reference = options.impl === 'reference';
  const { store, transport } = reference ? { store: undefined, transport: undefined } : createStore(fixtures);
  const box = container(720, 800);
  const host = mountThread(options.impl, store, 'c1', box, fixtures.messages);
  await waitVisible(host, messageId('c1', initial), 20_000);
  await sleep(500);
  const base = Date.now();
  const messages: Message[] = [];
  for (let i = 1; i <= count; i += 1) {
    messages.push(
      textMessage(
        'c1',
        initial + i,
        new Date(base + i).toISOString(),
        i % 2 ? 'visitor' : 'agent',
        `Burst message ${i}`,
      ),
    );
  }
  const newest = messageId('c1', initial + count);
  let storeAt: number | undefined;
  const subscription = store?.messages$('c1').subscribe((list) => {
    if (storeAt === undefined && list.length >= initial + count) storeAt = performance.now();
  });
  const frames = new FrameRecorder();
  const longTasks = new LongTaskRecorder();
  frames.start();
  longTasks.start();
  await nextFrame();
  const metricsBefore = await hooks.metrics?.();
  await hooks.mark?.('burst:start');
  const start = performance.now();
  if (transport) for (const message of messages) transport.emit({ type: 'message.added', message });
  else (host as HTMLElementTagNameMap['reference-thread']).appendMessages(messages);
  const emitMs = performance.now() - start;
  if (!store) storeAt = performance.now();
  const settled = await waitSettled(host, newest, 20_000);
  const visibleAt = settled.visibleAt === undefined ? undefined : settled.visibleAt - settled.searchBeforeVisible;
  const settledAt = settled.settledAt === undefined ? undefined : settled.settledAt - settled.searchBeforeSettled;
  await hooks.mark?.('burst:end');
  const metricsAfter = await hooks.metrics?.();
  await sleep(500);
  subscription?.unsubscribe();
  const result: BurstResult = {
    impl: options.impl,
    initial,
    count,
    emitMs: round(emitMs),
    storeMs: storeAt === undefined ? undefined : round(storeAt - start),
    visibleMs: visibleAt === undefined ? undefined : round(visibleAt - start),
    settledMs: settledAt === undefined ? undefined : round(settledAt - start),
    maxFrameGap: frames.stop().maxGap,
    longTasks: longTasks.stop(),
    cdp: diff(metricsAfter, metricsBefore),
  };
  cleanup(box, store);
  return result;
}

export interface StreamResult {
  impl: Impl;
  rate: number;
  durationMs: number;
  emitted: number;
  /** Messages the view caught up with (they or a newer one shown). */
  shown: number;
  /** Messages seen on screen themselves. */
  seen: number;
  /** Emit → shown delays (ms). */
  p50: number;
  p95: number;
  max: number;
  maxFrameGap: number;
  longTasks: { count: number; longest: number; culprits: { duration: number; source: string }[] };
}

/** 3. `rate` messages per second for `durationMs` into the conversation on screen. */
export async function stream(options: {
  impl: Impl;
  initial?: number;
  rate?: number;
  durationMs?: number;
  hooks?: BenchHooks;
}): Promise<StreamResult> {
  const hooks = options.hooks ?? defaultHooks();
  const initial = options.initial ?? 1_000;
  const rate = options.rate ?? 200;
  const durationMs = options.durationMs ?? 10_000;
  const total = Math.round((rate * durationMs) / 1000);
  const fixtures = bigFixtures({ conversations: 1, messages: initial });
  const reference = options.impl === 'reference';
  const { store, transport } = reference ? { store: undefined, transport: undefined } : createStore(fixtures);
  const box = container(720, 800);
  const host = mountThread(options.impl, store, 'c1', box, fixtures.messages);
  await waitVisible(host, messageId('c1', initial), 20_000);
  await sleep(500);
  const emittedAt = new Map<string, number>();
  const order: string[] = [];
  const index = new Map<string, number>();
  const tracker = new VisibilityTracker(host, order, index);
  const frames = new FrameRecorder();
  const longTasks = new LongTaskRecorder();
  frames.start();
  longTasks.start();
  await hooks.mark?.('stream:start');
  const start = performance.now();
  const base = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
    while (sent < due) {
      sent += 1;
      const message = textMessage(
        'c1',
        initial + sent,
        new Date(base + sent).toISOString(),
        sent % 3 ? 'visitor' : 'agent',
        `Streamed message ${sent}`,
      );
      index.set(message.id, order.length);
      order.push(message.id);
      emittedAt.set(message.id, performance.now());
      if (transport) transport.emit({ type: 'message.added', message });
      else (host as HTMLElementTagNameMap['reference-thread']).appendMessages([message]);
    }
    if (sent >= total) clearInterval(timer);
  }, 5);
  await waitUntil(() => {
    tracker.check(performance.now());
    return sent >= total && tracker.shownAt.size >= total;
  }, durationMs + 5_000);
  clearInterval(timer);
  await hooks.mark?.('stream:end');
  tracker.disconnect();
  const delays: number[] = [];
  for (const [id, emitted] of emittedAt) {
    const shown = tracker.shownAt.get(id);
    delays.push(shown === undefined ? Number.POSITIVE_INFINITY : shown - emitted);
  }
  delays.sort((a, b) => a - b);
  const result: StreamResult = {
    impl: options.impl,
    rate,
    durationMs,
    emitted: emittedAt.size,
    shown: tracker.shownAt.size,
    seen: tracker.seen,
    p50: round(percentile(delays, 50)),
    p95: round(percentile(delays, 95)),
    max: round(delays.at(-1) ?? Number.NaN),
    maxFrameGap: frames.stop().maxGap,
    longTasks: longTasks.stop(),
  };
  cleanup(box, store);
  return result;
}

const THREAD_TAGS = new Set(['chat-box', 'naive-thread', 'reference-thread']);

/**
 * The composer of THAT conversation, rendered and usable, or undefined: a `<compose-area>` whose
 * `conversation-id` is the conversation's (or, in the naive and reference desks, a textarea) in the
 * thread's own pane — the nearest ancestor of the thread that holds no other thread — with a text
 * box inside it that is visible, enabled and editable.
 */
export function usableComposer(host: Element, thread: Element, conversationId: string): Element | undefined {
  let pane: Element | null = parentAcrossShadow(thread);
  const holdsOtherThread = (node: Element) =>
    deepQueryAll(node, (el) => THREAD_TAGS.has(el.localName) && el.getAttribute('conversation-id') !== conversationId)
      .length > 0;
  for (; pane && pane !== host; pane = parentAcrossShadow(pane)) {
    if (holdsOtherThread(pane)) return undefined;
    const composers = deepQueryAll(
      pane,
      (el) =>
        (el.localName === 'compose-area' && el.getAttribute('conversation-id') === conversationId) ||
        (el.localName === 'textarea' && thread.localName !== 'chat-box' && !deepAncestor(el, 'compose-area', pane!)),
    );
    for (const composer of composers) {
      const box =
        composer.localName === 'textarea'
          ? composer
          : deepQuery(
              composer,
              (el) =>
                el.localName === 'textarea' ||
                el.getAttribute('contenteditable') === 'true' ||
                el.getAttribute('role') === 'textbox',
            );
      if (!box || !isVisible(composer, host) || !isVisible(box, host)) continue;
      const field = box as HTMLTextAreaElement;
      if (field.disabled || field.readOnly || box.getAttribute('aria-disabled') === 'true') continue;
      return composer;
    }
  }
  return undefined;
}

/** True when `element` sits inside a `tag` element below `stop` (across shadow roots). */
function deepAncestor(element: Element, tag: string, stop: Element): boolean {
  for (let node = parentAcrossShadow(element); node && node !== stop; node = parentAcrossShadow(node)) {
    if (node.localName === tag) return true;
  }
  return false;
}

export interface PanesResult {
  impl: Impl;
  perConversation: number;
  /** From appending the desk to the newest message of all four panes showing. */
  mountMs: number | undefined;
  elements: number;
  /** Heap attributable to the desk after mount (bytes). */
  heapBytes: number | undefined;
  /** Heap growth over the load phase (bytes). */
  heapGrowthBytes: number | undefined;
  loadMs: number;
  eventsDuringLoad: number;
  maxFrameGap: number;
  longTasks: { count: number; longest: number; culprits: { duration: number; source: string }[] };
  /** Focus switches between panes: action → that conversation's composer rendered and usable (ms). */
  switchMs: number[];
  switchVia: 'pointerdown' | 'store';
}

/**
 * 4. Four panes × `perConversation` messages with the demo simulator running, plus a steady
 * trickle of messages and typing previews (the simulator alone writes every 6–11 s).
 */
export async function panes(options: {
  impl: Impl;
  perConversation?: number;
  loadMs?: number;
  switches?: number;
  hooks?: BenchHooks;
  keep?: boolean;
}): Promise<PanesResult> {
  const hooks = options.hooks ?? defaultHooks();
  const per = options.perConversation ?? 5_000;
  const loadMs = options.loadMs ?? 8_000;
  const switches = options.switches ?? 8;
  const fixtures = bigFixtures({ conversations: 4, messages: per });
  const { store, transport } = createStore(fixtures, { simulate: true, layout: 4 });
  const box = container(1600, 1000);
  await nextFrame();
  const heapBefore = await heapOf(hooks);
  await hooks.mark?.('panes-mount:start');
  const start = performance.now();
  let host: HTMLElement;
  if (options.impl === 'baseline') {
    host = document.createElement('naive-desk');
    (host as HTMLElementTagNameMap['naive-desk']).store = store;
  } else if (options.impl === 'reference') {
    host = document.createElement('reference-desk');
    (host as HTMLElementTagNameMap['reference-desk']).store = store;
  } else {
    host = document.createElement('chat-desk');
    host.setAttribute('layout', '4');
    (host as HTMLElementTagNameMap['chat-desk']).store = store;
  }
  host.style.cssText = 'flex:1;min-height:0;height:100%';
  box.append(host);
  const newest = ['c1', 'c2', 'c3', 'c4'].map((c) => token(messageId(c, per)));
  const mountedAt = await waitUntil(
    () =>
      newest.every((t) => {
        const text = findText(host, t);
        return !!text && isVisible(text.parentElement, host);
      }),
    30_000,
  );
  await hooks.mark?.('panes-mount:end');
  await sleep(300);
  const elements = countElements(host);
  const heapMounted = await heapOf(hooks);

  // Load: simulator + 4 messages/s and typing previews across the four conversations.
  const frames = new FrameRecorder();
  const longTasks = new LongTaskRecorder();
  frames.start();
  longTasks.start();
  await hooks.mark?.('panes-load:start');
  let events = 0;
  let n = 0;
  const base = Date.now();
  const timer = setInterval(() => {
    n += 1;
    const conversationId = `c${(n % 4) + 1}`;
    transport.emit({ type: 'visitor.typing', conversationId, typing: true, preview: `Typing ${n}` });
    if (n % 2 === 0) {
      transport.emit({
        type: 'message.added',
        message: textMessage(
          conversationId,
          per + 1000 + n,
          new Date(base + n * 10).toISOString(),
          'visitor',
          `Live ${n}`,
        ),
      });
      events += 1;
    }
    events += 1;
  }, 125);
  await sleep(loadMs);
  clearInterval(timer);
  await hooks.mark?.('panes-load:end');
  const frameStats = frames.stop();
  const longTaskStats = longTasks.stop();
  const heapLoaded = await heapOf(hooks);

  // Switching the focused pane.
  const switchMs: number[] = [];
  let switchVia: 'pointerdown' | 'store' = 'pointerdown';
  for (let i = 0; i < switches; i += 1) {
    const target = (store.state.focusedPane + 1) % store.state.panes.length;
    const conversationId = store.state.panes[target];
    if (!conversationId) break;
    const thread = deepQuery(
      host,
      (element) => THREAD_TAGS.has(element.localName) && element.getAttribute('conversation-id') === conversationId,
    );
    await hooks.mark?.('switch:start');
    const t0 = performance.now();
    thread?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    if (store.state.focusedPane !== target) {
      switchVia = 'store';
      store.focusPane(target);
    }
    const at = await waitUntil(() => !!thread && !!usableComposer(host, thread, conversationId), 5_000);
    await hooks.mark?.('switch:end');
    switchMs.push(at === undefined ? Number.POSITIVE_INFINITY : round(at - t0));
    await sleep(250);
  }
  const result: PanesResult = {
    impl: options.impl,
    perConversation: per,
    mountMs: mountedAt === undefined ? undefined : round(mountedAt - start),
    elements,
    heapBytes: heapBefore !== undefined && heapMounted !== undefined ? heapMounted - heapBefore : undefined,
    heapGrowthBytes: heapMounted !== undefined && heapLoaded !== undefined ? heapLoaded - heapMounted : undefined,
    loadMs,
    eventsDuringLoad: events,
    maxFrameGap: frameStats.maxGap,
    longTasks: longTaskStats,
    switchMs,
    switchVia,
  };
  if (!options.keep) cleanup(box, store);
  return result;
}

export interface ScrollResult {
  impl: Impl;
  total: number;
  archived: number;
  reachedTop: boolean;
  /** Messages in the store at the end. */
  loaded: number;
  /** Older pages received (history.page events answered). */
  pages: number;
  durationMs: number;
  frames: number;
  maxFrameGap: number;
  /** Steps where a message on screen moved by more than 2 px beyond the scroll itself. */
  jumps: number;
  /** …of which in the step where older messages arrived or within 20 frames after. */
  jumpsOnLoad: number;
  maxJumpPx: number;
  /** Frames that could be checked (an anchor message on screen before and after; at the top too). */
  checkedSteps: number;
  steps: number;
  /** Where it stopped (to tell "stuck at the top" from "ran out of time"). */
  end?: { scrollTop: number; hasOlder: boolean | undefined; loadingOlder: boolean };
  /**
   * With `traceSteps`: the first 40 steps and the last 80 as "scrollTop/scrollHeight before → set →
   * next frame (messages, loading, error px)". (Not `trace`: the runner puts its Chrome trace
   * figures there.)
   */
  stepTrace?: string[];
}

/**
 * 5. Scroll from the bottom to the top of a `total`-message thread, `archived` of which the
 * server serves page by page (loadMessages). Each step scrolls 80 % of the view and checks that
 * a message near the top moved exactly by the scrolled distance.
 */
/** A jump within this many frames after older messages arrived counts as a jump on load. */
const LOAD_WINDOW_FRAMES = 20;

export async function scroll(options: {
  impl: Impl;
  total?: number;
  archived?: number;
  maxMs?: number;
  stuckMs?: number;
  hooks?: BenchHooks;
  traceSteps?: boolean;
}): Promise<ScrollResult> {
  const hooks = options.hooks ?? defaultHooks();
  const total = options.total ?? 10_000;
  const archived = options.archived ?? 1_000;
  const maxMs = options.maxMs ?? 90_000;
  const stuckMs = options.stuckMs ?? 5_000;
  const fixtures = bigFixtures({ conversations: 1, messages: total - archived, archived });
  const { store } = createStore(fixtures);
  const box = container(720, 800);
  const host = mountThread(options.impl, store, 'c1', box);
  await waitVisible(host, messageId('c1', total), 20_000);
  await sleep(500);
  const scroller = findScroller(host);
  const result: ScrollResult = {
    impl: options.impl,
    total,
    archived,
    reachedTop: false,
    loaded: 0,
    pages: 0,
    durationMs: 0,
    frames: 0,
    maxFrameGap: 0,
    jumps: 0,
    jumpsOnLoad: 0,
    maxJumpPx: 0,
    checkedSteps: 0,
    steps: 0,
  };
  if (!scroller) {
    cleanup(box, store);
    return result;
  }
  const count = () => store.state.threads.get('c1')?.messages.length ?? 0;
  const frames = new FrameRecorder();
  frames.start();
  await hooks.mark?.('scroll:start');
  const start = performance.now();
  let anchor: { id: string; element: Element; top: number; expected: number; count: number } | undefined;
  // The first steps and the last ones (a run that never gets far from the bottom shows why early).
  const firstSteps: string[] = [];
  const trace: string[] = [];
  let traced = 0;
  const record = (line: string) => {
    traced += 1;
    if (firstSteps.length < 40) firstSteps.push(line);
    trace.push(line);
    if (trace.length > 80) trace.shift();
  };
  let lastEntry = '';
  let repeats = 0;
  let traceStep = '';
  let lastProgress = performance.now();
  let lastCount = count();
  let frame = 0;
  let loadedAtFrame = Number.NEGATIVE_INFINITY;
  let lastTop = scroller.scrollTop;
  const oldest = token(messageId('c1', 1));
  while (performance.now() - start < maxMs) {
    await afterFrame();
    frame += 1;
    const now = performance.now();
    const rect = scroller.getBoundingClientRect();
    let error: number | undefined;
    if (options.traceSteps && traceStep) {
      traceStep += ` → ${Math.round(scroller.scrollTop)}/${scroller.scrollHeight} (${count()}${store.state.threads.get('c1')?.loadingOlder ? ' loading' : ''}`;
    }
    if (anchor) {
      let element: Element | undefined = anchor.element;
      if (!element.isConnected || !deepText(element).includes(token(anchor.id))) {
        element = findText(host, token(anchor.id))?.parentElement ?? undefined;
      }
      if (element) {
        const moved = element.getBoundingClientRect().top - anchor.top;
        error = Math.abs(moved - anchor.expected);
        result.checkedSteps += 1;
        if (error > 2) {
          result.jumps += 1;
          if (count() !== anchor.count || frame - loadedAtFrame <= LOAD_WINDOW_FRAMES) result.jumpsOnLoad += 1;
          result.maxJumpPx = Math.max(result.maxJumpPx, round(error));
        }
      }
      anchor = undefined;
    }
    if (options.traceSteps && traceStep) {
      const entry = `${traceStep}${error !== undefined ? `, ${Math.round(error)} px` : ''})`;
      if (entry === lastEntry) repeats += 1;
      else {
        if (repeats) record(`  (× ${repeats + 1})`);
        repeats = 0;
        lastEntry = entry;
        record(entry);
      }
    }
    const current = count();
    if (current !== lastCount || scroller.scrollTop !== lastTop) {
      if (current !== lastCount) {
        result.pages += 1;
        loadedAtFrame = frame;
      }
      lastCount = current;
      lastTop = scroller.scrollTop;
      lastProgress = now;
    }
    const thread = store.state.threads.get('c1');
    if (scroller.scrollTop <= 0 && thread?.hasOlder === false && !thread.loadingOlder && current >= total) {
      const text = findText(host, oldest);
      if (text && isVisible(text.parentElement, host)) {
        result.reachedTop = true;
        break;
      }
    }
    if (now - lastProgress > stuckMs) break; // stuck: nothing moves and nothing more loads
    // Next step: remember a message near the top of the view, scroll up by 80 % of the view.
    const x = rect.left + rect.width / 2;
    for (const fraction of [0.1, 0.15, 0.2, 0.25, 0.3]) {
      const hit = messageAtPoint(x, rect.top + rect.height * fraction);
      if (hit) {
        anchor = { ...hit, top: hit.element.getBoundingClientRect().top, expected: 0, count: current };
        break;
      }
    }
    // Far from the top (no page can load there), every other step is a fast one (4 views, like a
    // scrollbar drag) that is not checked; near the top every step is checked.
    const before = scroller.scrollTop;
    const fast = !anchor || (result.steps % 2 === 1 && before > rect.height * 8 && !thread?.loadingOlder);
    if (fast) anchor = undefined;
    scroller.scrollTop = Math.max(0, before - Math.round(rect.height * (fast ? 4 : 0.8)));
    const scrolled = before - scroller.scrollTop;
    traceStep = `${Math.round(before)}/${scroller.scrollHeight} → ${Math.round(scroller.scrollTop)}`;
    if (anchor) anchor.expected = scrolled;
    if (scrolled > 0) result.steps += 1;
  }
  const thread = store.state.threads.get('c1');
  result.end = {
    scrollTop: round(scroller.scrollTop),
    hasOlder: thread?.hasOlder,
    loadingOlder: thread?.loadingOlder ?? false,
  };
  await hooks.mark?.('scroll:end');
  const frameStats = frames.stop();
  result.durationMs = round(performance.now() - start);
  result.frames = frameStats.frames;
  result.maxFrameGap = frameStats.maxGap;
  result.loaded = count();
  if (options.traceSteps) {
    if (repeats) record(`  (× ${repeats + 1})`);
    // The first 40 lines, then the last 80 without those already listed (a gap marked "…").
    const rest = trace.slice(Math.max(0, firstSteps.length + trace.length - traced));
    result.stepTrace = [...firstSteps, ...(traced > firstSteps.length + rest.length ? ['  …'] : []), ...rest];
  }
  cleanup(box, store);
  return result;
}

// ---- soak -----------------------------------------------------------------------------------

/** Selection subscriptions open right now (counted by the bench around the element base's controller). */
let openSelections = 0;
let countingSelections = false;

/**
 * Counts the subscriptions `Selection` (src/components/shared/desk-element.ts, the one bridge from
 * the store to rendering) opens and closes, by wrapping its controller hooks — bench only, nothing
 * changes in the library.
 */
function countSelections(): void {
  if (countingSelections) return;
  countingSelections = true;
  type Hooks = { hostConnected(): void; hostDisconnected(): void; subscription?: unknown };
  const proto = Selection.prototype as unknown as Hooks;
  const connected = proto.hostConnected;
  const disconnected = proto.hostDisconnected;
  proto.hostConnected = function (this: Hooks) {
    const had = !!this.subscription;
    connected.call(this);
    if (!had && this.subscription) openSelections += 1;
  };
  proto.hostDisconnected = function (this: Hooks) {
    const had = !!this.subscription;
    disconnected.call(this);
    if (had && !this.subscription) openSelections -= 1;
  };
}

/** Subscribers of the store's state (every live selector holds one). */
function stateObservers(store: DeskStore): number {
  return (store as unknown as { stateSubject: { observers: unknown[] } }).stateSubject.observers.length;
}

function soakDesk(store: DeskStore): HTMLElement {
  const host = document.createElement('chat-desk');
  host.setAttribute('layout', '4');
  host.store = store;
  host.style.cssText = 'flex:1;min-height:0;height:100%';
  return host;
}

export interface SoakResult {
  impl: Impl;
  simulatedMs: number;
  speed: number;
  wallMs: number;
  /** Conversations the bench opened and closed while it ran (besides the simulator's own). */
  arrived: number;
  ended: number;
  events: number;
  /** Heap (after GC) at the end minus after mount and warm-up (bytes). */
  heapGrowthBytes: number | undefined;
  maxFrameGap: number;
  gapsOver50: number;
  /** Selection subscriptions while mounted, and left once the desk is removed. */
  selectionsMounted: number;
  selectionsLeft: number;
  /** The store's state subscribers while mounted, and left once the desk is removed. */
  stateObserversMounted: number;
  stateObserversLeft: number;
  /** Detached DOM nodes still alive after the desk was removed and garbage collected (CDP). */
  detachedNodes: number | undefined;
}

/**
 * 6. A long session: the demo simulator at `speed`× for `simulatedMs` of simulated time in
 * `<chat-desk layout="4">`, while conversations keep arriving (shown in the focused pane, which
 * replaces its chat-box) and ending. Then the desk is removed: no subscription may be left, no
 * detached DOM may survive garbage collection.
 */
export async function soak(options: {
  impl: Impl;
  simulatedMs?: number;
  speed?: number;
  /** Simulated time between two arrivals (and endings) the bench makes. */
  stepSimulatedMs?: number;
  hooks?: BenchHooks;
}): Promise<SoakResult> {
  const hooks = options.hooks ?? defaultHooks();
  const speed = options.speed ?? 10;
  const simulatedMs = options.simulatedMs ?? 10 * 60_000;
  countSelections();
  const selectionsBefore = openSelections;
  const fixtures = demoFixtures();
  const { store, transport } = createStore(fixtures, { layout: 4 });
  const simulator = new DemoSimulator({ fixtures, emit: (event) => transport.emit(event), seed: 7, speed });
  const emit = (event: ServerEvent) => {
    transport.emit(event);
    simulator.observe(event);
    events += 1;
  };
  let events = 0;
  // (Held only by this variable, dropped before the detached-DOM check: the bench must not retain it.)
  const mounted: { box?: HTMLElement } = { box: container(1600, 1000) };
  mounted.box!.append(soakDesk(store));
  simulator.start();
  await sleep(2_000);
  const heapStart = await heapOf(hooks);
  const frames = new FrameRecorder();
  frames.start();
  await hooks.mark?.('soak:start');
  const start = performance.now();
  const wallMs = simulatedMs / speed;
  // Every 20 simulated seconds: a conversation on screen ends and a new one arrives in the focused
  // pane (its chat-box replaced), then focus moves on.
  const stepMs = (options.stepSimulatedMs ?? 20_000) / speed;
  let arrived = 0;
  let ended = 0;
  for (let step = 1; performance.now() - start < wallMs; step += 1) {
    await sleep(Math.min(stepMs, Math.max(0, wallMs - (performance.now() - start))));
    if (performance.now() - start >= wallMs) break;
    const shown = store.state.panes.filter((id): id is string => !!id);
    const ending = shown[step % shown.length];
    if (ending) {
      emit({ type: 'conversation.closed', conversationId: ending, at: new Date().toISOString() });
      ended += 1;
    }
    const id = `soak-${step}`;
    const now = new Date().toISOString();
    emit({
      type: 'visitor.updated',
      visitor: { id: `soak-v${step}`, name: `Soak visitor ${step}`, online: true, country: 'FR' },
    });
    emit({
      type: 'conversation.upserted',
      conversation: { id, visitorId: `soak-v${step}`, channel: 'chat', status: 'ongoing', startedAt: now },
    });
    for (let i = 1; i <= 20; i += 1) {
      emit({
        type: 'message.added',
        message: textMessage(id, i, new Date(Date.now() - (20 - i) * 1000).toISOString(), i % 2 ? 'visitor' : 'agent'),
      });
    }
    arrived += 1;
    store.focus(id);
    store.focusPane((store.state.focusedPane + 1) % store.state.panes.length);
  }
  await hooks.mark?.('soak:end');
  const frameStats = frames.stop();
  const realWall = performance.now() - start;
  await afterFrame();
  const heapEnd = await heapOf(hooks);
  const selectionsMounted = openSelections - selectionsBefore;
  const stateObserversMounted = stateObservers(store);
  simulator.stop();
  mounted.box!.remove();
  delete mounted.box;
  await afterFrame();
  await sleep(200);
  await heapOf(hooks);
  const selectionsLeft = openSelections - selectionsBefore;
  const stateObserversLeft = stateObservers(store);
  const detachedNodes = await hooks.detached?.();
  store.destroy();
  return {
    impl: options.impl,
    simulatedMs,
    speed,
    wallMs: round(realWall),
    arrived,
    ended,
    events,
    heapGrowthBytes: heapStart !== undefined && heapEnd !== undefined ? heapEnd - heapStart : undefined,
    maxFrameGap: frameStats.maxGap,
    gapsOver50: frameStats.gapsOver50,
    selectionsMounted,
    selectionsLeft,
    stateObserversMounted,
    stateObserversLeft,
    detachedNodes,
  };
}
