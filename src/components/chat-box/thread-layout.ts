import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import type { ThreadRow } from './thread-rows.js';

export type ThreadPin = FlowLayout['pin'];

/** What the thread's scroll controller tells the layout, and hears from it. */
export interface ThreadFollow {
  /** True while the thread follows its newest message: a scroll the agent did not make keeps the pin. */
  holdPin(): boolean;
  /**
   * The layout placed the rows (sizes measured, rows added, the view resized or scrolled): the
   * height of all rows and of the view, as the layout knows them (no need to read the DOM's).
   */
  reflowed(scrollSize: number, viewSize: number): void;
}

type ChildMeasurements = Parameters<FlowLayout['updateItemSizes']>[0];
type Measurement = Parameters<FlowLayout['_metricsCache']['update']>[0][number];

/** Pixels rendered above and below the viewport (the default 1,000 keeps too many rows in the DOM). */
const OVERHANG = 320;
/** At most this many rows above the rendered ones are summed up to place them exactly. */
const ROWS_NEAR_TOP = 100;

/**
 * The thread's virtualizer layout: a flow layout with a smaller overhang (a 10,000-message thread
 * keeps a few dozen rows in the DOM), a `threadPin` config entry that can also *clear* the pin,
 * which the stock `pin` config cannot (a `pin: undefined` would break it), and older rows put
 * above without moving what is in view.
 *
 * The flow layout keeps what it knows of the rows (measured sizes, positions of the rendered
 * ones, the first visible one) by index. When older rows are prepended, every index moves: left
 * alone, each row would take the size and the place of the row that had its index before, and the
 * view would jump. So the layout moves what it knows along with the rows; its own reflow then
 * keeps the rows in view where they are and grows the scroll offset by what was added above (an
 * estimate at first, corrected as those rows are measured). It only ever adds that difference to
 * the scroll offset, so a scroll made meanwhile (wheel, keys, script, assistive technology) stays.
 */
