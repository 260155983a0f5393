import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues, type ReactiveController } from 'lit';
import { property } from 'lit/decorators.js';
import { BehaviorSubject, combineLatest, of, type Observable, type Subscription } from 'rxjs';
import { distinctUntilChanged, map, switchMap } from 'rxjs/operators';
import { deskContext, paneContext } from '../../context.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import type { DeskStore } from '../../store/desk-store.js';

/** What an element is about: the store in use and the conversation it shows (if any). */
export interface DeskTarget {
  readonly store: DeskStore | undefined;
  readonly conversationId: string | undefined;
}

/** The observables an element reads, by name; a selection turns them into one value of the same shape. */
export type Selectors<T> = { readonly [K in keyof T]: Observable<T[K]> };

const NO_TARGET: DeskTarget = { store: undefined, conversationId: undefined };
/** Each element's target stream, for `select()`. */
const targets = new WeakMap<DeskElement, Observable<DeskTarget>>();

/**
 * The base of every desk element. It resolves, before the first render and without depending on
 * the order of controllers:
 * - the store: the `store` property, else the one a provider element supplies (a subclass that
 *   provides one overrides `ownStore()`), else the nearest `<chat-desk>`/`<desk-provider>`'s;
 * - the conversation: `explicitConversationId()` (the `conversation-id` attribute of elements that
 *   have one), else the enclosing pane's (a `<chat-box>` provides it to what it contains), else the
 *   store's focused conversation.
 * Everything is pushed synchronously (a property setter, a context callback, the store's
 * BehaviorSubject), so the values are there when Lit runs the next update.
 *
 * `updateComplete` also waits for the desk elements rendered inside this one, so one
 * `await el.updateComplete` sees the whole element tree settled.
 */
export class DeskElement extends LitElement {
  /** The desk store; by default the one provided by the nearest `<chat-desk>` or `<desk-provider>`. */
  @property({ attribute: false }) store?: DeskStore;

  protected readonly i18n = new LocaleController(this);
  /** The language and direction each top-level piece of the render was last given. */
  private readonly markedAs = new WeakMap<Element, string>();

  private contextStore: DeskStore | undefined;
  private paneId: string | undefined;
  private readonly inputs = new BehaviorSubject<{ store: DeskStore | undefined; pinned: string | undefined }>({
    store: undefined,
    pinned: undefined,
  });
  private readonly targetSource: Observable<DeskTarget> = this.inputs.pipe(
    distinctUntilChanged((a, b) => a.store === b.store && a.pinned === b.pinned),
    switchMap(({ store, pinned }) =>
      !store || pinned
        ? of({ store, conversationId: pinned })
        : store.focusedId$.pipe(map((id): DeskTarget => ({ store, conversationId: id ?? undefined }))),
    ),
  );
  private readonly targetSelection = new Selection<DeskTarget>(this, () => this.targetSource, NO_TARGET);

  constructor() {
    super();
    targets.set(this, this.targetSource);
    new ContextConsumer(this, {
      context: deskContext,
      subscribe: true,
      callback: (store) => {
        this.contextStore = store;
        this.resolveTarget();
      },
    });
    new ContextConsumer(this, {
      context: paneContext,
      subscribe: true,
      callback: (id) => {
        this.paneId = id;
        this.resolveTarget();
      },
    });
  }

  /** The store in use and the conversation shown. */
  protected get target(): DeskTarget {
    // Read by property setters that may run while the base is still being constructed.
    return this.targetSelection?.value ?? NO_TARGET;
  }

  /** The store in use (the one set, the provided one, or the nearest provider's). */
  get activeStore(): DeskStore | undefined {
    return this.target.store;
  }

  /** A store this element supplies itself (a provider's demo store); undefined for consumers. */
  protected ownStore(): DeskStore | undefined {
    return undefined;
  }

  /** The conversation given to the element directly (its `conversation-id`), if it takes one. */
  protected explicitConversationId(): string | undefined {
    return undefined;
  }

