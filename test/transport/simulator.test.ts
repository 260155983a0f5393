import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseServerEvent } from '../../src/model/schema.js';
import type { DeskErrorInfo, ServerEvent } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport, simulatorChunk } from '../../src/transport/memory-transport.js';
import { DemoSimulator } from '../../src/transport/simulator.js';

const START = Date.parse('2026-11-25T10:00:00.000Z');
const MINUTE = 60_000;

describe('DemoSimulator', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });

  afterEach(() => sinon.restore());

  /** A transport running the simulator (its chunk loaded), with every raw event it delivers. */
  async function simulated(seed = 7) {
    const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(START)), simulate: true, seed });
    const events: unknown[] = [];
    transport.connect({ event: (raw) => events.push(raw), connection: () => undefined, error: () => undefined });
    events.length = 0; // drop the snapshot
    await transport.ready();
    return { transport, events };
  }

  it('emits only valid events over ten simulated minutes, including agent replies', async () => {
    const { transport, events } = await simulated();
    for (let minute = 0; minute < 10; minute += 1) {
      await transport.send({
        type: 'send',
        clientId: `cid-${minute}`,
        conversationId: 'c-emma',
        at: new Date().toISOString(),
        content: { kind: 'text', text: 'Let me check that for you.' },
      });
      clock.tick(MINUTE);
    }
    expect(events.length).to.be.above(50);
    const invalid = events.map((raw) => ({ raw, result: parseServerEvent(raw) })).filter(({ result }) => !result.ok);
    expect(invalid, JSON.stringify(invalid.slice(0, 3))).to.deep.equal([]);
    const types = new Set(events.map((e) => (e as ServerEvent).type));
    for (const type of [
      'visitor.typing',
      'message.added',
      'message.updated',
      'visitor.navigated',
      'conversation.upserted',
      'visitor.updated',
    ]) {
      expect(types, type).to.include(type);
    }
    transport.close();
  });

  it('makes the desk feel alive without a single error', async () => {
    const warn = sinon.stub(console, 'warn');
    const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(START)), simulate: true, seed: 3 });
    const store = new DeskStore({ transport, batching: 'sync' });
    await transport.ready();
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const before = store.state;
    clock.tick(5 * MINUTE);
    expect(errors).to.deep.equal([]);
    expect(warn.called).to.be.false;
    expect(store.state.conversations.size).to.be.above(before.conversations.size);
    const count = (state: typeof before) => [...state.threads.values()].reduce((n, t) => n + t.messages.length, 0);
    expect(count(store.state)).to.be.above(count(before));
    store.destroy();
  });

  it('types with a growing preview before the message arrives', async () => {
    const { transport, events } = await simulated();
    clock.tick(2 * MINUTE);
    const firstMessage = events.findIndex((e) => (e as ServerEvent).type === 'message.added');
    expect(firstMessage).to.be.above(0);
    const added = events[firstMessage] as Extract<ServerEvent, { type: 'message.added' }>;
    const typing = events
      .slice(0, firstMessage)
      .filter(
        (e): e is Extract<ServerEvent, { type: 'visitor.typing' }> =>
          (e as ServerEvent).type === 'visitor.typing' &&
          (e as { conversationId: string }).conversationId === added.message.conversationId,
      );
    const previews = typing.filter((e) => e.typing).map((e) => e.preview!);
    expect(previews.length).to.be.at.least(2);
    expect(previews.every((p, i) => i === 0 || p.length > previews[i - 1].length)).to.be.true;
    expect(typing.at(-1)!.typing).to.be.false;
    transport.close();
  });

  it('answers an agent message with delivered, then read', async () => {
    const { transport, events } = await simulated();
    await transport.send({
      type: 'send',
      clientId: 'cid-x',
      conversationId: 'c-noah',
      at: new Date().toISOString(),
      content: { kind: 'text', text: 'Yes!' },
    });
    clock.tick(3000);
    const echo = events.find(
      (e) =>
        (e as ServerEvent).type === 'message.added' &&
        (e as { message: { clientId?: string } }).message.clientId === 'cid-x',
    ) as Extract<ServerEvent, { type: 'message.added' }>;
    const statuses = events
      .filter(
        (e): e is Extract<ServerEvent, { type: 'message.updated' }> => (e as ServerEvent).type === 'message.updated',
      )
      .filter((e) => e.message.id === echo.message.id)
      .map((e) => e.message.status);
    expect(statuses).to.deep.equal(['delivered', 'read']);
    transport.close();
  });

  it('only browses and writes in ongoing conversations, never in closed ones', async () => {
    const { transport, events } = await simulated(11);
    transport.emit({ type: 'conversation.closed', conversationId: 'c-emma', at: new Date().toISOString() });
    const closedAt = events.length;
    clock.tick(10 * MINUTE);
    const later = events.slice(closedAt) as ServerEvent[];
    expect(later.some((e) => e.type === 'message.added' && e.message.conversationId === 'c-emma')).to.be.false;
    expect(later.some((e) => e.type === 'visitor.navigated' && e.visitorId === 'v-emma')).to.be.false;
    transport.close();
  });

  it('a blocked visitor writes no more, even a message already being typed', async () => {
    const { transport, events } = await simulated(11);
    // Let every conversation get going, then block everyone at once.
    clock.tick(MINUTE);
    const blockedAt = events.length;
    const visitorIds = [
      ...demoFixtures(new Date(START)).visitors.map((v) => v.id),
      ...(events as ServerEvent[]).flatMap((e) => (e.type === 'visitor.updated' ? [e.visitor.id] : [])),
    ];
    for (const visitorId of visitorIds) await transport.send({ type: 'block', visitorId });
    await Promise.resolve();
    clock.tick(10 * MINUTE);
    const later = (events.slice(blockedAt) as ServerEvent[]).filter((e) => e.type !== 'visitor.updated');
    const newcomers = new Set(
      later
        .filter((e) => e.type === 'conversation.upserted')
        .map((e) => e.type === 'conversation.upserted' && e.conversation.id),
    );
    const fromKnown = later.filter(
      (e) =>
        (e.type === 'message.added' && !newcomers.has(e.message.conversationId) && e.message.author === 'visitor') ||
        (e.type === 'visitor.typing' && e.typing && !newcomers.has(e.conversationId)),
    );
    expect(fromKnown).to.deep.equal([]);
    transport.close();
  });

  it('brings new conversations with their visitor announced first', async () => {
    const { transport, events } = await simulated();
    clock.tick(10 * MINUTE);
    const typed = events as ServerEvent[];
    const upserts = typed.filter(
      (e): e is Extract<ServerEvent, { type: 'conversation.upserted' }> => e.type === 'conversation.upserted',
    );
    expect(upserts.length).to.be.within(1, 5);
    for (const upsert of upserts) {
      const at = typed.indexOf(upsert);
      const announced = typed.findIndex(
        (e) => e.type === 'visitor.updated' && e.visitor.id === upsert.conversation.visitorId,
      );
      expect(announced).to.be.within(0, at - 1);
    }
    transport.close();
  });

  it('stops emitting and leaves no timer behind when the transport is closed', async () => {
    const { transport, events } = await simulated();
    await transport.send({
      type: 'send',
      clientId: 'cid-y',
      conversationId: 'c-liam',
      at: new Date().toISOString(),
      content: { kind: 'text', text: 'Hi' },
    });
    clock.tick(90_000);
    expect(clock.countTimers()).to.be.above(0);
    transport.close();
    expect(clock.countTimers()).to.equal(0);
    const count = events.length;
    clock.tick(30 * MINUTE);
    expect(events).to.have.length(count);
  });

  it('is loaded on demand: what happens before it arrives still counts', async () => {
    const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(START)), simulate: true, seed: 11 });
    const events: ServerEvent[] = [];
    transport.connect({
      event: (raw) => events.push(raw as ServerEvent),
      connection: () => undefined,
      error: () => undefined,
    });
    // Before the simulator chunk is there: a conversation closes and the agent writes.
    transport.emit({ type: 'conversation.closed', conversationId: 'c-emma', at: new Date().toISOString() });
    const sending = transport.send({
      type: 'send',
      clientId: 'cid-early',
      conversationId: 'c-noah',
      at: new Date().toISOString(),
      content: { kind: 'text', text: 'Hello' },
    });
    await transport.ready();
    await sending;
    clock.tick(10 * MINUTE);
    const echo = events.find((e) => e.type === 'message.added' && e.message.clientId === 'cid-early');
    const statuses = events.flatMap((e) =>
      e.type === 'message.updated' && e.message.id === (echo?.type === 'message.added' && echo.message.id)
        ? [e.message.status]
        : [],
    );
    expect(statuses).to.deep.equal(['delivered', 'read']);
    expect(events.some((e) => e.type === 'message.added' && e.message.conversationId === 'c-emma')).to.be.false;
    expect(events.some((e) => e.type === 'message.added' && e.message.author === 'visitor')).to.be.true;
    transport.close();
  });

  it('closed before its chunk arrived, never starts a timer', async () => {
    const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(START)), simulate: true, seed: 1 });
    const events: unknown[] = [];
    transport.connect({ event: (raw) => events.push(raw), connection: () => undefined, error: () => undefined });
    transport.close();
    await transport.ready();
    expect(clock.countTimers()).to.equal(0);
    const count = events.length;
    clock.tick(30 * MINUTE);
    expect(events).to.have.length(count);
  });

  it('a simulator that cannot be loaded is reported, whether the store connected before or after', async () => {
    const load = sinon
      .stub(simulatorChunk, 'load')
      .rejects(new TypeError('Failed to fetch dynamically imported module'));
    try {
      for (const connectFirst of [true, false]) {
        const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(START)), simulate: true, seed: 1 });
        const errors: DeskErrorInfo[] = [];
        const sink = {
          event: () => undefined,
          connection: () => undefined,
          error: (e: DeskErrorInfo) => errors.push(e),
        };
        if (connectFirst) transport.connect(sink);
        await transport.ready();
        if (!connectFirst) transport.connect(sink);
        expect(errors, connectFirst ? 'connected first' : 'connected after').to.have.length(1);
        expect(errors[0].code).to.equal('demo');
        expect(errors[0].message).to.contain('The demo simulator could not be loaded');
        transport.close();
      }
    } finally {
      load.restore();
    }
  });

  it('is deterministic for a given seed', async () => {
    const run = async (seed: number) => {
      const { transport, events } = await simulated(seed);
      clock.tick(3 * MINUTE);
      transport.close();
      return JSON.stringify(events);
    };
    const first = await run(5);
    clock.setSystemTime(START);
    const second = await run(5);
    clock.setSystemTime(START);
    const other = await run(6);
    expect(second).to.equal(first);
    expect(other).not.to.equal(first);
  });

  it('can be started and stopped on its own; starting twice does not double the pace', () => {
    const emitted: ServerEvent[] = [];
    const simulator = new DemoSimulator({
      fixtures: demoFixtures(new Date(START)),
      emit: (e) => emitted.push(e),
      seed: 1,
    });
    simulator.start();
    const timers = clock.countTimers();
    simulator.start();
    expect(clock.countTimers()).to.equal(timers);
    expect(simulator.active).to.be.true;
    simulator.stop();
    expect(simulator.active).to.be.false;
    expect(clock.countTimers()).to.equal(0);
    simulator.agentMessage({
      id: 'x',
      conversationId: 'c-emma',
      author: 'agent',
      at: new Date().toISOString(),
      kind: 'text',
      text: 'x',
    });
    expect(clock.countTimers()).to.equal(0);
    expect(emitted).to.deep.equal([]);
  });

  it('ignores hostile input it observes', () => {
    const simulator = new DemoSimulator({ fixtures: demoFixtures(new Date(START)), emit: () => undefined, seed: 1 });
    const hostile = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => simulator.observe(hostile)).not.to.throw();
    expect(() => simulator.observe({ type: 'conversation.upserted', conversation: null })).not.to.throw();
    expect(() => simulator.observe(null)).not.to.throw();
  });

  describe('the agent’s shift', () => {
    const upserts = (events: unknown[]) => events.filter((e) => (e as ServerEvent).type === 'conversation.upserted');

    it('brings no new conversation on a channel that is unavailable, busy or at its limit', async () => {
      const fixtures = demoFixtures(new Date(START));
      fixtures.channels = ['chat', 'whatsapp', 'sms', 'apple-business-chat'].map((channel) => ({
        channel,
        availability: 'unavailable' as const,
      }));
      const transport = new MemoryTransport({ fixtures, simulate: true, seed: 7 });
      const events: unknown[] = [];
      transport.connect({ event: (raw) => events.push(raw), connection: () => undefined, error: () => undefined });
      await transport.ready();
      clock.tick(10 * MINUTE);
      expect(upserts(events)).to.deep.equal([]);

      // Live chat back, with room for one more: exactly one live-chat visitor comes.
      await transport.send({ type: 'availability', channels: ['chat'], availability: 'available' });
      transport.emit({
        type: 'agent.updated',
        channels: [{ channel: 'chat', availability: 'available', maxConversations: 3 }],
      });
      clock.tick(10 * MINUTE);
      const arrived = upserts(events) as Extract<ServerEvent, { type: 'conversation.upserted' }>[];
      expect(arrived.map((e) => e.conversation.channel)).to.deep.equal(['chat']);
      transport.close();
    });

    it('the visitor answers a co-browsing request after a few seconds; a cancelled one gets no answer', async () => {
      const { transport, events } = await simulated();
      await transport.send({ type: 'cobrowse', conversationId: 'c-emma', visitorId: 'v-emma', clientId: 'cob-1' });
      await transport.send({ type: 'cobrowse', conversationId: 'c-liam', visitorId: 'v-liam', clientId: 'cob-2' });
      await Promise.resolve();
      await transport.send({ type: 'cobrowseEnd', conversationId: 'c-liam', clientId: 'cob-3', reason: 'cancelled' });
      await Promise.resolve();
      clock.tick(2000);
      const lines = () =>
        events
          .map((e) => e as ServerEvent)
          .flatMap((e) => (e.type === 'message.added' && e.message.kind === 'cobrowsing' ? [e.message] : []));
      expect(lines().map((m) => m.state)).to.deep.equal(['requested', 'requested', 'cancelled']);
      clock.tick(8000);
      const answers = lines().slice(3);
      expect(answers).to.have.length(1);
      expect(answers[0].conversationId).to.equal('c-emma');
      expect(['started', 'declined']).to.include(answers[0].state);
      transport.close();
    });
  });
});
