import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, en, locales, type Locale, type LocaleRegistry, type Strings } from './strings.js';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
/** Content that a controller gave `lang`/`dir` (see mark()): derived, never a language asked for. */
const marked = new WeakSet<Element>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a `lang` or `dir` change re-resolves every connected element. */
function watchDocument(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * The nearest `lang` and `dir` up the composed tree (through shadow roots). A `dir` above the
 * nearest `lang` belongs to an outer language: `<html dir="ltr"><chat-desk lang="ar">` is right to
 * left, so such a `dir` is not returned.
 */
function closestLanguage(element: Element): { lang: string | null; dir: string | null } {
  let dir: string | null = null;
  for (let node: Node | null = element; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    // An enclosing element's content says what it shows, not what was asked for (English while the
    // asked-for language loads): look past it to the language asked for.
    if (!(node instanceof Element) || marked.has(node)) continue;
    dir ??= node.getAttribute('dir');
    const lang = node.getAttribute('lang');
    // Any dir further up belongs to an outer language.
    if (lang !== null) return { lang, dir };
  }
  return { lang: null, dir };
}

/**
 * Gives an element its strings, locale and direction from the nearest `lang`/`dir`
 * (on the element, an ancestor, a shadow host, or the document), and re-renders it when they change.
 * Without a `dir` at or below the nearest `lang`, the direction is that language's.
 * A locale not loaded yet is loaded on demand: meanwhile `t` keeps the previous strings (English
 * at first) while `lang` and `dir` already follow the attribute; the host re-renders when they arrive.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  /** The locale of `t`: the one asked for once its strings are loaded. */
  locale: Locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  t: Strings = en;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly registry: LocaleRegistry<Exclude<Locale, 'en'>> = locales,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    // Strings that arrive (asked for by this element, another one, or loadLocale()) apply at once.
    this.unlisten = this.registry.listen(() => this.refresh());
    watchDocument();
    this.refresh();
  }

  /**
   * The language of what `t` renders, for the `lang` of the element's content: English while the
   * asked-for locale loads, when it failed or has no translation (`lang="de"`), so that a screen
   * reader reads English text as English; otherwise the asked-for tag (`fr-CA`).
   */
  get contentLang(): string {
    if (this.locale === 'en') return 'en';
    return this.locale === this.registry.resolve(this.lang) ? this.lang : this.locale;
  }

  /** Gives `element`, the host's rendered content, the language of `t` and the direction. */
  mark(element: Element): void {
    marked.add(element);
    element.setAttribute('lang', this.contentLang);
    element.setAttribute('dir', this.dir);
  }

  hostDisconnected(): void {
    controllers.delete(this);
    this.unlisten?.();
  }

  refresh(): void {
    const nearest = closestLanguage(this.host);
    const lang = nearest.lang || document.documentElement.lang || navigator.language || 'en';
    const dir = (nearest.dir ?? directionOf(lang)) === 'rtl' ? 'rtl' : 'ltr';
    const locale = this.registry.resolve(lang);
    const strings = this.registry.strings(locale);
    if (lang === this.lang && dir === this.dir && (!strings || strings === this.t)) return;
    this.lang = lang;
    this.dir = dir;
    if (strings) {
      this.locale = locale;
      this.t = strings;
    } else {
      // When they arrive, the listener's refresh() applies them only if still wanted. A failed locale
      // is not asked for again here (that would loop); loadLocale() retries it.
      void this.registry.load(locale);
    }
    this.host.requestUpdate();
  }
}
