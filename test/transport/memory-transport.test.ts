import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseServerEvent } from '../../src/model/schema.js';
import type { ConnectionState, DeskErrorInfo, Fixtures, Message, ServerEvent } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { TransportError, type TransportSink } from '../../src/transport/transport.js';
import { conversation, iso, textMessage, visitor } from '../model/builders.js';

interface Recording {
  sink: TransportSink;
  events: unknown[];
  connections: ConnectionState[];
  errors: DeskErrorInfo[];
}

function recorder(): Recording {
  const recording: Recording = { events: [], connections: [], errors: [], sink: undefined! };
  recording.sink = {
    event: (raw) => recording.events.push(raw),
    connection: (state) => recording.connections.push(state),
    error: (error) => recording.errors.push(error),
  };
  return recording;
}

const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [visitor('v1')],
    conversations: [conversation('c1', { visitorId: 'v1' })],
    messages: [textMessage('m1', 'visitor', 1, 'Hi', 'c1')],
    archive: {
      conversations: [1, 2, 3, 4, 5].map((n) =>
        conversation(`old${n}`, {
          visitorId: 'v1',
          status: 'closed',
          startedAt: iso(-1000 * n),
          closedAt: iso(-1000 * n + 60),
        }),
      ),
      messages: [
        ...[1, 2, 3, 4, 5].map((n) => textMessage(`old${n}-m`, 'visitor', -1000 * n + 1, `old ${n}`, `old${n}`)),
        ...Array.from({ length: 120 }, (_, i) => textMessage(`c1-old-${i}`, 'visitor', -500 + i, `${i}`, 'c1')),
      ],
    },
  };
}

const send = (clientId: string, text = 'Hello') =>
  ({ type: 'send', clientId, conversationId: 'c1', at: iso(10), content: { kind: 'text', text } }) as const;

