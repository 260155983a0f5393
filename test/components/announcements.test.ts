import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { firstValueFrom } from 'rxjs';
import '../../src/define.js';
import type { ChatBox } from '../../src/components/chat-box/chat-box.js';
import { BURST_MAX_MS, BURST_QUIET_MS } from '../../src/components/chat-box/thread-announcer.js';
import {
  ANNOUNCE_DELAY_MS,
  ANNOUNCER_SELECTOR,
  announce,
  lastAnnouncement,
} from '../../src/components/shared/announcer.js';
import type { Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

/** Every text given to the announcer during a test, in order (what a screen reader would hear). */
let heard: string[] = [];
let observer: MutationObserver | undefined;

function listen(): void {
  heard = [];
  document.querySelector(ANNOUNCER_SELECTOR)?.remove();
  // Make the announcer exist now so that every text it shows is observed.
  announce(document.body, ' ');
  observer = new MutationObserver(() => {
    for (const priority of ['polite', 'assertive'] as const) {
      const text = lastAnnouncement(document, priority);
      const key = `${priority}:${text}`;
      if (text && heard[heard.length - 1] !== key) heard.push(key);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

const afterAnnouncer = () => aTimeout(ANNOUNCE_DELAY_MS + 50);

function setup() {
  const transport = new MemoryTransport({ fixtures: demoFixtures(new Date()), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

async function mount(store: DeskStore, id: string): Promise<ChatBox> {
  const el = await fixture<ChatBox>(
    html`<chat-box
      style="display: flex; width: 800px; height: 500px"
      .store=${store}
      conversation-id=${id}
    ></chat-box>`,
  );
  await el.updateComplete;
  return el;
}

function visitorSays(transport: MemoryTransport, conversationId: string, text: string, n: number): void {
  const message: Message = {
    id: `burst-${conversationId}-${n}`,
    conversationId,
    author: 'visitor',
    at: new Date().toISOString(),
    kind: 'text',
    text,
  };
  transport.emit({ type: 'message.added', message });
}

describe('announcements (one announcer for the whole desk)', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(listen);
  afterEach(() => observer?.disconnect());

  it('50 visitor messages within a second are ONE announcement with the count and the latest', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-yuki');
    await afterAnnouncer();
    heard = [];
    for (let i = 1; i <= 50; i += 1) {
      visitorSays(transport, 'c-yuki', `Message ${i}`, i);
      // Spread over about a second, each gap shorter than the burst's quiet time.
      if (i % 5 === 0) await aTimeout(90);
    }
    await aTimeout(BURST_MAX_MS + ANNOUNCE_DELAY_MS + 100);
    expect(heard).to.deep.equal(['polite:Yuki Tanaka: 50 new messages. Latest: Message 50']);
    expect(el.shadowRoot!.querySelector('[aria-live="polite"], [aria-live="assertive"]')).to.equal(null);
  });

  it('a single message is said with its author, soon', async () => {
    const { store, transport } = setup();
    await mount(store, 'c-emma');
    visitorSays(transport, 'c-emma', 'Size 39 then?', 1);
    await aTimeout(BURST_QUIET_MS + ANNOUNCE_DELAY_MS + 100);
    expect(heard).to.deep.equal(['polite:Emma Laurent: Size 39 then?']);
  });

  it('a failed send is said assertively: "Message not sent. Retry available."', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-emma');
    transport.failNext(1);
    store.send('c-emma', { kind: 'text', text: 'Your parcel left today' });
    await waitUntil(() => lastAnnouncement(document, 'assertive') !== '', 'announced', { timeout: 3000 });
    expect(lastAnnouncement(document, 'assertive')).to.equal('Message not sent. Retry available.');
    // Its Retry says which message it sends again.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="retry"]'), 'Retry shown');
    const retry = el.shadowRoot!.querySelector('[part~="retry"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry: Your parcel left today');
    expect(retry.textContent!.trim()).to.equal('Retry');
  });

  it('the filter result: "Showing visitor messages: N"', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-emma');
    el.filter = 'visitor';
    await el.updateComplete;
    // What the log shows (this conversation and the visitor's past ones, filtered).
    const shown = (await firstValueFrom(store.filteredMessages$('c-emma'))).length;
    expect(shown).to.be.greaterThan(0);
    await afterAnnouncer();
    expect(heard).to.deep.equal([`polite:Showing visitor messages: ${shown}`]);
  });

  it('co-browsing: "Co-browsing requested" when the agent asks, then the visitor’s answer', async () => {
    const { store, transport } = setup();
    const el = await mount(store, 'c-emma');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.tool-control')!.click();
    await afterAnnouncer();
    expect(heard).to.deep.equal(['polite:Emma Laurent: Co-browsing requested']);
    transport.emit({
      type: 'message.added',
      message: {
        id: 'cb-1',
        conversationId: 'c-emma',
        author: 'system',
        at: new Date().toISOString(),
        kind: 'cobrowsing',
        state: 'started',
      },
    });
    await afterAnnouncer();
    // Said once (by the thread's co-browsing state), not again as a thread line.
    expect(heard.slice(1)).to.deep.equal(['polite:Emma Laurent: Co-browsing started']);
  });

  it('the visitor blocked (which ends the conversation): one announcement says both', async () => {
    const { store } = setup();
    await mount(store, 'c-emma');
    store.block('v-emma');
    await afterAnnouncer();
    expect(heard[heard.length - 1]).to.match(
      /^polite:Emma Laurent is blocked and can no longer send messages\. .* The conversation with Emma Laurent has ended\.$/,
    );
  });

  it('a conversation the server ends is said', async () => {
    const { store, transport } = setup();
    await mount(store, 'c-liam');
    transport.emit({ type: 'conversation.closed', conversationId: 'c-liam', at: new Date().toISOString() });
    await afterAnnouncer();
    expect(heard[heard.length - 1]).to.match(/^polite:The conversation with Liam .+ has ended\.$/);
  });

  it('a transfer line is said', async () => {
    const { store, transport } = setup();
    await mount(store, 'c-emma');
    transport.emit({
      type: 'message.added',
      message: {
        id: 'tr-1',
        conversationId: 'c-emma',
        author: 'system',
        at: new Date().toISOString(),
        kind: 'transfer',
        to: { type: 'skill', name: 'Billing' },
      },
    });
    await afterAnnouncer();
    expect(heard).to.have.length(1);
    expect(heard[0]).to.match(/^polite:.*Billing/);
  });

  it('the history shown on opening a conversation is not news', async () => {
    const { store } = setup();
    const el = await mount(store, 'c-emma');
    el.conversationId = 'c-liam';
    await el.updateComplete;
    await afterAnnouncer();
    expect(heard).to.deep.equal([]);
  });
});
