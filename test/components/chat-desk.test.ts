import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys, setViewport } from '../browser-commands.js';
import '../../src/define.js';
import type { ChatBox } from '../../src/components/chat-box/chat-box.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import type { DeskConversationSelectEvent } from '../../src/events.js';
import type { Layout, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';
import { ANNOUNCER_SELECTOR, lastAnnouncement } from '../../src/components/shared/announcer.js';

const STORAGE_KEY = 'agent-desk:layout';

function setup() {
  const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

async function mount(store: DeskStore, layout?: Layout, width = 1400, lang = 'en') {
  const el = await fixture<ChatDesk>(
    layout
      ? html`<chat-desk
          .store=${store}
          layout=${layout}
          lang=${lang}
          style="height: 760px; width: ${width}px"
        ></chat-desk>`
      : html`<chat-desk .store=${store} lang=${lang} style="height: 760px; width: ${width}px"></chat-desk>`,
  );
  await el.updateComplete;
  return el;
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepAll<T>(element.shadowRoot, selector));
  }
  return found;
}

function panes(el: ChatDesk): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="pane"]')];
}

/** A radio's accessible name: its label's text without the parts hidden from assistive technology. */
function radioName(input: HTMLInputElement): string {
  const label = input.closest('label')!.cloneNode(true) as Element;
  label.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return label.textContent!.replace(/\s+/g, ' ').trim();
}

/** The split-screen radio whose name starts with `digit` ("2" → "2 side by side"). */
function radio(el: ChatDesk, digit: string): HTMLInputElement {
  const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
  const input = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((candidate) =>
    radioName(candidate).startsWith(`${digit} `),
  );
  if (!input) throw new Error(`no radio ${digit}`);
  return input;
}

function toggle(el: ChatDesk, name: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => {
    const clone = button.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return clone.textContent!.trim() === name;
  });
}

/** Index of the pane holding DOM focus (through shadow roots), or -1. */
function focusedPaneIndex(el: ChatDesk): number {
  const active = el.shadowRoot!.activeElement;
  return panes(el).findIndex((pane) => !!active && (pane === active || pane.contains(active)));
}

/** The text box named "Message" of the composer(s) on screen. */
function messageBoxes(el: ChatDesk): HTMLTextAreaElement[] {
  return deepAll<HTMLTextAreaElement>(el.shadowRoot!, 'textarea').filter(
    (box) => box.getAttribute('aria-label') === 'Message',
  );
}

