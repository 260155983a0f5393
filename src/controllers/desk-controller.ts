import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deskContext, paneContext } from '../context.js';
import type { DeskStore } from '../store/desk-store.js';
import { ObservableController } from './observable-controller.js';

/** What an element exposes for the controller to read. */
export interface DeskHost extends ReactiveControllerHost, HTMLElement {
  /** A store set directly wins over the one from context. */
  store?: DeskStore;
  /** An explicit conversation id wins over the pane's and the focused one. */
  conversationId?: string;
}

/**
 * Finds the store (property, else nearest provider) and the conversation an element is about
 * (attribute, else its pane's, else the focused one), and re-renders the host when they change.
 */
export class DeskController implements ReactiveController {
  private contextStore: DeskStore | undefined;
  private paneId: string | undefined;
  private readonly focused: ObservableController<string | null>;

  constructor(private readonly host: DeskHost) {
    host.addController(this);
    new ContextConsumer(host, {
      context: deskContext,
      subscribe: true,
      callback: (store) => {
        this.contextStore = store;
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: paneContext,
      subscribe: true,
      callback: (id) => {
        this.paneId = id;
        host.requestUpdate();
      },
    });
    this.focused = new ObservableController<string | null>(host, null);
  }

  get store(): DeskStore | undefined {
    return this.host.store ?? this.contextStore;
  }

  /** The conversation this element shows (readable from the host's `willUpdate` on the first render). */
  get conversationId(): string | undefined {
    if (this.host.conversationId || this.paneId) return this.host.conversationId || this.paneId;
    this.followFocus();
    return this.focused.value || undefined;
  }

  /** True when the conversation comes from the pane or an explicit id, not from focus. */
  get pinned(): boolean {
    return !!(this.host.conversationId || this.paneId);
  }

  hostUpdate(): void {
    this.followFocus();
  }

  /** Subscribing is idempotent for the same store; the focused id arrives synchronously (BehaviorSubject). */
  private followFocus(): void {
    this.focused.observe(this.store?.focusedId$);
  }
}
