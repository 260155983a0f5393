import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import type { Observable, Subscription } from 'rxjs';
import sinon from 'sinon';
import type { DeskErrorInfo, Draft, Fixtures, Message } from '../../src/model/types.js';
import type { StoreAction } from '../../src/store/actions.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryOutbox } from '../../src/store/outbox.js';
import { reduce } from '../../src/store/reducer.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { CONTENT_BY_KIND, conversation, iso, message, textMessage, visitor } from '../model/builders.js';

function current<T>(observable: Observable<T>): T {
  let value!: T;
  let seen = false;
  observable
    .subscribe((v) => {
      value = v;
      seen = true;
    })
    .unsubscribe();
  if (!seen) throw new Error('The observable did not emit synchronously');
  return value;
}

/** Records every value an observable emits until the test ends. */
function record<T>(observable: Observable<T>, subscriptions: Subscription[]): T[] {
  const values: T[] = [];
  subscriptions.push(observable.subscribe((v) => values.push(v)));
  return values;
}

/** Lets queued microtasks (transport echoes) run. */
const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function smallFixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex', role: 'agent' },
    visitors: [visitor('v-c1', { visitCount: 1 }), visitor('v-c2', { visitCount: 1 }), visitor('v-c3')],
    conversations: [
      conversation('c1', { startedAt: iso(0) }),
      conversation('c2', { startedAt: iso(10) }),
      conversation('c3', { startedAt: iso(20) }),
    ],
    messages: [textMessage('m1', 'visitor', 1, 'Hi', 'c1'), textMessage('m2', 'agent', 2, 'Hello', 'c1')],
  };
}

