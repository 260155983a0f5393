import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, LOCALES, resolveLocale, type Locale, type Strings } from './strings.js';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a `lang` or `dir` change re-resolves every connected element. */
function watchDocument(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
}

/** Walks up the composed tree (through shadow roots) to the nearest element with `attribute`. */
function closestAttribute(element: Element, attribute: string): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute(attribute)) return node.getAttribute(attribute);
    node = node instanceof ShadowRoot ? node.host : (node.parentNode ?? null);
  }
  return null;
}

/**
 * Gives an element its strings, locale and direction from the nearest `lang`/`dir`
 * (on the element, an ancestor, a shadow host, or the document), and re-renders it when they change.
 */
export class LocaleController implements ReactiveController {
  lang = 'en';
  locale: Locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  t: Strings = LOCALES.en;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchDocument();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  refresh(): void {
    const lang = closestAttribute(this.host, 'lang') || document.documentElement.lang || navigator.language || 'en';
    const dir = (closestAttribute(this.host, 'dir') as 'ltr' | 'rtl' | null) ?? directionOf(lang);
    if (lang === this.lang && dir === this.dir) return;
    this.lang = lang;
    this.locale = resolveLocale(lang);
    this.dir = dir === 'rtl' ? 'rtl' : 'ltr';
    this.t = LOCALES[this.locale];
    this.host.requestUpdate();
  }
}
