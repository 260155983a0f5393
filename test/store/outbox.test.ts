import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { Message } from '../../src/model/types.js';
import { IndexedDbOutbox } from '../../src/store/outbox-idb.js';

let counter = 0;
const dbName = () => `agent-desk-outbox-test-${Date.now()}-${(counter += 1)}`;

function message(clientId: string, at: string, status: 'sending' | 'failed' = 'sending'): Message {
  return {
    id: clientId,
    clientId,
    conversationId: 'c1',
    author: 'agent',
    at,
    status,
    kind: 'text',
    text: `msg ${clientId}`,
  };
}

describe('IndexedDbOutbox', () => {
  const names: string[] = [];
  const create = (name = dbName()) => {
    names.push(name);
    return new IndexedDbOutbox({ name });
  };

  afterEach(async () => {
    for (const name of names.splice(0)) await deleteDB(name);
  });

  it('keeps messages by client id, oldest first, and deletes them', async () => {
    const outbox = create();
    expect(await outbox.load()).to.deep.equal([]);
    await outbox.put(message('b', '2026-11-25T10:00:02.000Z'));
    await outbox.put(message('a', '2026-11-25T10:00:01.000Z'));
    await outbox.put(message('c', '2026-11-25T10:00:03.000Z'));
    expect((await outbox.load()).map((m) => m.clientId)).to.deep.equal(['a', 'b', 'c']);
    await outbox.delete('b');
    expect((await outbox.load()).map((m) => m.clientId)).to.deep.equal(['a', 'c']);
    await outbox.close();
  });

  it('writing the same client id again replaces the entry (idempotent)', async () => {
    const outbox = create();
    await outbox.put(message('a', '2026-11-25T10:00:01.000Z'));
    await outbox.put(message('a', '2026-11-25T10:00:01.000Z', 'failed'));
    const loaded = await outbox.load();
    expect(loaded).to.have.length(1);
    expect(loaded[0].status).to.equal('failed');
    await outbox.close();
  });

  it('ignores messages without a client id', async () => {
    const outbox = create();
    const { clientId: _c, ...withoutClientId } = message('x', '2026-11-25T10:00:01.000Z');
    await outbox.put(withoutClientId as Message);
    expect(await outbox.load()).to.deep.equal([]);
    await outbox.close();
  });

  it('survives a new instance (a page reload) and keeps databases apart by name', async () => {
    const name = dbName();
    const first = create(name);
    await first.put(message('a', '2026-11-25T10:00:01.000Z', 'failed'));
    await first.close();
    const reloaded = create(name);
    expect((await reloaded.load()).map((m) => [m.clientId, m.status])).to.deep.equal([['a', 'failed']]);
    const other = create();
    expect(await other.load()).to.deep.equal([]);
    await reloaded.close();
    await other.close();
  });

  it('uses a default database name', () => {
    expect(new IndexedDbOutbox().name).to.equal('agent-desk-outbox');
  });
});
