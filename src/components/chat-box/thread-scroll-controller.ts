import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThreadInfo } from '../../store/desk-store.js';
import { threadLayout, type ThreadFollow, type ThreadLayoutConfig, type ThreadPin } from './thread-layout.js';
import type { ThreadRow } from './thread-rows.js';

/** Within this many pixels of the bottom, the thread follows new messages. */
const BOTTOM_SLACK = 32;
/** Within this many pixels of the top (scrolled up by the agent), older messages are fetched. */
const TOP_SLACK = 240;
/** Frames the newest row is checked after the last change (the virtualizer measures over several). */
const BOTTOM_FRAMES = 6;
/** A scroll this soon after the agent's wheel, touch or key on the log is the agent's (smooth scrolling lasts). */
const INPUT_MS = 600;
const SCROLL_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/** What the thread shows, as `<chat-box>` tells it before each render. */
export interface ThreadView {
  /** The conversation shown. */
  readonly conversationId: string | undefined;
  /** What else the rows depend on (the filter): a new conversation or filter starts at the newest message. */
  readonly variant: string;
  readonly rows: readonly ThreadRow[];
  /** Whether the server has older messages and whether a page is on its way. */
  readonly info: ThreadInfo;
  /** What older rows come from now (the conversation's messages, then the visitor's past conversations). */
  readonly olderFrom?: string;
}

export interface ThreadScrollOptions {
  /** The scrolling log (the virtualizer's host), once rendered. */
  readonly log: () => HTMLElement | null | undefined;
  /** Asks for the conversation's previous page. */
  readonly loadOlder: (conversationId: string) => void;
}

/**
 * The thread's scrolling, for `<chat-box>`: follows the newest message until the agent scrolls
 * up, then keeps the place and counts what arrives below ("N new messages"); fetches older pages
 * near the top (and once for a thread too short to scroll).
 *
 * Following is the agent's choice only. The virtualizer lets go of its pin on every scroll it did
 * not make itself, and the log also scrolls when its size changes (typing line, composer, pane
 * resized by a layout switch), when the browser clamps it, when rows are measured and when we
 * put the newest row back in view; none of those is the agent leaving the bottom. A scroll counts
 * as the agent's when it follows their wheel, touch, keys or pointer on the log, or when it comes
 * while the layout is quiet (a script or assistive technology); otherwise the pin is kept.
 *
 * The host reads `newCount` (0 while following) and `layout` (the virtualizer layout, pinned to the
 * newest row while following) when rendering, and calls `show()` before each render and
 * `jumpToNewest()`; older pages are asked for through `loadOlder`.
 */
export class ThreadScrollController implements ReactiveController {
  private following = true;
  private unseen = 0;
  private rows: readonly ThreadRow[] = [];
  private shown = '';
  private conversationId: string | undefined;
  private info: ThreadInfo = { hasOlder: undefined, loadingOlder: false };
  /** Older messages were just put above: once laid out, is the view still at the top? */
  private prepended = false;
  private autoLoadedFor: string | undefined;
  /** Whether all the rows fit in the view, as the layout last placed them, and for which rows. */
  private fits = false;
  private fitsFor: readonly ThreadRow[] | undefined;
  private olderFrom = '';

  /** The log listened to, and what it looked like at the last scroll seen. */
  private log: HTMLElement | undefined;
  private seen = { top: -1, height: -1, client: -1 };
  /** Until when a scroll is the agent's (their input), and whether a pointer holds the scrollbar. */
  private inputUntil = 0;
  private dragging = false;
  /** Frames during which the layout, the log's size or our own writes may scroll the log. */
  private busy: number | undefined;
  private bottomFrames = 0;
  private bottomFrame: number | undefined;
  private olderFrame: number | undefined;
  private wroteFor = '';
  /** Where the agent was when the host left the page (a detached scroller forgets it). */
  private savedTop: number | undefined;
  private remounted = false;
  private readonly resizes = new ResizeObserver(() => this.onResize());

  private readonly follow: ThreadFollow = {
    holdPin: () => {
      this.noticeScroll();
      return this.following;
    },
    reflowed: (scrollSize, viewSize) => {
      this.markBusy();
      if (this.following) this.keepAtBottom();
      // The layout's own figures: reading the log's would force a layout in the middle of a render.
      this.fits = scrollSize <= viewSize + 1;
      this.fitsFor = this.rows;
      this.maybeAutoLoad();
    },
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ThreadScrollOptions,
  ) {
    host.addController(this);
  }

  /** Messages that arrived below since the agent scrolled up (0 while following the newest one). */
  get newCount(): number {
    return this.following ? 0 : this.unseen;
  }

  /** The virtualizer layout: pinned to the newest row while following. */
  get layout(): ThreadLayoutConfig {
    const pin: ThreadPin =
      this.following && this.rows.length > 0 ? { index: this.rows.length - 1, block: 'end' } : null;
    return threadLayout(this.shown, pin, this.follow);
  }

