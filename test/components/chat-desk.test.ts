import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '../browser-commands.js';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import type { DeskConversationSelectEvent } from '../../src/events.js';
import type { Layout } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';

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

function radio(el: ChatDesk, name: string): HTMLInputElement {
  const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
  const input = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
    (candidate) => candidate.closest('label')!.textContent!.trim() === name,
  );
  if (!input) throw new Error(`no radio ${name}`);
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

async function settle(el: ChatDesk) {
  await el.updateComplete;
  for (const child of deepAll<HTMLElement & { updateComplete?: Promise<unknown> }>(el.shadowRoot!, '*')) {
    if (child.updateComplete) await child.updateComplete;
  }
}

describe('<chat-desk>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  // The threads are virtualized; the virtualizer's benign ResizeObserver loop notices are not failures.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => localStorage.removeItem(STORAGE_KEY));

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
    await settle(el);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without a store renders an accessible placeholder', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk></chat-desk>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('not connected');
  });

  for (const layout of [1, 2, 4] as const) {
    it(`layout ${layout}: ${layout} thread(s), exactly one "Message" composer in the focused pane, accessible`, async () => {
      const { store } = setup();
      const el = await mount(store, layout);
      await settle(el);
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

  it('the "Split screen" radios set the layout, reflect it and remember it', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(['1', '2', '4'].map((name) => radio(el, name).checked)).to.deep.equal([true, false, false]);
    const changed = oneEvent(el, 'desk-layout-change');
    radio(el, '2').click();
    expect((await changed).detail).to.deep.equal({ layout: 2 });
    await el.updateComplete;
    expect(store.state.layout).to.equal(2);
    expect(el.getAttribute('layout')).to.equal('2');
    expect(panes(el)).to.have.length(2);
    expect(localStorage.getItem(STORAGE_KEY)).to.equal('2');
    // store.setLayout is reflected in the attribute and the radios.
    store.setLayout(4);
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('4');
    expect(radio(el, '4').checked).to.equal(true);
    // The attribute drives the store; removing it restores the default (1).
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

  it('F6 / Shift+F6 move focus between panes', async () => {
    const { store } = setup();
    const el = await mount(store, 4);
    await settle(el);
    el.shadowRoot!.querySelector<HTMLElement>('state-box')!.focus();
    await sendKeys({ press: 'F6' });
    await waitUntil(() => focusedPaneIndex(el) === 0, 'focus in pane 1');
    expect(store.state.focusedPane).to.equal(0);
    await sendKeys({ press: 'F6' });
    await waitUntil(() => focusedPaneIndex(el) === 1, 'focus in pane 2');
    expect(store.state.focusedPane).to.equal(1);
    // The composer followed, and typing goes to it.
    expect(panes(el)[1].querySelector('compose-area')).to.exist;
    await sendKeys({ press: 'Shift+F6' });
    await waitUntil(() => focusedPaneIndex(el) === 0, 'back in pane 1');
    await sendKeys({ press: 'Shift+F6' });
    await waitUntil(() => focusedPaneIndex(el) === 3, 'wraps to pane 4');
    expect(store.state.focusedPane).to.equal(3);
  });

  it('F6 with one pane moves focus into it, then leaves F6 to the browser', async () => {
    const { store } = setup();
    const el = await mount(store, 1);
    await settle(el);
    el.shadowRoot!.querySelector<HTMLElement>('state-box')!.focus();
    await sendKeys({ press: 'F6' });
    await waitUntil(() => focusedPaneIndex(el) === 0, 'focus in the pane');
    const event = new KeyboardEvent('keydown', { key: 'F6', bubbles: true, composed: true, cancelable: true });
    panes(el)[0].dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(false);
  });

  it('Alt+ArrowDown / Alt+ArrowUp switch conversation from anywhere in the desk, after desk-conversation-select', async () => {
    const { store } = setup();
    const el = await mount(store);
    await settle(el);
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
    await settle(el);
    messageBoxes(el)[0].focus();
    await sendKeys({ type: 'Draft for Yuki' });
    await sendKeys({ press: 'Alt+ArrowDown' });
    await settle(el);
    expect(store.focusedId).to.equal('c-sofia');
    expect(messageBoxes(el)[0].value).to.equal('');
    await sendKeys({ type: 'Draft for Sofia' });
    await sendKeys({ press: 'Alt+ArrowUp' });
    await settle(el);
    expect(messageBoxes(el)[0].value).to.equal('Draft for Yuki');
    radio(el, '2').click();
    await settle(el);
    store.focusPane(1);
    await settle(el);
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
    await settle(el);
    await expect(el).shadowDom.to.be.accessible();

    conversations.click();
    await el.updateComplete;
    expect(conversations.getAttribute('aria-expanded')).to.equal('true');
    expect(sidebar.hidden).to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'STATE-BOX', 'focus moves into the list');
    await settle(el);
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
    await settle(el);
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
    const region = el.shadowRoot!.querySelector('[data-arrivals]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent!.trim()).to.equal('');
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
    await el.updateComplete;
    expect(region.textContent).to.contain('New conversation from Zoé Petit (SMS)');
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

  it('shows the connection state in a status banner', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    const banner = el.shadowRoot!.querySelector('[part="connection"]')!;
    expect(banner.getAttribute('role')).to.equal('status');
    expect(banner.textContent!.trim()).to.equal('');
    expect(banner.getBoundingClientRect().height).to.equal(0);
    transport.setOnline(false);
    await el.updateComplete;
    expect(banner.textContent).to.contain('Offline');
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
    await settle(el);
    const list = el.shadowRoot!.querySelector('state-box')!.shadowRoot!;
    const ids = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')].map((option) => option.dataset.id);
    const before = ids();
    const entry = deepAll<HTMLButtonElement>(el.shadowRoot!, 'button[part="history-entry"]')[0];
    entry.click();
    await settle(el);
    expect(store.focusedId).to.match(/^c-emma-h/);
    expect(ids()).to.deep.equal(before);
    expect(list.textContent).not.to.contain('Closed');
    expect(list.querySelector('.count')!.textContent).to.contain(`${before.length} conversations`);
  });

  it('says "Offline" once: the desk banner, not again in the composer', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 2);
    transport.setOnline(false);
    await settle(el);
    const composer = el.shadowRoot!.querySelector('compose-area')!;
    expect(el.shadowRoot!.querySelector('[part="connection"]')!.textContent).to.contain('Offline');
    expect(composer.shadowRoot!.textContent).not.to.contain('Offline');
    const offline = deepAll(el.shadowRoot!, '*').filter((node) =>
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes('Offline')),
    );
    expect(offline).to.have.length(1);
  });

  it('switching panes during an upload: the composer of the pane left says "Upload cancelled" on return', async () => {
    const { store } = setup();
    const el = await mount(store, 2);
    let signal: AbortSignal | undefined;
    el.uploader = (_file, options) =>
      new Promise((_resolve, reject) => {
        signal = options.signal;
        options.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    await settle(el);
    const first = el.shadowRoot!.querySelector('compose-area')!;
    first.attachFiles([new File(['x'], 'invoice.pdf', { type: 'application/pdf' })]);
    // The composer's attachment code loads on first use.
    await waitUntil(() => first.shadowRoot!.querySelector('[part="attachment"]'), 'attachment');
    panes(el)[1].dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await settle(el);
    expect(signal?.aborted).to.equal(true);
    const other = panes(el)[1].querySelector('compose-area')!;
    expect(other.shadowRoot!.textContent).not.to.contain('Upload cancelled');
    panes(el)[0].dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await settle(el);
    const back = panes(el)[0].querySelector('compose-area')!;
    const alerts = [...back.shadowRoot!.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent!.trim());
    expect(alerts.join(' ')).to.contain('Upload cancelled: invoice.pdf was not sent');
  });
});