describe('DeskStore', () => {
  let subscriptions: Subscription[];
  let stores: DeskStore[];
  let warn: sinon.SinonStub;

  function make(
    options: { fixtures?: Fixtures; batching?: 'frame' | 'sync'; layout?: 1 | 2 | 4; manager?: boolean } = {},
  ) {
    const fixtures = options.fixtures ?? smallFixtures();
    if (options.manager) fixtures.agent = { id: 'm1', name: 'Morgan', role: 'manager' };
    const transport = new MemoryTransport({ fixtures, simulate: false });
    const store = new DeskStore({ transport, batching: options.batching ?? 'frame', layout: options.layout });
    stores.push(store);
    store.flush();
    const errors = record<DeskErrorInfo>(store.errors$, subscriptions);
    return { transport, store, errors };
  }

  beforeEach(() => {
    subscriptions = [];
    stores = [];
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    for (const store of stores) store.destroy();
    sinon.restore();
  });

  describe('frame batching', () => {
    it('applies emitted events on the next animation frame, not before', async () => {
      const { transport, store } = make();
      transport.emit({ type: 'message.added', message: textMessage('new', 'visitor', 5, 'x', 'c1') });
      expect(current(store.messages$('c1')).map((m) => m.id)).to.deep.equal(['m1', 'm2']);
      await nextFrame();
      expect(current(store.messages$('c1')).map((m) => m.id)).to.deep.equal(['m1', 'm2', 'new']);
    });

    it('flush() applies queued events at once', () => {
      const { transport, store } = make();
      transport.emit({ type: 'visitor.typing', conversationId: 'c1', typing: true, preview: 'Hel' });
      expect(current(store.typing$('c1')).typing).to.be.false;
      store.flush();
      expect(current(store.typing$('c1'))).to.deep.equal({ typing: true, preview: 'Hel' });
    });

    it('applies a burst of 1,000 events as one state change', () => {
      const { transport, store } = make();
      const states = record(store.state$, subscriptions);
      const threads = record(store.messages$('c2'), subscriptions);
      for (let i = 0; i < 1000; i += 1) {
        transport.emit({
          type: 'message.added',
          message: textMessage(`burst-${i}`, 'visitor', 1000 - i, `n${i}`, 'c2'),
        });
      }
      expect(states).to.have.length(1);
      store.flush();
      expect(states).to.have.length(2);
      expect(threads).to.have.length(2);
      const ids = threads[1].map((m) => m.id);
      expect(ids).to.have.length(1000);
      expect(ids[0]).to.equal('burst-999');
      expect(ids[999]).to.equal('burst-0');
      expect(current(store.conversations$).find((row) => row.conversation.id === 'c2')!.unread).to.equal(1000);
    });

    it('still applies events when animation frames are paused (background tab)', () => {
      const { transport, store } = make();
      sinon.stub(window, 'requestAnimationFrame').returns(12345);
      sinon.stub(window, 'cancelAnimationFrame');
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      transport.emit({ type: 'message.added', message: textMessage('bg', 'visitor', 5, 'x', 'c1') });
      expect(current(store.messages$('c1'))).to.have.length(2);
      clock.tick(150);
      expect(current(store.messages$('c1')).map((m) => m.id)).to.include('bg');
    });

    it("with batching 'sync', applies each event at once", () => {
      const { transport, store } = make({ batching: 'sync' });
      transport.emit({ type: 'message.added', message: textMessage('now', 'visitor', 5, 'x', 'c1') });
      expect(current(store.messages$('c1')).map((m) => m.id)).to.include('now');
    });

    it('a command issued from inside a subscription never leaves other subscribers on a stale state', () => {
      const { transport, store } = make();
      // A host that focuses every new conversation as soon as it is listed.
      subscriptions.push(
        store.conversations$.subscribe((rows) => {
          const newest = rows.at(-1);
          if (newest && newest.conversation.id !== store.focusedId && newest.conversation.id === 'c4')
            store.focus('c4');
        }),
      );
      const focused = record(store.focusedId$, subscriptions);
      const states = record(store.state$, subscriptions);
      transport.emit({ type: 'conversation.upserted', conversation: conversation('c4', { startedAt: iso(30) }) });
      store.flush();
      expect(store.focusedId).to.equal('c4');
      expect(focused.at(-1)).to.equal('c4');
      expect(states.at(-1)).to.equal(store.state);
    });

    it('local commands apply at once, after the server events queued before them', () => {
      const { transport, store } = make();
      transport.emit({ type: 'conversation.upserted', conversation: conversation('c4', { startedAt: iso(30) }) });
      store.focus('c4');
      expect(store.focusedId).to.equal('c4');
    });
  });

  describe('selectors', () => {
    it('loads the snapshot: agent, connection, conversations and the first one focused', () => {
      const { store } = make();
      expect(current(store.loaded$)).to.be.true;
      expect(current(store.connection$)).to.equal('online');
      expect(current(store.agent$)).to.deep.equal({ id: 'a1', name: 'Alex', role: 'agent' });
      expect(current(store.conversations$).map((row) => row.conversation.id)).to.deep.equal(['c1', 'c2', 'c3']);
      expect(current(store.focusedId$)).to.equal('c1');
      expect(current(store.layout$)).to.equal(1);
      expect(current(store.panes$)).to.deep.equal(['c1']);
      expect(current(store.focusedPane$)).to.equal(0);
    });

    it('connection$ follows the transport going offline and back online', () => {
      const { transport, store } = make();
      const states = record(store.connection$, subscriptions);
      transport.setOnline(false);
      transport.setOnline(true);
      expect(states).to.deep.equal(['online', 'offline', 'online']);
    });

    it('agent$ is the configured agent until a snapshot names one', () => {
      const transport = new MemoryTransport({ fixtures: { visitors: [], conversations: [], messages: [] } });
      const store = new DeskStore({ transport, agent: { id: 'a9', name: 'Robin', role: 'manager' } });
      stores.push(store);
      store.flush();
      expect(current(store.agent$)).to.deep.equal({ id: 'a9', name: 'Robin', role: 'manager' });
      expect(current(store.focusedId$)).to.equal(null);
      expect(current(store.conversations$)).to.deep.equal([]);
    });

    it('the agent given to the store wins over the snapshot’s (the demo data’s "Alex Martin")', async () => {
      const transport = new MemoryTransport({ fixtures: smallFixtures(), simulate: false });
      const store = new DeskStore({ transport, agent: { id: 'a1', name: 'Sam' }, batching: 'sync' });
      stores.push(store);
      // The snapshot names "Alex" (role agent): the name given stays, the role comes from the snapshot.
      expect(current(store.agent$)).to.deep.equal({ id: 'a1', name: 'Sam', role: 'agent' });
      // A message the agent sends is signed with that name, before and after the server's echo.
      const sent = store.send('c1', { kind: 'text', text: 'Hello from Sam' })!;
      expect(sent.authorName).to.equal('Sam');
      const shown = () => store.state.threads.get('c1')!.messages.find((m) => m.clientId === sent.clientId)!;
      await waitUntil(() => shown().status === 'sent', 'the echo');
      expect(shown().authorName).to.equal('Sam');
    });

    it('conversation$ and visitor$ follow their entity', () => {
      const { transport, store } = make();
      const visitors = record(store.visitor$('v-c2'), subscriptions);
      const conversations = record(store.conversation$('c2'), subscriptions);
      transport.emit({ type: 'visitor.updated', visitor: { id: 'v-c2', name: 'Noah' } });
      transport.emit({ type: 'conversation.closed', conversationId: 'c2', at: iso(99) });
      store.flush();
      expect(visitors.map((v) => v?.name)).to.deep.equal(['Visitor v-c2', 'Noah']);
      expect(conversations.map((c) => c?.status)).to.deep.equal(['ongoing', 'closed']);
      expect(current(store.conversation$('missing'))).to.equal(undefined);
      expect(current(store.visitor$('missing'))).to.equal(undefined);
    });

    it('a closed conversation leaves the ongoing list', () => {
      const { transport, store } = make();
      transport.emit({ type: 'conversation.closed', conversationId: 'c2', at: iso(99) });
      store.flush();
      expect(current(store.conversations$).map((row) => row.conversation.id)).to.deep.equal(['c1', 'c3']);
    });

    it('messages$ filters a thread and re-emits only when that thread changes', () => {
      const { transport, store } = make();
      transport.emit({
        type: 'message.added',
        message: message({
          id: 'nav',
          conversationId: 'c1',
          author: 'visitor',
          at: 3,
          content: CONTENT_BY_KIND.navigation,
        }),
      });
      transport.emit({
        type: 'message.added',
        message: message({ id: 'link', conversationId: 'c1', author: 'agent', at: 4, content: CONTENT_BY_KIND.link }),
      });
      store.flush();
      expect(current(store.messages$('c1', 'visitor')).map((m) => m.id)).to.deep.equal(['m1']);
      expect(current(store.messages$('c1', 'agent')).map((m) => m.id)).to.deep.equal(['m2', 'link']);
      expect(current(store.messages$('c1', 'actions')).map((m) => m.id)).to.deep.equal(['link']);
      expect(current(store.messages$('c1', 'navigation')).map((m) => m.id)).to.deep.equal(['nav']);
      expect(current(store.messages$('c1')).map((m) => m.id)).to.deep.equal(['m1', 'm2', 'nav', 'link']);

      const c1 = record(store.messages$('c1'), subscriptions);
      transport.emit({ type: 'message.added', message: textMessage('elsewhere', 'visitor', 5, 'x', 'c2') });
      transport.emit({ type: 'visitor.typing', conversationId: 'c1', typing: true });
      store.flush();
      store.setDraft('c1', 'draft');
      expect(c1).to.have.length(1);
      expect(current(store.messages$('nothing'))).to.deep.equal([]);
    });

    it('the state box rows carry unread counts and the time the visitor has been waiting', () => {
      const { transport, store } = make();
      transport.emit({ type: 'message.added', message: textMessage('q1', 'visitor', 30, 'Hello?', 'c3') });
      transport.emit({ type: 'message.added', message: textMessage('q2', 'visitor', 40, 'Anyone?', 'c3') });
      store.flush();
      const row = current(store.conversations$).find((r) => r.conversation.id === 'c3')!;
      expect(row.unread).to.equal(2);
      // Since the FIRST unanswered message: a follow-up does not reset the wait.
      expect(row.waitingSince).to.equal(iso(30));
      expect(row.lastMessage!.id).to.equal('q2');
      const focused = current(store.conversations$).find((r) => r.conversation.id === 'c1')!;
      expect(focused.waitingSince).to.equal(undefined);
    });

    it('typing$ shows a live preview and stops when the visitor stops', () => {
      const { transport, store } = make();
      const typing = record(store.typing$('c2'), subscriptions);
      transport.emit({ type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Do' });
      store.flush();
      transport.emit({ type: 'visitor.typing', conversationId: 'c2', typing: false });
      store.flush();
      expect(typing).to.deep.equal([{ typing: false }, { typing: true, preview: 'Do' }, { typing: false }]);
    });

    it('draft$ keeps a draft per conversation across focus changes', () => {
      const { store } = make();
      store.setDraft('c1', 'Hello Em');
      store.focus('c2');
      store.setDraft('c2', 'Hi');
      store.focus('c1');
      expect(current(store.draft$('c1'))).to.equal('Hello Em');
      expect(current(store.draft$('c2'))).to.equal('Hi');
      store.setDraft('c1', '');
      expect(current(store.draft$('c1'))).to.equal('');
    });

    it('filter$ defaults to all and keeps a filter per conversation', () => {
      const { store } = make();
      expect(current(store.filter$('c1'))).to.equal('all');
      store.setFilter('c1', 'actions');
      expect(current(store.filter$('c1'))).to.equal('actions');
      expect(current(store.filter$('c2'))).to.equal('all');
    });

    it('setFilter refuses an unknown filter, and messages$ shows everything for one', () => {
      const { store, errors } = make();
      store.setFilter('c1', 'bogus' as 'all');
      expect(current(store.filter$('c1'))).to.equal('all');
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-argument']);
      expect(current(store.messages$('c1', 'bogus' as 'all')).map((m) => m.id)).to.deep.equal(['m1', 'm2']);
    });

    it('setting the same filter or layout again changes nothing', () => {
      const { store } = make();
      store.setFilter('c1', 'agent');
      const state = store.state;
      store.setFilter('c1', 'agent');
      store.setLayout(1);
      expect(store.state).to.equal(state);
    });

    it('thread$ reports older messages loading and whether there are more', async () => {
      const { store } = make();
      expect(current(store.thread$('c1'))).to.deep.equal({ hasOlder: undefined, loadingOlder: false });
      store.loadOlder('c1');
      expect(current(store.thread$('c1'))).to.deep.equal({ hasOlder: undefined, loadingOlder: true });
      await microtasks();
      store.flush();
      expect(current(store.thread$('c1'))).to.deep.equal({ hasOlder: false, loadingOlder: false });
    });
  });

  describe('commands', () => {
    it('focus shows the conversation, clears its unread count and tells the server it was read', () => {
      const { transport, store } = make();
      transport.emit({ type: 'message.added', message: textMessage('q', 'visitor', 30, 'Hello?', 'c2') });
      store.flush();
      store.focus('c2');
      expect(current(store.focusedId$)).to.equal('c2');
      expect(current(store.conversations$).find((r) => r.conversation.id === 'c2')!.unread).to.equal(0);
      expect(transport.sent).to.deep.include({ type: 'markRead', conversationId: 'c2' });
      const before = transport.sent.length;
      store.focus('c2');
      expect(transport.sent).to.have.length(before);
    });

    it('setLayout splits the screen and shrinking keeps the focused conversation', () => {
      const { store } = make();
      store.setLayout(4);
      expect(current(store.panes$)).to.deep.equal(['c1', 'c2', 'c3', null]);
      store.focusPane(2);
      expect(current(store.focusedId$)).to.equal('c3');
      store.setLayout(2);
      expect(current(store.panes$)).to.include('c3');
      expect(current(store.focusedId$)).to.equal('c3');
      store.setLayout(1);
      expect(current(store.panes$)).to.deep.equal(['c3']);
    });

    it('setLayout refuses anything but 1, 2 or 4 with an error', () => {
      const { store, errors } = make();
      store.setLayout(3 as 1);
      expect(current(store.layout$)).to.equal(1);
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-argument']);
      expect(warn.callCount).to.equal(1);
    });

    it('block marks the visitor blocked at once and the server confirms it', async () => {
      const { transport, store } = make();
      store.block('v-c1', 'Abusive');
      expect(current(store.visitor$('v-c1'))!.blocked).to.be.true;
      expect(transport.sent).to.deep.include({ type: 'block', visitorId: 'v-c1', reason: 'Abusive' });
      await microtasks();
      store.flush();
      expect(current(store.visitor$('v-c1'))!.blocked).to.be.true;
    });

    it('a refused block is undone and reported', async () => {
      const { transport, store, errors } = make();
      transport.failNext(1);
      store.block('v-c1');
      expect(current(store.visitor$('v-c1'))!.blocked).to.be.true;
      await microtasks();
      expect(current(store.visitor$('v-c1'))!.blocked).to.be.false;
      expect(errors.map((e) => e.code)).to.deep.equal(['transport']);
    });

    it('only a manager may unblock', async () => {
      const agent = make();
      agent.store.block('v-c1');
      expect(agent.store.unblock('v-c1')).to.be.false;
      expect(agent.errors.map((e) => e.code)).to.deep.equal(['forbidden']);
      expect(current(agent.store.visitor$('v-c1'))!.blocked).to.be.true;

      const manager = make({ manager: true });
      manager.store.block('v-c1');
      expect(manager.store.unblock('v-c1')).to.be.true;
      expect(current(manager.store.visitor$('v-c1'))!.blocked).to.be.false;
      expect(manager.transport.sent).to.deep.include({ type: 'unblock', visitorId: 'v-c1' });
    });

    it("takeControl asks the visitor's browser for co-browsing", async () => {
      const { transport, store } = make();
      store.takeControl('c2');
      expect(transport.sent.find((command) => command.type === 'cobrowse')).to.include({
        conversationId: 'c2',
        visitorId: 'v-c2',
      });
      await microtasks();
      store.flush();
      expect(current(store.messages$('c2')).map((m) => m.kind === 'cobrowsing' && m.state)).to.deep.equal([
        'requested',
      ]);
    });

    it('typing tells the server the agent is typing', () => {
      const { transport, store } = make();
      store.typing('c1', true, 'Let me');
      store.typing('c1', false);
      expect(transport.sent.filter((c) => c.type === 'typing')).to.deep.equal([
        { type: 'typing', conversationId: 'c1', typing: true, preview: 'Let me' },
        { type: 'typing', conversationId: 'c1', typing: false },
      ]);
    });

    it("loadHistory pages through a returning visitor's past conversations, newest first, until there are no more", async () => {
      const { transport, store } = make({ fixtures: demoFixtures(new Date(Date.parse(iso(0)))) });
      const pages: number[] = [];
      let history = current(store.history$('v-emma'));
      expect(history.conversations.map((c) => c.id)).to.deep.equal(['c-emma-h1', 'c-emma-h2']);
      expect(history.hasMore).to.be.true;
      while (history.hasMore) {
        store.loadHistory('v-emma');
        expect(current(store.history$('v-emma')).loading).to.be.true;
        // A second request while loading is ignored.
        store.loadHistory('v-emma');
        await microtasks();
        store.flush();
        history = current(store.history$('v-emma'));
        pages.push(history.conversations.length);
        expect(pages.length).to.be.below(10);
      }
      expect(pages).to.deep.equal([5, 8, 10]);
      const requests = transport.sent.filter((c) => c.type === 'loadHistory');
      expect(requests).to.have.length(3);
      const times = history.conversations.map((c) => Date.parse(c.startedAt));
      expect(times.every((t, i) => i === 0 || times[i - 1] >= t)).to.be.true;
      expect(current(store.messages$('c-emma-a8'))).to.have.length(3);
      // Nothing more to ask for.
      store.loadHistory('v-emma');
      expect(transport.sent.filter((c) => c.type === 'loadHistory')).to.have.length(3);
    });

    it('loadOlder scrolls a thread back page by page until the beginning, without duplicates', async () => {
      const fixtures = smallFixtures();
      fixtures.archive = {
        conversations: [],
        messages: Array.from({ length: 120 }, (_, i) =>
          textMessage(`old-${i}`, i % 2 ? 'agent' : 'visitor', -500 + i, `${i}`, 'c1'),
        ),
      };
      const { transport, store } = make({ fixtures });
      const lengths: number[] = [];
      for (let i = 0; i < 10 && current(store.thread$('c1')).hasOlder !== false; i += 1) {
        store.loadOlder('c1');
        await microtasks();
        store.flush();
        lengths.push(current(store.messages$('c1')).length);
      }
      expect(lengths).to.deep.equal([52, 102, 122]);
      const ids = current(store.messages$('c1')).map((m) => m.id);
      expect(new Set(ids).size).to.equal(122);
      expect(ids.slice(0, 2)).to.deep.equal(['old-0', 'old-1']);
      expect(ids.slice(-2)).to.deep.equal(['m1', 'm2']);
      expect(current(store.conversations$).find((r) => r.conversation.id === 'c1')!.unread).to.equal(0);
      store.loadOlder('c1');
      expect(transport.sent.filter((c) => c.type === 'loadMessages')).to.have.length(3);
    });

    it('a failed history request lets the agent try again', async () => {
      const { transport, store, errors } = make({ fixtures: demoFixtures(new Date(Date.parse(iso(0)))) });
      transport.setOnline(false);
      store.loadHistory('v-emma');
      await microtasks();
      store.flush();
      expect(current(store.history$('v-emma'))).to.include({ loading: false, hasMore: true });
      expect(errors.map((e) => e.code)).to.deep.equal(['transport']);
    });

    it('destroy closes the transport and completes the streams', () => {
      const { transport, store } = make();
      let completed = false;
      store.state$.subscribe({ complete: () => (completed = true) });
      store.destroy();
      expect(completed).to.be.true;
      expect(() => transport.emit({ type: 'visitor.typing', conversationId: 'c1', typing: true })).not.to.throw();
    });
  });

  it('works with the demo data: seven ongoing conversations, the oldest focused first', () => {
    const { store } = make({ fixtures: demoFixtures() });
    const rows = current(store.conversations$);
    expect(rows).to.have.length(7);
    expect(current(store.focusedId$)).to.equal(rows[0].conversation.id);
    const liam = rows.find((r) => r.conversation.id === 'c-liam')!;
    expect(liam.visitor!.name).to.equal('Liam O’Connor');
    const failed = current(store.messages$('c-liam')).find((m: Message) => m.status === 'failed');
    expect(failed).to.exist;
  });

  describe('resilience', () => {
    it('a replayed echo without the client id, then the late acknowledgement, loses no event and no status', async () => {
      const transport = new MemoryTransport({ fixtures: smallFixtures(), simulate: false, autoAck: false });
      const store = new DeskStore({ transport });
      stores.push(store);
      const errors = record<DeskErrorInfo>(store.errors$, subscriptions);
      store.flush();
      const sent = store.send('c1', { kind: 'text', text: 'On its way' })!;
      const echo = { ...sent, id: 'srv-1', status: 'delivered' } as Message;
      transport.emit({ type: 'message.added', message: echo });
      const { clientId: _dropped, ...replay } = echo;
      transport.emit({ type: 'message.added', message: replay });
      store.flush();
      // Queued in the same frame as the acknowledgement's local status.
      transport.emit({ type: 'message.added', message: textMessage('late', 'visitor', 99, 'Still there?', 'c1') });
      await microtasks();
      store.flush();
      const thread = current(store.messages$('c1'));
      expect(thread.map((m) => m.id)).to.include.members(['srv-1', 'late']);
      expect(thread.filter((m) => m.id === 'srv-1' || m.clientId === sent.clientId)).to.have.length(1);
      expect(thread.find((m) => m.id === 'srv-1')!.status).to.equal('delivered');
      expect(errors.map((e) => e.code)).to.deep.equal([]);
    });

    it('a send failing after the server already confirmed it stays delivered and leaves the outbox', async () => {
      const outbox = new MemoryOutbox();
      const transport = new MemoryTransport({ fixtures: smallFixtures(), simulate: false, autoAck: false });
      const store = new DeskStore({ transport, outbox, batching: 'sync' });
      stores.push(store);
      const errors = record<DeskErrorInfo>(store.errors$, subscriptions);
      transport.failNext(1, 'timeout');
      const sent = store.send('c1', { kind: 'text', text: 'Confirmed by echo' })!;
      transport.emit({ type: 'message.added', message: { ...sent, id: 'srv-2', status: 'delivered' } as Message });
      await microtasks();
      const shown = current(store.messages$('c1')).filter((m) => m.clientId === sent.clientId);
      expect(shown).to.have.length(1);
      expect(shown[0].status).to.equal('delivered');
      expect(errors.map((e) => e.code)).to.not.include('send-failed');
      expect(await outbox.load()).to.deep.equal([]);
    });

    it('a snapshot after a reconnect restarts visitor-history paging', async () => {
      const fixtures = demoFixtures();
      const { transport, store } = make({ fixtures, batching: 'sync' });
      for (let page = 0; page < 3; page += 1) {
        store.loadHistory('v-emma');
        await microtasks();
      }
      expect(current(store.history$('v-emma'))).to.include({ hasMore: false });
      expect(current(store.history$('v-emma')).conversations).to.have.length(10);
      const { agent, visitors, conversations, messages } = fixtures;
      transport.emit({ type: 'snapshot', agent, visitors, conversations, messages });
      const history = current(store.history$('v-emma'));
      expect(history.conversations).to.have.length(2);
      expect(history).to.include({ hasMore: true, loading: false });
    });

    it('an action that cannot be applied is reported and the rest of its batch still applies', () => {
      const { store } = make({ batching: 'sync' });
      const broken = { type: 'message.added', message: null } as unknown as StoreAction;
      const ok = { type: 'message.added', message: textMessage('after', 'visitor', 50, 'Next', 'c2') } as StoreAction;
      const { state, errors } = reduce(store.state, [broken, ok]);
      expect(errors.map((e) => e.code)).to.deep.equal(['internal']);
      expect(state.threads.get('c2')!.messages.map((m) => m.id)).to.deep.equal(['after']);
    });

    it('refuses a draft a listener broke, or an offer with a disallowed address, without throwing or sending', () => {
      const { transport, store, errors } = make({ batching: 'sync' });
      const drafts: unknown[] = [
        null,
        'just a string',
        { kind: 'text', text: 42 },
        { kind: 'system', text: 'pretend to be the system' },
        { kind: 'offer', title: 'Deal', url: 'javascript:alert(1)' },
        { kind: 'offer', title: 'Deal', imageUrl: 'data:image/png;base64,AAAA' },
        { kind: 'link', url: '/relative' },
      ];
      for (const draft of drafts) expect(store.send('c1', draft as Draft)).to.equal(undefined);
      expect(errors.map((e) => e.code)).to.deep.equal(drafts.map(() => 'send-refused'));
      expect(transport.sent.filter((c) => c.type === 'send')).to.deep.equal([]);
      expect(current(store.messages$('c1'))).to.have.length(2);
    });

    it('sends only the fields of the message kind (extra fields a listener added are dropped)', () => {
      const { store } = make({ batching: 'sync' });
      const sent = store.send('c1', { kind: 'text', text: 'Hi', onclick: 'evil()' } as unknown as Draft)!;
      expect(sent).to.not.have.property('onclick');
      expect(sent).to.include({ kind: 'text', text: 'Hi', author: 'agent', status: 'sending' });
    });

    it('forgets a selector once nobody listens to it', () => {
      const { store } = make();
      const cache = (store as unknown as { selectorCache: Map<string, unknown> }).selectorCache;
      const before = cache.size;
      const subscription = store.messages$('c2', 'visitor').subscribe();
      store.visitor$('v-c2').subscribe().unsubscribe();
      expect(cache.size).to.equal(before + 1);
      subscription.unsubscribe();
      expect(cache.size).to.equal(before);
    });
  });

  describe('panes and unread', () => {
    it('a conversation shown in any pane, focused or not, has no unread count', () => {
      const { store } = make({ fixtures: demoFixtures(), batching: 'sync' });
      const unreadOf = (id: string) => current(store.conversations$).find((r) => r.conversation.id === id)!.unread;
      const hidden = current(store.conversations$).filter((row) => row.unread > 0);
      expect(hidden.length).to.be.greaterThan(2);
      store.setLayout(4);
      const shown = current(store.panes$).filter((id): id is string => id !== null);
      expect(shown).to.have.length(4);
      for (const id of shown) expect(unreadOf(id), id).to.equal(0);
      // Still counted for conversations that are not on screen.
      expect(
        current(store.conversations$).some((row) => !shown.includes(row.conversation.id) && row.unread > 0),
      ).to.equal(true);
    });
  });
});
