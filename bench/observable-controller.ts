// The naive baseline's own RxJS → Lit bridge (the library's elements use DeskElement's select()).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * The one bridge from RxJS to rendering: subscribes while the host is connected, keeps the
 * latest value and asks the host to update. `observe()` switches to another source (e.g. when
 * the conversation id changes) and is cheap to call from `willUpdate` with the same source.
 */
export class ObservableController<T> implements ReactiveController {
  private source: Observable<T> | undefined;
  private subscription: Subscription | undefined;
  private connected = false;
  value: T;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly initial: T,
    private readonly onValue?: (value: T, previous: T) => void,
  ) {
    this.value = initial;
    host.addController(this);
  }

  observe(source: Observable<T> | undefined): void {
    if (source === this.source) return;
    this.source = source;
    this.unsubscribe();
    if (!source) {
      this.set(this.initial);
      return;
    }
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    if (this.source && !this.subscription) this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    this.subscription = this.source!.subscribe((value) => this.set(value));
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private set(value: T): void {
    if (Object.is(value, this.value)) return;
    const previous = this.value;
    this.value = value;
    this.onValue?.(value, previous);
    this.host.requestUpdate();
  }
}
