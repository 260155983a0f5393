import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../browser-commands.js';
import sinon from 'sinon';
import '../../src/define.js';
import type { StateBox } from '../../src/components/state-box/state-box.js';
import type { DeskConversationSelectEvent } from '../../src/events.js';
import { formatDuration } from '../../src/i18n/format.js';
import { visitorNumber } from '../../src/model/thread.js';
import type { Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';
import { ANNOUNCE_DELAY_MS, ANNOUNCER_SELECTOR, lastAnnouncement } from '../../src/components/shared/announcer.js';

/** Arrival order of the demo's ongoing conversations (oldest first). */
const ARRIVAL = ['c-yuki', 'c-sofia', 'c-emma', 'c-amara', 'c-liam', 'c-noah', 'c-4821'];

function setup(fixtures: Fixtures = demoFixtures()) {
  const transport = new MemoryTransport({ fixtures, simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

async function mount(store: DeskStore, attrs: { sort?: string; threshold?: number; lang?: string } = {}) {
  const el = await fixture<StateBox>(
    html`<state-box
      .store=${store}
      sort=${attrs.sort ?? 'arrival'}
      warning-threshold=${attrs.threshold ?? 60}
      lang=${attrs.lang ?? 'en'}
      style="height: 600px"
    ></state-box>`,
  );
  await el.updateComplete;
  return el;
}

function listbox(el: StateBox): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
}

function options(el: StateBox): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

/** The accessible name of an option (name from content): its text without aria-hidden parts. */
function nameOf(_el: StateBox, option: HTMLElement): string {
  const clone = option.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[aria-hidden="true"], [hidden]').forEach((hidden) => hidden.remove());
  return clone.textContent!.replace(/\s+/g, ' ').trim();
}

/** An option's accessible description (aria-describedby). */
function descriptionOf(el: StateBox, option: HTMLElement): string {
  return (option.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function miniView(el: StateBox): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="tooltip"]');
}

function option(el: StateBox, name: string): HTMLElement {
  const found = options(el).find((candidate) => nameOf(el, candidate).includes(name));
  if (!found) throw new Error(`no option named ${name}`);
  return found;
}

function active(el: StateBox): Element | null {
  return el.shadowRoot!.activeElement;
}

describe('<state-box>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  afterEach(() => sinon.restore());

  it('renders the ongoing conversations from the store as a named listbox', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(listbox(el).getAttribute('aria-label')).to.equal('Ongoing conversations');
    const rows = options(el);
    expect(rows.map((row) => row.dataset.id)).to.deep.equal(ARRIVAL);
    expect(nameOf(el, rows[2])).to.contain('Emma Laurent');
    // A visitor without a name gets a stable generated one.
    expect(nameOf(el, rows[6])).to.contain(`Visitor #${visitorNumber('v-4821')}`);
    // Channel as text, not only an icon.
    expect(nameOf(el, option(el, 'Sofía García'))).to.contain('Facebook');
    expect(nameOf(el, option(el, 'Noah Schmidt'))).to.contain('WhatsApp');
    // The conversation in the focused pane is the selected option.
    expect(
      rows.filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => row.dataset.id),
    ).to.deep.equal([store.focusedId]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the last message as text, the unread count and the conversation duration', async () => {
    const fixtures = demoFixtures();
    fixtures.messages.push({
      id: 'x-1',
      conversationId: 'c-noah',
      author: 'visitor',
      at: new Date().toISOString(),
      kind: 'text',
      text: '<img src=x onerror=alert(1)> is the tent <b>waterproof</b>?',
    });
    fixtures.conversations.find((c) => c.id === 'c-noah')!.unread = 3;
    const { store } = setup(fixtures);
    const el = await mount(store);
    const noah = option(el, 'Noah Schmidt');
    const preview = noah.querySelector('[part="preview"]')!;
    expect(preview.textContent).to.equal('<img src=x onerror=alert(1)> is the tent <b>waterproof</b>?');
    expect(preview.children).to.have.length(0);
    expect(nameOf(el, noah)).to.contain('3 unread messages');
    expect(noah.querySelector('[part="badge"]')!.textContent).to.contain('3');
    expect(nameOf(el, noah)).to.match(/Conversation duration \S+/);
    expect(nameOf(el, noah)).to.contain('is the tent');
    // An agent message reads "You: …".
    const amara = option(el, 'Amara');
    expect(amara.querySelector('[part="preview"]')!.textContent).to.match(/^You: /);
  });

  it('ticks the waiting time live and warns past the threshold (fake clock)', async () => {
    const start = Date.parse('2026-11-25T10:00:00Z');
    const clock = sinon.useFakeTimers({ now: start, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const fixtures = demoFixtures(new Date(start));
    // Noah wrote 30 s ago and nobody answered since.
    fixtures.messages.push({
      id: 'x-wait',
      conversationId: 'c-noah',
      author: 'visitor',
      at: new Date(start - 30_000).toISOString(),
      kind: 'text',
      text: 'Hello?',
    });
    const { store } = setup(fixtures);
    const since = store.state.threads.get('c-noah')!.messages;
    // The waiting time counts from the first unanswered visitor message.
    const { waitingSince } = await import('../../src/model/thread.js');
    const waitedMs = start - Date.parse(waitingSince(since)!);
    const el = await mount(store, { threshold: Math.round(waitedMs / 1000) + 10 });
    const noah = () => option(el, 'Noah Schmidt');
    const chip = () => noah().querySelector('[part="waiting"]')!;
    // Seconds tick on screen; what a screen reader reads changes at most once a minute.
    const minutes = (ms: number) =>
      ms < 60_000 ? 'under a minute' : formatDuration('en', Math.floor(ms / 60_000) * 60_000, 'long');
    expect(chip().textContent).to.contain(`Waiting ${formatDuration('en', waitedMs)}`);
    expect(nameOf(el, noah())).to.contain(`Waiting for your reply for ${minutes(waitedMs)}`);
    expect(noah().hasAttribute('data-overdue')).to.equal(false);
    const spoken = nameOf(el, noah());

    clock.tick(5_000);
    await el.updateComplete;
    expect(chip().textContent).to.contain(`Waiting ${formatDuration('en', waitedMs + 5_000)}`);
    if (Math.floor(waitedMs / 60_000) === Math.floor((waitedMs + 5_000) / 60_000)) {
      expect(nameOf(el, noah())).to.equal(spoken);
    }
    expect(noah().hasAttribute('data-overdue')).to.equal(false);

    clock.tick(6_000);
    await el.updateComplete;
    expect(noah().hasAttribute('data-overdue')).to.equal(true);
    expect(nameOf(el, noah())).to.contain('overdue');
    // Overdue in text, not only colour.
    expect(chip().textContent).to.contain('Overdue');

    // A higher threshold clears the warning; removing the attribute restores the default (60 s).
    el.setAttribute('warning-threshold', '3600');
    await el.updateComplete;
    expect(noah().hasAttribute('data-overdue')).to.equal(false);
    el.removeAttribute('warning-threshold');
    await el.updateComplete;
    expect(el.warningThreshold).to.equal(60);

    // An agent reply ends the wait.
    store.send('c-noah', { kind: 'text', text: 'Hi Noah!' });
    store.flush();
    await el.updateComplete;
    expect(noah().querySelector('[part="waiting"]')).to.equal(null);
  });

  it('stops ticking when disconnected', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { store } = setup(demoFixtures(new Date()));
    const el = await mount(store);
    expect(clock.countTimers()).to.equal(1);
    el.remove();
    expect(clock.countTimers()).to.equal(0);
  });

  it('selects on click: desk-conversation-select fires before the switch', async () => {
    const { store } = setup();
    const el = await mount(store);
    let focusedDuringEvent: string | null = 'unset';
    const events: DeskConversationSelectEvent[] = [];
    el.addEventListener('desk-conversation-select', (event) => {
      events.push(event);
      focusedDuringEvent = store.focusedId;
    });
    option(el, 'Emma Laurent').click();
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({ conversationId: 'c-emma' });
    expect(events[0].bubbles && events[0].composed && events[0].cancelable).to.equal(true);
    expect(focusedDuringEvent).to.equal('c-yuki');
    expect(store.focusedId).to.equal('c-emma');
    await el.updateComplete;
    expect(option(el, 'Emma Laurent').getAttribute('aria-selected')).to.equal('true');
  });

  it('does not switch when desk-conversation-select is prevented', async () => {
    const { store } = setup();
    const el = await mount(store);
    el.addEventListener('desk-conversation-select', (event) => event.preventDefault());
    option(el, 'Liam').click();
    expect(store.focusedId).to.equal('c-yuki');
  });

  it('moves with arrow keys, Home and End, and selects with Enter and Space', async () => {
    const { store } = setup();
    const el = await mount(store);
    el.focus();
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-yuki');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-sofia');
    expect(store.focusedId).to.equal('c-yuki');
    // Only one tab stop.
    expect(options(el).filter((row) => row.tabIndex === 0)).to.have.length(1);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-4821');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-4821');
    await sendKeys({ press: 'Enter' });
    expect(store.focusedId).to.equal('c-4821');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-yuki');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await sendKeys({ press: 'Space' });
    expect(store.focusedId).to.equal('c-emma');
  });

  it('type-ahead moves to the visitor whose name starts with the letters typed', async () => {
    const { store } = setup();
    const el = await mount(store);
    el.focus();
    await sendKeys({ press: 'n' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-noah');
    // Letters typed in quick succession add up ("ne…" matches nobody) …
    await sendKeys({ press: 'e' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-noah');
    // … and are forgotten after a pause.
    await aTimeout(800);
    await sendKeys({ type: 'em' });
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-emma');
    // Moving is not selecting.
    expect(store.focusedId).to.equal('c-yuki');
  });

  it('scrolls the list (not the page) to the conversation shown from elsewhere', async () => {
    const fixtures = demoFixtures();
    for (let i = 0; i < 40; i += 1) {
      fixtures.visitors.push({ id: `v-x${i}`, name: `Extra ${i}` });
      fixtures.conversations.push({
        id: `c-x${i}`,
        visitorId: `v-x${i}`,
        channel: 'chat',
        status: 'ongoing',
        startedAt: new Date(Date.now() - 1000 * (40 - i)).toISOString(),
      });
    }
    const { store } = setup(fixtures);
    const el = await mount(store);
    el.style.height = '300px';
    await el.updateComplete;
    const list = listbox(el);
    expect(list.scrollTop).to.equal(0);
    store.focus('c-x39');
    await el.updateComplete;
    // Once laid out (the row is measured after the render, not during it).
    await waitUntil(() => list.scrollTop > 0, 'the list scrolled down to the row');
    const inView = (row: HTMLElement) => {
      const rect = row.getBoundingClientRect();
      const box = list.getBoundingClientRect();
      return rect.bottom <= box.bottom + 1 && rect.top >= box.top - 1;
    };
    expect(inView(option(el, 'Extra 39'))).to.equal(true);
    expect(document.scrollingElement!.scrollTop, 'the page did not scroll').to.equal(0);
    // And back up to a row above the view.
    const first = options(el)[0];
    expect(inView(first)).to.equal(false);
    store.focus(first.dataset.id!);
    await el.updateComplete;
    await waitUntil(() => inView(first), 'the list scrolled back up to the first row');
  });

  it('switches to the next / previous conversation with Alt+ArrowDown / Alt+ArrowUp', async () => {
    const { store } = setup();
    const el = await mount(store);
    const seen: string[] = [];
    el.addEventListener('desk-conversation-select', (event) => seen.push(event.detail.conversationId));
    el.focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    expect(store.focusedId).to.equal('c-sofia');
    await sendKeys({ press: 'Alt+ArrowDown' });
    expect(store.focusedId).to.equal('c-emma');
    await sendKeys({ press: 'Alt+ArrowUp' });
    expect(store.focusedId).to.equal('c-sofia');
    expect(seen).to.deep.equal(['c-sofia', 'c-emma', 'c-sofia']);
    await el.updateComplete;
    expect((active(el) as HTMLElement).dataset.id).to.equal('c-sofia');
  });

  it('sort="waiting" puts the longest wait first; removing the attribute restores that default', async () => {
    const { store } = setup();
    const el = await mount(store, { sort: 'oldest' });
    expect(options(el).map((row) => row.dataset.id)).to.deep.equal(ARRIVAL);
    el.setAttribute('sort', 'waiting');
    await el.updateComplete;
    expect(store.state.sort).to.equal('waiting');
    const ids = options(el).map((row) => row.dataset.id!);
    const waiting = options(el).filter((row) => row.hasAttribute('data-waiting'));
    expect(waiting.length).to.be.greaterThan(1);
    // Every waiting row comes before every other row, and the oldest wait first.
    expect(ids.slice(0, waiting.length)).to.deep.equal(waiting.map((row) => row.dataset.id));
    const { waitingSince } = await import('../../src/model/thread.js');
    const since = waiting.map((row) => Date.parse(waitingSince(store.state.threads.get(row.dataset.id!)!.messages)!));
    expect(since).to.deep.equal([...since].sort((a, b) => a - b));
    el.setAttribute('sort', 'arrival');
    await el.updateComplete;
    expect(el.sort, '"arrival" is the former name of "oldest"').to.equal('oldest');
    el.removeAttribute('sort');
    await el.updateComplete;
    expect(el.sort).to.equal('waiting');
    expect(options(el).map((row) => row.dataset.id)).to.deep.equal(ids);
  });

  it('"Sort by" orders by longest waiting, newest activity or oldest conversation, for the whole desk', async () => {
    const { store } = setup();
    const el = await mount(store, { sort: 'waiting' });
    const sortBy = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    expect(sortBy.closest('label')!.textContent).to.contain('Sort by');
    expect([...sortBy.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Longest waiting',
      'Newest activity',
      'Oldest conversation',
    ]);
    expect(sortBy.value).to.equal('waiting');
    sortBy.value = 'activity';
    sortBy.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(store.state.sort).to.equal('activity');
    const { timeOf } = await import('../../src/model/thread.js');
    const activity = options(el).map((row) => {
      const thread = store.state.threads.get(row.dataset.id!)!.messages.filter((m) => m.kind !== 'navigation');
      return timeOf(thread.at(-1)?.at ?? store.state.conversations.get(row.dataset.id!)!.startedAt);
    });
    expect(activity).to.deep.equal([...activity].sort((a, b) => b - a));
    sortBy.value = 'oldest';
    sortBy.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(options(el).map((row) => row.dataset.id)).to.deep.equal(ARRIVAL);
  });

  it('keeps keyboard focus on its row when sort="waiting" re-orders the list', async () => {
    const { store, transport } = setup();
    const el = await mount(store, { sort: 'waiting' });
    const before = options(el).map((row) => row.dataset.id);
    el.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const moving = (active(el) as HTMLElement).dataset.id!;
    expect(options(el).at(-1)!.hasAttribute('data-waiting')).to.equal(false);
    transport.emit({
      type: 'message.added',
      message: {
        id: 'x-move',
        conversationId: moving,
        author: 'visitor',
        at: new Date().toISOString(),
        kind: 'text',
        text: 'Hello?',
      },
    });
    store.flush();
    await el.updateComplete;
    const after = options(el).map((row) => row.dataset.id);
    expect(after).not.to.deep.equal(before);
    expect(after.indexOf(moving)).to.be.lessThan(before.indexOf(moving));
    expect((active(el) as HTMLElement | null)?.dataset.id).to.equal(moving);
  });

  it('announces a new conversation politely, not the initial list', async () => {
    const { store, transport } = setup();
    document.querySelector(ANNOUNCER_SELECTOR)?.remove();
    const el = await mount(store);
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement(), 'the initial list is not news').to.equal('');
    // Through the desk's announcer, not a live region of its own.
    expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(null);
    transport.emit({ type: 'visitor.updated', visitor: { id: 'v-new', name: 'Zoé Petit' } });
    transport.emit({
      type: 'conversation.upserted',
      conversation: {
        id: 'c-new',
        visitorId: 'v-new',
        channel: 'whatsapp',
        status: 'ongoing',
        startedAt: new Date().toISOString(),
      },
    });
    store.flush();
    await el.updateComplete;
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement()).to.equal('New conversation from Zoé Petit (WhatsApp)');
    expect(options(el).map((row) => row.dataset.id)).to.include('c-new');
  });

  it('shows blocked visitors and keeps a closed conversation that is still on screen', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    transport.emit({ type: 'visitor.updated', visitor: { id: 'v-liam', blocked: true } });
    transport.emit({ type: 'conversation.closed', conversationId: 'c-yuki', at: new Date().toISOString() });
    store.flush();
    await el.updateComplete;
    expect(nameOf(el, option(el, 'Liam'))).to.contain('Blocked');
    const yuki = option(el, 'Yuki Tanaka');
    expect(nameOf(el, yuki)).to.contain('Closed');
    expect(yuki.hasAttribute('data-closed')).to.equal(true);
    expect(options(el).at(-1)).to.equal(yuki);
    await expect(el).shadowDom.to.be.accessible();
    // Once another conversation is shown instead, the closed one leaves the list.
    store.focus('c-emma');
    await el.updateComplete;
    expect(options(el).map((row) => row.dataset.id)).not.to.include('c-yuki');
  });

  describe('previews every kind of message as localized text', () => {
    const base = { conversationId: 'c-noah', author: 'visitor' as const };
    const cases: [Message, string, string][] = [
      [
        { ...base, id: 'p-co', at: '', kind: 'cobrowsing', state: 'requested' },
        'Co-browsing requested',
        'Co-navigation demandée',
      ],
      [
        { ...base, id: 'p-co2', at: '', kind: 'cobrowsing', state: 'ended' },
        'Co-browsing ended',
        'Co-navigation terminée',
      ],
      [
        { ...base, id: 'p-tr', at: '', author: 'system', kind: 'transfer', to: { type: 'agent', name: 'Maria' } },
        'Transferred to Maria',
        'Transférée à Maria',
      ],
      [
        { ...base, id: 'p-file', at: '', kind: 'file', name: 'invoice.pdf', url: 'https://x.example/i.pdf' },
        'File: invoice.pdf',
        'Fichier : invoice.pdf',
      ],
      [{ ...base, id: 'p-img', at: '', kind: 'image', url: 'https://x.example/i.png' }, 'Image', 'Image'],
      [
        { ...base, id: 'p-link', at: '', kind: 'link', url: 'https://shop.example.com/tents' },
        'shop.example.com/tents',
        'shop.example.com/tents',
      ],
      [{ ...base, id: 'p-link2', at: '', kind: 'link', url: 'https://x.example/', title: 'Tents' }, 'Tents', 'Tents'],
      [
        { ...base, id: 'p-offer', at: '', author: 'bot', kind: 'offer', title: '15% off' },
        'Offer: 15% off',
        'Offre : 15% off',
      ],
      [
        { ...base, id: 'p-choice', at: '', author: 'bot', kind: 'choice', question: 'Which size?', options: [] },
        'Which size?',
        'Which size?',
      ],
      [
        {
          ...base,
          id: 'p-tl',
          at: '',
          kind: 'translation',
          text: 'Hello',
          original: 'Hallo',
          sourceLang: 'de',
          targetLang: 'en',
        },
        'Hello',
        'Hello',
      ],
      [
        { ...base, id: 'p-un', at: '', kind: 'unsupported', originalType: 'sticker' },
        'Unsupported content (sticker)',
        'Contenu non pris en charge (sticker)',
      ],
      [
        { ...base, id: 'p-sys', at: '', author: 'system', kind: 'system', text: 'Visitor left' },
        'Visitor left',
        'Visitor left',
      ],
    ];
    for (const [message, en, fr] of cases) {
      it(`${message.kind} (${en})`, async () => {
        for (const [lang, expected] of [
          ['en', en],
          ['fr', fr],
        ] as const) {
          const { store, transport } = setup();
          const el = await mount(store, { lang });
          transport.emit({ type: 'message.added', message: { ...message, at: new Date().toISOString() } as Message });
          store.flush();
          await el.updateComplete;
          const preview = option(el, 'Noah Schmidt').querySelector('[part="preview"]')!;
          expect(preview.textContent).to.equal(expected);
        }
      });
    }
  });

  it('does not list a past (closed) conversation opened from the visitor history; the count matches', async () => {
    const { store } = setup();
    const el = await mount(store);
    const before = options(el).map((row) => row.dataset.id);
    store.focus('c-emma-h1');
    await el.updateComplete;
    expect(store.focusedId).to.equal('c-emma-h1');
    expect(options(el).map((row) => row.dataset.id)).to.deep.equal(before);
    expect(options(el).some((row) => nameOf(el, row).includes('Closed'))).to.equal(false);
    expect(el.shadowRoot!.querySelector('.count')!.textContent).to.contain(`${before.length} conversations`);
    expect(options(el).filter((row) => row.getAttribute('aria-selected') === 'true')).to.have.length(0);
  });

  it('marks a conversation with a message that failed to send as "Not sent"', async () => {
    const { store, transport } = setup();
    const el = await mount(store);
    // The demo's failed message (Liam) is marked from the start.
    expect(nameOf(el, option(el, 'Liam'))).to.contain('Not sent');
    expect(nameOf(el, option(el, 'Noah Schmidt'))).not.to.contain('Not sent');
    transport.emit({
      type: 'message.added',
      message: {
        id: 'f-1',
        conversationId: 'c-noah',
        author: 'agent',
        at: new Date().toISOString(),
        status: 'failed',
        kind: 'text',
        text: 'On my way',
      },
    });
    transport.emit({
      type: 'message.added',
      message: {
        id: 'f-2',
        conversationId: 'c-noah',
        author: 'visitor',
        at: new Date(Date.now() + 1000).toISOString(),
        kind: 'text',
        text: 'Hello?',
      },
    });
    store.flush();
    await el.updateComplete;
    const liam = option(el, 'Noah Schmidt');
    expect(nameOf(el, liam)).to.contain('Not sent');
    expect(liam.querySelector('[part="failed"]')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
    // Sent after all: the mark goes.
    transport.emit({ type: 'message.updated', message: { id: 'f-1', conversationId: 'c-noah', status: 'delivered' } });
    store.flush();
    await el.updateComplete;
    expect(nameOf(el, option(el, 'Noah Schmidt'))).not.to.contain('Not sent');
  });

  it('marks an unsent draft in a conversation that is not focused as "Draft"', async () => {
    const { store } = setup({ ...demoFixtures() });
    const el = await mount(store, { lang: 'fr' });
    store.setDraft('c-emma', 'Je regarde ça');
    store.setDraft(store.focusedId!, 'en cours');
    await el.updateComplete;
    expect(nameOf(el, option(el, 'Emma Laurent'))).to.contain('Brouillon');
    expect(nameOf(el, option(el, 'Yuki Tanaka'))).not.to.contain('Brouillon');
    store.focus('c-emma');
    await el.updateComplete;
    expect(nameOf(el, option(el, 'Emma Laurent'))).not.to.contain('Brouillon');
    expect(nameOf(el, option(el, 'Yuki Tanaka'))).to.contain('Brouillon');
    store.setDraft('c-yuki', '  ');
    await el.updateComplete;
    expect(nameOf(el, option(el, 'Yuki Tanaka'))).not.to.contain('Brouillon');
  });

  it('says the overdue state with the locale’s own words (no English separator)', async () => {
    const fixtures = demoFixtures();
    const { store } = setup(fixtures);
    const el = await mount(store, { lang: 'fr', threshold: 1 });
    const row = option(el, `Visiteur n° ${visitorNumber('v-4821')}`);
    expect(row.hasAttribute('data-overdue')).to.equal(true);
    expect(nameOf(el, row)).to.match(/En attente de votre réponse depuis \S+(\s\S+)? \(en retard\)/);
  });

  it('shows an empty state without conversations', async () => {
    const { store } = setup({ visitors: [], conversations: [], messages: [] });
    const el = await mount(store);
    expect(listbox(el).hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No ongoing conversations');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders an accessible placeholder without a store', async () => {
    const el = await fixture<StateBox>(html`<state-box></state-box>`);
    expect(el.shadowRoot!.textContent).to.contain('not connected');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('speaks French with lang="fr"', async () => {
    const fixtures = demoFixtures();
    fixtures.conversations.find((c) => c.id === 'c-noah')!.unread = 2;
    const { store } = setup(fixtures);
    const el = await mount(store, { lang: 'fr' });
    expect(listbox(el).getAttribute('aria-label')).to.equal('Conversations en cours');
    expect(nameOf(el, option(el, 'Noah Schmidt'))).to.contain('2 messages non lus');
    expect(nameOf(el, option(el, `Visiteur n° ${visitorNumber('v-4821')}`))).to.contain('En attente de votre réponse');
  });

  describe('the radar', () => {
    it('each row gives the conversation ID: short on screen, full in the description; Ctrl+C copies it', async () => {
      const { store } = setup();
      const el = await mount(store);
      const noah = option(el, 'Noah Schmidt');
      expect(noah.querySelector('[part="conversation-id"]')!.textContent).to.contain('ID c-noah');
      expect(descriptionOf(el, noah)).to.contain('Conversation ID c-noah');
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      noah.focus();
      await sendKeys({ press: 'Control+c' });
      await el.updateComplete;
      expect(write.calledOnceWith('c-noah')).to.be.true;
      await aTimeout(ANNOUNCE_DELAY_MS + 50);
      expect(lastAnnouncement()).to.contain('Conversation ID c-noah copied');
    });

    it('says whether the visitor is still there: "Online", or "Left 4 minutes ago", live', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      expect(nameOf(el, option(el, 'Noah Schmidt'))).to.contain('Online');
      expect(option(el, 'Noah Schmidt').querySelector('[part="presence"]')!.hasAttribute('data-online')).to.be.true;
      expect(nameOf(el, option(el, 'Liam'))).to.contain('Left 4 minutes ago');
      transport.emit({
        type: 'visitor.updated',
        visitor: { id: 'v-noah', online: false, lastSeenAt: new Date().toISOString() },
      });
      store.flush();
      await el.updateComplete;
      expect(nameOf(el, option(el, 'Noah Schmidt'))).to.contain('Left under a minute ago');
      expect(option(el, 'Noah Schmidt').querySelector('[part="presence"]')!.hasAttribute('data-online')).to.be.false;
    });

    it('shows the time since the agent last wrote; a conversation not answered yet is marked New', async () => {
      const { store } = setup();
      const el = await mount(store);
      const noah = () => option(el, 'Noah Schmidt');
      expect(noah().querySelector('[part="new"]')!.textContent).to.contain('New');
      expect(nameOf(el, noah())).to.contain('Not answered yet');
      expect(noah().querySelector('[part="replied"]')).to.equal(null);
      store.send('c-noah', { kind: 'text', text: 'Hi Noah!' });
      store.flush();
      await el.updateComplete;
      expect(noah().querySelector('[part="new"]')).to.equal(null);
      expect(nameOf(el, noah())).to.contain('You replied under a minute ago');
      expect(noah().querySelector('[part="replied"]')!.textContent).to.match(/Replied \d+s/);
      // Sending also ends the wait.
      expect(noah().hasAttribute('data-waiting')).to.be.false;
    });

    it('the reply, presence and duration times move on with the clock, minute by minute when read (fake clock)', async () => {
      const start = Date.parse('2026-11-25T10:00:00Z');
      const clock = sinon.useFakeTimers({ now: start, toFake: ['setInterval', 'clearInterval', 'Date'] });
      try {
        const { store } = setup(demoFixtures(new Date(start)));
        store.send('c-noah', { kind: 'text', text: 'Hi Noah!' });
        store.flush();
        const el = await mount(store);
        const noah = () => option(el, 'Noah Schmidt');
        const liam = () => option(el, 'Liam');
        expect(nameOf(el, noah())).to.contain('You replied under a minute ago');
        expect(nameOf(el, liam())).to.contain('Left 4 minutes ago');
        const duration = nameOf(el, noah()).match(/Conversation duration ([^,]+)/)![1];
        clock.tick(30_000);
        await el.updateComplete;
        // On screen the reply time ticks; the spoken name does not change within the minute.
        expect(noah().querySelector('[part="replied"]')!.textContent).to.contain('Replied 30s');
        expect(nameOf(el, noah())).to.contain('You replied under a minute ago');
        clock.tick(3 * 60_000);
        await el.updateComplete;
        expect(nameOf(el, noah())).to.contain('You replied 3 minutes ago');
        expect(nameOf(el, liam())).to.contain('Left 7 minutes ago');
        expect(nameOf(el, noah()).match(/Conversation duration ([^,]+)/)![1]).not.to.equal(duration);
      } finally {
        clock.restore();
      }
    });

    it('marks a conversation transferred to the agent', async () => {
      const { store, transport } = setup();
      const el = await mount(store);
      expect(option(el, 'Noah Schmidt').querySelector('[part="transferred"]')).to.equal(null);
      transport.emit({
        type: 'message.added',
        message: {
          id: 'x-transfer',
          conversationId: 'c-noah',
          author: 'system',
          at: new Date().toISOString(),
          kind: 'transfer',
          to: { type: 'agent', name: 'Alex Martin' },
          from: { name: 'Sam' },
          comment: 'Wants a refund',
        },
      });
      store.flush();
      await el.updateComplete;
      expect(option(el, 'Noah Schmidt').querySelector('[part="transferred"]')!.textContent).to.contain('Transferred');
      expect(descriptionOf(el, option(el, 'Noah Schmidt'))).to.contain('Transferred to you');
    });

    it('Shift+Enter shows the last 3 messages without switching; Escape closes it, focus stays', async () => {
      const { store } = setup();
      const el = await mount(store);
      const before = store.focusedId;
      const emma = option(el, 'Emma');
      emma.focus();
      await sendKeys({ press: 'Shift+Enter' });
      await el.updateComplete;
      const view = miniView(el)!;
      expect(view.getAttribute('aria-label')).to.equal('Latest messages from Emma Laurent');
      const shown = store.state.threads
        .get('c-emma')!
        .messages.filter((m) => m.kind !== 'navigation')
        .slice(-3);
      expect(view.querySelectorAll('li')).to.have.length(shown.length);
      expect(emma.getAttribute('aria-describedby')).to.contain('mini-view');
      expect(store.focusedId).to.equal(before);
      expect(active(el)).to.equal(emma);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(miniView(el)).to.equal(null);
      expect(active(el)).to.equal(emma);
      expect(store.focusedId).to.equal(before);
    });

    it('resting the pointer on a row shows its mini view after a short delay; leaving hides it', async () => {
      const { store } = setup();
      const el = await mount(store);
      const noah = option(el, 'Noah Schmidt');
      noah.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await aTimeout(100);
      expect(miniView(el), 'not at once').to.equal(null);
      await aTimeout(600);
      await el.updateComplete;
      expect(miniView(el)!.getAttribute('aria-label')).to.equal('Latest messages from Noah Schmidt');
      listbox(el).dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
      await aTimeout(300);
      await el.updateComplete;
      expect(miniView(el)).to.equal(null);
    });
  });
});