  /** The rows about to be rendered (call before each render). */
  show(view: ThreadView): void {
    const shown = `${view.conversationId ?? ''}|${view.variant}`;
    const previous = this.rows;
    this.rows = view.rows;
    this.info = view.info;
    this.olderFrom = view.olderFrom ?? '';
    this.conversationId = view.conversationId;
    if (shown !== this.shown) {
      // Another conversation (or filter): it opens at its newest message, whatever the last one did.
      this.shown = shown;
      this.following = true;
      this.unseen = 0;
      this.prepended = false;
      this.savedTop = undefined;
      return;
    }
    if (view.rows === previous || previous.length === 0 || view.rows.length === 0) return;

    // Appended at the end?
    const lastIndex = indexOfKey(view.rows, previous[previous.length - 1].key);
    if (lastIndex >= 0 && lastIndex < view.rows.length - 1) {
      let added = 0;
      let ownMessage = false;
      for (const row of view.rows.slice(lastIndex + 1)) {
        if (row.type !== 'message') continue;
        added += 1;
        if (row.message.author === 'agent' && row.message.status === 'sending') ownMessage = true;
      }
      if (ownMessage) {
        // The agent just sent something: show it.
        this.following = true;
        this.unseen = 0;
      } else if (!this.following) {
        this.unseen += added;
      }
    }

    // Prepended at the top (older messages)? The layout keeps the rows in view where they are
    // (see ThreadLayout). (Compare the first *message*: a day separator keeps its key when older
    // messages of that day arrive.)
    const firstMessage = previous.findIndex((row) => row.type === 'message');
    const firstIndex = firstMessage >= 0 ? indexOfKey(view.rows, previous[firstMessage].key) : -1;
    if (firstIndex > firstMessage && !this.following) this.prepended = true;
  }

  /** The agent reads an older message (focused it): what arrives below no longer moves the view. */
  release(): void {
    if (!this.following) return;
    this.following = false;
    this.host.requestUpdate();
  }

  /** "N new messages": back to the newest message, following again. */
  jumpToNewest(): void {
    this.following = true;
    this.unseen = 0;
    this.host.requestUpdate();
    this.log?.focus({ preventScroll: true });
  }