describe('<chat-desk>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  // The threads are virtualized; the virtualizer's benign ResizeObserver loop notices are not failures.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => localStorage.removeItem(STORAGE_KEY));
  // Drafts are kept in sessionStorage across reloads: each test starts without the previous one's.
  afterEach(() => sessionStorage.clear());

  it('with demo, builds and provides a store and renders the desk columns', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk demo style="height: 600px; width: 1400px"></chat-desk>`);
    // The demo data is its own chunk, fetched on first use.
    await waitUntil(() => el.activeStore, 'the demo store arrives');
    el.activeStore!.flush();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('state-box')).to.exist;
    expect(root.querySelector('visitor-panel')).to.exist;
    expect(root.querySelectorAll('chat-box')).to.have.length(1);
    expect(root.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Split screen');
    // Names that say what they do, without a tooltip repeating them.
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map(radioName)).to.deep.equal(['1 conversation', '2 side by side', '4 in a grid']);
    expect(radios.some((input) => input.closest('[title]'))).to.equal(false);
    await el.updateComplete;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the agent’s availability per channel in its toolbar, on the toolbar’s one line', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk demo style="height: 600px; width: 1400px"></chat-desk>`);
    await waitUntil(() => el.activeStore, 'the demo store arrives');
    el.activeStore!.flush();
    await el.updateComplete;
    const toolbar = el.shadowRoot!.querySelector<HTMLElement>('[part="toolbar"]')!;
    const status = toolbar.querySelector('agent-status')!;
    await status.updateComplete;
    const group = status.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Alex Martin’s availability');
    const button = status.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
    expect(button.textContent!.trim()).to.equal('Availability');
    // WhatsApp is at its limit in the demo data: Busy, with the reason, in the chip's accessible text.
    const chips = [...status.shadowRoot!.querySelectorAll('[part="summary"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(chips).to.include('– WhatsApp 1/1 Busy, Limit reached (1/1)');
    expect(toolbar.getBoundingClientRect().height).to.be.below(60);
  });

  it('without a store renders an accessible placeholder', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk></chat-desk>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('not connected');
  });

  for (const layout of [1, 2, 4] as const) {
    it(`layout ${layout}: ${layout} thread(s), exactly one "Message" composer in the focused pane, accessible`, async () => {
      const { store } = setup();
      const el = await mount(store, layout);
      await el.updateComplete;
      expect(store.state.layout).to.equal(layout);
      expect(panes(el)).to.have.length(layout);
      expect(deepAll(el.shadowRoot!, '[role="log"]')).to.have.length(layout);
      const composers = el.shadowRoot!.querySelectorAll('compose-area');
      expect(composers).to.have.length(1);
      expect(composers[0].closest('[part="pane"]')!.hasAttribute('data-focused')).to.equal(true);
      expect(messageBoxes(el)).to.have.length(1);
      // Each pane is named after its visitor.
      expect(panes(el)[0].getAttribute('aria-label')).to.equal('Pane 1: Yuki Tanaka');
      expect(radio(el, String(layout)).checked).to.equal(true);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('the "Split screen" radios set the layout in the store, `layout` reads it, and the choice is remembered', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(['1', '2', '4'].map((name) => radio(el, name).checked)).to.deep.equal([true, false, false]);
    const changed = oneEvent(el, 'desk-layout-change');
    radio(el, '2').click();
    expect((await changed).detail).to.deep.equal({ layout: 2 });
    await el.updateComplete;
    expect(store.state.layout).to.equal(2);
    expect(el.layout).to.equal(2);
    expect(panes(el)).to.have.length(2);
    expect(localStorage.getItem(STORAGE_KEY)).to.equal('2');
    // The store holds the layout: store.setLayout shows in the property and the radios.
    store.setLayout(4);
    await el.updateComplete;
    expect(el.layout).to.equal(4);
    expect(radio(el, '4').checked).to.equal(true);
    // The attribute asks the store for a layout; removing it asks for the default (1).
    el.setAttribute('layout', '2');
    await el.updateComplete;
    expect(store.state.layout).to.equal(2);
    el.removeAttribute('layout');
    await el.updateComplete;
    expect(el.layout).to.equal(1);
    expect(store.state.layout).to.equal(1);
  });

  it('restores the saved layout without a layout attribute; an explicit attribute wins', async () => {
    localStorage.setItem(STORAGE_KEY, '4');
    const restored = await mount(setup().store);
    expect(restored.layout).to.equal(4);
    expect(panes(restored)).to.have.length(4);
    const explicit = await mount(setup().store, 2);
    expect(explicit.layout).to.equal(2);
    radio(explicit, '1').click();
    await explicit.updateComplete;
    expect(explicit.layout).to.equal(1);
    expect(localStorage.getItem(STORAGE_KEY)).to.equal('4');
  });

  it("without a layout attribute or saved choice, takes the store's layout; a new store gets the desk's", async () => {
    const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
    const store = new DeskStore({ transport, batching: 'sync', layout: 2 });
    const el = await mount(store);
    expect(el.layout).to.equal(2);
    expect(panes(el)).to.have.length(2);
    const other = setup().store;
    el.store = other;
    await el.updateComplete;
    expect(other.state.layout).to.equal(2);
    expect(el.layout).to.equal(2);
  });

  it('clicking a pane focuses it and moves the composer there', async () => {
    const { store } = setup();
    const el = await mount(store, 2);
    const second = panes(el)[1];
    second.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(store.state.focusedPane).to.equal(1);
    expect(second.hasAttribute('data-focused')).to.equal(true);
    expect(second.querySelector('compose-area')).to.exist;
    expect(el.shadowRoot!.querySelectorAll('compose-area')).to.have.length(1);
  });

  it('F6 / Shift+F6 cycle the regions: list, each pane (thread, composer), visitor panel, and back', async () => {
    const { store } = setup();
    const el = await mount(store, 2);
    await el.updateComplete;
    const where = () => {
      const active = el.shadowRoot!.activeElement;
      if (!active) return 'nowhere';
      if (active.localName === 'state-box' || active.closest('#sidebar')) return 'list';
      if (active.id === 'info') return 'visitor panel';
      const pane = focusedPaneIndex(el) + 1;
      if (active.localName === 'compose-area') return `composer ${pane}`;
      const deep = active.shadowRoot?.activeElement;
      // The log, or the message it puts focus on (its items).
      return deep?.closest('[role="log"]') ? `thread ${pane}` : `pane ${pane}`;
    };
    el.shadowRoot!.querySelector<HTMLElement>('state-box')!.focus();
    const forward = [];
    for (let i = 0; i < 6; i += 1) {
      await sendKeys({ press: 'F6' });
      await el.updateComplete;
      forward.push(where());
    }
    expect(forward).to.deep.equal(['thread 1', 'composer 1', 'thread 2', 'composer 2', 'visitor panel', 'list']);
    // The composer follows the pane focus moved into.
    expect(store.state.focusedPane).to.equal(1);
    const backward = [];
    for (let i = 0; i < 3; i += 1) {
      await sendKeys({ press: 'Shift+F6' });
      await el.updateComplete;
      backward.push(where());
    }
    expect(backward).to.deep.equal(['visitor panel', 'composer 2', 'thread 2']);
  });

  it('F6 skips a drawer that is closed on a narrow desk', async () => {
    const { store } = setup();
    const el = await mount(store, 1, 800);
    await waitUntil(() => toggle(el, 'Conversations'), 'drawer toggles appear');
    messageBoxes(el)[0].focus();
    await sendKeys({ press: 'F6' });
    await el.updateComplete;
    // Past the composer: the visitor panel and the list are closed drawers, so the thread again.
    expect(el.shadowRoot!.activeElement?.localName).to.equal('chat-box');
  });

  it('"Keyboard shortcuts" (button, or ? outside a text box) lists every shortcut; focus comes back', async () => {
    const { store } = setup();
    const el = await mount(store, 1);
    const root = el.shadowRoot!;
    const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
      candidate.textContent!.replace(/\s+/g, ' ').includes('Keyboard shortcuts'),
    )!;
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    button.focus();
    await sendKeys({ press: 'Enter' });
    // Loaded on first use: the dialog opens once it is there.
    const shortcuts = () => root.querySelector<HTMLDialogElement>('dialog[aria-labelledby="shortcuts-title"]');
    await waitUntil(() => shortcuts()?.open, 'the shortcuts dialog opens');
    const dialog = shortcuts()!;
    expect(root.activeElement?.textContent?.trim(), 'focus on Close').to.equal('Close');
    // Its own rules came with it, after the shared dialog rules: the title starts the row, Close ends it.
    const title = root.getElementById('shortcuts-title')!.getBoundingClientRect();
    expect(title.left - dialog.getBoundingClientRect().left).to.be.below(40);
    expect(root.getElementById('shortcuts-title')!.textContent).to.equal('Keyboard shortcuts');
    const keys = [...dialog.querySelectorAll('kbd')].map((kbd) => kbd.textContent);
    for (const key of ['F6 / Shift+F6', 'Alt+↓ / Alt+↑', '?', 'Shift+Enter', 'Ctrl+C', 'Enter', '/']) {
      expect(keys, key).to.include(key);
    }
    await expect(el).shadowDom.to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(root.activeElement).to.equal(button);
    // "?" typed in the message box is a character…
    messageBoxes(el)[0].focus();
    await sendKeys({ type: '?' });
    expect(dialog.open).to.equal(false);
    expect(messageBoxes(el)[0].value).to.equal('?');
    // …and anywhere else it opens the help, from the conversation list too.
    el.shadowRoot!.querySelector<HTMLElement>('state-box')!.focus();
    await sendKeys({ type: '?' });
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(root.activeElement?.localName).to.equal('state-box');
  });

  it("heading-level sets the level of the desk's headings; sub-headings nest below it", async () => {
    const { store } = setup();
    const el = await mount(store, 1);
    // Outside dialogs (a modal dialog's title starts an outline of its own).
    const deep = (selector: string) =>
      deepAll<HTMLElement>(el.shadowRoot!, selector)
        .filter((heading) => !heading.closest('dialog'))
        .map((heading) => heading.textContent!.trim());
    expect(deep('h2')).to.include.members(['Ongoing conversations']);
    expect(deep('h3')).to.include.members(['Source', 'Navigation', 'Profile']);
    el.headingLevel = 3;
    await el.updateComplete;
    expect(deep('h3')).to.include.members(['Ongoing conversations']);
    expect(deep('h4')).to.include.members(['Source', 'Navigation']);
    expect(deep('h2')).to.deep.equal([]);
  });

  it('Alt+ArrowDown / Alt+ArrowUp switch conversation from anywhere in the desk, after desk-conversation-select', async () => {
    const { store } = setup();
    const el = await mount(store);
    // In the state box's order: oldest conversation first here.
    el.sort = 'oldest';
    await el.updateComplete;
    expect(store.state.sort).to.equal('oldest');
    const seen: { id: string; focusedThen: string | null }[] = [];
    el.addEventListener('desk-conversation-select', (event: DeskConversationSelectEvent) =>
      seen.push({ id: event.detail.conversationId, focusedThen: store.focusedId }),
    );
    messageBoxes(el)[0].focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    expect(store.focusedId).to.equal('c-sofia');
    expect(seen).to.deep.equal([{ id: 'c-sofia', focusedThen: 'c-yuki' }]);
    await sendKeys({ press: 'Alt+ArrowUp' });
    await sendKeys({ press: 'Alt+ArrowUp' });
    // Wraps around to the last conversation.
    expect(store.focusedId).to.equal('c-4821');
    expect(seen).to.have.length(3);
  });

  it('a prevented desk-conversation-select keeps the conversation', async () => {
    const { store } = setup();
    const el = await mount(store);
    el.addEventListener('desk-conversation-select', (event) => event.preventDefault());
    panes(el)[0].focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    expect(store.focusedId).to.equal('c-yuki');
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    list.querySelector<HTMLElement>('[data-id="c-emma"]')!.click();
    expect(store.focusedId).to.equal('c-yuki');
  });

  it('selecting a conversation already on screen brings its pane forward', async () => {
    const { store } = setup();
    const el = await mount(store, 2);
    const shown = store.state.panes[1]!;
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    list.querySelector<HTMLElement>(`[data-id="${shown}"]`)!.click();
    await el.updateComplete;
    expect(store.state.focusedPane).to.equal(1);
    expect(panes(el)[1].querySelector('compose-area')).to.exist;
    // A conversation not on screen goes into the focused pane.
    list.querySelector<HTMLElement>('[data-id="c-noah"]')!.click();
    await el.updateComplete;
    expect(store.state.panes[1]).to.equal('c-noah');
  });

  it('keeps drafts per conversation when switching conversations and layouts', async () => {
    const { store } = setup();
    const el = await mount(store);
    await el.updateComplete;
    messageBoxes(el)[0].focus();
    await sendKeys({ type: 'Draft for Yuki' });
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    expect(store.focusedId).to.equal('c-sofia');
    expect(messageBoxes(el)[0].value).to.equal('');
    await sendKeys({ type: 'Draft for Sofia' });
    await sendKeys({ press: 'Alt+ArrowUp' });
    await el.updateComplete;
    expect(messageBoxes(el)[0].value).to.equal('Draft for Yuki');
    radio(el, '2').click();
    await el.updateComplete;
    store.focusPane(1);
    await el.updateComplete;
    expect(store.focusedId).to.equal('c-sofia');
    expect(messageBoxes(el)[0].value).to.equal('Draft for Sofia');
    expect(store.state.drafts.get('c-yuki')).to.equal('Draft for Yuki');
  });

  it('on a narrow desk, the list and the visitor panel are drawers; Escape closes and returns focus', async () => {
    const { store } = setup();
    const el = await mount(store, 1, 1400);
    expect(toggle(el, 'Conversations')).to.equal(undefined);
    el.style.width = '800px';
    await waitUntil(() => toggle(el, 'Conversations'), 'drawer toggles appear');
    const sidebar = el.shadowRoot!.querySelector<HTMLElement>('[part="sidebar"]')!;
    const info = el.shadowRoot!.querySelector<HTMLElement>('[part="info"]')!;
    const conversations = toggle(el, 'Conversations')!;
    const visitor = toggle(el, 'Visitor information')!;
    expect(sidebar.hidden && info.hidden).to.equal(true);
    expect(conversations.getAttribute('aria-expanded')).to.equal('false');
    expect(conversations.getAttribute('aria-controls')).to.equal(sidebar.id);
    // The toggle tells how many visitors wait for a reply (its description, not its name).
    const waiting = store.state.conversations.size && deepAll(el.shadowRoot!, '[data-waiting]').length;
    expect(waiting).to.be.greaterThan(0);
    const description = el.shadowRoot!.getElementById(conversations.getAttribute('aria-describedby')!)!;
    expect(description.textContent).to.equal(`${waiting} conversations waiting for your reply`);
    await el.updateComplete;
    await expect(el).shadowDom.to.be.accessible();

    conversations.click();
    await el.updateComplete;
    expect(conversations.getAttribute('aria-expanded')).to.equal('true');
    expect(sidebar.hidden).to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'STATE-BOX', 'focus moves into the list');
    await el.updateComplete;
    await expect(el).shadowDom.to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(sidebar.hidden).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === conversations, 'focus back on the toggle');

    visitor.click();
    await el.updateComplete;
    expect(info.hidden).to.equal(false);
    expect(sidebar.hidden).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(info.hidden).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === visitor, 'focus back on its toggle');

    // Focus leaving the open drawer for the panes closes it.
    conversations.click();
    await el.updateComplete;
    expect(sidebar.hidden).to.equal(false);
    panes(el)[0].focus();
    await el.updateComplete;
    expect(sidebar.hidden).to.equal(true);
    expect(conversations.getAttribute('aria-expanded')).to.equal('false');

    // Picking a conversation in the drawer closes it and shows the conversation.
    conversations.click();
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    list.querySelector<HTMLElement>('[data-id="c-emma"]')!.click();
    await waitUntil(() => sidebar.hidden, 'drawer closes after a selection');
    expect(store.focusedId).to.equal('c-emma');

    // Wide again: both columns back, no toggles.
    el.style.width = '1200px';
    await waitUntil(() => !toggle(el, 'Conversations'), 'toggles go away');
    expect(sidebar.hidden || info.hidden).to.equal(false);
  });

  it('Escape in a dialog inside a drawer closes the dialog, not the drawer', async () => {
    const { store } = setup();
    const el = await mount(store, 1, 800);
    await waitUntil(() => toggle(el, 'Visitor information'), 'drawer toggles appear');
    toggle(el, 'Visitor information')!.click();
    await el.updateComplete;
    const info = el.shadowRoot!.querySelector<HTMLElement>('[part="info"]')!;
    const panel = el.shadowRoot!.querySelector('visitor-panel')!;
    const block = deepAll<HTMLButtonElement>(panel.shadowRoot!, 'button').find(
      (b) => b.textContent!.trim() === 'Block visitor',
    )!;
    block.click();
    const openDialogs = () => deepAll<HTMLDialogElement>(panel.shadowRoot!, 'dialog').filter((d) => d.open);
    await waitUntil(() => openDialogs().length === 1, 'confirmation opens');
    await sendKeys({ press: 'Escape' });
    await waitUntil(
      () => !deepAll<HTMLDialogElement>(panel.shadowRoot!, 'dialog').some((d) => d.open),
      'dialog closes',
    );
    await el.updateComplete;
    expect(info.hidden).to.equal(false);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(info.hidden).to.equal(true);
  });

  it('announces new conversations politely while the list is in a closed drawer', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 1, 800);
    await waitUntil(() => toggle(el, 'Conversations'), 'drawer toggles appear');
    document.querySelector(ANNOUNCER_SELECTOR)?.remove();
    transport.emit({ type: 'visitor.updated', visitor: { id: 'v-new', name: 'Zoé Petit' } });
    transport.emit({
      type: 'conversation.upserted',
      conversation: {
        id: 'c-new',
        visitorId: 'v-new',
        channel: 'sms',
        status: 'ongoing',
        startedAt: new Date().toISOString(),
      },
    });
    // Said once, by the list in the closed drawer, through the desk's announcer.
    await waitUntil(() => lastAnnouncement() !== '', 'announced');
    // Other news of the same moment (the agent's channel reaching its limit) is said with it.
    expect(lastAnnouncement().split('New conversation from Zoé Petit (SMS)')).to.have.length(2);
  });

  it('stacks split panes on a very narrow desk, side by side otherwise', async () => {
    const { store } = setup();
    const el = await mount(store, 2, 1400);
    const [first, second] = panes(el);
    expect(second.getBoundingClientRect().top).to.equal(first.getBoundingClientRect().top);
    expect(second.getBoundingClientRect().left).to.be.greaterThan(first.getBoundingClientRect().right - 1);
    el.style.width = '600px';
    await waitUntil(() => second.getBoundingClientRect().top > first.getBoundingClientRect().bottom - 1, 'panes stack');
    expect(second.getBoundingClientRect().left).to.equal(first.getBoundingClientRect().left);
  });

  it('in a short 4-pane desk, each thread fits its pane: the end of its newest message in view, above the composer', async () => {
    const { store } = setup();
    const el = await mount(store, 4, 1400);
    el.style.height = '560px';
    const fits = () =>
      panes(el).every((pane) => {
        const box = pane.querySelector<ChatBox>('chat-box');
        const log = box?.shadowRoot?.querySelector('[role="log"]');
        const items = [...(log?.querySelectorAll<HTMLElement>('[role="article"]') ?? [])];
        if (!box || !log || items.length === 0) return false;
        const newest = items.reduce((a, b) => (Number(b.ariaPosInSet) > Number(a.ariaPosInSet) ? b : a));
        const shown = log.getBoundingClientRect();
        const composer = pane.querySelector('compose-area')?.getBoundingClientRect();
        const item = newest.getBoundingClientRect();
        return (
          shown.bottom <= box.getBoundingClientRect().bottom + 1 &&
          (!composer || shown.bottom <= composer.top + 1) &&
          item.bottom > shown.top &&
          item.bottom <= shown.bottom + 1
        );
      });
    // (Before, the virtualizer's own 150 px minimum made the focused pane's log overflow under its composer.)
    await waitUntil(fits, 'the end of every newest message in view, no log under a composer', { timeout: 5000 });
  });

  it('on a narrow desk whose stacked panes scroll, the pane the agent turns to shows its composer', async () => {
    const { store } = setup();
    const el = await mount(store, 4, 600);
    el.style.height = '400px';
    await waitUntil(() => panes(el)[3].getBoundingClientRect().top > 400, 'the last pane is below the fold');
    store.focusPane(3);
    const composer = () => panes(el)[3].querySelector('compose-area');
    await waitUntil(() => {
      const box = composer()?.getBoundingClientRect();
      return !!box && box.height > 0 && box.bottom <= el.getBoundingClientRect().bottom + 1 && box.top >= 0;
    }, "the fourth pane's composer scrolled into view");
  });

  it('shows the connection state in a banner and says it through the desk announcer', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    const banner = el.shadowRoot!.querySelector('[part="connection"]')!;
    expect(banner.textContent!.trim()).to.equal('');
    expect(banner.getBoundingClientRect().height).to.equal(0);
    transport.setOnline(false);
    await el.updateComplete;
    expect(banner.textContent).to.contain('Offline');
    await waitUntil(() => lastAnnouncement().startsWith('Offline'), 'offline announced');
    expect(banner.getBoundingClientRect().height).to.be.greaterThan(0);
    transport.setOnline(true);
    await el.updateComplete;
    expect(banner.textContent!.trim()).to.equal('');
    expect(banner.getBoundingClientRect().height).to.equal(0);
  });

  it('speaks French with lang="fr"', async () => {
    const { store } = setup();
    const el = await mount(store, 2, 800, 'fr');
    await waitUntil(() => toggle(el, 'Conversations'), 'drawer toggles appear');
    expect(el.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Écran partagé');
    expect(toggle(el, 'Informations visiteur')).to.exist;
    expect(panes(el)[0].getAttribute('aria-label')).to.equal('Volet 1 : Yuki Tanaka');
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    expect(list.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Conversations en cours');
  });

  it("hands its composer settings (canned answers, offers, uploader, limits) to the focused pane's composer", async () => {
    const { store } = setup();
    const el = await mount(store, 2);
    const composerButton = (name: string) =>
      deepAll<HTMLButtonElement>(el.shadowRoot!, 'compose-area').flatMap((composer) =>
        [...composer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].filter(
          (button) => button.getAttribute('aria-label') === name,
        ),
      );
    expect(composerButton('Attach a file')).to.have.length(0);
    expect(composerButton('Send an offer')).to.have.length(0);

    const uploader = async () => ({ url: 'https://files.example.com/a.pdf' });
    el.cannedAnswers = [{ id: 'hi', title: 'Hello', text: 'Hello {visitor.name}', scope: 'shared' }];
    el.offers = [{ id: 'o1', title: '10% off' }];
    el.uploader = uploader;
    el.maxFileSize = 1024;
    el.accept = 'image/*';
    await el.updateComplete;
    const composer = el.shadowRoot!.querySelector('compose-area')!;
    await composer.updateComplete;
    expect(composer.cannedAnswers.map((answer) => answer.id)).to.deep.equal(['hi']);
    expect(composer.uploader).to.equal(uploader);
    expect(composer.maxFileSize).to.equal(1024);
    expect(composer.accept).to.equal('image/*');
    expect(composerButton('Attach a file')).to.have.length(1);
    expect(composerButton('Send an offer')).to.have.length(1);

    // The composer follows focus to the other pane with the same settings.
    store.focusPane(1);
    await el.updateComplete;
    const moved = el.shadowRoot!.querySelectorAll('compose-area');
    expect(moved).to.have.length(1);
    await moved[0].updateComplete;
    expect(moved[0].offers.map((offer) => offer.id)).to.deep.equal(['o1']);
  });
  it('opening a past (closed) conversation from the visitor history adds no row to "Ongoing conversations"', async () => {
    const { store } = setup();
    const el = await mount(store, 1);
    store.focus('c-emma');
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    const ids = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')].map((option) => option.dataset.id);
    const before = ids();
    const entry = deepAll<HTMLButtonElement>(el.shadowRoot!, 'button[part="history-entry"]')[0];
    entry.click();
    await el.updateComplete;
    // Shown in Emma's thread, above her current conversation: that one stays focused.
    expect(store.focusedId).to.equal('c-emma');
    expect(ids()).to.deep.equal(before);
    expect(list.textContent).not.to.contain('Closed');
    expect(list.querySelector('.count')!.textContent).to.contain(`${before.length} conversations`);
  });

  it('says "Offline" once: the desk banner, not again in the composer', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 2);
    transport.setOnline(false);
    await el.updateComplete;
    const composer = el.shadowRoot!.querySelector('compose-area')!;
    expect(el.shadowRoot!.querySelector('[part="connection"]')!.textContent).to.contain('Offline');
    expect(composer.shadowRoot!.textContent).not.to.contain('Offline');
    const offline = deepAll(el.shadowRoot!, '*').filter((node) =>
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes('Offline')),
    );
    expect(offline).to.have.length(1);
  });

  it('switching panes during an upload: it goes on, and back in its pane it shows (progress, Cancel) and completes into the thread', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 2);
    let upload: { signal: AbortSignal; onProgress: (fraction: number) => void; resolve: () => void } | undefined;
    el.uploader = (_file, { signal, onProgress }) =>
      new Promise((resolve) => {
        upload = { signal, onProgress, resolve: () => resolve({ url: 'https://files.example.com/invoice.pdf' }) };
      });
    await el.updateComplete;
    const composerIn = (index: number) => panes(el)[index].querySelector('compose-area')!;
    const named = (composer: Element, name: string) =>
      composer.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
    const first = composerIn(0);
    const conversationId = store.state.panes[0]!;
    await first.attachFiles([new File(['%PDF'], 'invoice.pdf', { type: 'application/pdf' })]);
    upload!.onProgress(0.3);
    await el.updateComplete;
    expect(first.shadowRoot!.querySelector('[part="attachment"]')).to.exist;

    panes(el)[1].dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await el.updateComplete;
    expect(panes(el)[0].querySelector('compose-area')).to.be.null;
    expect(composerIn(1).shadowRoot!.querySelector('[part="attachment"]')).to.be.null;
    expect(upload!.signal.aborted).to.be.false;
    upload!.onProgress(0.6);

    panes(el)[0].dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await el.updateComplete;
    const back = composerIn(0);
    expect(back).to.not.equal(first);
    expect(
      back.shadowRoot!.querySelector<HTMLProgressElement>('progress[aria-label="Upload progress"]')!.value,
    ).to.equal(60);
    expect(named(back, 'Cancel upload')).to.exist;
    upload!.resolve();
    await waitUntil(() => !back.shadowRoot!.querySelector('progress'), 'upload done');
    named(back, 'Send')!.click();
    await el.updateComplete;
    const sent = transport.sent.filter((command) => command.type === 'send');
    expect(sent.map((command) => command.type === 'send' && command.content)).to.deep.equal([
      {
        kind: 'file',
        name: 'invoice.pdf',
        url: 'https://files.example.com/invoice.pdf',
        size: 4,
        mimeType: 'application/pdf',
      },
    ]);
    const thread = store.state.threads.get(conversationId)!.messages;
    expect(thread.at(-1)).to.include({ kind: 'file', name: 'invoice.pdf', author: 'agent' });
  });
});

