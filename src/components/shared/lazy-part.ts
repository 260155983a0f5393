import type { CSSResult, ReactiveElement } from 'lit';
import { appendStyles } from '../../styles/append-styles.js';

/**
 * A part of an element that is not needed for its first paint (a dialog, a transcript…): its
 * module is fetched on first use, its styles are then added after the element's own, and the
 * element updates. A failed `load()` sets `failed` (the element says so) and the next one tries
 * again; a failed `prefetch()` (pointing at or focusing a trigger) stays silent.
 */
export class LazyPart<M> {
  /** The module, once fetched. */
  module: M | undefined;
  /** The last fetch asked for by the agent failed. */
  failed = false;
  /**
   * How many fetches asked for by the agent failed: a key for the failure alert, re-rendered on
   * each failure so that screen readers announce it again.
   */
  failures = 0;
  private loading: Promise<void> | undefined;
  /** The current fetch was asked for by the agent (its failure is shown). */
  private asked = false;

  constructor(
    protected readonly host: ReactiveElement,
    /** Where the module comes from (an object, so that tests can replace `load`). */
    private readonly source: { load(): Promise<M> },
    private readonly styles: (module: M) => CSSResult,
  ) {}

  /** Fetches the module once; resolves when it is there or the fetch failed (never rejects). */
  readonly load = (): Promise<void> => {
    this.asked = true;
    return this.fetch();
  };

  /** Fetches the module ahead of use; a failure is not shown (the agent asked for nothing yet). */
  readonly prefetch = (): void => void this.fetch();

  private fetch(): Promise<void> {
    return (this.loading ??= this.source.load().then(
      (module) => {
        appendStyles(this.host.renderRoot as ShadowRoot, this.styles(module));
        this.module = module;
        this.failed = false;
        this.host.requestUpdate();
      },
      () => {
        this.loading = undefined;
        if (!this.asked) return;
        this.asked = false;
        this.failed = true;
        this.failures += 1;
        this.host.requestUpdate();
      },
    ));
  }
}
