/**
 * The emoji panel of `<compose-area>`. The picker (emoji-picker-element) and its data are large and
 * rarely used: they load the first time the panel shows, through `lazy()`; until they are there the
 * panel says so, and without its data it offers common emoji. It reports through its callbacks: no
 * reference to the composer.
 */
import { emojiDataUrl, type EmojiDataLocale } from './emoji-data.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import { lazy, untilAborted } from '../shared/lazy.js';

/** The element the emoji picker module defines (typed loosely: it is loaded on demand). */
interface EmojiPickerElement extends HTMLElement {
  dataSource: string;
  locale: string;
  i18n: unknown;
}

type EmojiState = 'idle' | 'loading' | 'ready' | 'failed';

/** Offered when the emoji data cannot be loaded (offline, blocked, or a strict CSP). */
const COMMON_EMOJI = [...'😀😄😊🙂😉😍😂🤔😮😢🙏👍👎👏🙌👋💪🎉✅❌⭐🔥💡🎁📦🚚🛒💳📞⏰📅'].concat(['❤️', '✉️']);

/**
 * How long the emoji data may take to be ready (fetched, then kept in IndexedDB, on first use)
 * before the common emoji are offered instead: an IndexedDB that never answers (an upgrade blocked
 * by another tab's connection, a broken profile) would otherwise leave the panel loading for ever.
 */
const DATA_READY_MS = 30_000;

const pickerModule = lazy(() => import('emoji-picker-element'));
// The picker's own strings (search, categories, skin tones) where it translates them.
const pickerStrings = {
  fr: lazy(() => import('emoji-picker-element/i18n/fr.js')),
  ar: lazy(() => import('emoji-picker-element/i18n/ar.js')),
};

export interface EmojiCallbacks {
  /** The panel's state changed (loading, ready, failed): render again, and focus into it. */
  changed(): void;
  /** The agent picked an emoji. */
  pick(emoji: string): void;
}

/** The emoji picker of one composer, loaded on first use. */
export class EmojiPanel {
  private state: EmojiState = 'idle';
  private picker: EmojiPickerElement | undefined;
  private controller: AbortController | undefined;
  /** The fallback grid's one Tab stop (arrow keys move it). */
  private index = 0;

  constructor(private readonly on: EmojiCallbacks) {}

  /** True while the picker (or the fallback) is not shown yet. */
  get loading(): boolean {
    return this.state === 'loading' || this.state === 'idle';
  }

  /**
   * Loads the picker the first time the panel shows: `dataSource` is where its emojibase data
   * comes from (default: the data shipped with the package, on this origin).
   */
  load(dataSource: string | undefined, locale: string): void {
    if (this.state !== 'idle') return;
    const controller = (this.controller = new AbortController());
    this.state = 'loading';
    this.on.changed();
    this.create(dataSource, locale, controller.signal).then(
      (picker) => {
        this.picker = picker;
        this.state = 'ready';
        this.on.changed();
      },
      () => {
        if (controller.signal.aborted) return;
        this.state = 'failed';
        this.on.changed();
      },
    );
  }

  /** The agent opens the panel again: a load that failed is tried again. */
  retry(): void {
    if (this.state === 'failed') this.state = 'idle';
  }

  /** The composer left the page: a load in progress stops (the next showing loads again). */
  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
    if (this.state === 'loading') this.state = 'idle';
  }

  private async create(source: string | undefined, uiLocale: string, signal: AbortSignal) {
    // emoji-picker-element-data has no Arabic: the emoji's names and search words stay English.
    const locale: EmojiDataLocale = uiLocale === 'fr' ? 'fr' : 'en';
    const { Database } = await pickerModule(signal);
    // By default the data shipped with the package, from this origin (never a CDN).
    const dataSource = source || emojiDataUrl(locale);
    // Check the data loads before showing the picker; unreachable, common emoji instead.
    const database = new Database({ locale, dataSource });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The emoji data was not ready in time')), DATA_READY_MS);
    });
    try {
      await untilAborted(Promise.race([database.ready(), late]), signal);
    } finally {
      clearTimeout(timer);
      void database.close().catch(() => undefined);
    }
    const picker = document.createElement('emoji-picker') as EmojiPickerElement;
    picker.dataSource = dataSource;
    picker.locale = locale;
    if (uiLocale === 'fr' || uiLocale === 'ar') picker.i18n = (await pickerStrings[uiLocale](signal)).default;
    picker.addEventListener('emoji-click', (event) => {
      const unicode = (event as CustomEvent<{ unicode?: string }>).detail.unicode;
      if (unicode) this.on.pick(unicode);
    });
    return picker;
  }

  /** Arrow keys, Home and End move through the fallback grid: one Tab stop instead of 32. */
  private readonly onGridKeydown = (event: KeyboardEvent): void => {
    const grid = event.currentTarget as HTMLElement;
    const buttons = [...grid.querySelectorAll<HTMLButtonElement>('button')];
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    // The grid wraps to the panel's width: a row is the buttons level with the first.
    const columns = Math.max(1, buttons.filter((button) => button.offsetTop === buttons[0].offsetTop).length);
    const forward = getComputedStyle(grid).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: current + forward,
      ArrowLeft: current - forward,
      ArrowDown: current + columns,
      ArrowUp: current - columns,
      Home: 0,
      End: buttons.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(buttons.length - 1, moves[event.key]));
    buttons[current].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
    this.index = next;
  };

  render(t: Strings['composer']): TemplateResult {
    const state = this.state;
    return html`<div id="panel" part="panel" class="panel emoji" role="dialog" aria-label=${t.emojiPicker}>
      ${this.loading ? html`<p role="status">${t.emojiLoading}</p>` : nothing}
      ${
        state === 'failed'
          ? html`<p class="muted">${t.emojiFailed}</p>
              <div class="emoji-grid" @keydown=${this.onGridKeydown}>
                ${COMMON_EMOJI.map(
                  (emoji, index) =>
                    html`<button
                      type="button"
                      class="emoji-button"
                      tabindex=${index === this.index ? 0 : -1}
                      @click=${() => this.on.pick(emoji)}
                    >
                      ${emoji}
                    </button>`,
                )}
              </div>`
          : nothing
      }
      ${state === 'ready' ? this.picker : nothing}
    </div>`;
  }
}