  hostConnected(): void {
    // Back in the page (a remount): pin again, or put the agent back where they were.
    if (this.remounted) this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.host.isConnected) return;
    this.attach(this.options.log() ?? undefined);
    const log = this.log;
    if (!log) return;
    if (this.savedTop !== undefined && !this.following) {
      this.write(log, this.savedTop);
    }
    this.savedTop = undefined;
    if (this.prepended) {
      this.prepended = false;
      // Still at the top once the page is in place (then no scroll event comes): next page.
      if (this.olderFrame !== undefined) cancelAnimationFrame(this.olderFrame);
      this.olderFrame = requestAnimationFrame(() => {
        this.olderFrame = undefined;
        this.loadOlderIfNearTop();
      });
    }
    if (this.following) {
      // A render may have moved what the newest row needs: check every size again.
      this.wroteFor = '';
      this.keepAtBottom();
    }
    this.maybeAutoLoad();
  }

  hostDisconnected(): void {
    this.remounted = true;
    // (The log has no box any more: its scrollTop reads 0. Where the last scroll left it is kept.)
    if (this.log && !this.following && this.seen.top >= 0) this.savedTop = this.seen.top;
    this.attach(undefined);
    this.bottomFrames = 0;
    if (this.bottomFrame !== undefined) cancelAnimationFrame(this.bottomFrame);
    this.bottomFrame = undefined;
    if (this.busy !== undefined) cancelAnimationFrame(this.busy);
    this.busy = undefined;
    if (this.olderFrame !== undefined) cancelAnimationFrame(this.olderFrame);
    this.olderFrame = undefined;
  }

  // ---- the log -----------------------------------------------------------------------------

  private attach(log: HTMLElement | undefined): void {
    if (log === this.log) return;
    const previous = this.log;
    if (previous) {
      previous.removeEventListener('scroll', this.onScroll);
      previous.removeEventListener('wheel', this.onInput);
      previous.removeEventListener('touchstart', this.onHold);
      previous.removeEventListener('keydown', this.onKey);
      previous.removeEventListener('pointerdown', this.onPointerDown);
      this.resizes.unobserve(previous);
      this.onRelease();
    }
    this.log = log;
    this.seen = { top: -1, height: -1, client: -1 };
    if (!log) return;
    log.addEventListener('scroll', this.onScroll, { passive: true });
    log.addEventListener('wheel', this.onInput, { passive: true });
    log.addEventListener('touchstart', this.onHold, { passive: true });
    log.addEventListener('keydown', this.onKey);
    log.addEventListener('pointerdown', this.onPointerDown);
    this.resizes.observe(log);
  }

  private readonly onScroll = (): void => {
    this.noticeScroll();
    this.loadOlderIfNearTop();
  };

  /**
   * Decides, once per scroll position, whether the agent left the bottom or came back to it.
   * (Called by the scroll listener and by the layout when the virtualizer would unpin.)
   */
  private noticeScroll(): void {
    const log = this.log;
    if (!log || log.clientHeight === 0) return;
    const { scrollTop: top, scrollHeight: height, clientHeight: client } = log;
    const seen = this.seen;
    if (top === seen.top && height === seen.height && client === seen.client) return;
    const resized = seen.client >= 0 && client !== seen.client;
    this.seen = { top, height, client };
    const fromBottom = height - top - client;
    if (fromBottom <= BOTTOM_SLACK) {
      if (!this.following) {
        this.following = true;
        this.unseen = 0;
        this.host.requestUpdate();
      }
    } else if (this.following && this.byAgent(resized)) {
      this.following = false;
      this.host.requestUpdate();
    }
  }

  /** Whether the scroll being handled is the agent's (see the class comment). */
  private byAgent(resized: boolean): boolean {
    if (this.dragging || performance.now() < this.inputUntil) return true;
    return !resized && this.busy === undefined;
  }

  private readonly onInput = (): void => {
    this.inputUntil = performance.now() + INPUT_MS;
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (SCROLL_KEYS.has(event.key)) this.onInput();
  };

  /** A finger on the log, or a pointer on its scrollbar (not on a message): the agent scrolls until it lets go. */
  private readonly onHold = (): void => {
    if (this.dragging) return;
    this.dragging = true;
    window.addEventListener('pointerup', this.onRelease);
    window.addEventListener('pointercancel', this.onRelease);
    window.addEventListener('touchend', this.onRelease);
    window.addEventListener('touchcancel', this.onRelease);
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.composedPath()[0] === this.log) this.onHold();
  };

  private readonly onRelease = (): void => {
    if (!this.dragging) return;
    this.dragging = false;
    // Momentum scrolling goes on for a moment after the finger lifts.
    this.onInput();
    window.removeEventListener('pointerup', this.onRelease);
    window.removeEventListener('pointercancel', this.onRelease);
    window.removeEventListener('touchend', this.onRelease);
    window.removeEventListener('touchcancel', this.onRelease);
  };

  private onResize(): void {
    this.markBusy();
    if (this.following) this.keepAtBottom();
  }

  /** For the next two frames (when the scroll events of what happens now are dispatched), scrolls are not the agent's. */
  private markBusy(): void {
    if (this.busy !== undefined) cancelAnimationFrame(this.busy);
    this.busy = requestAnimationFrame(() => {
      this.busy = requestAnimationFrame(() => (this.busy = undefined));
    });
  }

  private write(log: HTMLElement, top: number): void {
    this.markBusy();
    log.scrollTop = top;
  }

  /**
   * While following, make sure the newest row is fully in view for a few frames after each
   * change: the virtualizer clamps its pinned position to the scroll height it measured before
   * the new row was sized, which can leave the newest row a few pixels short. Each size of the
   * log and its content is corrected once (where the virtualizer's own pin then puts it, stays).
   * A log without a size (hidden) waits: resizing it starts this again.
   */
  private keepAtBottom(): void {
    this.bottomFrames = BOTTOM_FRAMES;
    if (this.bottomFrame !== undefined) return;
    const step = () => {
      this.bottomFrame = undefined;
      const log = this.log;
      if (!this.following || !log || !this.host.isConnected || log.clientHeight === 0 || this.bottomFrames <= 0) {
        this.bottomFrames = 0;
        return;
      }
      const max = log.scrollHeight - log.clientHeight;
      const geometry = `${log.scrollHeight}/${log.clientHeight}`;
      if (max - log.scrollTop > 1 && geometry !== this.wroteFor) {
        this.wroteFor = geometry;
        this.write(log, max);
      }
      this.bottomFrames -= 1;
      if (this.bottomFrames > 0) this.bottomFrame = requestAnimationFrame(step);
    };
    this.bottomFrame = requestAnimationFrame(step);
  }

  // ---- older pages -------------------------------------------------------------------------

  private canLoadOlder(): string | undefined {
    const id = this.conversationId;
    return id && this.info.hasOlder !== false && !this.info.loadingOlder ? id : undefined;
  }

  private loadOlderIfNearTop(): void {
    const log = this.log;
    if (!log || !this.host.isConnected || this.following || log.scrollTop > TOP_SLACK) return;
    const id = this.canLoadOlder();
    if (id) this.options.loadOlder(id);
  }

  /**
   * A thread too short to scroll cannot reach "the top" by scrolling: fetch older rows if the
   * server may have some, once per source and length (a page that brings nothing stops it).
   * Decided on the layout's figures for these very rows (new rows wait for their reflow).
   */
  private maybeAutoLoad(): void {
    const id = this.conversationId;
    const key = `${id}|${this.olderFrom}|${this.rows.length}`;
    if (!id || this.autoLoadedFor === key || this.info.hasOlder === false || this.info.loadingOlder) return;
    if (!this.host.isConnected || !this.log || this.fitsFor !== this.rows || !this.fits) return;
    this.autoLoadedFor = key;
    // After this update: the page may arrive synchronously and update the host again.
    queueMicrotask(() => {
      if (this.host.isConnected) this.options.loadOlder(id);
    });
  }
}

function indexOfKey(rows: readonly ThreadRow[], key: string): number {
  for (let i = rows.length - 1; i >= 0; i -= 1) if (rows[i].key === key) return i;
  return -1;
}
