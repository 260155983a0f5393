import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys } from '../browser-commands.js';
import * as sinon from 'sinon';
import '../../src/define.js';
import type { VisitorPanel } from '../../src/components/visitor-panel/visitor-panel.js';
import type { DeskBlockVisitorEvent, DeskConversationSelectEvent, DeskCustomerRecordEvent } from '../../src/events.js';
import {
  countryName,
  formatCurrency,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  languageName,
} from '../../src/i18n/format.js';
import type { Agent, Fixtures } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function setup(options: { agent?: Agent; fixtures?: Fixtures } = {}) {
  const fixtures = options.fixtures ?? demoFixtures();
  if (options.agent) fixtures.agent = options.agent;
  const transport = new MemoryTransport({ fixtures, simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { fixtures, transport, store };
}

async function mount(store: DeskStore | undefined, conversationId: string | undefined = 'c-emma') {
  return fixture<VisitorPanel>(
    html`<visitor-panel conversation-id=${conversationId ?? ''} .store=${store}></visitor-panel>`,
  );
}

/** Lets microtask-driven transport answers arrive, applies them and waits for the render. */
async function settle(el: VisitorPanel, store?: DeskStore) {
  await aTimeout(0);
  store?.flush();
  await el.updateComplete;
}

const root = (el: VisitorPanel) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function headings(el: VisitorPanel): string[] {
  return [...root(el).querySelectorAll('h3')].map((h) => text(h));
}

function section(el: VisitorPanel, heading: string): HTMLElement {
  const h = [...root(el).querySelectorAll('h3')].find((node) => text(node) === heading);
  expect(h, `section "${heading}"`).to.exist;
  return h!.closest('section')!;
}

function buttons(scope: ParentNode, name: string): HTMLButtonElement[] {
  return [...scope.querySelectorAll('button')].filter((b) => text(b) === name);
}

function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = buttons(scope, name);
  expect(found, `button "${name}"`).to.have.length(1);
  return found[0];
}

/** The value next to a label in a section's key/value list. */
function valueOf(scope: HTMLElement, label: string): string {
  const dt = [...scope.querySelectorAll('dt')].find((node) => text(node) === label);
  expect(dt, `row "${label}"`).to.exist;
  return text(dt!.nextElementSibling);
}

/** The block confirmation once it is open (its chunk is fetched on the first press). */
async function openDialog(scope: ShadowRoot): Promise<HTMLDialogElement> {
  await waitUntil(() => scope.querySelector<HTMLDialogElement>('[role="alertdialog"]')?.open, 'the dialog opens');
  return scope.querySelector<HTMLDialogElement>('[role="alertdialog"]')!;
}

function historyEntries(el: VisitorPanel): HTMLButtonElement[] {
  return [...section(el, 'Visitor history').querySelectorAll<HTMLButtonElement>('ol button')];
}

describe('<visitor-panel>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  afterEach(() => sinon.restore());

  it('without a store renders an accessible placeholder', async () => {
    const el = await mount(undefined, undefined);
    expect(text(root(el).querySelector('[role="status"]'))).to.contain('not connected');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('has the six sections as collapsible headings and is accessible', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(headings(el)).to.deep.equal([
      'Source',
      'Navigation',
      'Profile',
      'Past messages',
      'Custom data',
      'Visitor history',
    ]);
    expect(text(root(el).querySelector('h2'))).to.equal('Emma Laurent');
    const toggle = button(section(el, 'Profile'), 'Profile');
    const body = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(body.hidden).to.be.false;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(body.hidden).to.be.true;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the source with its detail', async () => {
    const { store } = setup();
    const el = await mount(store);
    const source = section(el, 'Source');
    expect(valueOf(source, 'Arrived from')).to.equal('Search engine');
    expect(valueOf(source, 'Details')).to.equal('Google — "waterproof hiking boots"');
  });

  it('shows navigation with a live browsing duration, one interval torn down on disconnect', async () => {
    const clock = sinon.useFakeTimers({
      now: Date.parse('2026-11-25T10:00:00Z'),
      toFake: ['setInterval', 'clearInterval', 'Date'],
    });
    const { store } = setup();
    const el = await mount(store);
    const navigation = section(el, 'Navigation');
    expect(valueOf(navigation, 'Browsing for')).to.equal(formatDuration('en', 1260_000));
    expect(valueOf(navigation, 'Pages viewed')).to.equal('7');
    expect(valueOf(navigation, 'Visits')).to.equal('12 (returning visitor)');
    const link = navigation.querySelector<HTMLAnchorElement>('a')!;
    expect(text(link)).to.contain('Trail Pro boots');
    expect(link.href).to.equal('https://shop.example.com/boots/trail-pro');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(clock.countTimers()).to.equal(1);

    clock.tick(90_000);
    await el.updateComplete;
    expect(valueOf(navigation, 'Browsing for')).to.equal(formatDuration('en', 1350_000));
    expect(valueOf(navigation, 'Browsing for')).not.to.equal(formatDuration('en', 1260_000));

    el.remove();
    expect(clock.countTimers()).to.equal(0);
  });

  it('updates the current page and recent pages live from visitor.navigated', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    const navigation = () => section(el, 'Navigation');
    const before = [...navigation().querySelectorAll('ol li')].map((li) => text(li));
    expect(before.length).to.be.greaterThan(0);
    expect(before[0]).to.contain('Trail Pro boots');
    transport.emit({
      type: 'visitor.navigated',
      visitorId: 'v-emma',
      url: 'https://shop.example.com/socks/merino',
      title: 'Merino socks',
      at: new Date().toISOString(),
    });
    store.flush();
    await el.updateComplete;
    expect(valueOf(navigation(), 'Current page')).to.contain('Merino socks');
    expect(valueOf(navigation(), 'Pages viewed')).to.equal('8');
    let pages = [...navigation().querySelectorAll('ol li')].map((li) => text(li));
    expect(pages).to.have.length(before.length + 1);
    expect(pages[0]).to.contain('Merino socks');
    expect(pages[1]).to.equal(before[0]);

    transport.emit({
      type: 'visitor.navigated',
      visitorId: 'v-emma',
      url: 'https://shop.example.com/checkout',
      title: 'Checkout',
      at: new Date(Date.now() + 1000).toISOString(),
    });
    store.flush();
    await el.updateComplete;
    pages = [...navigation().querySelectorAll('ol li')].map((li) => text(li));
    expect(pages[0]).to.contain('Checkout');
    expect(pages[1]).to.contain('Merino socks');
  });

  it('says when no page was visited during the conversation', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-4821');
    expect(text(section(el, 'Navigation'))).to.contain('No pages visited during this conversation yet.');
  });

  it('shows a disallowed page URL as inert text', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    transport.emit({
      type: 'visitor.navigated',
      visitorId: 'v-emma',
      url: 'javascript:alert(1)',
      title: 'Evil',
      at: new Date().toISOString(),
    });
    store.flush();
    await el.updateComplete;
    const navigation = section(el, 'Navigation');
    expect(valueOf(navigation, 'Current page')).to.contain('javascript:alert(1)');
    for (const a of navigation.querySelectorAll('a')) expect(a.getAttribute('href')).not.to.contain('javascript');
    expect([...navigation.querySelectorAll('a')].some((a) => text(a).includes('Evil'))).to.be.false;
  });

  it('shows the profile with Intl names and the local time', async () => {
    const { store } = setup();
    const el = await mount(store);
    const profile = section(el, 'Profile');
    expect(valueOf(profile, 'Country')).to.equal(countryName('en', 'FR'));
    expect(valueOf(profile, 'Country')).to.equal('France');
    expect(valueOf(profile, 'Browser')).to.equal('Firefox 132');
    expect(valueOf(profile, 'Operating system')).to.equal('Windows 11');
    expect(valueOf(profile, 'Language')).to.equal(languageName('en', 'fr-FR'));
    const local = valueOf(profile, 'Local time');
    expect(local).to.contain('Europe/Paris');
    const now = new Date().toISOString();
    const nextMinute = new Date(Date.now() + 60_000).toISOString();
    expect(
      [formatTime('en', now, 'Europe/Paris'), formatTime('en', nextMinute, 'Europe/Paris')].some((t) =>
        local.includes(t),
      ),
    ).to.be.true;
  });

  it('shows the past messages count and custom data formatted as text', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(text(section(el, 'Past messages'))).to.contain('46 messages');
    const custom = section(el, 'Custom data');
    expect(valueOf(custom, 'Basket amount')).to.equal(formatCurrency('en', 189.9, 'EUR'));
    expect(valueOf(custom, 'Basket amount')).to.equal('€189.90');
    expect(valueOf(custom, 'Client id')).to.equal('CL-204-8831');
    expect(valueOf(custom, 'Loyalty tier')).to.equal('Gold');
    expect(valueOf(custom, 'Last order')).to.equal(formatDate('en', '2026-10-02'));
  });

  it('formats number and currency custom data in the page language', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-liam');
    const custom = section(el, 'Custom data');
    expect(valueOf(custom, 'Basket amount')).to.equal(formatCurrency('en', 642.5, 'EUR'));
    expect(valueOf(custom, 'Items in basket')).to.equal('3');
    el.setAttribute('lang', 'fr');
    await aTimeout(0);
    await el.updateComplete;
    expect(valueOf(section(el, 'Données personnalisées'), 'Basket amount')).to.equal(
      formatCurrency('fr', 642.5, 'EUR').replace(/\s+/g, ' '),
    );
  });

  it('follows the conversation-id attribute, and the focused conversation once it is removed', async () => {
    const { store } = setup();
    store.focus('c-sofia');
    const el = await mount(store, 'c-liam');
    expect(el.conversationId).to.equal('c-liam');
    expect(text(root(el).querySelector('h2'))).to.equal('Liam O’Connor');
    el.conversationId = 'c-noah';
    await el.updateComplete;
    expect(text(root(el).querySelector('h2'))).to.equal('Noah Schmidt');
    el.removeAttribute('conversation-id');
    await el.updateComplete;
    expect(text(root(el).querySelector('h2'))).to.equal('Sofía García');
  });

  it('shows an empty state when there is no custom data, and graceful text for missing data', async () => {
    const fixtures = demoFixtures();
    fixtures.visitors.push({ id: 'v-bare' });
    fixtures.conversations.push({
      id: 'c-bare',
      visitorId: 'v-bare',
      channel: 'chat',
      status: 'ongoing',
      startedAt: new Date().toISOString(),
    });
    const { store } = setup({ fixtures });
    const el = await mount(store, 'c-bare');
    const all = text(root(el).querySelector('[part="base"]'));
    expect(all).not.to.contain('undefined');
    expect(all).not.to.contain('NaN');
    expect(text(root(el).querySelector('h2'))).to.match(/^Visitor #\d+$/);
    expect(valueOf(section(el, 'Source'), 'Arrived from')).to.equal('Unknown');
    expect(valueOf(section(el, 'Navigation'), 'Browsing for')).to.equal('Not provided');
    expect(valueOf(section(el, 'Profile'), 'Country')).to.equal('Unknown');
    expect(valueOf(section(el, 'Profile'), 'Local time')).to.equal('Unknown');
    expect(text(section(el, 'Custom data'))).to.contain('No custom data');
    expect(text(section(el, 'Visitor history'))).to.contain('No past conversations');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders hostile custom data keys and values as text', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    transport.emit({
      type: 'visitor.updated',
      visitor: {
        id: 'v-emma',
        name: HOSTILE,
        customData: [
          { key: HOSTILE, value: HOSTILE },
          { key: 'x', label: '<script>alert(2)</script>', value: '<b onmouseover=alert(3)>bold</b>', format: 'date' },
          { key: 'n', label: HOSTILE, value: HOSTILE, format: 'currency', currency: 'EUR' },
        ],
      },
    });
    store.flush();
    await el.updateComplete;
    expect(root(el).querySelector('img, script, b')).to.equal(null);
    const custom = section(el, 'Custom data');
    expect(valueOf(custom, HOSTILE)).to.equal(HOSTILE);
    expect(valueOf(custom, '<script>alert(2)</script>')).to.equal('<b onmouseover=alert(3)>bold</b>');
    expect(text(root(el).querySelector('h2'))).to.equal(HOSTILE);
  });

  it('lists past conversations newest first with date, channel and preview, paging until none are left', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    let entries = historyEntries(el);
    expect(entries).to.have.length(2);
    const h1 = store.state.conversations.get('c-emma-h1')!;
    expect(text(entries[0])).to.contain(formatDateTime('en', h1.startedAt));
    expect(text(entries[0])).to.contain('Live chat');
    expect(text(entries[0])).to.contain('Can I change the delivery address of my last order?');
    expect(text(entries[1])).to.contain('Email');
    expect(text(entries[1])).to.contain('Hello, do you price-match other shops?');

    const counts: number[] = [];
    for (let page = 0; page < 5 && buttons(root(el), 'Load older conversations').length; page += 1) {
      const more = button(root(el), 'Load older conversations');
      more.focus();
      more.click();
      await settle(el, store);
      counts.push(historyEntries(el).length);
    }
    expect(counts).to.deep.equal([5, 8, 10]);
    expect(buttons(root(el), 'Load older conversations')).to.have.length(0);
    // Focus does not fall back to <body> when the button goes away.
    expect(root(el).activeElement).to.equal(historyEntries(el).at(-1));
    expect(transport.sent.filter((c) => c.type === 'loadHistory')).to.have.length(3);

    entries = historyEntries(el);
    const times = entries.map((b) => Date.parse(b.querySelector('time')!.dateTime));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(text(entries[9])).to.contain('Can I get an invoice?');
  });

  it('opens a past conversation in the thread of the current one when clicked (scrolled to there)', async () => {
    const { store } = setup();
    const el = await fixture<VisitorPanel>(html`<visitor-panel .store=${store}></visitor-panel>`);
    store.focus('c-emma');
    await el.updateComplete;
    expect(text(root(el).querySelector('h2'))).to.equal('Emma Laurent');
    const entry = historyEntries(el)[0];
    setTimeout(() => entry.click());
    const event = (await oneEvent(el, 'desk-conversation-select')) as DeskConversationSelectEvent;
    expect(event.detail).to.deep.equal({ conversationId: 'c-emma-h1' });
    // Not replaced: Emma's ongoing conversation stays, and its thread is asked to show the past one.
    expect(store.focusedId).to.equal('c-emma');
    const requests: (string | undefined)[] = [];
    store
      .pastRequest$('c-emma')
      .subscribe((request) => requests.push(request?.conversationId))
      .unsubscribe();
    expect(requests).to.deep.equal(['c-emma-h1']);
  });

  it('shows the whole exchange of a closed conversation shown on its own', async () => {
    const { store } = setup();
    const el = await fixture<VisitorPanel>(html`<visitor-panel .store=${store}></visitor-panel>`);
    store.focus('c-emma-h1');
    expect(store.state.conversations.get('c-emma-h1')!.status).to.equal('closed');
    await el.updateComplete;
    // The panel follows the focused (closed) conversation: same visitor, entry marked as shown.
    expect(text(root(el).querySelector('h2'))).to.equal('Emma Laurent');
    expect(historyEntries(el)[0].getAttribute('aria-current')).to.equal('true');
    // The whole closed exchange is readable in the panel too (its code arrives on first use).
    await waitUntil(() => root(el).querySelector('[part="transcript"]'), 'the transcript is shown');
    const transcripts = section(el, 'Visitor history').querySelectorAll('[part="transcript"]');
    expect(transcripts).to.have.length(1);
    const lines = [...transcripts[0].querySelectorAll('li')].map((li) => text(li));
    expect(lines).to.have.length(3);
    expect(lines[0]).to.contain('Emma Laurent').and.to.contain('Can I change the delivery address of my last order?');
    expect(lines[1]).to.contain('Alex Martin').and.to.contain('Yes, done — it now ships to your office address.');
    expect(lines[2]).to.contain('Thank you!');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('lets the host replace opening a past conversation', async () => {
    const { store } = setup();
    store.focus('c-emma');
    const el = await mount(store);
    el.addEventListener('desk-conversation-select', (e) => e.preventDefault());
    historyEntries(el)[0].click();
    expect(store.focusedId).to.equal('c-emma');
  });

  it('"Show customer record" fires a cancelable event, by default loads the full history', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    const record = button(section(el, 'Past messages'), 'Show customer record');

    const prevent = (e: Event) => e.preventDefault();
    el.addEventListener('desk-customer-record', prevent);
    setTimeout(() => record.click());
    const prevented = (await oneEvent(el, 'desk-customer-record')) as DeskCustomerRecordEvent;
    expect(prevented.detail).to.deep.equal({ visitorId: 'v-emma' });
    expect(prevented.cancelable).to.be.true;
    expect(prevented.composed).to.be.true;
    await settle(el, store);
    expect(transport.sent.filter((c) => c.type === 'loadHistory')).to.have.length(0);
    el.removeEventListener('desk-customer-record', prevent);

    // Collapse the history first: the default action opens it again.
    button(section(el, 'Visitor history'), 'Visitor history').click();
    await el.updateComplete;
    record.click();
    for (let i = 0; i < 10; i += 1) await settle(el, store);
    await waitUntil(() => root(el).querySelector('[part="transcript"]'), 'the transcripts are shown');
    expect(button(section(el, 'Visitor history'), 'Visitor history').getAttribute('aria-expanded')).to.equal('true');
    expect(historyEntries(el)).to.have.length(10);
    expect(transport.sent.filter((c) => c.type === 'loadHistory')).to.have.length(3);
    expect(buttons(root(el), 'Load older conversations')).to.have.length(0);
    expect(text(section(el, 'Visitor history').querySelector('[role="status"]'))).to.contain('10 past conversations');
    // The customer record shows every past exchange in full.
    const transcripts = [...section(el, 'Visitor history').querySelectorAll('[part="transcript"]')].map((t) => text(t));
    expect(transcripts).to.have.length(10);
    expect(transcripts[9]).to.contain('Can I get an invoice?').and.to.contain('Great, thanks!');
    await expect(el).shadowDom.to.be.accessible();
  });

  describe('block', () => {
    it('fires a cancelable desk-block-visitor; preventDefault replaces the confirmation', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      el.addEventListener('desk-block-visitor', (e) => e.preventDefault());
      const trigger = button(root(el), 'Block visitor');
      setTimeout(() => trigger.click());
      const event = (await oneEvent(el, 'desk-block-visitor')) as DeskBlockVisitorEvent;
      expect(event.detail).to.deep.equal({ visitorId: 'v-emma' });
      await el.updateComplete;
      expect(root(el).querySelector<HTMLDialogElement>('[role="alertdialog"]')?.open ?? false).to.be.false;
      expect(transport.sent.some((c) => c.type === 'block')).to.be.false;
    });

    it('confirms in an alertdialog with an optional reason, then blocks', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      const trigger = button(root(el), 'Block visitor');
      trigger.focus();
      trigger.click();
      const dialog = await openDialog(root(el));
      expect(text(root(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Block Emma Laurent?');
      // The safe choice has focus, as in the thread header's confirmation.
      expect(root(el).activeElement).to.equal(button(dialog, 'Cancel'));
      await expect(el).shadowDom.to.be.accessible();
      dialog.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Rude language' });
      button(dialog, 'Block').click();
      await settle(el, store);
      expect(dialog.isConnected && dialog.open).to.be.false;
      expect(transport.sent).to.deep.include({ type: 'block', visitorId: 'v-emma', reason: 'Rude language' });
      expect(store.state.visitors.get('v-emma')!.blocked).to.be.true;
      expect(text(root(el).querySelector('header'))).to.contain('Blocked');
      expect(text(root(el).querySelector('[part="block"]'))).to.contain(
        'A manager can unblock this visitor from customer management.',
      );
      expect(buttons(root(el), 'Unblock visitor')).to.have.length(0);
      expect(buttons(root(el), 'Block visitor')).to.have.length(0);
      // The trigger is gone: focus lands on the blocked state, not on <body>.
      expect(text(root(el).activeElement)).to.equal('This visitor is blocked.');
      await expect(el).shadowDom.to.be.accessible();
    });

    it('sends no reason when none is given', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      button(root(el), 'Block visitor').click();
      button(await openDialog(root(el)), 'Block').click();
      await settle(el, store);
      expect(transport.sent).to.deep.include({ type: 'block', visitorId: 'v-emma' });
    });

    it('cancel and Escape close the dialog without blocking; focus returns to the trigger', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      let trigger = button(root(el), 'Block visitor');
      trigger.focus();
      trigger.click();
      const dialog = await openDialog(root(el));
      button(dialog, 'Cancel').click();
      await el.updateComplete;
      expect(dialog.open).to.be.false;
      trigger = button(root(el), 'Block visitor');
      expect(root(el).activeElement).to.equal(trigger);

      trigger.click();
      expect(await openDialog(root(el))).to.equal(dialog);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(dialog.open).to.be.false;
      expect(root(el).activeElement).to.equal(button(root(el), 'Block visitor'));
      expect(transport.sent.some((c) => c.type === 'block')).to.be.false;
      expect(store.state.visitors.get('v-emma')!.blocked).to.not.equal(true);
    });

    it('a manager sees "Unblock visitor" for a blocked visitor and can unblock', async () => {
      const fixtures = demoFixtures();
      fixtures.visitors.find((v) => v.id === 'v-emma')!.blocked = true;
      const { store, transport } = setup({ fixtures, agent: { id: 'a-m', name: 'Morgan', role: 'manager' } });
      const el = await mount(store);
      expect(text(root(el).querySelector('[part="block"]'))).to.contain('This visitor is blocked.');
      expect(text(root(el).querySelector('[part="block"]'))).not.to.contain('customer management');
      await expect(el).shadowDom.to.be.accessible();
      button(root(el), 'Unblock visitor').click();
      await settle(el, store);
      expect(transport.sent).to.deep.include({ type: 'unblock', visitorId: 'v-emma' });
      expect(store.state.visitors.get('v-emma')!.blocked).to.be.false;
      expect(root(el).activeElement).to.equal(button(root(el), 'Block visitor'));
    });

    it('a plain agent cannot unblock: no button, an explanation instead', async () => {
      const fixtures = demoFixtures();
      fixtures.visitors.find((v) => v.id === 'v-emma')!.blocked = true;
      const { store, transport } = setup({ fixtures, agent: { id: 'a-a', name: 'Alex', role: 'agent' } });
      const el = await mount(store);
      expect(buttons(root(el), 'Unblock visitor')).to.have.length(0);
      expect(text(root(el).querySelector('[part="block"]'))).to.contain(
        'A manager can unblock this visitor from customer management.',
      );
      expect(transport.sent.some((c) => c.type === 'unblock')).to.be.false;
    });
  });

  it('follows the focused conversation when no conversation-id is given', async () => {
    const { store } = setup();
    const el = await fixture<VisitorPanel>(
      html`<desk-provider .store=${store}><visitor-panel></visitor-panel></desk-provider>`,
    );
    const panel = el.querySelector('visitor-panel') as VisitorPanel;
    store.focus('c-liam');
    await panel.updateComplete;
    expect(text(root(panel).querySelector('h2'))).to.equal('Liam O’Connor');
    store.focus('c-emma');
    await panel.updateComplete;
    expect(text(root(panel).querySelector('h2'))).to.equal('Emma Laurent');
  });

  it('shows the already focused conversation on first render inside a provider', async () => {
    const { store } = setup();
    store.focus('c-emma');
    const el = await fixture<HTMLElement>(
      html`<desk-provider .store=${store}><visitor-panel></visitor-panel></desk-provider>`,
    );
    const panel = el.querySelector('visitor-panel') as VisitorPanel;
    await panel.updateComplete;
    expect(text(root(panel).querySelector('h2'))).to.equal('Emma Laurent');
    expect(historyEntries(panel)).to.have.length(2);
  });

  it('causes no Lit dev-mode warnings while updating', async () => {
    const warn = sinon.spy(console, 'warn');
    const { store, transport } = setup();
    store.focus('c-emma');
    const el = await fixture<HTMLElement>(
      html`<desk-provider .store=${store}><visitor-panel></visitor-panel></desk-provider>`,
    );
    const panel = el.querySelector('visitor-panel') as VisitorPanel;
    await panel.updateComplete;
    transport.emit({
      type: 'visitor.navigated',
      visitorId: 'v-emma',
      url: 'https://shop.example.com/a',
      at: new Date().toISOString(),
    });
    store.flush();
    button(root(panel), 'Load older conversations').click();
    await settle(panel, store);
    historyEntries(panel)[0].click();
    await settle(panel, store);
    store.focus('c-liam');
    await settle(panel, store);
    const litWarnings = warn.getCalls().filter((call) => String(call.args[0]).includes('lit.dev/msg'));
    expect(litWarnings.map((call) => String(call.args[0]))).to.deep.equal([]);
  });

  it('history: the first page comes unasked, a status while loading, "No past conversations." after an empty answer', async () => {
    const fixtures = demoFixtures();
    // Says it visited before: the server may have past conversations, not asked yet.
    fixtures.visitors.find((v) => v.id === 'v-noah')!.visitCount = 4;
    const { store, transport } = setup({ fixtures });
    const send = transport.send.bind(transport);
    sinon.stub(transport, 'send').callsFake(async (command) => {
      if (command.type === 'loadHistory') transport.sent.push(command);
      else return send(command);
    });
    const el = await mount(store, 'c-noah');
    const history = section(el, 'Visitor history');
    const status = history.querySelector('[role="status"]')!;
    // Without pressing "Load older conversations".
    expect(transport.sent.filter((command) => command.type === 'loadHistory')).to.have.length(1);
    expect(text(status)).to.equal('Loading older conversations…');
    expect(text(history)).not.to.contain('No past conversations');

    transport.emit({ type: 'history.page', visitorId: 'v-noah', conversations: [], messages: [], hasMore: false });
    store.flush();
    await el.updateComplete;
    expect(text(history)).to.contain('No past conversations.');
    expect(buttons(history, 'Load older conversations')).to.have.length(0);
    expect(text(status)).to.equal('');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows a first-visit visitor without history', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-noah');
    expect(valueOf(section(el, 'Navigation'), 'Visits')).to.equal('1 (first visit)');
    expect(valueOf(section(el, 'Source'), 'Arrived from')).to.equal('Referral');
    expect(text(section(el, 'Visitor history'))).to.contain('No past conversations');
    expect(buttons(root(el), 'Load older conversations')).to.have.length(0);
  });

  it('is in French with lang="fr"', async () => {
    const { store } = setup();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><visitor-panel conversation-id="c-emma" .store=${store}></visitor-panel></div>`,
    );
    const el = wrapper.querySelector('visitor-panel') as VisitorPanel;
    await el.updateComplete;
    expect(headings(el)).to.deep.equal([
      'Source',
      'Navigation',
      'Profil',
      'Messages passés',
      'Données personnalisées',
      'Historique du visiteur',
    ]);
    expect(buttons(root(el), 'Voir la fiche client')).to.have.length(1);
    expect(buttons(root(el), 'Charger les conversations plus anciennes')).to.have.length(1);
    expect(valueOf(section(el, 'Profil'), 'Pays')).to.equal('France');
    await expect(el).shadowDom.to.be.accessible();
  });

  describe('QA fixes', () => {
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

    it('asks the same block confirmation as the thread header, with the same focus rules', async () => {
      const { store, transport } = setup();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <chat-box style="display:flex;height:400px" conversation-id="c-emma" .store=${store}></chat-box>
          <visitor-panel conversation-id="c-emma" .store=${store}></visitor-panel>
        </div>`,
      );
      const panel = wrapper.querySelector('visitor-panel') as VisitorPanel;
      const box = wrapper.querySelector('chat-box') as HTMLElement & { updateComplete: Promise<boolean> };
      await panel.updateComplete;
      await box.updateComplete;
      const describe = (scope: ShadowRoot) => {
        const dialog = scope.querySelector<HTMLDialogElement>('[role="alertdialog"]')!;
        return {
          title: text(scope.getElementById(dialog.getAttribute('aria-labelledby')!)),
          description: text(scope.getElementById(dialog.getAttribute('aria-describedby')!)),
          reason: text(scope.querySelector(`label[for="${dialog.querySelector('textarea')!.id}"]`)),
          buttons: [...dialog.querySelectorAll('button')].map((b) => text(b)),
        };
      };
      const expected = {
        title: 'Block Emma Laurent?',
        description:
          'Emma Laurent will no longer be able to send you messages or start new conversations. Only a manager can unblock them, from customer management.',
        reason: 'Reason (optional)',
        buttons: ['Cancel', 'Block'],
      };

      // Thread header: open, Escape, focus back on its trigger.
      const headerTrigger = [...box.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Block visitor')!;
      headerTrigger.focus();
      headerTrigger.click();
      await openDialog(box.shadowRoot!);
      expect(describe(box.shadowRoot!)).to.deep.equal(expected);
      expect(text(box.shadowRoot!.activeElement)).to.equal('Cancel');
      await sendKeys({ press: 'Escape' });
      await aTimeout(0);
      expect(box.shadowRoot!.activeElement).to.equal(headerTrigger);

      // Panel: the same.
      const trigger = button(root(panel), 'Block visitor');
      trigger.focus();
      trigger.click();
      await openDialog(root(panel));
      expect(describe(root(panel))).to.deep.equal(expected);
      expect(text(root(panel).activeElement)).to.equal('Cancel');
      await sendKeys({ press: 'Escape' });
      await aTimeout(0);
      expect(root(panel).activeElement).to.equal(trigger);
      expect(transport.sent.some((c) => c.type === 'block')).to.be.false;

      // In French too.
      wrapper.setAttribute('lang', 'fr');
      await panel.updateComplete;
      await box.updateComplete;
      expect(describe(root(panel))).to.deep.equal(describe(box.shadowRoot!));
      expect(describe(root(panel)).title).to.equal('Bloquer Emma Laurent ?');
    });

    it('caps a long past transcript to its last 200 lines, with "Show all N"', async () => {
      const fixtures = demoFixtures();
      const h1 = fixtures.conversations.find((c) => c.id === 'c-emma-h1')!;
      const start = Date.parse(h1.startedAt);
      for (let i = 0; i < 450; i += 1) {
        fixtures.messages.push({
          id: `h1-long-${i}`,
          conversationId: 'c-emma-h1',
          author: i % 2 ? 'agent' : 'visitor',
          at: new Date(start + 60_000 + i * 1000).toISOString(),
          kind: 'text',
          text: `Line ${i}`,
        });
      }
      const { store } = setup({ fixtures });
      const el = await mount(store, 'c-emma-h1');
      const transcript = () => root(el).querySelector('[part="transcript"]')!;
      await waitUntil(() => root(el).querySelector('[part="transcript"]'), 'the transcript is shown');
      const total = fixtures.messages.filter((m) => m.conversationId === 'c-emma-h1' && m.kind !== 'navigation').length;
      expect(total).to.be.greaterThan(450);
      expect(transcript().querySelectorAll('li')).to.have.length(200);
      expect(text(transcript().querySelector('li:last-child'))).to.contain('Line 449');
      expect(text(root(el).querySelector('.transcript-cap'))).to.contain(`Showing the last 200 of ${total} lines.`);
      await expect(el).shadowDom.to.be.accessible();
      button(root(el), `Show all ${total}`).click();
      await el.updateComplete;
      expect(transcript().querySelectorAll('li')).to.have.length(total);
      expect(buttons(root(el), `Show all ${total}`)).to.have.length(0);
      expect(transcript().querySelector('img, a, script')).to.equal(null);
    });

    it('an empty only history page (asked for unpressed) says "No past conversations" and takes no focus', async () => {
      const fixtures = demoFixtures();
      // Says it visited before, but the server has no older conversation.
      fixtures.visitors.find((v) => v.id === 'v-noah')!.visitCount = 4;
      const { store } = setup({ fixtures });
      const el = await mount(store, 'c-noah');
      await settle(el, store);
      await el.updateComplete;
      expect(buttons(root(el), 'Load older conversations')).to.have.length(0);
      const history = section(el, 'Visitor history');
      expect(text(history)).to.contain('No past conversations.');
      expect(text(history)).not.to.contain('No older conversations.');
      expect(root(el).activeElement).to.equal(null);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('removes bidi overrides from the visitor name, pages and custom data, keeping RTL text', async () => {
      const RLO = '\u202E';
      const fixtures = demoFixtures();
      const emma = fixtures.visitors.find((v) => v.id === 'v-emma')!;
      emma.name = `Emma${RLO} Laurent`;
      emma.currentPage = { url: `https://shop.example.com/${RLO}fdp.exe`, title: `Invoice ${RLO}fdp.exe` };
      emma.customData = [{ key: 'file', label: `Last ${RLO}upload`, value: `scan${RLO}gpj.exe` }];
      const { store } = setup({ fixtures });
      const el = await mount(store);
      expect(text(root(el).querySelector('h2'))).to.equal('Emma Laurent');
      expect(root(el).querySelector('h2')!.getAttribute('dir')).to.equal('auto');
      const nav = section(el, 'Navigation');
      expect(valueOf(nav, 'Current page')).to.contain('Invoice fdp.exe');
      expect(valueOf(section(el, 'Custom data'), 'Last upload')).to.equal('scangpj.exe');
      expect(/[\u202A-\u202E\u2066-\u2069]/.test(root(el).querySelector('.base')!.textContent!)).to.be.false;

      store.flush();
      const hebrew = setup();
      hebrew.fixtures.visitors.find((v) => v.id === 'v-emma')!.name = 'דנה לוי';
      const { store: store2 } = setup({ fixtures: hebrew.fixtures });
      const el2 = await mount(store2);
      expect(text(root(el2).querySelector('h2'))).to.equal('דנה לוי');
    });
  });
});