describe('MemoryTransport', () => {
  afterEach(() => sinon.restore());

  it('on connect, goes online and delivers a snapshot of its fixtures (not the archive)', () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    expect(rec.connections).to.deep.equal(['connecting', 'online']);
    expect(rec.events).to.have.length(1);
    const snapshot = rec.events[0] as Extract<ServerEvent, { type: 'snapshot' }>;
    expect(snapshot.type).to.equal('snapshot');
    expect(snapshot.agent).to.deep.equal({ id: 'a1', name: 'Alex' });
    expect(snapshot.conversations.map((c) => c.id)).to.deep.equal(['c1']);
    expect(snapshot.messages.map((m) => m.id)).to.deep.equal(['m1']);
    expect(parseServerEvent(snapshot).ok).to.be.true;
  });

  it('without fixtures, delivers an empty snapshot', () => {
    const transport = new MemoryTransport();
    const rec = recorder();
    transport.connect(rec.sink);
    expect(rec.events).to.deep.equal([{ type: 'snapshot', visitors: [], conversations: [], messages: [] }]);
  });

  it('emit() delivers any server event, even malformed input (the store refuses it)', () => {
    const transport = new MemoryTransport();
    const rec = recorder();
    transport.connect(rec.sink);
    const event = { type: 'visitor.typing', conversationId: 'c1', typing: true };
    transport.emit(event);
    transport.emit({ nonsense: true });
    expect(rec.events.slice(1)).to.deep.equal([event, { nonsense: true }]);
  });

  it('records every command in `sent`, in order, including refused ones', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    transport.connect(recorder().sink);
    await transport.send({ type: 'markRead', conversationId: 'c1' });
    transport.setOnline(false);
    await transport.send({ type: 'typing', conversationId: 'c1', typing: true }).catch(() => undefined);
    expect(transport.sent).to.deep.equal([
      { type: 'markRead', conversationId: 'c1' },
      { type: 'typing', conversationId: 'c1', typing: true },
    ]);
  });

  it('setOnline(false) reports offline and refuses commands as offline; setOnline(true) recovers', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    transport.setOnline(false);
    expect(rec.connections.at(-1)).to.equal('offline');
    let error: unknown;
    await transport.send(send('cid-1')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TransportError);
    expect((error as TransportError).reason).to.equal('offline');
    transport.setOnline(true);
    expect(rec.connections.at(-1)).to.equal('online');
    await transport.send(send('cid-2'));
  });

  it('failNext(n) refuses the next n commands, then accepts again', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    transport.connect(recorder().sink);
    transport.failNext(2);
    const reasons: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await transport.send({ type: 'markRead', conversationId: 'c1' }).then(
        () => reasons.push('ok'),
        (e: TransportError) => reasons.push(e.reason),
      );
    }
    expect(reasons).to.deep.equal(['rejected', 'rejected', 'ok']);
    transport.failNext(1, 'timeout');
    const error = await transport.send({ type: 'markRead', conversationId: 'c1' }).catch((e: TransportError) => e);
    expect(error).to.be.instanceOf(TransportError).with.property('reason', 'timeout');
  });

  it('echoes an accepted agent message as a valid message.added carrying the client id', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send(send('cid-1', 'On my way'));
    await microtasks();
    expect(rec.events).to.have.length(2);
    const echo = rec.events[1] as Extract<ServerEvent, { type: 'message.added' }>;
    expect(parseServerEvent(echo).ok).to.be.true;
    expect(echo.message).to.include({
      clientId: 'cid-1',
      conversationId: 'c1',
      author: 'agent',
      at: iso(10),
      status: 'sent',
      kind: 'text',
      text: 'On my way',
    });
    expect(echo.message.id).not.to.equal('cid-1');
    // No author name of its own: the store keeps the name it showed (the agent the host gave it).
    expect(echo.message.authorName).to.be.undefined;
  });

  it('echoes a resend of the same client id as the same message (idempotent)', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send(send('cid-1'));
    await transport.send(send('cid-1'));
    await transport.send(send('cid-2'));
    await microtasks();
    const echoes = rec.events.slice(1) as Array<Extract<ServerEvent, { type: 'message.added' }>>;
    expect(echoes).to.have.length(3);
    expect(echoes[0].message).to.deep.equal(echoes[1].message);
    expect(echoes[2].message.id).not.to.equal(echoes[0].message.id);
  });

  it('a message sent twice under one client id shows once in the desk', async () => {
    sinon.stub(console, 'warn');
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync' });
    await transport.send(send('cid-1'));
    await transport.send(send('cid-1'));
    await microtasks();
    const thread = store.state.threads.get('c1')!.messages;
    expect(thread.filter((m: Message) => m.clientId === 'cid-1')).to.have.length(1);
    store.destroy();
  });

  it('with autoAck false, accepts sends without echoing them', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures(), autoAck: false });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send(send('cid-1'));
    await microtasks();
    expect(rec.events).to.have.length(1);
  });

  it('answers block and unblock with the visitor update', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send({ type: 'block', visitorId: 'v1' });
    await transport.send({ type: 'unblock', visitorId: 'v1' });
    await microtasks();
    expect(rec.events.slice(1)).to.deep.equal([
      { type: 'visitor.updated', visitor: { id: 'v1', blocked: true } },
      { type: 'visitor.updated', visitor: { id: 'v1', blocked: false } },
    ]);
  });

  it('answers a co-browsing request with a valid "requested" line', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send({ type: 'cobrowse', conversationId: 'c1', visitorId: 'v1' });
    await microtasks();
    const event = rec.events[1] as Extract<ServerEvent, { type: 'message.added' }>;
    expect(parseServerEvent(event).ok).to.be.true;
    expect(event.message).to.include({ kind: 'cobrowsing', state: 'requested', conversationId: 'c1' });
  });

  it('pages through a visitor history, newest first, until hasMore is false', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures(), historyPageSize: 2 });
    const rec = recorder();
    transport.connect(rec.sink);
    const pages: Array<Extract<ServerEvent, { type: 'history.page' }>> = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      await transport.send({ type: 'loadHistory', visitorId: 'v1', ...(before ? { before } : {}) });
      await microtasks();
      const page = rec.events.at(-1) as Extract<ServerEvent, { type: 'history.page' }>;
      expect(parseServerEvent(page).ok).to.be.true;
      pages.push(page);
      if (!page.hasMore) break;
      before = page.conversations.at(-1)!.startedAt;
    }
    expect(pages.map((p) => p.conversations.map((c) => c.id))).to.deep.equal([
      ['old1', 'old2'],
      ['old3', 'old4'],
      ['old5'],
    ]);
    expect(pages.map((p) => p.hasMore)).to.deep.equal([true, true, false]);
    expect(pages[0].messages.map((m) => m.id)).to.deep.equal(['old1-m', 'old2-m']);
    expect(pages.every((p) => p.visitorId === 'v1' && p.conversationId === undefined)).to.be.true;
  });

  it('a visitor without an archive gets one empty, final page', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send({ type: 'loadHistory', visitorId: 'nobody' });
    await microtasks();
    expect(rec.events.at(-1)).to.deep.equal({
      type: 'history.page',
      visitorId: 'nobody',
      conversations: [],
      messages: [],
      hasMore: false,
    });
  });

  it("serves a thread's older messages by pages of 50 for scroll-back", async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send({ type: 'loadMessages', conversationId: 'c1', before: iso(1) });
    await microtasks();
    const page = rec.events.at(-1) as Extract<ServerEvent, { type: 'history.page' }>;
    expect(parseServerEvent(page).ok).to.be.true;
    expect(page).to.include({ conversationId: 'c1', visitorId: 'v1', hasMore: true });
    expect(page.messages).to.have.length(50);
    expect(page.messages.at(-1)!.id).to.equal('c1-old-119');
  });

  it('names the visitor of an archived conversation when scrolling its thread back', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    await transport.send({ type: 'loadMessages', conversationId: 'old3' });
    await microtasks();
    expect(rec.events.at(-1)).to.deep.include({ visitorId: 'v1', conversationId: 'old3', hasMore: false });
  });

  it("a store's loadHistory pages through the demo visitor's archive", async () => {
    sinon.stub(console, 'warn');
    const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
    const store = new DeskStore({ transport, batching: 'sync' });
    for (let i = 0; i < 10 && store.state.history.get('v-emma')?.hasMore !== false; i += 1) {
      store.loadHistory('v-emma');
      await microtasks();
    }
    const closed = [...store.state.conversations.values()].filter(
      (c) => c.visitorId === 'v-emma' && c.status === 'closed',
    );
    expect(closed).to.have.length(10);
    expect(store.state.history.get('v-emma')).to.deep.equal({ hasMore: false, loading: false });
    store.destroy();
  });

  it('close() reports offline once, refuses commands and delivers nothing more', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const rec = recorder();
    transport.connect(rec.sink);
    transport.close();
    transport.close();
    expect(rec.connections).to.deep.equal(['connecting', 'online', 'offline']);
    transport.emit({ type: 'visitor.typing', conversationId: 'c1', typing: true });
    transport.setOnline(true);
    expect(rec.events).to.have.length(1);
    expect(rec.connections).to.have.length(3);
    const error = await transport.send({ type: 'markRead', conversationId: 'c1' }).catch((e: TransportError) => e);
    expect(error).to.be.instanceOf(TransportError).with.property('reason', 'offline');
  });

  describe('the agent’s shift', () => {
    it('answers availability with agent.updated and sends the channels in the snapshot', async () => {
      const fixtures: Fixtures = {
        visitors: [],
        conversations: [],
        messages: [],
        channels: [
          { channel: 'chat', availability: 'available', maxConversations: 3 },
          { channel: 'email', availability: 'busy' },
        ],
      };
      const transport = new MemoryTransport({ fixtures });
      const recording = recorder();
      transport.connect(recording.sink);
      expect((recording.events[0] as Extract<ServerEvent, { type: 'snapshot' }>).channels).to.deep.equal(
        fixtures.channels,
      );
      await transport.send({ type: 'availability', channels: ['email'], availability: 'unavailable' });
      await Promise.resolve();
      expect(recording.events.at(-1)).to.deep.equal({
        type: 'agent.updated',
        channels: [{ channel: 'email', availability: 'unavailable' }],
      });
    });

    it('gives a resent co-browsing command the same line (never a second one)', async () => {
      const transport = new MemoryTransport({});
      const recording = recorder();
      transport.connect(recording.sink);
      const request = { type: 'cobrowse', conversationId: 'c1', visitorId: 'v1', clientId: 'cid-1' } as const;
      await transport.send(request);
      await transport.send(request);
      await Promise.resolve();
      const lines = recording.events.slice(1) as Extract<ServerEvent, { type: 'message.added' }>[];
      expect(lines).to.have.length(2);
      expect(lines[0].message).to.deep.equal(lines[1].message);
      expect(lines[0].message).to.include({ kind: 'cobrowsing', state: 'requested', clientId: 'cid-1' });
      expect(parseServerEvent(lines[0]).ok).to.equal(true);
    });
  });
});
