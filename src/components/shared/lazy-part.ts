import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';

/**
 * A part of an element that is not needed for its first paint (a dialog, a transcript…): its
 * module is fetched on first use, its styles are then added after the element's own, and the
 * element updates. A failed fetch sets `failed` (the element says so) and the next `load()` tries again.
 */
export class LazyPart<M> {
  /** The module, once fetched. */
  module: M | undefined;
  /** The last fetch failed. */
  failed = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    /** Where the module comes from (an object, so that tests can replace `load`). */
    private readonly source: { load(): Promise<M> },
    private readonly styles: (module: M) => CSSResult,
  ) {}

  /** Fetches the module once; resolves when it is there or the fetch failed (never rejects). */
  readonly load = (): Promise<void> =>
    (this.loading ??= this.source.load().then(
      (module) => {
        const root = this.host.renderRoot as ShadowRoot;
        const styles = this.styles(module);
        // Engines without constructable style sheets get a <style> element.
        if (styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
        else adoptStyles(root, [styles]);
        this.module = module;
        this.failed = false;
        this.host.requestUpdate();
      },
      () => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
      },
    ));
}
