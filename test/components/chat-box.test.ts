import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { backgroundBehind, contrast } from '../support/contrast.js';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { sendKeys, setViewport } from '../browser-commands.js';
import sinon from 'sinon';
import '../../src/define.js';
import type { ChatBox } from '../../src/components/chat-box/chat-box.js';
import type { MessageFilterElement } from '../../src/components/message-filter/message-filter.js';
import { ANNOUNCE_DELAY_MS, lastAnnouncement } from '../../src/components/shared/announcer.js';
import type {
  DeskBlockVisitorEvent,
  DeskCobrowseEvent,
  DeskCobrowseOptionEvent,
  DeskFilterChangeEvent,
  DeskOpenPageEvent,
  DeskTakeControlEvent,
} from '../../src/events.js';
import { matchesFilter, MESSAGE_FILTERS } from '../../src/model/filter.js';
import { visitorNumber } from '../../src/model/thread.js';
import type { Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';

// ---- helpers -----------------------------------------------------------------------------------

const IMPLICIT: Record<string, string> = {
  BUTTON: 'button',
  A: 'link',
  IMG: 'img',
  UL: 'list',
  LI: 'listitem',
  DIALOG: 'dialog',
};

function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  if (element instanceof HTMLInputElement && element.type === 'radio') return 'radio';
  if (element.tagName === 'A' && !element.hasAttribute('href')) return null;
  return IMPLICIT[element.tagName] ?? null;
}

/** Accessible name, close enough for this markup: aria-label, aria-labelledby, alt, label, else text minus aria-hidden parts. */
function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const by = element.getAttribute('aria-labelledby');
  if (by) {
    const root = element.getRootNode() as ShadowRoot;
    return by
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (element instanceof HTMLImageElement) return element.alt;
  if (element.tagName === 'INPUT') return (element.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  const text = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text && element.tagName === 'A') return element.querySelector('img')?.alt ?? '';
  return text;
}

function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter((element) => {
    if (roleOf(element) !== role) return false;
    if (name === undefined) return true;
    const accessible = nameOf(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

function byRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0];
}

const NOW = new Date();
const LOADING_IMAGE = new URL('./chat-box-image.svg', import.meta.url).href;
function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString();
}

/** A conversation with every message kind once (plus delivery states), for Kim Park. */
function kindsThread(): Message[] {
  const c = 'c-kinds';
  const base = { conversationId: c };
  return [
    {
      ...base,
      id: 'k-system',
      author: 'system',
      at: ago(600),
      kind: 'system',
      text: 'Conversation started from the home page',
    },
    { ...base, id: 'k-text', author: 'visitor', at: ago(590), kind: 'text', text: 'Hello, I need help with my order' },
    {
      ...base,
      id: 'k-choice',
      author: 'bot',
      authorName: 'Ava (bot)',
      at: ago(580),
      kind: 'choice',
      question: 'What is it about?',
      options: [
        { id: 'o1', label: 'Delivery' },
        { id: 'o2', label: 'Returns' },
      ],
      selectedId: 'o2',
    },
    {
      ...base,
      id: 'k-transfer',
      author: 'system',
      at: ago(570),
      kind: 'transfer',
      to: { type: 'agent', name: 'Alex Martin' },
      from: { name: 'Ava (bot)' },
      comment: 'Wants to return boots',
    },
    {
      ...base,
      id: 'k-translation',
      author: 'visitor',
      at: ago(560),
      kind: 'translation',
      text: 'I want to return boots',
      original: 'Quiero devolver unas botas',
      sourceLang: 'es',
      targetLang: 'en',
    },
    {
      ...base,
      id: 'k-unsupported',
      author: 'visitor',
      at: ago(550),
      kind: 'unsupported',
      originalType: 'sticker',
      text: 'A waving hand',
    },
    {
      ...base,
      id: 'k-image',
      author: 'visitor',
      at: ago(540),
      kind: 'image',
      // Served by the test server: an image that loads (a broken one shows a fallback instead).
      url: LOADING_IMAGE,
      alt: 'Muddy boots',
      width: 40,
      height: 30,
    },
    {
      ...base,
      id: 'k-nav',
      author: 'visitor',
      at: ago(530),
      kind: 'navigation',
      url: 'https://shop.example.com/returns',
      title: 'Returns policy',
    },
    {
      ...base,
      id: 'k-link',
      author: 'agent',
      authorName: 'Alex Martin',
      status: 'read',
      at: ago(520),
      kind: 'link',
      url: 'https://shop.example.com/returns',
      title: 'How returns work',
    },
    {
      ...base,
      id: 'k-file',
      author: 'agent',
      authorName: 'Alex Martin',
      status: 'delivered',
      at: ago(510),
      kind: 'file',
      name: 'label.pdf',
      url: 'https://files.example.com/label.pdf',
      size: 48213,
      mimeType: 'application/pdf',
    },
    {
      ...base,
      id: 'k-offer',
      author: 'agent',
      authorName: 'Alex Martin',
      status: 'sent',
      at: ago(500),
      kind: 'offer',
      title: 'Free return shipping',
      description: 'For loyalty members',
      url: 'https://shop.example.com/offer',
      cta: 'Use it',
      imageUrl: 'https://images.example.com/offer.jpg',
    },
    { ...base, id: 'k-cobrowsing', author: 'agent', at: ago(490), kind: 'cobrowsing', state: 'started' },
    {
      ...base,
      id: 'k-sending',
      author: 'agent',
      authorName: 'Alex Martin',
      status: 'sending',
      clientId: 'cid-sending',
      at: ago(480),
      kind: 'text',
      text: 'On its way',
    },
    {
      ...base,
      id: 'k-failed',
      author: 'agent',
      authorName: 'Alex Martin',
      status: 'failed',
      clientId: 'cid-failed',
      at: ago(470),
      kind: 'text',
      text: 'This one did not go',
    },
  ] as Message[];
}

function setup(edit?: (fixtures: Fixtures) => void) {
  const fixtures = demoFixtures(NOW);
  fixtures.visitors.push({
    id: 'v-kim',
    name: 'Kim Park',
    currentPage: { url: 'https://shop.example.com/returns', title: 'Returns' },
  });
  fixtures.conversations.push({
    id: 'c-kinds',
    visitorId: 'v-kim',
    channel: 'whatsapp',
    status: 'ongoing',
    startedAt: ago(700),
  });
  fixtures.messages.push(...kindsThread());
  edit?.(fixtures);
  const transport = new MemoryTransport({ fixtures, simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store, fixtures };
}

async function settle(el: ChatBox): Promise<void> {
  await el.updateComplete;
  for (let i = 0; i < 4; i += 1) {
    await nextFrame();
    const host = el.shadowRoot!.querySelector<VirtualizerHostElement>('.scroller');
    // layoutComplete only settles when a layout is pending: do not wait for it forever.
    await Promise.race([host?.[virtualizerRef]?.layoutComplete.catch(() => undefined), aTimeout(40)]);
  }
  await el.updateComplete;
}

async function mount(
  store: DeskStore,
  id = 'c-kinds',
  options: { height?: number; filter?: string; lang?: string } = {},
) {
  // The virtualizer renders what is inside the window too: make the window taller than the thread.
  await setViewport({ width: 1000, height: Math.max(600, (options.height ?? 2400) + 120) });
  const el = await fixture<ChatBox>(
    html`<chat-box
      style="display: flex; width: 900px; height: ${options.height ?? 2400}px"
      lang=${options.lang ?? 'en'}
      .store=${store}
      conversation-id=${id}
      filter=${options.filter ?? 'all'}
    ></chat-box>`,
  );
  await settle(el);
  return el;
}

function root(el: ChatBox): ShadowRoot {
  return el.shadowRoot!;
}

function row(el: ChatBox, id: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`.row[data-key="m:${id}"]`);
  if (!found) throw new Error(`row ${id} is not rendered`);
  return found;
}

function renderedKeys(el: ChatBox): string[] {
  return [...root(el).querySelectorAll<HTMLElement>('.row')].map((element) => element.dataset['key']!.slice(2));
}

function filterOf(el: ChatBox): MessageFilterElement {
  return root(el).querySelector('message-filter')!;
}

function scroller(el: ChatBox): HTMLElement {
  return byRole(root(el), 'log');
}

