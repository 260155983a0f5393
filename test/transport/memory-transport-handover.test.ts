import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { parseServerEvent } from '../../src/model/schema.js';
import type { ClientCommand, Fixtures, ServerEvent } from '../../src/model/types.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { TransportError } from '../../src/transport/transport.js';

/** A connected transport and every event it delivers after the snapshot. */
function connected(options: { fixtures?: Fixtures; autoAck?: boolean } = {}) {
  const transport = new MemoryTransport({ fixtures: options.fixtures ?? demoFixtures(), autoAck: options.autoAck });
  const events: ServerEvent[] = [];
  transport.connect({
    event: (raw) => events.push(raw as ServerEvent),
    connection: () => undefined,
    error: () => undefined,
  });
  const snapshot = events.shift();
  return { transport, events, snapshot };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const transfer = (
  commandId: string,
  target: { type: 'agent' | 'skill'; id: string },
  conversationId = 'c-emma',
): ClientCommand => ({
  type: 'transfer',
  commandId,
  conversationId,
  target,
  comment: 'Over to you',
});

describe('MemoryTransport transfer and close', () => {
  it('the snapshot carries the transfer targets and tag suggestions of the fixtures', () => {
    const { snapshot } = connected();
    const parsed = parseServerEvent(snapshot);
    expect(parsed.ok).to.be.true;
    const value = parsed.ok ? parsed.value : undefined;
    expect(value?.type === 'snapshot' && value.transferTargets?.agents.length).to.be.above(0);
    expect(value?.type === 'snapshot' && value.tagSuggestions?.length).to.be.above(0);
  });

  it('accepts a transfer to an available agent: the transfer line, then conversation.transferred; a resend changes nothing', async () => {
    const { transport, events } = connected();
    await transport.send(transfer('t1', { type: 'agent', id: 'a-sam' }));
    await transport.send(transfer('t1', { type: 'agent', id: 'a-sam' }));
    await settle();
    expect(events.map((e) => e.type)).to.deep.equal(['message.added', 'conversation.transferred']);
    const [line, moved] = events;
    expect(line.type === 'message.added' && line.message).to.deep.include({
      kind: 'transfer',
      to: { type: 'agent', name: 'Sam Okafor' },
      from: { name: 'Alex Martin' },
      comment: 'Over to you',
    });
    expect(moved).to.deep.include({ conversationId: 'c-emma', to: { type: 'agent', id: 'a-sam', name: 'Sam Okafor' } });
    for (const event of events) expect(parseServerEvent(event).ok).to.be.true;
  });

  it('refuses an unavailable agent and a skill with nobody free (target-unavailable), and an unknown target', async () => {
    const { transport, events } = connected();
    for (const target of [
      { type: 'agent', id: 'a-kenji' },
      { type: 'skill', id: 's-returns' },
      { type: 'skill', id: 'nope' },
    ] as const) {
      const error = await transport.send(transfer(`t-${target.id}`, target)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(TransportError);
      expect((error as TransportError).reason).to.equal('rejected');
      expect((error as TransportError).code).to.equal('target-unavailable');
    }
    await settle();
    expect(events).to.deep.equal([]);
  });

  it('a busy agent and a skill with someone free take it', async () => {
    const { transport, events } = connected();
    await transport.send(transfer('t-busy', { type: 'agent', id: 'a-lea' }));
    await transport.send(transfer('t-skill', { type: 'skill', id: 's-billing' }, 'c-noah'));
    await settle();
    expect(events.filter((e) => e.type === 'conversation.transferred')).to.have.length(2);
  });

  it('applies a close once, with its note and tags', async () => {
    const { transport, events } = connected();
    const close: ClientCommand = {
      type: 'close',
      commandId: 'k1',
      conversationId: 'c-noah',
      note: 'Done',
      tags: ['Delivery'],
    };
    await transport.send(close);
    await transport.send(close);
    await settle();
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({
      type: 'conversation.closed',
      conversationId: 'c-noah',
      note: 'Done',
      tags: ['Delivery'],
    });
  });

  it('without autoAck, accepts the commands and emits nothing', async () => {
    const { transport, events } = connected({ autoAck: false });
    await transport.send(transfer('t1', { type: 'agent', id: 'a-kenji' }));
    await settle();
    expect(events).to.deep.equal([]);
  });

  describe('the simulator', () => {
    afterEach(() => sinon.restore());

    it('has a colleague transfer a conversation to the agent, with a comment, now and then', async () => {
      const start = Date.parse('2026-11-25T10:00:00.000Z');
      const clock = sinon.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const transport = new MemoryTransport({ fixtures: demoFixtures(new Date(start)), simulate: true, seed: 3 });
      const events: ServerEvent[] = [];
      transport.connect({
        event: (raw) => events.push(raw as ServerEvent),
        connection: () => undefined,
        error: () => undefined,
      });
      await transport.ready();
      clock.tick(5 * 60_000);
      const lines = events.filter(
        (e): e is Extract<ServerEvent, { type: 'message.added' }> =>
          e.type === 'message.added' && e.message.kind === 'transfer',
      );
      expect(lines.length).to.be.at.least(1);
      const line = lines[0].message;
      expect(line.kind === 'transfer' && line.to).to.deep.equal({ type: 'agent', name: 'Alex Martin' });
      expect(line.kind === 'transfer' && line.comment).to.be.a('string').and.not.empty;
      expect(events.some((e) => e.type === 'conversation.upserted' && e.conversation.id === line.conversationId)).to.be
        .true;
      transport.close();
    });
  });
});
