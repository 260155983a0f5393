import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A ticking clock for live durations: one interval while the host is connected and the clock
 * is enabled, torn down on disconnect. `now` is the time of the last tick (ms since the epoch).
 * With `'midnight'` it ticks at each local midnight instead ("Today" and "Yesterday" move on),
 * and when the host comes back to the page on another day.
 */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;
  private enabled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval: number | 'midnight' = 1000,
  ) {
    host.addController(this);
  }

  /** Ticks only while something on screen depends on the time. */
  setEnabled(enabled: boolean): this {
    if (enabled === this.enabled) return this;
    this.enabled = enabled;
    this.sync();
    return this;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  private sync(): void {
    const run = this.connected && this.enabled;
    if (run && this.timer === undefined) {
      const before = new Date(this.now).toDateString();
      this.now = Date.now();
      if (this.interval !== 'midnight') {
        this.timer = setInterval(() => {
          this.now = Date.now();
          this.host.requestUpdate();
        }, this.interval);
        return;
      }
      if (new Date(this.now).toDateString() !== before) this.host.requestUpdate();
      this.untilMidnight();
    } else if (!run && this.timer !== undefined) {
      if (this.interval === 'midnight') clearTimeout(this.timer);
      else clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Ticks one second past the next local midnight, and so on each night. */
  private untilMidnight(): void {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.timer = setTimeout(
      () => {
        this.now = Date.now();
        this.host.requestUpdate();
        this.untilMidnight();
      },
      Math.max(1000, next.getTime() - now.getTime()),
    );
  }
}