function longThread(conversationId: string, count: number, start = 0): Message[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${conversationId}-long-${start + i}`,
    conversationId,
    author: i % 2 === 0 ? 'visitor' : 'agent',
    at: ago((count - i) * 20 + 5),
    kind: 'text',
    text: `Long message number ${start + i}`,
  })) as Message[];
}

// ---- tests -------------------------------------------------------------------------------------

describe('<chat-box>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  afterEach(() => sinon.restore());

  it('is a log named after the visitor, with the channel in the header, and passes axe', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-emma', { height: 700 });
    expect(scroller(el).getAttribute('aria-label')).to.equal('Conversation with Emma Laurent');
    expect(root(el).querySelector('[part~="channel"]')!.textContent).to.contain('Live chat');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('names an anonymous visitor "Visitor #n"', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-4821', { height: 500 });
    byRole(root(el), 'log', `Conversation with Visitor #${visitorNumber('v-4821')}`);
  });

  it('renders every message kind with its own element and text', async () => {
    const { store } = setup();
    const el = await mount(store);
    expect(row(el, 'k-system').querySelector('.event.system')!.textContent).to.contain(
      'Conversation started from the home page',
    );
    expect(row(el, 'k-text').querySelector('.bubble')!.textContent).to.equal('Hello, I need help with my order');

    const choice = row(el, 'k-choice');
    const list = byRole(choice, 'list', 'Options');
    expect(allByRole(list, 'listitem').map(nameOf)).to.deep.equal(['Delivery', 'Returns']);
    expect(list.querySelector('[aria-current="true"]')!.textContent!.trim()).to.equal('Returns');
    expect(choice.textContent).to.contain('Visitor chose: Returns');

    const transfer = row(el, 'k-transfer').querySelector('.event.transfer')!;
    expect(transfer.textContent).to.contain('Ava (bot) transferred the conversation to Alex Martin');
    expect(transfer.querySelector('q')!.textContent).to.equal('Wants to return boots');

    const translation = row(el, 'k-translation');
    expect(translation.textContent).to.contain('I want to return boots');
    expect(translation.textContent).to.contain('Translated from Spanish');
    expect(translation.textContent).not.to.contain('Quiero devolver');
    const toggle = byRole(translation, 'button', 'Show original');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settle(el);
    const opened = row(el, 'k-translation');
    expect(opened.querySelector('[lang="es"]')!.textContent).to.equal('Quiero devolver unas botas');
    expect(byRole(opened, 'button', 'Hide original').getAttribute('aria-expanded')).to.equal('true');

    const unsupported = row(el, 'k-unsupported').querySelector('.unsupported')!;
    expect(unsupported.textContent).to.contain('The channel sent content the desk cannot display (sticker).');
    expect(unsupported.textContent).to.contain('A waving hand');

    const image = byRole(row(el, 'k-image'), 'img', 'Muddy boots') as HTMLImageElement;
    expect(image.getAttribute('loading')).to.equal('lazy');
    const imageLink = image.closest('a')!;
    expect(imageLink.href).to.equal(LOADING_IMAGE);
    expect(imageLink.target).to.equal('_blank');
    expect(imageLink.rel).to.contain('noopener');

    const navigation = row(el, 'k-nav').querySelector('.navigation')!;
    expect(navigation.textContent).to.contain('Visited');
    expect(byRole(navigation, 'link', 'Returns policy').getAttribute('href')).to.equal(
      'https://shop.example.com/returns',
    );
    expect(navigation.querySelector('time')).to.exist;

    const link = byRole(row(el, 'k-link'), 'link', 'How returns work') as HTMLAnchorElement;
    expect(link.href).to.equal('https://shop.example.com/returns');
    expect(link.rel).to.contain('noopener');

    const file = row(el, 'k-file');
    const download = byRole(file, 'link', 'Download label.pdf') as HTMLAnchorElement;
    expect(download.href).to.equal('https://files.example.com/label.pdf');
    expect(download.hasAttribute('download')).to.be.true;
    expect(file.querySelector('.file-icon')!.textContent).to.equal('PDF');
    expect(file.textContent).to.match(/48(\.2)?\s?kB/);

    const offer = row(el, 'k-offer');
    expect(offer.textContent).to.contain('Free return shipping');
    expect(offer.textContent).to.contain('For loyalty members');
    expect((byRole(offer, 'link', 'Use it') as HTMLAnchorElement).href).to.equal('https://shop.example.com/offer');
    expect(offer.querySelector('img')!.getAttribute('src')).to.equal('https://images.example.com/offer.jpg');

    expect(row(el, 'k-cobrowsing').querySelector('.event.cobrowsing')!.textContent).to.contain('Co-browsing started');

    // Delivery states of agent messages.
    expect(row(el, 'k-link').querySelector('[part~="status"]')!.textContent).to.contain('Read');
    expect(row(el, 'k-file').querySelector('[part~="status"]')!.textContent).to.contain('Delivered');
    expect(row(el, 'k-offer').querySelector('[part~="status"]')!.textContent).to.contain('Sent');
    expect(row(el, 'cid-sending').querySelector('[part~="status"]')!.textContent).to.contain('Sending');
    const failed = row(el, 'cid-failed');
    expect(failed.classList.contains('failed')).to.be.true;
    expect(failed.textContent).to.contain('Not sent');
    // Its name says which message it sends again ("Retry: …").
    byRole(failed, 'button', /^Retry: ./);
    // Each kind has its own element: no two kinds share the same body markup.
    const signatures = new Set(
      kindsThread().map((message) => {
        const body = row(el, message.clientId ?? message.id).querySelector('.bubble, .event, .navigation')!;
        return `${body.tagName}.${[...body.classList].sort().join('.')}`;
      }),
    );
    expect(signatures.size).to.be.greaterThan(10);
  });

  it('puts visitor messages on the left and agent and bot messages on the right', async () => {
    const { store } = setup();
    const el = await mount(store);
    const left = (id: string) => row(el, id).querySelector('.bubble')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const middle = box.left + box.width / 2;
    for (const id of ['k-text', 'k-translation', 'k-unsupported', 'k-image']) {
      expect(row(el, id).dataset['side'], id).to.equal('left');
      expect(left(id).left, id).to.be.lessThan(middle);
    }
    for (const id of ['k-choice', 'k-link', 'k-file', 'k-offer', 'cid-failed']) {
      expect(row(el, id).dataset['side'], id).to.equal('right');
      expect(left(id).right, id).to.be.greaterThan(middle);
    }
    // Agent and visitor bubbles are coloured differently.
    const colour = (id: string) => getComputedStyle(row(el, id).querySelector('.bubble')!).backgroundColor;
    expect(colour('k-text')).not.to.equal(colour('cid-sending'));
  });

  it('colours bubbles and avatars with --chat-box-*-bubble-*; cards and notices keep their own surface', async () => {
    const { store } = setup((fixtures) => {
      fixtures.messages.push({
        id: 'k-bot-text',
        conversationId: 'c-kinds',
        author: 'bot',
        authorName: 'Ava (bot)',
        at: ago(1),
        kind: 'text',
        text: 'Anything else?',
      });
    });
    const el = await mount(store);
    el.style.setProperty('--chat-box-visitor-bubble-bg', 'rgb(1, 2, 3)');
    el.style.setProperty('--chat-box-visitor-bubble-color', 'rgb(4, 5, 6)');
    el.style.setProperty('--chat-box-agent-bubble-bg', 'rgb(7, 8, 9)');
    el.style.setProperty('--chat-box-agent-bubble-color', 'rgb(10, 11, 12)');
    el.style.setProperty('--chat-box-bot-bubble-bg', 'rgb(13, 14, 15)');
    el.style.setProperty('--chat-box-bot-bubble-color', 'rgb(16, 17, 18)');
    const style = (id: string, selector: string) => getComputedStyle(row(el, id).querySelector(selector)!);
    const colours = (id: string, selector: string) => [style(id, selector).backgroundColor, style(id, selector).color];
    expect(colours('k-text', '.bubble')).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    expect(colours('k-text', '.avatar')).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    expect(colours('cid-sending', '.bubble')).to.deep.equal(['rgb(7, 8, 9)', 'rgb(10, 11, 12)']);
    expect(colours('k-bot-text', '.bubble')).to.deep.equal(['rgb(13, 14, 15)', 'rgb(16, 17, 18)']);
    expect(colours('k-bot-text', '.avatar')).to.deep.equal(['rgb(13, 14, 15)', 'rgb(16, 17, 18)']);
    // Cards (whoever sent them) and unsupported-content notices do not take the author's colours.
    for (const id of ['k-link', 'k-file', 'k-choice', 'k-unsupported']) {
      expect(style(id, '.bubble').backgroundColor, id).not.to.be.oneOf([
        'rgb(1, 2, 3)',
        'rgb(7, 8, 9)',
        'rgb(13, 14, 15)',
      ]);
    }
  });

  it('indents "page visited" lines to the visitor bubbles, on the right in right-to-left', async () => {
    for (const lang of ['en', 'ar']) {
      const { store } = setup();
      const el = await mount(store, 'c-kinds', { lang });
      const line = row(el, 'k-nav').querySelector('.navigation')!.getBoundingClientRect();
      const bubble = row(el, 'k-text').querySelector('.bubble')!.getBoundingClientRect();
      if (lang === 'en') expect(line.left).to.be.closeTo(bubble.left, 1);
      else expect(line.right, lang).to.be.closeTo(bubble.right, 1);
      el.remove(); // the next one takes its place in the window (the virtualizer renders what is in view)
    }
  });

  it('groups consecutive messages of one author and separates days', async () => {
    const { store } = setup((fixtures) => {
      fixtures.messages.push(
        {
          id: 'g-old',
          conversationId: 'c-noah',
          author: 'visitor',
          at: ago(3 * 86400),
          kind: 'text',
          text: 'Three days ago',
        },
        {
          id: 'g-a',
          conversationId: 'c-noah',
          author: 'agent',
          authorName: 'Alex Martin',
          at: ago(25),
          kind: 'text',
          text: 'Hi',
        },
        { id: 'g-1', conversationId: 'c-noah', author: 'visitor', at: ago(20), kind: 'text', text: 'First' },
        { id: 'g-2', conversationId: 'c-noah', author: 'visitor', at: ago(19), kind: 'text', text: 'Second' },
      );
    });
    const el = await mount(store, 'c-noah', { height: 1200 });
    expect(row(el, 'g-1').querySelector('[part~="avatar"]')).to.exist;
    expect(row(el, 'g-1').querySelector('[part~="author"]')!.textContent).to.equal('Noah Schmidt');
    expect(row(el, 'g-2').querySelector('[part~="avatar"]')).to.equal(null);
    expect(row(el, 'g-2').querySelector('[part~="author"]')).to.equal(null);
    const days = [...root(el).querySelectorAll('[part~="day-separator"]')].map((day) => day.textContent!.trim());
    expect(days).to.have.length(2);
    expect(days[1]).to.equal('Today');
  });

  describe('filter', () => {
    for (const value of MESSAGE_FILTERS) {
      it(`filter="${value}" shows exactly the matching messages`, async () => {
        const { store } = setup();
        const el = await mount(store, 'c-kinds', { filter: value });
        const expected = kindsThread()
          .filter((message) => matchesFilter(message, value))
          .map((message) => message.clientId ?? message.id);
        expect(renderedKeys(el)).to.deep.equal(expected);
        expect(el.filter).to.equal(value);
        expect(el.getAttribute('filter')).to.equal(value);
      });
    }

    it('removing the attribute restores "all"', async () => {
      const { store } = setup();
      const el = await mount(store, 'c-kinds', { filter: 'navigation' });
      expect(renderedKeys(el)).to.deep.equal(['k-nav']);
      el.removeAttribute('filter');
      await settle(el);
      expect(el.filter).to.equal('all');
      expect(renderedKeys(el)).to.have.length(kindsThread().length);
    });

    it('its header holds a "Message filter" radio group that filters this thread, with arrow keys', async () => {
      const { store } = setup();
      const el = await mount(store);
      const filter = filterOf(el);
      await filter.updateComplete;
      const group = byRole(filter.shadowRoot!, 'radiogroup', 'Message filter');
      expect(allByRole(group, 'radio').map(nameOf)).to.deep.equal(['All', 'Visitor', 'Agent', 'Actions', 'Navigation']);
      const changed = oneEvent(filter, 'desk-filter-change') as Promise<DeskFilterChangeEvent>;
      byRole(group, 'radio', 'Agent').click();
      expect((await changed).detail).to.deep.equal({ value: 'agent' });
      await settle(el);
      expect(el.filter).to.equal('agent');
      expect(
        renderedKeys(el).every((key) =>
          ['k-choice', 'k-link', 'k-file', 'k-offer', 'k-cobrowsing', 'cid-sending', 'cid-failed'].includes(key),
        ),
      ).to.be.true;

      (byRole(group, 'radio', 'Agent') as HTMLInputElement).focus();
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect((byRole(group, 'radio', 'Actions') as HTMLInputElement).checked).to.be.true;
      expect(el.filter).to.equal('actions');
      expect(filter.value).to.equal('actions');
      expect(renderedKeys(el)).to.deep.equal([
        'k-choice',
        'k-transfer',
        'k-image',
        'k-link',
        'k-file',
        'k-offer',
        'k-cobrowsing',
      ]);
    });

    it('shows a friendly empty state when nothing matches, with a way back to all messages', async () => {
      const { store } = setup();
      // The SMS visitor is not on the site: no navigation in that conversation.
      const el = await mount(store, 'c-4821', { filter: 'navigation', height: 600 });
      const empty = root(el).querySelector('[part~="empty"]')!;
      expect(empty.textContent).to.contain('No “Navigation” messages in this conversation.');
      byRole(empty, 'button', 'Show all messages').click();
      await settle(el);
      expect(el.filter).to.equal('all');
      expect(renderedKeys(el)).to.deep.equal(['c-4821-m1']);
    });
  });

  describe('safety', () => {
    it('never turns javascript:/data: URLs into links or image sources', async () => {
      const { store } = setup((fixtures) => {
        const c = 'c-noah';
        fixtures.messages.push(
          {
            id: 'u-link',
            conversationId: c,
            author: 'agent',
            at: ago(9),
            kind: 'link',
            url: 'javascript:alert(1)',
            title: 'Click me',
          },
          {
            id: 'u-data-link',
            conversationId: c,
            author: 'visitor',
            at: ago(8),
            kind: 'link',
            url: 'data:text/html,<script>alert(1)</script>',
          },
          {
            id: 'u-image',
            conversationId: c,
            author: 'visitor',
            at: ago(7),
            kind: 'image',
            url: 'data:image/png;base64,AAAA',
            alt: 'Sneaky',
          },
          {
            id: 'u-js-image',
            conversationId: c,
            author: 'visitor',
            at: ago(6),
            kind: 'image',
            url: 'javascript:alert(1)',
          },
          {
            id: 'u-file',
            conversationId: c,
            author: 'agent',
            at: ago(5),
            kind: 'file',
            name: 'x.html',
            url: 'data:text/html,hi',
          },
          {
            id: 'u-offer',
            conversationId: c,
            author: 'agent',
            at: ago(4),
            kind: 'offer',
            title: 'Deal',
            url: 'javascript:void(0)',
            imageUrl: 'data:image/png;base64,AAAA',
          },
          {
            id: 'u-nav',
            conversationId: c,
            author: 'visitor',
            at: ago(3),
            kind: 'navigation',
            url: 'javascript:alert(2)',
            title: 'Evil page',
          },
          {
            id: 'u-html',
            conversationId: c,
            author: 'visitor',
            at: ago(2),
            kind: 'text',
            text: '<img src=x onerror=alert(1)><b>bold</b>',
          },
        );
      });
      const el = await mount(store, 'c-noah', { height: 1600 });
      for (const id of ['u-link', 'u-data-link', 'u-image', 'u-js-image', 'u-file', 'u-offer', 'u-nav']) {
        const element = row(el, id);
        expect(element.querySelector('a'), id).to.equal(null);
        expect(element.querySelector('img'), id).to.equal(null);
      }
      expect(row(el, 'u-link').textContent).to.contain('javascript:alert(1)');
      expect(row(el, 'u-link').textContent).to.contain('Link blocked');
      expect(row(el, 'u-image').textContent).to.contain('Image blocked');
      expect(row(el, 'u-image').textContent).to.contain('data:image/png;base64,AAAA');
      const text = row(el, 'u-html').querySelector('.bubble')!;
      expect(text.textContent).to.equal('<img src=x onerror=alert(1)><b>bold</b>');
      expect(text.querySelector('img, b')).to.equal(null);
      expect(
        root(el).querySelectorAll('a[href^="javascript"], a[href^="data"], img[src^="data"], img[src^="javascript"]'),
      ).to.have.length(0);
    });

    it('collapses a message over 4,000 characters behind "Show more"', async () => {
      const long = `${'a'.repeat(4500)}END`;
      const { store } = setup((fixtures) => {
        fixtures.messages.push({
          id: 'big',
          conversationId: 'c-noah',
          author: 'visitor',
          at: ago(1),
          kind: 'text',
          text: long,
        });
      });
      const el = await mount(store, 'c-noah', { height: 1200 });
      const bubble = () => row(el, 'big').querySelector('.bubble')!;
      expect(bubble().textContent).not.to.contain('END');
      expect(bubble().textContent!.length).to.be.lessThan(4100);
      const more = byRole(bubble(), 'button', 'Show more');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await settle(el);
      expect(bubble().textContent).to.contain('END');
      expect(byRole(bubble(), 'button', 'Show less').getAttribute('aria-expanded')).to.equal('true');
    });
  });

  describe('header tools', () => {
    it('"Open current page" fires desk-open-page, then opens a new tab with noopener', async () => {
      const { store } = setup();
      const el = await mount(store, 'c-emma', { height: 500 });
      const open = sinon.stub(window, 'open').returns(null);
      const button = byRole(root(el), 'button', 'Open current page');
      const described = root(el).getElementById(button.getAttribute('aria-describedby')!)!;
      expect(described.textContent).to.contain('basket, login');
      expect(button.title).to.contain('not carried over');
      const fired = oneEvent(el, 'desk-open-page') as Promise<DeskOpenPageEvent>;
      button.click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ url: 'https://shop.example.com/boots/trail-pro', visitorId: 'v-emma' });
      expect(event.cancelable && event.bubbles && event.composed).to.be.true;
      expect(open.calledOnce).to.be.true;
      expect(open.firstCall.args[0]).to.equal('https://shop.example.com/boots/trail-pro');
      expect(open.firstCall.args[1]).to.equal('_blank');
      expect(String(open.firstCall.args[2])).to.contain('noopener');
    });

    it('"Open current page": preventDefault() stops the new tab', async () => {
      const { store } = setup();
      const el = await mount(store, 'c-emma', { height: 500 });
      const open = sinon.stub(window, 'open').returns(null);
      el.addEventListener('desk-open-page', (event) => event.preventDefault());
      byRole(root(el), 'button', 'Open current page').click();
      expect(open.called).to.be.false;
    });

    it('"Open current page" is disabled when the current page is not a safe URL', async () => {
      const { store } = setup((fixtures) => {
        fixtures.visitors.find((visitor) => visitor.id === 'v-liam')!.currentPage = { url: 'javascript:alert(1)' };
      });
      const el = await mount(store, 'c-liam', { height: 500 });
      const open = sinon.stub(window, 'open').returns(null);
      const button = byRole(root(el), 'button', 'Open current page') as HTMLButtonElement;
      expect(button.disabled).to.be.true;
      button.click();
      expect(open.called).to.be.false;
    });

    it('"Take control" fires desk-take-control, then asks the store for co-browsing', async () => {
      const { store, transport } = setup();
      const el = await mount(store, 'c-liam', { height: 500 });
      const fired = oneEvent(el, 'desk-take-control') as Promise<DeskTakeControlEvent>;
      byRole(root(el), 'button', 'Take control').click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ visitorId: 'v-liam', conversationId: 'c-liam' });
      expect(event.cancelable).to.be.true;
      expect(transport.sent.find((command) => command.type === 'cobrowse')).to.include({
        conversationId: 'c-liam',
        visitorId: 'v-liam',
      });
    });

    it('"Take control": preventDefault() keeps the command from the store', async () => {
      const { store, transport } = setup();
      const el = await mount(store, 'c-liam', { height: 500 });
      el.addEventListener('desk-take-control', (event) => event.preventDefault());
      byRole(root(el), 'button', 'Take control').click();
      expect(transport.sent.some((command) => command.type === 'cobrowse')).to.be.false;
    });

    it('"Block visitor" fires desk-block-visitor first, then confirms in an alertdialog; Cancel returns focus', async () => {
      const { store, transport } = setup();
      const el = await mount(store, 'c-noah', { height: 500 });
      const confirm = sinon.spy(window, 'confirm');
      const button = byRole(root(el), 'button', 'Block visitor');
      let dialogOpenWhenFired: boolean | undefined;
      el.addEventListener('desk-block-visitor', () => {
        dialogOpenWhenFired = root(el).querySelector('dialog')?.open ?? false;
      });
      const fired = oneEvent(el, 'desk-block-visitor') as Promise<DeskBlockVisitorEvent>;
      button.focus();
      button.click();
      expect((await fired).detail).to.deep.equal({ visitorId: 'v-noah' });
      expect(dialogOpenWhenFired).to.be.false;
      // The dialog's code arrives on first use.
      await waitUntil(() => root(el).querySelector('dialog')?.open, 'the dialog opens');
      const dialog = byRole(root(el), 'alertdialog', 'Block Noah Schmidt?');
      expect(root(el).activeElement).to.equal(byRole(dialog, 'button', 'Cancel'));
      expect((dialog as HTMLDialogElement).open).to.be.true;
      expect(confirm.called).to.be.false;
      byRole(dialog, 'button', 'Cancel').click();
      await settle(el);
      expect((dialog as HTMLDialogElement).open).to.be.false;
      expect(root(el).activeElement).to.equal(button);
      expect(transport.sent.some((command) => command.type === 'block')).to.be.false;
    });

    it('"Block visitor": confirming blocks through the store and shows the blocked banner', async () => {
      const { store, transport } = setup();
      const el = await mount(store, 'c-noah', { height: 500 });
      const button = byRole(root(el), 'button', 'Block visitor');
      button.focus();
      button.click();
      await waitUntil(() => root(el).querySelector('dialog')?.open, 'the dialog opens');
      const dialog = byRole(root(el), 'alertdialog', 'Block Noah Schmidt?');
      byRole(dialog, 'button', 'Block').click();
      await settle(el);
      expect(transport.sent).to.deep.include({ type: 'block', visitorId: 'v-noah' });
      expect(store.state.visitors.get('v-noah')!.blocked).to.be.true;
      expect(root(el).querySelector('.banner.blocked')!.textContent).to.contain('Noah Schmidt is blocked');
      expect(root(el).activeElement).to.equal(button);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
    });

    it('"Block visitor": preventDefault() means no dialog and no command', async () => {
      const { store, transport } = setup();
      const el = await mount(store, 'c-noah', { height: 500 });
      el.addEventListener('desk-block-visitor', (event) => event.preventDefault());
      byRole(root(el), 'button', 'Block visitor').click();
      await settle(el);
      expect(root(el).querySelector('dialog')?.open ?? false).to.be.false;
      expect(transport.sent.some((command) => command.type === 'block')).to.be.false;
    });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the focus ring of a link or button in a card has at least 3:1 contrast against the card (${theme})`, async () => {
      const { store } = setup();
      const el = await mount(store, 'c-kinds', { height: 900 });
      el.style.colorScheme = theme;
      await el.updateComplete;
      const cta = byRole(row(el, 'k-offer'), 'link', 'Use it') as HTMLElement;
      cta.focus({ focusVisible: true } as FocusOptions);
      expect(cta.matches(':focus-visible')).to.be.true;
      const ring = getComputedStyle(cta).outlineColor;
      const card = cta.closest('[part~="card"]')!;
      expect(contrast(ring, backgroundBehind(card))).to.be.at.least(3);
    });
  }

  it('Retry on a message that was not sent resends it under the same client id', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 900 });
    const failed = root(el).querySelector<HTMLElement>('.row.failed')!;
    expect(failed.textContent).to.contain('Not sent');
    byRole(failed, 'button', /^Retry: ./).click();
    await aTimeout(0);
    const send = transport.sent.find((command) => command.type === 'send');
    expect(send).to.include({ type: 'send', clientId: 'cid-liam-popup', conversationId: 'c-liam' });
    await settle(el);
    expect(root(el).querySelector('.row.failed')).to.equal(null);
  });

  it('shows banners for a blocked visitor and a closed conversation', async () => {
    const { store } = setup((fixtures) => {
      fixtures.visitors.find((visitor) => visitor.id === 'v-emma')!.blocked = true;
    });
    const el = await mount(store, 'c-emma-h1', { height: 500 });
    const banners = [...root(el).querySelectorAll('[part~="banner"]')].map((banner) => banner.textContent!.trim());
    expect(banners[0]).to.contain('Emma Laurent is blocked');
    expect(banners[1]).to.match(/^This conversation was closed on /);
    expect(byRole(root(el), 'button', 'Take control').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('announces new visitor messages through the desk announcer, outside the log', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-emma', { height: 600 });
    transport.emit({
      type: 'message.added',
      message: {
        id: 'new-1',
        conversationId: 'c-emma',
        author: 'visitor',
        at: new Date().toISOString(),
        kind: 'text',
        text: 'Size 39 then?',
      },
    });
    await settle(el);
    await waitUntil(() => lastAnnouncement() === 'Emma Laurent: Size 39 then?', 'announced', { timeout: 2000 });
    // No live region of its own: the log is not live and nothing in the shadow root is.
    expect(root(el).querySelector('[aria-live="polite"], [aria-live="assertive"]')).to.equal(null);
    expect(scroller(el).getAttribute('aria-live')).to.equal('off');
  });

  describe('scrolling', () => {
    function atBottom(el: ChatBox): boolean {
      const log = scroller(el);
      return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    }

    function visitorMessage(id: string): Message {
      return {
        id,
        conversationId: 'c-noah',
        author: 'visitor',
        at: new Date().toISOString(),
        kind: 'text',
        text: `New ${id}`,
      };
    }

    it('starts at the newest message and follows new ones while at the bottom', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      expect(atBottom(el)).to.be.true;
      transport.emit({ type: 'message.added', message: visitorMessage('follow-1') });
      await settle(el);
      expect(atBottom(el)).to.be.true;
      const log = scroller(el).getBoundingClientRect();
      const newest = row(el, 'follow-1').getBoundingClientRect();
      expect(newest.bottom).to.be.at.most(log.bottom + 1);
      expect(newest.top).to.be.at.least(log.top);
      expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
    });

    it('keeps its place when scrolled up, and offers "N new messages" that scrolls down', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      const log = scroller(el);
      log.scrollTop = log.scrollHeight / 2;
      await settle(el);
      const before = log.scrollTop;
      const firstVisible = [...root(el).querySelectorAll<HTMLElement>('.row')].find(
        (element) => element.getBoundingClientRect().top >= log.getBoundingClientRect().top,
      )!;
      const topBefore = firstVisible.getBoundingClientRect().top;
      transport.emit({ type: 'message.added', message: visitorMessage('up-1') });
      transport.emit({ type: 'message.added', message: visitorMessage('up-2') });
      await settle(el);
      expect(Math.abs(log.scrollTop - before)).to.be.lessThan(2);
      expect(Math.abs(firstVisible.getBoundingClientRect().top - topBefore)).to.be.lessThan(2);
      const button = byRole(root(el), 'button', '2 new messages');
      button.click();
      await settle(el);
      await settle(el);
      expect(atBottom(el)).to.be.true;
      expect(row(el, 'up-2')).to.exist;
      expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
    });

    /** A transport whose answers to loadMessages the test gives itself. */
    function holdingOlderPages(store: DeskStore, transport: MemoryTransport) {
      const send = transport.send.bind(transport);
      sinon.stub(transport, 'send').callsFake(async (command) => {
        if (command.type === 'loadMessages') {
          transport.sent.push(command);
          return;
        }
        return send(command);
      });
      const loads = () => transport.sent.filter((command) => command.type === 'loadMessages').length;
      let page = 0;
      const answer = (count: number, hasMore: boolean) => {
        page += 1;
        const oldest = store.state.threads.get('c-noah')!.messages[0].at;
        transport.emit({
          type: 'history.page',
          visitorId: 'v-noah',
          conversationId: 'c-noah',
          conversations: [],
          messages: Array.from({ length: count }, (_, i) => ({
            ...longThread('c-noah', 1)[0],
            id: `p${page}-${i}`,
            at: new Date(Date.parse(oldest) - (count - i) * 1000).toISOString(),
          })),
          hasMore,
        });
      };
      return { loads, answer };
    }

    /**
     * A 60-message thread on screen, the agent scrolled up to `top` px (after a first scroll, so
     * the thread is not following the newest message), the first older page asked for and held.
     */
    async function nearTheTop(top: number) {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 60)));
      const { loads, answer } = holdingOlderPages(store, transport);
      const el = await mount(store, 'c-noah', { height: 500 });
      const log = scroller(el);
      log.scrollTop = 200;
      await settle(el);
      log.scrollTop = top;
      await settle(el);
      return { store, transport, el, log, loads, answer };
    }

    it('loads older messages at the top without moving what the agent looks at', async () => {
      // Hold the server's answer so the view can be measured before and after it.
      const { store, transport, el, log } = await nearTheTop(20);
      const loads = transport.sent.filter((command) => command.type === 'loadMessages');
      expect(loads).to.have.length(1);
      expect(loads[0]).to.include({ conversationId: 'c-noah' });
      const logTop = log.getBoundingClientRect().top;
      const anchor = [...root(el).querySelectorAll<HTMLElement>('.row')].find(
        (element) => element.getBoundingClientRect().top >= logTop,
      )!;
      const key = anchor.dataset['key']!;
      const offset = anchor.getBoundingClientRect().top - logTop;

      const older = longThread('c-noah', 50).map((message, i) => ({ ...message, id: `old-${i}`, at: ago(5000 - i) }));
      transport.emit({
        type: 'history.page',
        visitorId: 'v-noah',
        conversationId: 'c-noah',
        conversations: [],
        messages: older,
        hasMore: false,
      });
      await settle(el);
      await aTimeout(150);
      expect(store.state.threads.get('c-noah')!.messages[0].id).to.equal('old-0');
      const again = root(el).querySelector<HTMLElement>(`.row[data-key="${key}"]`);
      expect(again, 'the row the agent was looking at is still rendered').to.exist;
      expect(Math.abs(again!.getBoundingClientRect().top - log.getBoundingClientRect().top - offset)).to.be.lessThan(4);
      expect(log.scrollTop).to.be.greaterThan(1000);
    });

    it('keeps fetching older pages while the agent stays at the top (no scroll event needed)', async () => {
      const { el, loads, answer } = await nearTheTop(0);
      expect(loads()).to.equal(1);
      // A small page leaves the agent near the top: the next one is asked for by itself.
      answer(2, true);
      await settle(el);
      await aTimeout(300);
      expect(loads()).to.equal(2);
      answer(2, false);
      await settle(el);
      await aTimeout(300);
      expect(loads(), 'no request once the server said there is nothing older').to.equal(2);
    });

    /**
     * The bubble of the first message at least partly in view, and its distance from the top of
     * the log. (The bubble, not the row: the author's name above it goes when an earlier message
     * by the same author arrives.)
     */
    function messageInView(el: ChatBox): { element: HTMLElement; offset: () => number } {
      const log = scroller(el);
      const element = [...root(el).querySelectorAll<HTMLElement>('.row[data-key^="m:"] [part~="bubble"]')].find(
        (candidate) => candidate.getBoundingClientRect().bottom > log.getBoundingClientRect().top,
      )!;
      return { element, offset: () => element.getBoundingClientRect().top - log.getBoundingClientRect().top };
    }

    it('keeps the message in view still, frame after frame, while a loaded page goes above it', async () => {
      const { store, el, log, loads, answer } = await nearTheTop(20);
      expect(loads()).to.equal(1);
      const seen = messageInView(el);
      const offset = seen.offset();
      const scrollTop = log.scrollTop;
      const count = store.state.threads.get('c-noah')!.messages.length;
      answer(50, false);
      for (let frame = 0; frame < 20; frame += 1) {
        // As painted: after the frame (rows measured in it are placed before it is painted).
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        expect(seen.element.isConnected, `frame ${frame}: still rendered`).to.be.true;
        expect(Math.abs(seen.offset() - offset), `frame ${frame}: moved`).to.be.lessThan(1);
      }
      expect(store.state.threads.get('c-noah')!.messages).to.have.length(count + 50);
      expect(log.scrollTop - scrollTop, 'the page went above').to.be.greaterThan(1000);
    });

    for (const how of ['wheel', 'script'] as const) {
      it(`never undoes a scroll (${how}) made while a loaded page is put in place`, async () => {
        const { el, log, loads, answer } = await nearTheTop(20);
        expect(loads()).to.equal(1);
        answer(50, false);
        await el.updateComplete;
        await nextFrame();
        // The agent (wheel), or a script or assistive technology (no input event), scrolls on
        // while the rows of the page above are still being measured.
        if (how === 'wheel') log.dispatchEvent(new WheelEvent('wheel', { deltaY: 400, bubbles: true }));
        const target = log.scrollTop + 400;
        log.scrollTop = target;
        const seen = messageInView(el);
        const offset = seen.offset();
        await settle(el);
        await aTimeout(300);
        // What the scroll brought into view stays there: the layout only adds what changed above it.
        expect(Math.abs(seen.offset() - offset)).to.be.lessThan(1);
        expect(log.scrollTop).to.be.greaterThan(target - 100);
      });
    }

    /** The newest row of the thread is rendered and inside the log. */
    function newestInView(el: ChatBox, id: string): boolean {
      const element = root(el).querySelector<HTMLElement>(`.row[data-key="m:${id}"]`);
      if (!element) return false;
      const log = scroller(el).getBoundingClientRect();
      const rect = element.getBoundingClientRect();
      return log.height > 0 && rect.top >= log.top - 1 && rect.bottom <= log.bottom + 1;
    }

    it('stays on the newest message while the typing line comes and goes and the log resizes', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      for (let i = 0; i < 3; i += 1) {
        transport.emit({
          type: 'visitor.typing',
          conversationId: 'c-noah',
          typing: true,
          preview: 'A long preview that wraps over lines in the typing line. '.repeat(3),
        });
        await settle(el);
        transport.emit({ type: 'message.added', message: visitorMessage(`typed-${i}`) });
        transport.emit({ type: 'visitor.typing', conversationId: 'c-noah', typing: false });
        el.style.height = `${400 + i * 80}px`;
        await settle(el);
        expect(newestInView(el, `typed-${i}`), `message ${i}`).to.be.true;
        expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
      }
    });

    it('opens another conversation at its newest message, wherever the previous one was scrolled', async () => {
      const { store, transport } = setup((fixtures) => {
        fixtures.messages.push(...longThread('c-noah', 200), ...longThread('c-liam', 40));
      });
      const el = await mount(store, 'c-noah', { height: 500 });
      el.conversationId = 'c-liam';
      await settle(el);
      expect(newestInView(el, 'c-liam-long-39')).to.be.true;
      // Scrolled up there, then back to the long one: it starts at its newest message, no button.
      scroller(el).scrollTop = 0;
      await settle(el);
      el.conversationId = 'c-noah';
      transport.emit({ type: 'message.added', message: visitorMessage('back-1') });
      await settle(el);
      expect(newestInView(el, 'back-1')).to.be.true;
      expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
    });

    it('another conversation with rows of other sizes ends at its newest row, not short of it', async () => {
      const { store } = setup((fixtures) => {
        fixtures.messages.push(
          ...longThread('c-noah', 60).map((message, i) => ({ ...message, text: `Tall ${i} ${'word '.repeat(160)}` })),
          ...longThread('c-liam', 8),
        );
      });
      const el = await mount(store, 'c-noah', { height: 300 });
      el.conversationId = 'c-liam';
      await settle(el);
      await waitUntil(() => newestInView(el, 'c-liam-long-7'), 'the newest row of the other conversation in view');
      await settle(el);
      expect(newestInView(el, 'c-liam-long-7')).to.be.true;
      expect(atBottom(el)).to.be.true;
      // No blank space under it: the newest row ends at the bottom of the log.
      const log = scroller(el).getBoundingClientRect();
      expect(log.bottom - row(el, 'c-liam-long-7').getBoundingClientRect().bottom).to.be.lessThan(24);
    });

    it('a hidden thread that receives messages shows the newest one when shown again', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      el.style.display = 'none';
      await settle(el);
      for (let i = 0; i < 3; i += 1) transport.emit({ type: 'message.added', message: visitorMessage(`hidden-${i}`) });
      await settle(el);
      el.style.display = 'flex';
      await settle(el);
      await waitUntil(() => newestInView(el, 'hidden-2'), 'the newest message comes into view');
      expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
    });

    it('the agent scrolling up with the wheel while messages arrive gets "N new messages" with the right count', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      const log = scroller(el);
      // A message arrives, and in the same frame the agent scrolls up with the wheel.
      transport.emit({ type: 'message.added', message: visitorMessage('wheel-0') });
      log.dispatchEvent(new WheelEvent('wheel', { deltaY: -600, bubbles: true }));
      log.scrollTop -= 600;
      await settle(el);
      for (let i = 1; i <= 3; i += 1) transport.emit({ type: 'message.added', message: visitorMessage(`wheel-${i}`) });
      await settle(el);
      byRole(root(el), 'button', '3 new messages');
      expect(atBottom(el)).to.be.false;
    });

    it('a thread removed and put back follows its newest message, or keeps the place the agent scrolled to', async () => {
      const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
      const el = await mount(store, 'c-noah', { height: 500 });
      const parent = el.parentElement!;
      el.remove();
      transport.emit({ type: 'message.added', message: visitorMessage('away-1') });
      parent.append(el);
      await settle(el);
      expect(newestInView(el, 'away-1')).to.be.true;

      const log = scroller(el);
      log.scrollTop = log.scrollHeight / 2;
      await settle(el);
      const top = log.scrollTop;
      el.remove();
      transport.emit({ type: 'message.added', message: visitorMessage('away-2') });
      parent.append(el);
      await settle(el);
      expect(Math.abs(scroller(el).scrollTop - top)).to.be.lessThan(2);
      byRole(root(el), 'button', '1 new message');
    });

    it('keeps a 10,000-message thread to a small DOM', async () => {
      const { store } = setup((fixtures) => fixtures.messages.push(...longThread('c-liam', 10000)));
      const el = await mount(store, 'c-liam', { height: 700 });
      const elements = scroller(el).querySelectorAll('*').length;
      expect(elements).to.be.lessThan(300);
      expect(root(el).querySelectorAll('*').length).to.be.lessThan(400);
      expect(atBottom(el)).to.be.true;
      expect(row(el, 'c-liam-long-9999')).to.exist;
    });
  });

  it('Escape closes the block confirmation and focus goes back to "Block visitor"', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-noah', { height: 500 });
    const button = byRole(root(el), 'button', 'Block visitor');
    button.focus();
    button.click();
    await settle(el);
    const dialog = byRole(root(el), 'alertdialog', 'Block Noah Schmidt?') as HTMLDialogElement;
    expect(root(el).activeElement).to.equal(byRole(dialog, 'button', 'Cancel'));
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(root(el).activeElement).to.equal(button);
    expect(transport.sent.some((command) => command.type === 'block')).to.be.false;
  });

  it('shows that the visitor is typing, with the preview', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-noah', { height: 500 });
    transport.emit({ type: 'visitor.typing', conversationId: 'c-noah', typing: true, preview: 'And for Switz' });
    await settle(el);
    const typing = root(el).querySelector('[part~="typing"]')!;
    expect(typing.textContent).to.contain('Noah Schmidt is typing…');
    expect(typing.textContent).to.contain('And for Switz');
    transport.emit({ type: 'visitor.typing', conversationId: 'c-noah', typing: false });
    await settle(el);
    expect(root(el).querySelector('[part~="typing"]')).to.equal(null);
  });

  it('jumps to the newest message when the agent sends one while scrolled up', async () => {
    const { store } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 200)));
    const el = await mount(store, 'c-noah', { height: 500 });
    const log = scroller(el);
    log.scrollTop = 100;
    await settle(el);
    const sent = store.send('c-noah', { kind: 'text', text: 'Here you go' })!;
    await settle(el);
    await settle(el);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.lessThan(40);
    expect(row(el, sent.clientId!)).to.exist;
    expect(root(el).querySelector('[part~="new-messages"]')).to.equal(null);
  });

  it('logs no Lit warnings while rendering every kind', async () => {
    const warn = sinon.spy(console, 'warn');
    const { store } = setup();
    const el = await mount(store);
    row(el, 'k-translation').querySelector<HTMLButtonElement>('.toggle-original')!.click();
    await settle(el);
    expect(
      warn
        .getCalls()
        .map((call) => String(call.args[0]))
        .filter((text) => /lit/i.test(text)),
    ).to.deep.equal([]);
  });

  it('speaks French with lang="fr"', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-noah', { height: 600, lang: 'fr' });
    byRole(root(el), 'log', 'Conversation avec Noah Schmidt');
    byRole(root(el), 'button', 'Ouvrir la page actuelle');
    byRole(root(el), 'button', 'Prendre la main');
    byRole(root(el), 'button', 'Bloquer le visiteur');
    const filter = filterOf(el);
    await filter.updateComplete;
    const group = byRole(filter.shadowRoot!, 'radiogroup', 'Filtre des messages');
    expect(allByRole(group, 'radio').map(nameOf)).to.deep.equal(['Tous', 'Visiteur', 'Agent', 'Actions', 'Navigation']);
    // Times through Intl in French: 24-hour clock.
    const time = root(el).querySelector('.row time')!.textContent!.trim();
    expect(time).to.match(/^\d{2}:\d{2}$/);
    expect(root(el).querySelector('[part~="day-separator"]')!.textContent!.trim()).to.equal('Aujourd’hui');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without a store renders an accessible placeholder', async () => {
    const el = await fixture<ChatBox>(html`<chat-box></chat-box>`);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('not connected');
    await expect(el).shadowDom.to.be.accessible();
  });
});

// ---- QA round: co-browsing state, one block dialog, broken images, Retry, bidi, midnight ----------

describe('<chat-box> (QA fixes)', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  afterEach(() => sinon.restore());

  function cobrowsing(id: string, state: 'requested' | 'started' | 'ended' | 'declined'): Message {
    return { id, conversationId: 'c-liam', author: 'system', at: new Date().toISOString(), kind: 'cobrowsing', state };
  }

  const status = (el: ChatBox) => root(el).querySelector('[part="control-status"]')?.textContent ?? null;

  it('"Take control" asks once, then offers "Cancel request"; cancelling adds a line and brings it back', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 600 });
    const requests = () => transport.sent.filter((command) => command.type === 'cobrowse').length;
    byRole(root(el), 'button', 'Take control').click();
    await settle(el);
    expect(requests()).to.equal(1);
    expect(status(el)).to.equal('Control requested…');
    const cancel = byRole(root(el), 'button', 'Cancel request');
    expect(root(el).getElementById(cancel.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'waiting for the visitor',
    );
    const fired = oneEvent(el, 'desk-cobrowse') as Promise<DeskCobrowseEvent>;
    cancel.click();
    expect((await fired).detail).to.deep.equal({ conversationId: 'c-liam', visitorId: 'v-liam', action: 'cancel' });
    await settle(el);
    expect(transport.sent.at(-1)).to.include({ type: 'cobrowseEnd', reason: 'cancelled' });
    const rows = [...root(el).querySelectorAll('[data-kind="cobrowsing"]')].map((r) => r.textContent!.trim());
    expect(rows.at(-1)).to.contain('Co-browsing request cancelled');
    expect(status(el)).to.equal(null);
    expect(byRole(root(el), 'button', 'Take control').getAttribute('aria-disabled')).to.equal('false');
    expect(requests()).to.equal(1);
  });

  it('"Cancel request": preventDefault() keeps the request', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 600 });
    byRole(root(el), 'button', 'Take control').click();
    await settle(el);
    el.addEventListener('desk-cobrowse', (event) => event.preventDefault());
    byRole(root(el), 'button', 'Cancel request').click();
    await settle(el);
    expect(transport.sent.some((command) => command.type === 'cobrowseEnd')).to.be.false;
    expect(status(el)).to.equal('Control requested…');
  });

  it('in control: "Stop control" and three switches; a switch fires desk-cobrowse-option and sets the store', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 600 });
    byRole(root(el), 'button', 'Take control').click();
    await settle(el);
    transport.emit({ type: 'message.added', message: cobrowsing('cob-started', 'started') });
    await settle(el);
    expect(status(el)).to.equal('In control');
    const group = byRole(root(el), 'group', 'What you see of the visitor’s screen');
    const switches = allByRole(group, 'switch');
    expect(switches.map(nameOf)).to.deep.equal([
      'Show visitor’s mouse',
      'Show visitor’s form input',
      'Show visitor’s scroll position',
    ]);
    expect(switches.map((s) => s.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'true']);

    const fired = oneEvent(el, 'desk-cobrowse-option') as Promise<DeskCobrowseOptionEvent>;
    switches[1].click();
    expect((await fired).detail).to.deep.equal({ conversationId: 'c-liam', option: 'input', enabled: true });
    await settle(el);
    expect(byRole(root(el), 'switch', 'Show visitor’s form input').getAttribute('aria-checked')).to.equal('true');
    expect(store.state.cobrowseOptions.get('c-liam')).to.deep.equal({ mouse: true, input: true, scroll: true });

    el.addEventListener('desk-cobrowse-option', (event) => event.preventDefault(), { once: true });
    byRole(root(el), 'switch', 'Show visitor’s mouse').click();
    await settle(el);
    expect(byRole(root(el), 'switch', 'Show visitor’s mouse').getAttribute('aria-checked')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();

    byRole(root(el), 'button', 'Stop control').click();
    await settle(el);
    expect(transport.sent.at(-1)).to.include({ type: 'cobrowseEnd', reason: 'ended' });
    expect(root(el).querySelector('[role="switch"]')).to.equal(null);
    expect(byRole(root(el), 'button', 'Take control').getAttribute('aria-disabled')).to.equal('false');
  });

  it('announces each co-browsing change through the desk’s announcer', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 600 });
    byRole(root(el), 'button', 'Take control').click();
    await settle(el);
    transport.emit({ type: 'message.added', message: cobrowsing('cob-declined', 'declined') });
    await settle(el);
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement()).to.contain('Co-browsing declined by the visitor');
  });

  it('a request nobody answers expires after the store’s cobrowseTimeoutMs, with a line', async () => {
    const { fixtures } = setup();
    const transport = new MemoryTransport({ fixtures, simulate: false });
    const store = new DeskStore({ transport, batching: 'sync', cobrowseTimeoutMs: 50 });
    const el = await mount(store, 'c-liam', { height: 600 });
    byRole(root(el), 'button', 'Take control').click();
    await aTimeout(120);
    await settle(el);
    const rows = [...root(el).querySelectorAll('[data-kind="cobrowsing"]')].map((r) => r.textContent!.trim());
    expect(rows.at(-1)).to.contain('Co-browsing request expired');
    expect(byRole(root(el), 'button', 'Take control').getAttribute('aria-disabled')).to.equal('false');
    store.destroy();
  });

  it('on a non-web channel "Open current page" and "Take control" are disabled, with the reason in their description', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-noah', { height: 500 });
    const open = sinon.stub(window, 'open').returns(null);
    for (const name of ['Open current page', 'Take control']) {
      const button = byRole(root(el), 'button', name);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(root(el).getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.equal(
        'Not available on WhatsApp: the visitor is not on the website.',
      );
      button.click();
    }
    expect(open.called).to.be.false;
    expect(transport.sent.some((command) => command.type === 'cobrowse')).to.be.false;
    expect(root(el).querySelector('[part="tool-note"]')).to.equal(null);
  });

  it('"Open current page" says in visible text that the visitor’s session is not carried', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-liam', { height: 500 });
    const note = root(el).querySelector<HTMLElement>('[part="tool-note"]')!;
    expect(note.textContent).to.equal('Without the visitor’s session (basket, login)');
    expect(note.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('the block confirmation names the visitor, explains the consequences and takes an optional reason', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-liam', { height: 500 });
    const trigger = byRole(root(el), 'button', 'Block visitor');
    trigger.focus();
    trigger.click();
    await settle(el);
    const dialog = byRole(root(el), 'alertdialog', 'Block Liam O’Connor?') as HTMLDialogElement;
    const description = root(el).getElementById(dialog.getAttribute('aria-describedby')!)!.textContent!;
    expect(description.replace(/\s+/g, ' ').trim()).to.equal(
      'Liam O’Connor will no longer be able to send you messages or start new conversations. Only a manager can unblock them, from customer management.',
    );
    expect(root(el).activeElement).to.equal(byRole(dialog, 'button', 'Cancel'));
    const reason = dialog.querySelector('textarea')!;
    expect(root(el).querySelector(`label[for="${reason.id}"]`)!.textContent!.trim()).to.equal('Reason (optional)');
    await expect(el).shadowDom.to.be.accessible();
    reason.focus();
    await sendKeys({ type: '  Spam links  ' });
    byRole(dialog, 'button', 'Block').click();
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(transport.sent).to.deep.include({ type: 'block', visitorId: 'v-liam', reason: 'Spam links' });
    expect(root(el).activeElement).to.equal(trigger);
  });

  it("an image that fails to load shows a fallback in the thumbnail's box: icon, description and a link to open it", async () => {
    const broken = `${location.origin}/__missing__/photo-${Date.now()}.png`;
    const { store } = setup((fixtures) => {
      fixtures.messages.push({
        id: 'k-broken',
        conversationId: 'c-kinds',
        author: 'visitor',
        at: ago(10),
        kind: 'image',
        url: broken,
        alt: 'Photo of the damaged parcel',
      });
    });
    const el = await mount(store, 'c-kinds', { height: 1400 });
    let fallback: HTMLElement | null = null;
    for (let i = 0; i < 50 && !fallback; i += 1) {
      await aTimeout(40);
      fallback = row(el, 'k-broken').querySelector<HTMLElement>('[data-image="broken"]');
    }
    expect(fallback, 'fallback').to.exist;
    await settle(el);
    fallback = row(el, 'k-broken').querySelector<HTMLElement>('[data-image="broken"]')!;
    expect(row(el, 'k-broken').querySelector('img')).to.equal(null);
    expect(fallback.textContent).to.contain('Photo of the damaged parcel');
    expect(fallback.textContent).to.contain('Image could not be loaded');
    const open = byRole(fallback, 'link', 'Open image') as HTMLAnchorElement;
    expect(open.href).to.equal(broken);
    expect(open.rel).to.contain('noopener');
    // The box of an image without known proportions: 240 × 180 (4:3), plus its 1px border.
    expect(fallback.getBoundingClientRect().height).to.be.closeTo(182, 1);
    expect(fallback.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a broken image without a description says "Image"', async () => {
    const { store } = setup((fixtures) => {
      fixtures.messages.push({
        id: 'k-broken-2',
        conversationId: 'c-kinds',
        author: 'agent',
        at: ago(5),
        kind: 'image',
        url: `${location.origin}/__missing__/x-${Date.now()}.png`,
      });
    });
    const el = await mount(store, 'c-kinds', { height: 1400 });
    let fallback: Element | null = null;
    for (let i = 0; i < 50 && !fallback; i += 1) {
      await aTimeout(40);
      fallback = row(el, 'k-broken-2').querySelector('[data-image="broken"]');
    }
    expect(fallback!.querySelector('.title')!.textContent!.trim()).to.equal('Image');
  });

  it('no Retry for a failed message when the visitor is blocked or the conversation is closed', async () => {
    const { store, transport } = setup((fixtures) => {
      fixtures.visitors.find((visitor) => visitor.id === 'v-liam')!.blocked = true;
    });
    const el = await mount(store, 'c-liam', { height: 900 });
    const failed = root(el).querySelector<HTMLElement>('.row.failed')!;
    expect(failed.textContent).to.contain('Not sent');
    expect(failed.textContent).to.contain('the visitor is blocked');
    expect(allByRole(failed, 'button', /^Retry/)).to.have.length(0);

    // Only the second thread on the page: the virtualizer renders what is in the window.
    el.remove();
    const open = setup();
    const el2 = await mount(open.store, 'c-liam', { height: 900 });
    expect(allByRole(root(el2).querySelector('.row.failed')!, 'button', /^Retry: ./)).to.have.length(1);
    open.transport.emit({ type: 'conversation.closed', conversationId: 'c-liam', at: new Date().toISOString() });
    await settle(el2);
    const closed = root(el2).querySelector<HTMLElement>('.row.failed')!;
    expect(closed.textContent).to.contain('the conversation is closed');
    expect(allByRole(closed, 'button', /^Retry/)).to.have.length(0);
    expect(transport.sent.some((command) => command.type === 'send')).to.be.false;
    await expect(el2).shadowDom.to.be.accessible();
  });

  it('right-to-left override characters cannot disguise file names, titles, URLs or names', async () => {
    const RLO = '\u202E';
    const { store } = setup((fixtures) => {
      fixtures.visitors.find((visitor) => visitor.id === 'v-kim')!.name = `Kim${RLO} Park`;
      fixtures.messages.push(
        {
          id: 'k-spoof-file',
          conversationId: 'c-kinds',
          author: 'visitor',
          at: ago(8),
          kind: 'file',
          name: `invoice${RLO}fdp.exe`,
          url: 'https://files.example.com/x',
        },
        {
          id: 'k-spoof-link',
          conversationId: 'c-kinds',
          author: 'agent',
          authorName: `Al\u2066ex\u2069`,
          at: ago(7),
          kind: 'link',
          url: `https://example.com/${RLO}gpj.exe`,
          title: `Safe ${RLO}txt.exe`,
        },
      );
    });
    const el = await mount(store, 'c-kinds', { height: 1600 });
    byRole(root(el), 'log', 'Conversation with Kim Park');
    const file = row(el, 'k-spoof-file');
    byRole(file, 'link', 'Download invoicefdp.exe');
    const link = row(el, 'k-spoof-link');
    expect(link.textContent).to.contain('Safe txt.exe');
    expect(link.querySelector('.author')!.textContent).to.equal('Alex');
    expect(link.querySelector('.author')!.tagName).to.equal('BDI');
    const shown = root(el).querySelector('.base')!.textContent!;
    expect(/[\u202A-\u202E\u2066-\u2069]/.test(shown)).to.be.false;
    expect(root(el).querySelector('.header .name')!.getAttribute('dir')).to.equal('auto');
  });

  it('keeps Arabic and Hebrew names intact', async () => {
    const { store } = setup((fixtures) => {
      fixtures.visitors.find((visitor) => visitor.id === 'v-kim')!.name = 'ليلى حداد';
    });
    const el = await mount(store, 'c-kinds', { height: 600 });
    byRole(root(el), 'log', 'Conversation with ليلى حداد');
  });

  it('stops restoring the scroll position (its frame loop) once removed from the page', async () => {
    const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 60)));
    const send = transport.send.bind(transport);
    sinon.stub(transport, 'send').callsFake(async (command) => {
      if (command.type === 'loadMessages') {
        transport.sent.push(command);
        return;
      }
      return send(command);
    });
    const el = await mount(store, 'c-noah', { height: 500 });
    const log = scroller(el);
    log.scrollTop = 200;
    await settle(el);
    log.scrollTop = 20;
    await settle(el);
    const writes: number[] = [];
    const native = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
    Object.defineProperty(log, 'scrollTop', {
      configurable: true,
      get: () => native.get!.call(log) as number,
      set: (value: number) => {
        writes.push(value);
        native.set!.call(log, value);
      },
    });
    const older = longThread('c-noah', 50).map((message, i) => ({ ...message, id: `old-${i}`, at: ago(5000 - i) }));
    transport.emit({
      type: 'history.page',
      visitorId: 'v-noah',
      conversationId: 'c-noah',
      conversations: [],
      messages: older,
      hasMore: false,
    });
    await el.updateComplete;
    el.remove();
    writes.length = 0;
    await aTimeout(500);
    expect(writes).to.deep.equal([]);
  });

  it('"Today" becomes "Yesterday" after midnight, without new messages; the timer stops when removed', async () => {
    const clock = sinon.useFakeTimers({
      now: Date.now(),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldAdvanceTime: true,
    });
    const { store } = setup();
    const el = await mount(store, 'c-noah', { height: 600 });
    const day = () => root(el).querySelector('[part~="day-separator"]')!.textContent!.trim();
    expect(day()).to.equal('Today');
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
    await clock.tickAsync(midnight - now.getTime() + 5000);
    await settle(el);
    expect(day()).to.equal('Yesterday');

    // Removed: no timer keeps it updating.
    const parent = el.parentElement!;
    el.remove();
    await clock.tickAsync(24 * 3600 * 1000);
    await el.updateComplete;
    expect(day()).to.equal('Yesterday');
    // Back in the page on a later day: the separators are right again.
    parent.append(el);
    await settle(el);
    expect(day()).to.not.equal('Yesterday');
    clock.restore();
  });
});