describe('<chat-desk> threads follow new messages (issue 22)', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => localStorage.removeItem(STORAGE_KEY));
  // The next files start from the runner's usual window (a 1500 px WebKit window froze a later one).
  after(() => setViewport({ width: 800, height: 600 }));

  const ONGOING = ['c-emma', 'c-liam', 'c-sofia', 'c-noah', 'c-4821', 'c-yuki', 'c-amara'];
  let serial = 0;

  /** The demo desk with long threads (every pane scrolls), as after a long session. */
  function longSession() {
    const fixtures = demoFixtures();
    for (const id of ONGOING) {
      for (let i = 0; i < 60; i += 1) {
        fixtures.messages.push({
          id: `${id}-old-${i}`,
          conversationId: id,
          author: i % 3 === 0 ? 'agent' : 'visitor',
          at: new Date(Date.now() - (120 - i) * 30_000).toISOString(),
          kind: 'text',
          text: `Earlier message ${i} ${'lorem ipsum '.repeat(i % 7)}`,
        } as Message);
      }
    }
    const transport = new MemoryTransport({ fixtures, simulate: false });
    const store = new DeskStore({ transport, batching: 'sync' });
    return { transport, store };
  }

  /** A visitor message to each of `ids` ("messages every second"). */
  function arrive(transport: MemoryTransport, ids: readonly string[]): void {
    for (const conversationId of ids) {
      serial += 1;
      transport.emit({
        type: 'message.added',
        message: {
          id: `live-${serial}`,
          conversationId,
          author: 'visitor',
          at: new Date().toISOString(),
          kind: 'text',
          text: `Live message ${serial}`,
        },
      });
    }
  }

  /**
   * Frame after frame for `frames` frames, visitors type (a growing preview) and write, in turn in
   * every ongoing conversation: arrivals while a change is being laid out.
   */
  async function liveTraffic(transport: MemoryTransport, frames: number): Promise<void> {
    for (let frame = 0; frame < frames; frame += 1) {
      const conversationId = ONGOING[frame % ONGOING.length];
      const phase = Math.floor(frame / ONGOING.length) % 3;
      if (phase < 2) {
        const preview = 'I would like to know whether '.repeat(phase + 1);
        transport.emit({ type: 'visitor.typing', conversationId, typing: true, preview });
      } else {
        transport.emit({ type: 'visitor.typing', conversationId, typing: false });
        arrive(transport, [conversationId]);
      }
      if (frame % 5 === 0) {
        transport.emit({
          type: 'visitor.navigated',
          visitorId: `v-${conversationId.slice(2)}`,
          url: `https://shop.example.com/page-${frame}`,
          title: `Page ${frame}`,
          at: new Date().toISOString(),
        });
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    for (const conversationId of ONGOING) transport.emit({ type: 'visitor.typing', conversationId, typing: false });
  }

  function chatBoxes(el: ChatDesk): ChatBox[] {
    return panes(el).map((pane) => pane.querySelector<ChatBox>('chat-box')!);
  }

  /** Scroll offsets and heights of every log, to know when they have stopped moving. */
  function geometry(el: ChatDesk): string {
    return chatBoxes(el)
      .map((box) => {
        const log = box.shadowRoot!.querySelector<HTMLElement>('[role="log"]');
        return log ? `${log.scrollTop}/${log.scrollHeight}/${log.clientHeight}` : '-';
      })
      .join(' ');
  }

  /** Waits until every update is done and no log has moved for five frames in a row. */
  async function settleDesk(el: ChatDesk): Promise<void> {
    await el.updateComplete;
    const seen: string[] = [];
    let still = 0;
    try {
      await waitUntil(
        async () => {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = geometry(el);
          still = now === seen[seen.length - 1] ? still + 1 : 0;
          seen.push(now);
          return still >= 5;
        },
        'the logs stop moving',
        { interval: 0, timeout: 10_000 },
      );
    } catch (error) {
      throw new Error(
        `the logs kept moving (scrollTop/scrollHeight/clientHeight per pane): ${seen.slice(-8).join(' | ')}`,
        {
          cause: error,
        },
      );
    }
    await el.updateComplete;
  }

  /** The newest message of each pane's thread is inside its log, and no pane offers "new messages". */
  function expectNewestInView(el: ChatDesk, store: DeskStore, step: string, except?: number): void {
    const boxes = chatBoxes(el);
    expect(boxes.length, step).to.equal(store.state.layout);
    boxes.forEach((box, index) => {
      if (index === except) return;
      const id = store.state.panes[index]!;
      const messages = store.state.threads.get(id)!.messages;
      const newest = messages[messages.length - 1];
      const root = box.shadowRoot!;
      const log = root.querySelector<HTMLElement>('[role="log"]')!.getBoundingClientRect();
      const row = root.querySelector<HTMLElement>(`.row[data-key="m:${newest.clientId ?? newest.id}"]`);
      const where = `${step}, pane ${index + 1} (${id})`;
      expect(log.height, `${where}: the log has a size`).to.be.greaterThan(50);
      expect(row, `${where}: the newest message is rendered`).to.exist;
      const rect = row!.getBoundingClientRect();
      expect(rect.top, `${where}: newest message top in view`).to.be.at.least(log.top - 1);
      expect(rect.bottom, `${where}: newest message bottom in view`).to.be.at.most(log.bottom + 1);
      expect(root.querySelector('[part~="new-messages"]'), `${where}: no "new messages"`).to.equal(null);
    });
  }

  async function mountSession(store: DeskStore): Promise<ChatDesk> {
    await setViewport({ width: 1500, height: 900 });
    const el = await mount(store, 4);
    await settleDesk(el);
    return el;
  }

  function pick(el: ChatDesk, id: string): void {
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    list.querySelector<HTMLElement>(`[data-id="${id}"]`)!.click();
  }

  it('a thread the agent has not scrolled stays on its newest message through layouts, switches and remounts', async function () {
    this.timeout(200_000);
    const { store, transport } = longSession();
    const el = await mountSession(store);
    const step = async (name: string, change: () => void | Promise<void>) => {
      await change();
      arrive(transport, ONGOING);
      await liveTraffic(transport, 30);
      await settleDesk(el);
      expectNewestInView(el, store, `${name} (arrivals right after)`);
      arrive(transport, ONGOING);
      await settleDesk(el);
      expectNewestInView(el, store, name);
    };
    await step('layout 4', () => undefined);
    await step('a conversation picked in the state box', () =>
      pick(el, store.state.panes.includes('c-emma') ? 'c-amara' : 'c-emma'),
    );
    await step('another pane focused', () => store.focusPane(2));
    await step('layout 2', () => radio(el, '2').click());
    await step('a conversation ends, another starts', () => {
      transport.emit({
        type: 'conversation.closed',
        conversationId: store.state.panes[1]!,
        at: new Date().toISOString(),
      });
      transport.emit({ type: 'visitor.updated', visitor: { id: 'v-new', name: 'Zoé Petit' } });
      transport.emit({
        type: 'conversation.upserted',
        conversation: {
          id: 'c-new',
          visitorId: 'v-new',
          channel: 'chat',
          status: 'ongoing',
          startedAt: new Date().toISOString(),
        },
      });
      ONGOING.push('c-new');
    });
    await step('a conversation picked', () => pick(el, 'c-liam'));
    await step('layout 1', () => radio(el, '1').click());
    await step('a conversation picked in one pane', () => pick(el, 'c-sofia'));
    await step('layout 4 again', () => radio(el, '4').click());
    await step('pane 4 focused', () => store.focusPane(3));
    await step('the desk resized', () => {
      el.style.height = '640px';
    });
    await step('the desk remounted', () => {
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
    });
    await step('layout 2 after the remount', () => radio(el, '2').click());
    await step('layout 4 after the remount', () => radio(el, '4').click());
  });

  it('a pane the agent scrolled up keeps its place and always offers "N new messages" with the right count', async function () {
    this.timeout(200_000);
    const { store, transport } = longSession();
    const el = await mountSession(store);
    store.focusPane(0);
    await settleDesk(el);
    const id = store.state.panes[0]!;
    const thread = () => store.state.threads.get(id)!.messages;
    const box = () => chatBoxes(el)[0];
    const log = () => box().shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
    // The agent scrolls up to the middle of the thread (wheel, then the scroll it causes).
    log().dispatchEvent(new WheelEvent('wheel', { deltaY: -2000, bubbles: true }));
    log().scrollTop = log().scrollHeight / 2;
    await settleDesk(el);
    const seen = thread().length;
    // The message in the middle of the view: the agent is reading it.
    const reading = (() => {
      const rect = log().getBoundingClientRect();
      const middle = (rect.top + rect.bottom) / 2;
      return [...box().shadowRoot!.querySelectorAll<HTMLElement>('.row[data-key^="m:"]')].find((row) => {
        const { top, bottom } = row.getBoundingClientRect();
        return top <= middle && bottom >= middle;
      })!.dataset['key']!;
    })();
    const step = async (name: string, change: () => void | Promise<void>) => {
      await change();
      arrive(transport, [id, id]);
      await liveTraffic(transport, 14);
      await settleDesk(el);
      expect(store.state.panes[0], name).to.equal(id);
      const button = box().shadowRoot!.querySelector<HTMLElement>('[part~="new-messages"]');
      expect(button, `${name}: "new messages" shown`).to.exist;
      expect(button!.textContent!.replace(/\s+/g, ' ').trim(), name).to.equal(
        `↓ ${thread().length - seen} new messages`,
      );
      const fromBottom = log().scrollHeight - log().scrollTop - log().clientHeight;
      expect(fromBottom, `${name}: still scrolled up`).to.be.greaterThan(200);
      const row = box().shadowRoot!.querySelector<HTMLElement>(`.row[data-key="${reading}"]`);
      expect(row, `${name}: the message read is still rendered`).to.exist;
      const rect = row!.getBoundingClientRect();
      const view = log().getBoundingClientRect();
      expect(rect.bottom > view.top && rect.top < view.bottom, `${name}: the message read is still in view`).to.be.true;
      // The other panes follow their newest message.
      expectNewestInView(el, store, name, 0);
    };
    await step('layout 4', () => undefined);
    await step('layout 2', () => radio(el, '2').click());
    await step('another pane focused', () => store.focusPane(1));
    await step('back to the first pane', () => store.focusPane(0));
    await step('layout 1', () => radio(el, '1').click());
    await step('layout 4 again', () => radio(el, '4').click());
    await step('the desk resized', () => {
      el.style.height = '640px';
    });
    await step('the desk remounted', () => {
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
    });
    box().shadowRoot!.querySelector<HTMLElement>('[part~="new-messages"]')!.click();
    arrive(transport, [id]);
    await settleDesk(el);
    expectNewestInView(el, store, '"new messages" pressed');
  });
});