export class ThreadLayout extends FlowLayout {
  /** The last measured box of each row by index (the flow layout's own copy is private). */
  private readonly measured = new Map<number, Measurement>();
  /** The scroll position the last reflow ended at. */
  private reflowedAt = 0;
  /** Set through the layout config by the thread's scroll controller. */
  follow: ThreadFollow | undefined;
  private shown: string | undefined;

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG;
    this._itemSize = { width: 100, height: 64 };
  }

  /**
   * What the rows are (conversation and filter). What the flow layout knows by index (sizes,
   * positions) belongs to the rows it measured: kept for another conversation, the average of the
   * old sizes would make the scroll height wrong, and the newest row would end short of the end
   * (or below the view, pinned to it). So another thread starts afresh.
   */
  set thread(shown: string) {
    if (shown === this.shown) return;
    const first = this.shown === undefined;
    this.shown = shown;
    if (first) return;
    this.measured.clear();
    this._metricsCache.clear();
    this._physicalItems.clear();
    this._newPhysicalItems.clear();
    this._first = this._last = -1;
    this._firstVisible = this._lastVisible = 0;
    this._resetReflowState();
  }

  get thread(): string {
    return this.shown ?? '';
  }

  set threadPin(pin: ThreadPin) {
    if (pin) this.pin = pin;
    else if (this._pin !== null) this.pin = null;
  }

  get threadPin(): ThreadPin {
    return this.pin;
  }

  /**
   * The virtualizer lets go of the pin on any scroll it did not make itself: ours (keeping the
   * newest row in view), the browser's (clamping when the view grows or the content shrinks) as
   * well as the agent's. Only the agent's releases it: the scroll controller knows which it was.
   */
  override unpin(): void {
    if (this.follow?.holdPin()) return;
    super.unpin();
  }

  override _reflow(): void {
    // Scrolled since (wheel, keys, script, assistive technology): keep still what is in view now,
    // not the row the flow layout anchored on before, which may be far above or below by now (it
    // would pull the scroll back towards that row, and rows measured above it would move the view).
    if (Math.abs(this._scrollPosition - this.reflowedAt) >= 1) this._resetReflowState();
    // Within a view of the top, every row above is rendered (so measured): the difference between
    // their estimated and real heights is then taken out of the scroll offset while there is
    // enough of it, rather than at offset 0, where it could only move the rows in view.
    this._overhang = this._scrollPosition < this._viewDim1 ? Math.max(OVERHANG, this._scrollPosition) : OVERHANG;
    super._reflow();
    this.reflowedAt = this._scrollPosition;
    this.follow?.reflowed(this._scrollSize, this._viewDim1);
  }

  /**
   * The row a reflow keeps in place: the first of those the agent saw before that is still in
   * view (a scroll up keeps them where they are while the rows it brings in are measured above
   * them), else the first rendered row in view.
   */
  override _getAnchor(lower: number, upper: number): number {
    const seen = this.firstInView(Math.max(this._first, this._firstVisible), Math.min(this._last, this._lastVisible));
    return (
      seen ??
      this.firstInView(this._first, this._last) ??
      this.estimatedFromRendered(lower, upper) ??
      super._getAnchor(lower, upper)
    );
  }

  /**
   * After a jump of several views away from the rendered rows (a scrollbar drag, Page Up held, a
   * script or assistive technology), the row estimated to be there counting from the nearest
   * rendered row, where `_estimatePosition` will put it. The flow layout picks it by offset ÷ average
   * size instead; once the rendered rows sit elsewhere than that (sizes measured since), its row is
   * placed out of the view and the scroll offset is moved to it: back towards where the view came
   * from, by more than the jump (a script scrolling up four views at a time went down instead).
   * (The two ends keep the flow layout's own rule.)
   */
  private estimatedFromRendered(lower: number, upper: number): number | undefined {
    if (this._first < 0 || this._last < 0 || lower <= 0 || upper > this._scrollSize - this._viewDim1) return undefined;
    const first = this._getPhysicalItem(this._first);
    const last = this._getPhysicalItem(this._last);
    const cache = this._metricsCache;
    const delta = cache.averageChildSize + cache.averageMarginSize;
    if (!first || !last || !(delta > 0)) return undefined;
    const middle = (lower + upper) / 2;
    if (first.pos > upper) return Math.max(0, this._first - Math.ceil((first.pos - middle) / delta));
    const lastEnd = last.pos + (cache.getChildSize(this._last) ?? cache.averageChildSize);
    if (lastEnd < lower) return Math.min(this.items.length - 1, this._last + Math.floor((middle - lastEnd) / delta));
    return undefined;
  }

  /**
   * The first rendered and measured row from `from` to `to` that is at least partly in view (where
   * an unmeasured row was put is only an estimate, and so is the place of the rows below it).
   */
  private firstInView(from: number, to: number): number | undefined {
    const top = this._scrollPosition;
    for (let index = Math.max(0, from); index <= to; index += 1) {
      const item = this._getPhysicalItem(index);
      if (!item || item.pos >= top + this._viewDim1) return undefined;
      const size = this._metricsCache.getChildSize(index);
      if (size !== undefined && item.pos + size > top) return index;
    }
    return undefined;
  }

  /**
   * How far the rendered rows are from where they belong. Near the top, the rows above the
   * rendered ones are summed (measured, else the average), and once the corrected offset is within
   * a view of the top the difference is taken out of the scroll offset while it is large enough to
   * take it. The flow layout would only see it when the first row is rendered, near offset 0,
   * where the rows in view would move instead (a prepended page's estimate can be ~600 px off).
   */
  override _calculateError(): number {
    if (this._first > 0 && this._first < ROWS_NEAR_TOP) {
      const cache = this._metricsCache;
      let above = 0;
      for (let index = 0; index < this._first; index += 1)
        above +=
          (cache.getChildSize(index) ?? cache.averageChildSize) +
          (cache.getMarginSize(index) ?? cache.averageMarginSize);
      const error = this._physicalMin - above;
      if (this._scrollPosition - error < this._viewDim1) return error;
    }
    return super._calculateError();
  }

  override updateItemSizes(sizes: ChildMeasurements): void {
    for (const [index, box] of Object.entries(sizes)) this.measured.set(Number(index), box as Measurement);
    super.updateItemSizes(sizes);
  }

  protected override _setItems(items: unknown[]): void {
    if (items !== this._items) this.followPrepended(this._items as readonly ThreadRow[], items as readonly ThreadRow[]);
    super._setItems(items);
  }

  /** When `next` is `previous` with rows added at the top, moves what is known by index along with the rows. */
  private followPrepended(previous: readonly ThreadRow[], next: readonly ThreadRow[]): void {
    // From the first message on (a day separator keeps its key while older messages of that day go below it).
    const from = previous.findIndex((row) => row.type === 'message');
    if (from < 0 || this._first < 0) return;
    const key = previous[from].key;
    const shift = next.findIndex((row) => row.key === key) - from;
    if (shift <= 0) return;
    for (let i = from; i < previous.length; i += 1) if (next[i + shift]?.key !== previous[i].key) return;
    const move = <T>(map: Map<number, T>) => {
      const entries = [...map].filter(([index]) => index >= from);
      map.clear();
      for (const [index, value] of entries) map.set(index + shift, value);
    };
    move(this.measured);
    this._metricsCache.clear();
    this._metricsCache.update(Object.fromEntries(this.measured), this.direction);
    move(this._physicalItems);
    move(this._newPhysicalItems);
    if (this._last < from) {
      // Only rows above the first message were rendered: start afresh.
      this._physicalItems.clear();
      this._newPhysicalItems.clear();
      this._first = this._last = -1;
    } else {
      this._first = Math.max(this._first, from) + shift;
      this._last += shift;
    }
    // The next reflow keeps the first row in view where it is, preferably not the old first
    // message: it loses its author line when an earlier message by the same author arrives, and
    // kept by its top, that would move everything below it.
    this._firstVisible = Math.max(this._firstVisible, from + 1) + shift;
    this._lastVisible = Math.max(this._lastVisible, from + 1) + shift;
    this._anchorIdx = null;
    this._anchorPos = null;
  }
}

/** The virtualizer `layout` value for a thread. */
export interface ThreadLayoutConfig {
  readonly type: typeof ThreadLayout;
  readonly thread: string;
  readonly threadPin: ThreadPin;
  readonly follow: ThreadFollow;
}

/** (The config is assigned entry by entry, in this order: another thread starts afresh, then pins.) */
export function threadLayout(thread: string, pin: ThreadPin, follow: ThreadFollow): ThreadLayoutConfig {
  return { type: ThreadLayout, thread, threadPin: pin, follow };
}
