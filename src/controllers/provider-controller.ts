import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import { deskContext } from '../context.js';
import { DeskErrorEvent } from '../events.js';
import type { DeskStore } from '../store/desk-store.js';
import { lazy } from '../components/shared/lazy.js';

/** The demo data and simulator: only pages with `demo` pay for them. */
const demoChunk = lazy(() => import('./demo-store.js'));

export interface ProviderHost extends ReactiveControllerHost, HTMLElement {
  store?: DeskStore;
  demo: boolean;
}

/**
 * Provides the desk store to descendants (the host's `store`, else a demo store built when `demo`
 * is set) and re-dispatches the store's errors as `desk-error` events on the host. `sync()` runs
 * synchronously whenever `store` or `demo` changes, so descendants have the store before they render.
 */
export class ProviderController implements ReactiveController {
  private readonly provider: ContextProvider<typeof deskContext>;
  /** The demo store, while the host uses one. */
  demoStore: DeskStore | undefined;
  private errors: Subscription | undefined;
  private provided: DeskStore | undefined;
  private connected = false;
  private demoLoading: AbortController | undefined;
  private pendingDestroy: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ProviderHost,
    /** Called when the store in use changes (the host re-resolves its own target). */
    private readonly onChange: () => void,
  ) {
    host.addController(this);
    this.provider = new ContextProvider(host, { context: deskContext, initialValue: undefined });
  }

  /** The store in use: the one set on the host, else the demo one. */
  get store(): DeskStore | undefined {
    return this.host.store ?? this.demoStore;
  }

  hostConnected(): void {
    this.connected = true;
    clearTimeout(this.pendingDestroy);
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.errors?.unsubscribe();
    this.errors = undefined;
    this.provided = undefined;
    this.demoLoading?.abort();
    this.demoLoading = undefined;
    // Moving the element disconnects and reconnects it in one task: the demo desk keeps its state
    // then, and is torn down (simulator timers stopped) only when it really left the page.
    clearTimeout(this.pendingDestroy);
    this.pendingDestroy = setTimeout(() => {
      if (this.connected) return;
      this.demoStore?.destroy();
      this.demoStore = undefined;
    });
  }

  /** Brings the provided store in line with the host's `store` and `demo`. */
  sync(): void {
    if (!this.connected) return;
    if (this.host.store || !this.host.demo) {
      this.demoStore?.destroy();
      this.demoStore = undefined;
    } else if (!this.demoStore) {
      this.loadDemo();
    }
    const next = this.store;
    if (next === this.provided) return;
    this.provided = next;
    this.errors?.unsubscribe();
    this.errors = next?.errors$.subscribe((error) => this.host.dispatchEvent(new DeskErrorEvent(error)));
    this.provider.setValue(next);
    this.onChange();
  }

  /** Fetches the demo data on first use (a separate chunk), then provides the demo store. */
  private loadDemo(): void {
    if (this.demoLoading) return;
    const controller = new AbortController();
    this.demoLoading = controller;
    demoChunk(controller.signal).then(
      ({ createDemoStore }) => {
        this.demoLoading = undefined;
        if (!this.connected || this.demoStore || this.host.store || !this.host.demo) return;
        this.demoStore = createDemoStore();
        this.sync();
      },
      (error: unknown) => {
        this.demoLoading = undefined;
        if (controller.signal.aborted) return;
        this.host.dispatchEvent(
          new DeskErrorEvent({ code: 'demo', message: `The demo data could not be loaded: ${String(error)}` }),
        );
      },
    );
  }
}
