import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A ticking clock for live durations: one interval while the host is connected and the clock
 * is enabled, torn down on disconnect. `now` is the time of the last tick (ms since the epoch).
 */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;
  private enabled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = 1000,
  ) {
    host.addController(this);
  }

  /** Ticks only while something on screen depends on the time. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.sync();
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
      this.now = Date.now();
      this.timer = setInterval(() => {
        this.now = Date.now();
        this.host.requestUpdate();
      }, this.interval);
    } else if (!run && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
