// Cross-element localization checks on the assembled desk: French leaves no English UI string
// behind, `lang` on <html> switches live, and right-to-left mirrors the whole layout. Arabic leaves
// no English behind either, and every element's content is right to left under lang="ar".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { setViewport } from '../browser-commands.js';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import { en, loadLocale } from '../../src/i18n/strings.js';
import { strings as fr } from '../../src/i18n/fr/index.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';

type Tree = { [key: string]: unknown };

function strings(tree: unknown, into = new Set<string>()): Set<string> {
  if (typeof tree === 'string') into.add(tree.trim());
  else if (tree && typeof tree === 'object') for (const value of Object.values(tree as Tree)) strings(value, into);
  return into;
}

/**
 * Static English UI strings that cannot appear in a French desk: not also a French string (`Agent`,
 * `Navigation`…) and not a value from the demo data shown (a browser named `Email`).
 */
function englishOnlyStrings(): Set<string> {
  const french = strings(fr);
  const data = strings(demoFixtures());
  return new Set([...strings(en)].filter((s) => s.length >= 3 && !french.has(s) && !data.has(s)));
}

/** Text nodes and user-facing attributes anywhere in the light and shadow trees under `root`. */
function visibleTexts(root: Node): string[] {
  const texts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
      return;
    }
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return texts;
}

/** What assistive technology names things with: labelling attributes and the text of controls and headings. */
function accessibleLabels(root: Node): string[] {
  const labels: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = node.getAttribute(name)?.trim();
        if (value) labels.push(value);
      }
      if (node.matches('button, a, label, option, h1, h2, h3, h4, [role="option"], [role="radio"], legend')) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        if (text) labels.push(text);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return labels;
}

function deepQueryAll(root: Node, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element || node instanceof ShadowRoot || node instanceof DocumentFragment) {
      if (node instanceof Element && node.matches(selector)) found.push(node);
      if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
      for (const child of Array.from(node.children)) visit(child);
    }
  };
  visit(root);
  return found;
}

function newStore(): DeskStore {
  const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync', agent: { id: 'a1', name: 'Alex Martin' } });
  store.focus('c-yuki');
  return store;
}

