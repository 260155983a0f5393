/** How often "typing" is repeated while the agent keeps typing, and when it stops by itself. */
export interface TypingThrottleOptions {
  /** At most one `typing: true` per interval while typing (default 3,000 ms). */
  interval?: number;
  /** `typing: false` after this long without input (default 5,000 ms). */
  idle?: number;
  /** Clock, for tests (default `Date.now`). */
  now?: () => number;
}

/**
 * Turns keystrokes into few typing commands: `true` at the first keystroke and then at most once
 * per `interval` while the agent keeps typing (with the latest preview), `false` after `idle`
 * without a keystroke, or at once on `stop()` (message sent, draft cleared, conversation left).
 */
export class TypingThrottle {
  private readonly interval: number;
  private readonly idle: number;
  private readonly now: () => number;
  private active = false;
  private lastSent = Number.NEGATIVE_INFINITY;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly notify: (typing: boolean, preview?: string) => void,
    options: TypingThrottleOptions = {},
  ) {
    this.interval = options.interval ?? 3000;
    this.idle = options.idle ?? 5000;
    this.now = options.now ?? (() => Date.now());
  }

  /** True between the first keystroke and the `false` that ends it. */
  get typing(): boolean {
    return this.active;
  }

  /** A keystroke (with the current text, for channels that show a live preview). */
  input(preview?: string): void {
    const now = this.now();
    if (!this.active || now - this.lastSent >= this.interval) {
      this.active = true;
      this.lastSent = now;
      this.notify(true, preview);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idle);
  }

  /** Ends typing now; sends `false` only if `true` was sent. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.active) return;
    this.active = false;
    this.lastSent = Number.NEGATIVE_INFINITY;
    this.notify(false);
  }
}
