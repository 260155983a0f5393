import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One ticking clock per host for every live duration it shows: a single `setInterval` while the
 * host is connected (and enabled), torn down on disconnect. `now` is the time of the last tick.
 */
export class TickerController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;
  private enabled = true;

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
