// Non-English strings are loaded on demand: an English page never loads them, elements in another
// language render in English until their locale arrives, then switch; a preloaded locale applies at
// once; a stale or failed load never leaves the wrong language on screen.
//
// The first two tests need French not loaded yet: they run first, and the tests after them may load it.
// The others use their own registry (createLocaleRegistry) with loaders the test controls.
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import type { MessageFilterElement } from '../../src/components/message-filter/message-filter.js';
import type { StateBox } from '../../src/components/state-box/state-box.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import {
  createLocaleRegistry,
  directionOf,
  en,
  loadLocale,
  locales,
  resolveLocale,
  type Strings,
} from '../../src/i18n/strings.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const FRENCH_FILTERS = ['Tous', 'Visiteur', 'Agent', 'Actions', 'Navigation'];
const ENGLISH_FILTERS = ['All', 'Visitor', 'Agent', 'Actions', 'Navigation'];

function filterGroup(el: MessageFilterElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="radiogroup"]')!;
}

function filterNames(el: MessageFilterElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.trim());
}

function stateBoxList(el: StateBox): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
}

/** Each desk element in `root` has rendered (a desk element's updateComplete covers what it contains). */
async function settle(root: Element): Promise<void> {
  await Promise.all([...root.children].map((child) => (child as LitElement).updateComplete));
}

/**
 * What `read()` sees when `el` first renders into its shadow root: a mutation observer's callback,
 * a microtask of the same task, so before any module import can complete.
 */
function firstRender<T>(el: LitElement, read: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      try {
        resolve(read());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  });
}

/** After a `lang`/`dir` change: the document's MutationObserver (a microtask) asks for the update first. */
async function updated(el: LitElement): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

const stores: DeskStore[] = [];
function newStore(): DeskStore {
  const store = new DeskStore({
    transport: new MemoryTransport({ fixtures: demoFixtures(), simulate: false }),
    batching: 'sync',
  });
  stores.push(store);
  return store;
}

/** A deferred loader: the test decides when (and whether) the strings arrive. */
function deferredLoader() {
  let resolve!: (module: { strings: Strings }) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<{ strings: Strings }>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const loader = sinon.spy((): Promise<{ strings: Strings }> => promise);
  return { loader, resolve, reject };
}

/** French strings told apart from the real ones, so a test sees which registry they came from. */
function fakeFrench(): Strings {
  return { ...en, thread: { ...en.thread, messageFilter: 'Filtre (test)' } };
}

/** A host for a LocaleController on a registry of the test's own. */
class LocaleProbe extends LitElement {
  static registry = createLocaleRegistry<'fr'>({ fr: () => Promise.reject(new Error('no registry set')) });
  readonly i18n = new LocaleController(this, LocaleProbe.registry);
  renders = 0;

  override render() {
    this.renders += 1;
    return html`<p>${this.i18n.t.thread.messageFilter}</p>`;
  }
}
customElements.define('locale-probe', LocaleProbe);

/** A probe containing another, its content marked with its language as desk elements mark theirs. */
class NestingProbe extends LitElement {
  readonly i18n = new LocaleController(this, LocaleProbe.registry);

  override render() {
    return html`<div>
      <p>${this.i18n.t.thread.messageFilter}</p>
      <locale-probe></locale-probe>
    </div>`;
  }

  protected override updated(): void {
    this.i18n.mark(this.shadowRoot!.firstElementChild!);
  }
}
customElements.define('nesting-probe', NestingProbe);

function probeText(el: LocaleProbe): string {
  return el.shadowRoot!.querySelector('p')!.textContent!;
}