describe('<chat-box> messages as items', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  const focused = (el: ChatBox) => root(el).activeElement as HTMLElement | null;
  const position = (element: Element | null) => Number(element?.getAttribute('aria-posinset'));
  const inView = (el: ChatBox, element: Element) => {
    const log = scroller(el).getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return box.top >= log.top - 1 && box.bottom <= log.bottom + 1;
  };
  async function waitForFocus(el: ChatBox, matches: (element: HTMLElement) => boolean, what: string) {
    await waitUntil(() => focused(el) !== null && matches(focused(el)!), what, { timeout: 3000 });
    await settle(el);
  }

  it('a 10,000-message thread is one Tab stop; arrows, Home, End and Page keys move between messages', async () => {
    const { store, transport } = setup((fixtures) => fixtures.messages.push(...longThread('c-noah', 10_000)));
    const total = store.state.threads.get('c-noah')!.messages.length;
    const el = await mount(store, 'c-noah', { height: 500 });
    const log = scroller(el);
    // One Tab stop: the log; every item, link and button in it is out of the Tab order.
    expect(log.tabIndex).to.equal(0);
    const items = allByRole(root(el), 'article');
    expect(items.length).to.be.within(3, 60);
    for (const element of log.querySelectorAll<HTMLElement>('[role="article"], a, button')) {
      expect(element.tabIndex, element.outerHTML.slice(0, 60)).to.equal(-1);
    }
    // Named with author, kind and time; positions among all the loaded messages.
    const newestItem = items.at(-1)!;
    expect(newestItem.getAttribute('aria-label')).to.match(/^(Noah Schmidt|Agent|.+), (message|link|offer|image|file)/);
    expect(position(newestItem)).to.equal(total);
    const hasOlder = store.state.threads.get('c-noah')!.hasOlder;
    expect(newestItem.getAttribute('aria-setsize')).to.equal(hasOlder === false ? String(total) : '-1');

    log.focus();
    await waitForFocus(el, (element) => position(element) === total, 'the newest message takes focus');
    expect(log.tabIndex, 'the log leaves the Tab order while an item has focus').to.equal(-1);
    expect(focused(el)!.tabIndex).to.equal(0);

    for (let i = 1; i <= 3; i += 1) {
      await sendKeys({ press: 'ArrowUp' });
      await waitForFocus(el, (element) => position(element) === total - i, `ArrowUp ${i}`);
      expect(inView(el, focused(el)!)).to.be.true;
    }
    await sendKeys({ press: 'ArrowDown' });
    await waitForFocus(el, (element) => position(element) === total - 2, 'ArrowDown');

    // A message arriving while the agent reads an older one moves neither focus nor view.
    const reading = focused(el)!;
    const top = reading.getBoundingClientRect().top;
    transport.emit({ type: 'message.added', message: { ...longThread('c-noah', 1, 20_000)[0], at: ago(0) } });
    await settle(el);
    expect(focused(el)).to.equal(reading);
    expect(Math.abs(reading.getBoundingClientRect().top - top)).to.be.lessThan(2);

    await sendKeys({ press: 'Home' });
    await waitForFocus(el, (element) => position(element) === 1, 'Home: the first loaded message');
    expect(inView(el, focused(el)!)).to.be.true;
    await sendKeys({ press: 'ArrowDown' });
    await waitForFocus(el, (element) => position(element) === 2, 'ArrowDown from the first');

    await sendKeys({ press: 'End' });
    await waitForFocus(el, (element) => position(element) === total + 1, 'End: the newest message');
    expect(inView(el, focused(el)!)).to.be.true;

    await sendKeys({ press: 'PageUp' });
    await waitForFocus(el, (element) => position(element) < total - 1, 'PageUp: a screen up');
    expect(inView(el, focused(el)!)).to.be.true;
    const afterPageUp = position(focused(el));
    await sendKeys({ press: 'PageDown' });
    await waitForFocus(el, (element) => position(element) > afterPageUp, 'PageDown: a screen down');
    expect(inView(el, focused(el)!)).to.be.true;
  });

  it('Tab from a focused message enters its links; the next Tab leaves the thread', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-kinds', { height: 1400 });
    const linkItem = allByRole(root(el), 'article').find((item) => item.getAttribute('data-kind') === 'link')!;
    linkItem.focus();
    await settle(el);
    const link = linkItem.querySelector<HTMLAnchorElement>('a[href]')!;
    expect(link.tabIndex).to.equal(0);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(link);
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)).to.equal(linkItem);
    // Every other message's links stay out of the Tab order.
    const others = [...scroller(el).querySelectorAll<HTMLElement>('a, button')].filter(
      (control) => !linkItem.contains(control),
    );
    expect(others.length).to.be.greaterThan(0);
    for (const control of others) expect(control.tabIndex).to.equal(-1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('keeps a 1 MB visitor message: shows its beginning, says it was truncated, downloads the full text', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-kinds', { height: 900 });
    const full = `Start of the long one. ${'0123456789'.repeat(100_000)}`.slice(0, 1_000_000);
    const started = performance.now();
    transport.emit({
      type: 'message.added',
      message: { id: 'k-huge', conversationId: 'c-kinds', author: 'visitor', at: ago(0), kind: 'text', text: full },
    });
    await settle(el);
    const item = row(el, 'k-huge');
    expect(performance.now() - started, 'shown within 2 s').to.be.lessThan(2000);
    expect(item.querySelector('.text')!.textContent!.length).to.equal(4001);
    expect(item.textContent).to.contain('Start of the long one.');
    const notice = item.querySelector('[part~="truncated"]')!;
    expect(notice.textContent).to.contain('Message truncated: 1 MB, first 200 kB shown');
    byRole(item, 'button', 'Show more').click();
    await settle(el);
    expect(row(el, 'k-huge').querySelector('.text')!.textContent!.length).to.equal(200_001);

    const created = sinon.spy(URL, 'createObjectURL');
    const clicked = sinon.stub(HTMLAnchorElement.prototype, 'click');
    byRole(row(el, 'k-huge'), 'button', 'Download the full text').click();
    expect(clicked.calledOnce).to.be.true;
    expect(clicked.firstCall.thisValue.download).to.equal('message-k-huge.txt');
    const blob = created.firstCall.args[0] as Blob;
    expect(await blob.text()).to.equal(full);
  });

  it("scrolling up continues into the returning visitor's past conversations, each under its heading, filters applied", async () => {
    // One past conversation per page: scrolling back loads them one after the other.
    const transport = new MemoryTransport({ fixtures: setup().fixtures, simulate: false, historyPageSize: 1 });
    const store = new DeskStore({ transport, batching: 'sync' });
    const el = await mount(store, 'c-yuki', { height: 500 });
    const log = scroller(el);
    const headings = () => allByRole(root(el), 'heading').map((heading) => nameOf(heading));
    const history = () => store.state.history.get('v-yuki');
    // Too short to scroll: its first page of past conversations came by itself.
    expect(headings().length).to.be.at.least(2);
    const seen = new Set(headings());
    // Up to the top, again and again: the thread's older messages, then one page of past conversations after another.
    let jumps = 0;
    for (let i = 0; i < 20 && (history()?.hasMore ?? true); i += 1) {
      log.dispatchEvent(new WheelEvent('wheel'));
      log.scrollTop = 0;
      // The first message in view at the top: the page arriving above must not move it.
      const anchor = allByRole(root(el), 'article').find(
        (item) => item.getBoundingClientRect().top >= log.getBoundingClientRect().top,
      );
      const top = anchor?.getBoundingClientRect().top;
      await settle(el);
      await settle(el);
      if (anchor?.isConnected && top !== undefined && Math.abs(anchor.getBoundingClientRect().top - top) > 2) {
        jumps += 1;
      }
      for (const heading of headings()) seen.add(heading);
    }
    expect(history()?.hasMore).to.equal(false);
    log.scrollTop = 0;
    await settle(el);
    for (const heading of headings()) seen.add(heading);
    const all = [...seen];
    expect(all, all.join(' | ')).to.have.length(4);
    expect(headings()[0]).to.match(/^Conversation of .+ · Email · closed by Alex Martin$/);
    expect(all.filter((name) => /^Conversation of .+ · Email · ongoing$/.test(name))).to.have.length(1);
    // Oldest first: the first heading is the visitor's oldest conversation.
    const oldest = [...store.state.conversations.values()]
      .filter((c) => c.visitorId === 'v-yuki')
      .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))[0];
    expect(root(el).querySelector('[part~="conversation-separator"]')!.getAttribute('data-key')).to.equal(
      `c:${oldest.id}`,
    );
    // Every message loaded now: the items know their set size, and the first one is the oldest past message.
    const first = allByRole(root(el), 'article')[0];
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.getAttribute('aria-setsize')).to.not.equal('-1');
    expect(jumps, 'rows in view moved when a page came in').to.equal(0);

    el.filter = 'agent';
    await settle(el);
    log.scrollTop = 0;
    await settle(el);
    expect(headings()[0]).to.match(/closed by Alex Martin$/);
    const items = allByRole(root(el), 'article');
    expect(items.length).to.be.greaterThan(0);
    for (const item of items) expect(item.className).to.match(/by-(agent|bot)/);
  });

  it('showPast scrolls the thread to that past conversation and focuses its first message', async () => {
    const { store } = setup((fixtures) => fixtures.messages.push(...longThread('c-yuki', 300)));
    const el = await mount(store, 'c-yuki', { height: 500 });
    const log = scroller(el);
    const oldest = 'c-yuki-a3';
    store.showPast(oldest, 'c-yuki');
    await waitUntil(
      () => root(el).querySelector(`[data-key="c:${oldest}"]`) !== null && focused(el)?.dataset.kind === 'text',
      'the past conversation is loaded, scrolled to and its first message focused',
      { timeout: 5000 },
    );
    await settle(el);
    const heading = root(el).querySelector<HTMLElement>(`[data-key="c:${oldest}"]`)!;
    const top = log.getBoundingClientRect().top;
    expect(Math.abs(heading.getBoundingClientRect().top - top)).to.be.lessThan(4);
    expect(focused(el)!.dataset.key).to.equal(`m:${store.state.threads.get(oldest)!.messages[0].id}`);
    expect(store.focusedId).to.equal('c-yuki');
  });

  it('a thumbnail that fails to load keeps its box: the message below does not move', async () => {
    const image = new URL('../../src/transport/demo-images/worn-boots.jpg', import.meta.url).href;
    const { store } = setup((fixtures) => {
      fixtures.messages.push(
        { id: 'k-photo', conversationId: 'c-kinds', author: 'visitor', at: ago(9), kind: 'image', url: image },
        { id: 'k-after', conversationId: 'c-kinds', author: 'visitor', at: ago(8), kind: 'text', text: 'Below' },
      );
    });
    const el = await mount(store, 'c-kinds', { height: 1400 });
    const img = row(el, 'k-photo').querySelector('img')!;
    await waitUntil(() => img.complete, 'the thumbnail loads');
    await settle(el);
    const below = () => row(el, 'k-after').getBoundingClientRect().top;
    const before = below();
    const box = row(el, 'k-photo').querySelector('a')!.getBoundingClientRect();
    // As if the image failed (the same handler the browser's error event calls).
    img.dispatchEvent(new Event('error'));
    await settle(el);
    const fallback = row(el, 'k-photo').querySelector<HTMLElement>('[data-image="broken"]')!;
    expect(fallback.textContent).to.contain('Image could not be loaded');
    expect(Math.abs(fallback.getBoundingClientRect().height - box.height)).to.be.lessThan(1);
    expect(Math.abs(below() - before)).to.be.lessThan(1);
  });
});
