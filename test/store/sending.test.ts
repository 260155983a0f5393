import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { ClientCommand, DeskErrorInfo, Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryOutbox } from '../../src/store/outbox.js';
import { IndexedDbOutbox } from '../../src/store/outbox-idb.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const AT = '2026-11-25T10:00:00.000Z';

function fixtures(messages: Message[] = []): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [{ id: 'v1', name: 'Emma' }],
    conversations: [{ id: 'c1', visitorId: 'v1', channel: 'chat', status: 'ongoing', startedAt: AT }],
    messages: [{ id: 'm0', conversationId: 'c1', author: 'visitor', at: AT, kind: 'text', text: 'Hi' }, ...messages],
  };
}

const sends = (transport: MemoryTransport) =>
  transport.sent.filter((c): c is Extract<ClientCommand, { type: 'send' }> => c.type === 'send');
const agentMessages = (store: DeskStore): readonly Message[] =>
  (store.state.threads.get('c1')?.messages ?? []).filter((m) => m.author === 'agent');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeskStore sending', () => {
  let ids = 0;
  const createClientId = () => `client-${(ids += 1)}`;

  it('shows the message at once as sending, then sent on the acknowledgement, replaced by the echo', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    const optimistic = store.send('c1', { kind: 'text', text: 'Hello' })!;
    expect(optimistic.status).to.equal('sending');
    expect(agentMessages(store)).to.have.length(1);
    expect(agentMessages(store)[0]).to.include({ status: 'sending', clientId: optimistic.clientId });
    await waitUntil(() => agentMessages(store)[0].status === 'sent');
    await settle();
    expect(agentMessages(store)).to.have.length(1);
    expect(agentMessages(store)[0].id).to.not.equal(optimistic.clientId); // the server's id
    expect(agentMessages(store)[0].clientId).to.equal(optimistic.clientId);
    store.destroy();
  });

  it('failure → failed with a send-failed error → Retry → sent, under the same client id, delivered once', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    transport.failNext();
    const optimistic = store.send('c1', { kind: 'text', text: 'Will fail once' })!;
    await waitUntil(() => agentMessages(store)[0].status === 'failed');
    expect(errors.map((e) => e.code)).to.include('send-failed');

    store.retry(optimistic.id);
    expect(agentMessages(store)[0].status).to.equal('sending');
    await waitUntil(() => agentMessages(store)[0].status === 'sent');
    await settle();
    expect(agentMessages(store)).to.have.length(1);
    expect(sends(transport).map((c) => c.clientId)).to.deep.equal([optimistic.clientId, optimistic.clientId]);
    // Retry of a message that is not failed does nothing.
    store.retry(agentMessages(store)[0].id);
    await settle();
    expect(sends(transport)).to.have.length(2);
    store.destroy();
  });

  it('duplicate echoes, acknowledgements and late statuses never duplicate or walk back a message', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    store.send('c1', { kind: 'text', text: 'Once' });
    await waitUntil(() => agentMessages(store)[0].status === 'sent');
    await settle();
    const echoed = agentMessages(store)[0];
    transport.emit({ type: 'message.added', message: echoed });
    transport.emit({ type: 'message.updated', message: { id: echoed.id, conversationId: 'c1', status: 'delivered' } });
    transport.emit({ type: 'message.added', message: { ...echoed, status: 'sent' } });
    expect(agentMessages(store)).to.have.length(1);
    // The server's own resend of the same client id (e.g. after a reconnect) is one message too.
    transport.emit({ type: 'message.added', message: { ...echoed, id: 'server-dup', status: 'read' } });
    expect(agentMessages(store)).to.have.length(1);
    expect(agentMessages(store)[0].status).to.equal('read');
    store.destroy();
  });

  it('keeps an offline send as failed and resends it once when back online', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId, outbox: new MemoryOutbox() });
    transport.setOnline(false);
    const optimistic = store.send('c1', { kind: 'text', text: 'Offline' })!;
    await waitUntil(() => agentMessages(store)[0].status === 'failed');
    transport.setOnline(true);
    await waitUntil(() => agentMessages(store)[0].status === 'sent');
    await settle();
    transport.setOnline(false);
    transport.setOnline(true);
    await settle();
    await settle();
    const delivered = sends(transport).filter((c) => c.clientId === optimistic.clientId);
    expect(delivered).to.have.length(2); // the refused offline attempt and the one that went through
    expect(agentMessages(store)).to.have.length(1);
    store.destroy();
  });

  describe('with IndexedDbOutbox (page reload)', () => {
    let name = '';
    beforeEach(() => {
      name = `agent-desk-sending-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    });
    afterEach(async () => {
      await deleteDB(name);
    });

    async function sendWhileOffline(): Promise<Message> {
      const outbox = new IndexedDbOutbox({ name });
      const transport = new MemoryTransport({ fixtures: fixtures() });
      const store = new DeskStore({ transport, batching: 'sync', outbox, createClientId });
      await store.ready();
      transport.setOnline(false);
      const optimistic = store.send('c1', { kind: 'text', text: 'Sent before the reload' })!;
      await waitUntil(() => agentMessages(store)[0].status === 'failed');
      await waitUntil(async () => (await outbox.load())[0]?.status === 'failed');
      store.destroy();
      await outbox.close();
      return optimistic;
    }

    it('restores the message after a reload and sends it exactly once when online', async () => {
      const optimistic = await sendWhileOffline();

      const outbox = new IndexedDbOutbox({ name });
      const transport = new MemoryTransport({ fixtures: fixtures() });
      const store = new DeskStore({ transport, batching: 'sync', outbox, createClientId });
      await store.ready();
      expect(agentMessages(store).map((m) => m.clientId)).to.deep.equal([optimistic.clientId]);
      await waitUntil(() => agentMessages(store)[0]?.status === 'sent');
      await settle();
      expect(sends(transport).map((c) => c.clientId)).to.deep.equal([optimistic.clientId]);
      expect(sends(transport)[0].content).to.deep.equal({ kind: 'text', text: 'Sent before the reload' });
      expect(agentMessages(store)).to.have.length(1);
      await waitUntil(async () => (await outbox.load()).length === 0);
      // Going offline and online again sends nothing more.
      transport.setOnline(false);
      transport.setOnline(true);
      await settle();
      await settle();
      expect(sends(transport)).to.have.length(1);
      store.destroy();
      await outbox.close();
    });

    it('after a reload while still offline, shows the message as not sent and sends it once the connection is back', async () => {
      const optimistic = await sendWhileOffline();
      const outbox = new IndexedDbOutbox({ name });
      const transport = new MemoryTransport({ fixtures: fixtures() });
      const store = new DeskStore({ transport, batching: 'sync', outbox, createClientId });
      transport.setOnline(false);
      await store.ready();
      await waitUntil(() => agentMessages(store)[0]?.status === 'failed');
      expect(agentMessages(store).map((m) => m.clientId)).to.deep.equal([optimistic.clientId]);
      const before = sends(transport).length;
      transport.setOnline(true);
      await waitUntil(() => agentMessages(store)[0]?.status === 'sent');
      await settle();
      expect(
        sends(transport)
          .slice(before)
          .map((c) => c.clientId),
      ).to.deep.equal([optimistic.clientId]);
      expect(agentMessages(store)).to.have.length(1);
      store.destroy();
      await outbox.close();
    });

    it('a message the server already has is not shown twice nor sent again after the reload', async () => {
      const optimistic = await sendWhileOffline();
      // The server got it after all (the acknowledgement was lost): its snapshot carries it.
      const confirmed: Message = {
        id: 'server-1',
        clientId: optimistic.clientId,
        conversationId: 'c1',
        author: 'agent',
        at: optimistic.at,
        status: 'delivered',
        kind: 'text',
        text: 'Sent before the reload',
      };
      const outbox = new IndexedDbOutbox({ name });
      const transport = new MemoryTransport({ fixtures: fixtures([confirmed]) });
      const store = new DeskStore({ transport, batching: 'sync', outbox, createClientId });
      await store.ready();
      await settle();
      await settle();
      expect(agentMessages(store)).to.have.length(1);
      expect(agentMessages(store)[0]).to.include({ id: 'server-1', status: 'delivered' });
      expect(sends(transport)).to.have.length(0);
      await waitUntil(async () => (await outbox.load()).length === 0);
      store.destroy();
      await outbox.close();
    });
  });
});