describe('localization across the desk', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  const stores: DeskStore[] = [];
  // The whole desk inside the window (the virtualized threads render only what is visible), and
  // the French strings loaded beforehand (test/i18n/locale-loading.test.ts covers loading them on demand).
  before(() => Promise.all([setViewport({ width: 1700, height: 1000 }), loadLocale('fr'), loadLocale('ar')]));
  afterEach(() => {
    for (const store of stores.splice(0)) store.destroy();
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
  });

  it('a French desk (four panes) shows no English UI string', async () => {
    const store = newStore();
    stores.push(store);
    const el = await fixture<ChatDesk>(
      html`<chat-desk
        lang="fr"
        layout="4"
        .store=${store}
        style="display:block;height:800px;width:1600px"
      ></chat-desk>`,
    );
    await el.updateComplete;
    const english = englishOnlyStrings();
    expect(english.size).to.be.greaterThan(50);
    const leftovers = [...new Set(visibleTexts(el).filter((text) => english.has(text)))];
    expect(leftovers, `English strings in the French desk: ${leftovers.join(' | ')}`).to.deep.equal([]);
  });

  it('follows lang on <html> live when the desk has none', async () => {
    const store = newStore();
    stores.push(store);
    const el = await fixture<ChatDesk>(
      html`<chat-desk .store=${store} style="display:block;height:700px;width:1400px"></chat-desk>`,
    );
    await el.updateComplete;
    const layout = () => el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label');
    expect(layout()).to.equal(en.desk.splitScreen);
    document.documentElement.lang = 'fr';
    await el.updateComplete;
    expect(layout()).to.equal(fr.desk.splitScreen);
  });

  it('mirrors the layout right to left: columns and visitor/agent sides swap', async () => {
    const positions = async (attributes: { dir?: string; lang?: string }) => {
      const store = newStore();
      stores.push(store);
      const el = await fixture<ChatDesk>(
        html`<chat-desk
          lang=${attributes.lang ?? 'en'}
          dir=${attributes.dir ?? 'ltr'}
          .store=${store}
          style="display:block;height:700px;width:1400px"
        ></chat-desk>`,
      );
      await el.updateComplete;
      // The thread is virtualized: rows appear once it has measured itself.
      await waitUntil(() => deepQueryAll(el, '[part~="bubble"]').length > 0, 'no message bubbles rendered', {
        timeout: 5000,
      });
      const left = (selector: string, text?: string) => {
        const candidates = deepQueryAll(el, selector).filter((node) => !text || node.textContent?.includes(text));
        expect(candidates, `${selector} ${text ?? ''}`).to.not.be.empty;
        return candidates[0].getBoundingClientRect().left;
      };
      return {
        stateBox: left('state-box'),
        visitorPanel: left('visitor-panel'),
        visitorBubble: left('[part~="bubble"]', 'Dear support'),
        agentBubble: left('[part~="bubble"]', 'opened an investigation'),
      };
    };
    const ltr = await positions({});
    expect(ltr.stateBox).to.be.lessThan(ltr.visitorPanel);
    expect(ltr.visitorBubble).to.be.lessThan(ltr.agentBubble);

    const rtl = await positions({ dir: 'rtl', lang: 'ar' });
    expect(rtl.stateBox).to.be.greaterThan(rtl.visitorPanel);
    expect(rtl.visitorBubble).to.be.greaterThan(rtl.agentBubble);
  });

  it('an Arabic desk (four panes) has no Latin-script word in its names and labels, except data', async () => {
    const store = newStore();
    stores.push(store);
    const el = await fixture<ChatDesk>(
      html`<chat-desk
        lang="ar"
        layout="4"
        .store=${store}
        style="display:block;height:800px;width:1600px"
      ></chat-desk>`,
    );
    await el.updateComplete;
    // Data (names, messages, pages, browsers…) is shown as given; take it out of each label first.
    // Whole values only (a language code "en" must not hide part of an English word).
    const data = [...strings(demoFixtures())]
      .filter((s) => s.length >= 2)
      .sort((a, b) => b.length - a.length)
      .map((value) => new RegExp(`(?<!\\p{L})${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'gu'));
    const withoutData = (text: string) => data.reduce((rest, value) => rest.replace(value, ' '), text);
    const names = accessibleLabels(el);
    expect(names.length).to.be.greaterThan(50);
    const latin = [...new Set(names.map(withoutData).filter((text) => /[A-Za-z]{2,}/.test(text)))];
    expect(latin, `Latin script in the Arabic desk: ${latin.join(' | ')}`).to.deep.equal([]);
  });

  it('under lang="ar", every desk element renders its content right to left, in Arabic', async () => {
    const store = newStore();
    stores.push(store);
    const el = await fixture<ChatDesk>(
      html`<chat-desk
        lang="ar"
        layout="2"
        .store=${store}
        style="display:block;height:700px;width:1400px"
      ></chat-desk>`,
    );
    await el.updateComplete;
    const elements = [el, ...deepQueryAll(el, 'state-box, chat-box, message-filter, compose-area, visitor-panel')];
    expect(new Set(elements.map((element) => element.localName)).size).to.equal(6);
    // A row's preview takes the direction of the English message, not of the Arabic "أنت: " around it.
    const preview = deepQueryAll(el, '[part~="preview"]').find((node) => node.textContent?.includes('Dear Yuki'));
    expect(preview?.textContent).to.match(/^أنت: Dear Yuki/);
    expect(preview?.getAttribute('dir')).to.equal('ltr');
    for (const element of elements) {
      const content = element.shadowRoot!.firstElementChild!;
      expect([element.localName, content.getAttribute('dir'), content.getAttribute('lang')]).to.deep.equal([
        element.localName,
        'rtl',
        'ar',
      ]);
    }
  });

  it('a desk in a language without a translation marks its English content lang="en"', async () => {
    const store = newStore();
    stores.push(store);
    const el = await fixture<ChatDesk>(
      html`<chat-desk lang="de" .store=${store} style="display:block;height:700px;width:1400px"></chat-desk>`,
    );
    await el.updateComplete;
    const elements = [el, ...deepQueryAll(el, 'state-box, chat-box, compose-area, visitor-panel')];
    for (const element of elements) {
      expect([element.localName, element.shadowRoot!.firstElementChild!.getAttribute('lang')]).to.deep.equal([
        element.localName,
        'en',
      ]);
    }
  });
});