describe('locale loading', () => {
  // Whole desks are mounted here: the threads' virtualizers may outlast one ResizeObserver round.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    for (const store of stores.splice(0)) store.destroy();
    document.documentElement.removeAttribute('lang');
    sinon.restore();
  });

  it('an English page never loads the French strings (nor an unknown or right-to-left language)', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<HTMLElement>(
      html`<div>
        <chat-desk .store=${newStore()} layout="2" style="display:block;height:700px;width:1400px"></chat-desk>
        <message-filter lang="de"></message-filter>
        <message-filter lang="he"></message-filter>
      </div>`,
    );
    await settle(el);
    const desk = el.querySelector<ChatDesk>('chat-desk')!;
    expect(desk.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal(
      en.desk.splitScreen,
    );
    expect(locales.state('fr')).to.equal('unloaded');
    expect(locales.strings('fr')).to.equal(undefined);
  });

  it('elements in French render in English, then in French once the strings arrive', async () => {
    // Read at their first render: by the time they settle, the French chunk may already be there
    // (the browser caches it from an earlier test file; WebKit's cached import often lands first).
    const el = fixtureSync<HTMLElement>(
      html`<div lang="fr">
        <message-filter></message-filter>
        <state-box .store=${newStore()} style="height:400px"></state-box>
      </div>`,
    );
    const filter = el.querySelector<MessageFilterElement>('message-filter')!;
    const stateBox = el.querySelector<StateBox>('state-box')!;
    const [filterFirst, stateBoxFirst] = await Promise.all([
      firstRender(filter, () => ({ state: locales.state('fr'), names: filterNames(filter) })),
      firstRender(stateBox, () => stateBoxList(stateBox).getAttribute('aria-label')),
    ]);
    expect(filterFirst).to.deep.equal({ state: 'loading', names: ENGLISH_FILTERS });
    expect(stateBoxFirst).to.equal(en.stateBox.ongoingConversations);
    await settle(el);

    await loadLocale('fr');
    await Promise.all([filter.updateComplete, stateBox.updateComplete]);
    // Both elements waiting for French switched.
    expect(filterGroup(filter).getAttribute('aria-label')).to.equal('Filtre des messages');
    expect(filterNames(filter)).to.deep.equal(FRENCH_FILTERS);
    expect(stateBoxList(stateBox).getAttribute('aria-label')).to.equal('Conversations en cours');
  });

  it('a loaded locale applies on the first render, and switching en → fr → en is immediate', async () => {
    await loadLocale('fr');
    const el = document.createElement('message-filter');
    el.lang = 'fr-CA';
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(filterNames(el)).to.deep.equal(FRENCH_FILTERS);
      expect(el.isUpdatePending).to.equal(false);

      el.lang = 'en';
      await updated(el);
      expect(filterNames(el)).to.deep.equal(ENGLISH_FILTERS);
      el.lang = 'fr';
      await updated(el);
      expect(filterNames(el)).to.deep.equal(FRENCH_FILTERS);
      el.lang = 'en';
      await updated(el);
      expect(filterNames(el)).to.deep.equal(ENGLISH_FILTERS);
    } finally {
      el.remove();
    }
  });

  it('a preloaded locale is there on the very first render (no English render before it)', async () => {
    LocaleProbe.registry = createLocaleRegistry({ fr: () => Promise.resolve({ strings: fakeFrench() }) });
    await LocaleProbe.registry.load('fr');
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="fr"></locale-probe>`);
    expect(probeText(el)).to.equal('Filtre (test)');
    expect(el.renders).to.equal(1);
  });

  it('lang and dir follow the attribute at once; the strings follow when they arrive', async () => {
    const { loader, resolve } = deferredLoader();
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="fr" dir="rtl"></locale-probe>`);
    expect(el.i18n.lang).to.equal('fr');
    expect(el.i18n.dir).to.equal('rtl');
    expect(el.i18n.locale).to.equal('en');
    // English meanwhile, marked as such for screen readers.
    expect(el.i18n.contentLang).to.equal('en');
    expect(probeText(el)).to.equal(en.thread.messageFilter);

    resolve({ strings: fakeFrench() });
    await LocaleProbe.registry.load('fr');
    await el.updateComplete;
    expect(el.i18n.locale).to.equal('fr');
    expect(el.i18n.contentLang).to.equal('fr');
    expect(probeText(el)).to.equal('Filtre (test)');
    expect(loader.calledOnce).to.equal(true);
  });

  it('an element inside another one’s English fallback content still follows the language asked for', async () => {
    const { loader, resolve } = deferredLoader();
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const outer = await fixture<NestingProbe>(html`<nesting-probe lang="fr"></nesting-probe>`);
    const inner = outer.shadowRoot!.querySelector<LocaleProbe>('locale-probe')!;
    await inner.updateComplete;
    expect(outer.shadowRoot!.firstElementChild!.getAttribute('lang')).to.equal('en');
    expect(inner.i18n.lang).to.equal('fr');
    expect(inner.i18n.contentLang).to.equal('en');

    resolve({ strings: fakeFrench() });
    await LocaleProbe.registry.load('fr');
    await Promise.all([outer.updateComplete, inner.updateComplete]);
    expect(outer.shadowRoot!.firstElementChild!.getAttribute('lang')).to.equal('fr');
    expect(probeText(inner)).to.equal('Filtre (test)');
    expect(inner.i18n.contentLang).to.equal('fr');
  });

  it('a locale arriving after the language changed again is not applied', async () => {
    const { loader, resolve } = deferredLoader();
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="fr"></locale-probe>`);
    el.lang = 'en-GB';
    await updated(el);
    expect(el.i18n.lang).to.equal('en-GB');

    resolve({ strings: fakeFrench() });
    await LocaleProbe.registry.load('fr');
    await el.updateComplete;
    expect(el.i18n.locale).to.equal('en');
    expect(probeText(el)).to.equal(en.thread.messageFilter);

    // Loaded now: asking for French again is immediate.
    el.lang = 'fr';
    await updated(el);
    expect(probeText(el)).to.equal('Filtre (test)');
  });

  it('an element disconnected while its locale loads picks it up when it comes back', async () => {
    const { loader, resolve } = deferredLoader();
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="fr"></locale-probe>`);
    const parent = el.parentElement!;
    el.remove();
    resolve({ strings: fakeFrench() });
    await LocaleProbe.registry.load('fr');
    parent.append(el);
    await el.updateComplete;
    expect(probeText(el)).to.equal('Filtre (test)');
  });

  it('a failed load warns once and stays in English, without retrying', async () => {
    const warn = sinon.stub(console, 'warn');
    const loader = sinon.spy((): Promise<{ strings: Strings }> =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(
      html`<div>
        <locale-probe lang="fr"></locale-probe>
        <locale-probe lang="fr-BE"></locale-probe>
      </div>`,
    );
    const [first, second] = el.querySelectorAll<LocaleProbe>('locale-probe');
    // Resolves (never rejects) once the load has failed.
    await LocaleProbe.registry.load('fr');
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(LocaleProbe.registry.state('fr')).to.equal('failed');
    expect(probeText(first)).to.equal(en.thread.messageFilter);
    expect(probeText(second)).to.equal(en.thread.messageFilter);
    expect(first.i18n.lang).to.equal('fr');
    expect(first.i18n.contentLang).to.equal('en');
    expect(second.i18n.contentLang).to.equal('en');

    // Switching away and back does not load again.
    first.lang = 'en';
    await updated(first);
    first.lang = 'fr';
    await updated(first);
    await LocaleProbe.registry.load('fr');
    await first.updateComplete;
    expect(probeText(first)).to.equal(en.thread.messageFilter);
    expect(loader.calledOnce).to.equal(true);
    expect(warn.calledOnce).to.equal(true);
    expect(String(warn.firstCall.args[0])).to.match(/"fr" strings could not be loaded; showing English/);
  });

  it('after a failed load, an explicit request (loadLocale) tries again and the waiting elements switch', async () => {
    sinon.stub(console, 'warn');
    const loader = sinon.stub<[], Promise<{ strings: Strings }>>();
    loader.onFirstCall().rejects(new TypeError('Failed to fetch dynamically imported module'));
    loader.resolves({ strings: fakeFrench() });
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="fr"></locale-probe>`);
    await LocaleProbe.registry.load('fr');
    await el.updateComplete;
    expect(LocaleProbe.registry.state('fr')).to.equal('failed');
    expect(probeText(el)).to.equal(en.thread.messageFilter);

    await LocaleProbe.registry.load('fr', { retry: true });
    await el.updateComplete;
    expect(loader.calledTwice).to.equal(true);
    expect(LocaleProbe.registry.state('fr')).to.equal('loaded');
    expect(probeText(el)).to.equal('Filtre (test)');
  });

  it('resolves a language to a supported locale; right-to-left languages mirror with English strings', async () => {
    expect(resolveLocale('fr-CA')).to.equal('fr');
    expect(resolveLocale('FR')).to.equal('fr');
    expect(resolveLocale('ar-EG')).to.equal('ar');
    expect(resolveLocale('he')).to.equal('en');
    expect(resolveLocale('toString')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('fr')).to.equal('ltr');
    // English and languages without a translation: nothing to load.
    const loader = sinon.spy((): Promise<{ strings: Strings }> => Promise.reject(new Error('must not load')));
    LocaleProbe.registry = createLocaleRegistry({ fr: loader });
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="he"></locale-probe>`);
    expect(el.i18n.dir).to.equal('rtl');
    expect(el.i18n.locale).to.equal('en');
    expect(el.i18n.contentLang).to.equal('en');
    expect(probeText(el)).to.equal(en.thread.messageFilter);
    // dir wins over the language's direction.
    el.dir = 'ltr';
    await updated(el);
    expect(el.i18n.dir).to.equal('ltr');
    await LocaleProbe.registry.load(LocaleProbe.registry.resolve('en-US'));
    expect(loader.called).to.equal(false);
  });

  it('the lazily loaded French strings implement every English key', async () => {
    await loadLocale('fr');
    const fr = locales.strings('fr');
    expect(fr).to.not.equal(undefined);
    const missing: string[] = [];
    const compare = (english: unknown, french: unknown, path: string) => {
      if (typeof english !== typeof french) missing.push(`${path}: ${typeof french} instead of ${typeof english}`);
      else if (typeof english === 'string' && !(french as string).trim()) missing.push(`${path}: empty`);
      else if (english && typeof english === 'object') {
        for (const key of Object.keys(english)) {
          compare(
            (english as Record<string, unknown>)[key],
            (french as Record<string, unknown>)[key],
            `${path}.${key}`,
          );
        }
      }
    };
    compare(en, fr, 't');
    expect(missing).to.deep.equal([]);
  });
});