  /** Re-resolves the store and the pinned conversation (called when one of their inputs changes). */
  protected resolveTarget(): void {
    // Called from property setters that may run while the base is still being constructed.
    this.inputs?.next({
      store: this.store ?? this.ownStore() ?? this.contextStore,
      pinned: this.explicitConversationId() || this.paneId || undefined,
    });
  }

  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    super.requestUpdate(...args);
    const [name] = args;
    if (name === 'store' || name === 'conversationId') this.resolveTarget();
  }

  protected override update(changedProperties: PropertyValues): void {
    super.update(changedProperties);
    // Every top-level piece of every render path carries the language of its strings and the
    // direction: `lang="en"` on English fallback, `dir="rtl"` under `lang="ar"` even when the page
    // sets no `dir`. Done here so that no template (nor an element added later) can forget it.
    // Slots are left alone: the page's own content keeps the page's language and direction.
    // Only when they change: setting `dir` again, even to the same value, makes the browser work
    // out the direction of the whole subtree (16-28 ms over 8 s of a busy 4-pane desk).
    const as = `${this.i18n.contentLang}|${this.i18n.dir}`;
    for (const child of this.renderRoot.children) {
      if (child instanceof HTMLSlotElement || this.markedAs.get(child) === as) continue;
      this.i18n.mark(child);
      this.markedAs.set(child, as);
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    // The nested elements render what this one gave them in this update; a few rounds cover the
    // updates they cause each other (a pane's chat-box providing the conversation to its filter).
    for (let round = 0; round < 4; round += 1) {
      const nested = nestedElements(this).filter((el) => el.isUpdatePending || el instanceof DeskElement);
      if (nested.length === 0) break;
      const results = await Promise.all(nested.map((element) => element.updateComplete));
      complete = results.every(Boolean) && complete;
      if (!this.isUpdatePending && !nested.some((element) => element.isUpdatePending)) break;
      complete = (await super.getUpdateComplete()) && complete;
    }
    return complete;
  }
}

/**
 * Reads the store declaratively: `project` maps the element's store and conversation to named
 * observables (re-run when either changes) and the selection holds their latest values (undefined
 * while there is no store), re-rendering the element when one changes. `onChange` sees each new
 * value with the previous one.
 *
 * ```ts
 * private readonly data = select(this, (store, id) => ({ conversation: store.conversation$(id) }));
 * ```
 */
export function select<T>(
  host: DeskElement,
  project: (store: DeskStore, conversationId: string | undefined) => Selectors<T>,
  onChange?: (value: T, previous: T | undefined) => void,
): Selection<T | undefined> {
  const source = targets
    .get(host)!
    .pipe(
      switchMap(({ store, conversationId }) =>
        store
          ? (combineLatest(project(store, conversationId) as Record<string, Observable<unknown>>) as Observable<T>)
          : of(undefined),
      ),
    );
  return new Selection<T | undefined>(
    host,
    () => source,
    undefined,
    (value, previous) => {
      if (value !== undefined) onChange?.(value, previous);
    },
  );
}

/**
 * The Lit elements rendered inside `host` (shadow root and light DOM). A desk element's own
 * `updateComplete` covers what it contains, so only other Lit elements are looked into.
 */
function nestedElements(host: LitElement): LitElement[] {
  const found: LitElement[] = [];
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      if (!(element instanceof LitElement)) continue;
      found.push(element);
      if (!(element instanceof DeskElement) && element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  visit(host);
  return found;
}

/**
 * The one bridge from RxJS to rendering: subscribes to a source while the host is connected,
 * keeps its latest value and asks the host to update when it changes.
 */
export class Selection<T> implements ReactiveController {
  value: T;
  private subscription: Subscription | undefined;

  constructor(
    private readonly host: LitElement,
    private readonly source: () => Observable<T>,
    initial: T,
    private readonly onChange?: (value: T, previous: T) => void,
  ) {
    this.value = initial;
    host.addController(this);
  }

  hostConnected(): void {
    this.subscription ??= this.source().subscribe((value) => this.set(value));
  }

  hostDisconnected(): void {
    // The last value stays until the next connection replaces it: an element moved in the page
    // renders what it showed, not a blank frame.
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private set(value: T): void {
    if (Object.is(value, this.value)) return;
    const previous = this.value;
    this.value = value;
    this.onChange?.(value, previous);
    this.host.requestUpdate();
  }
}
