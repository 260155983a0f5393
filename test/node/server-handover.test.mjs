// Transfer and End conversation on the reference server (issue 16): commands on the event log,
// applied once per command id, a refusal as an error frame with its code, and who sees what.
// One server in this process on an embedded PostgreSQL (PGlite, in memory).
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { DeskServer, SECRET, agentToken, demoFixtures, openClient, openDatabase, waitFor } from './server-harness.mjs';

let database;
let server;
const clients = [];

before(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  server = new DeskServer({
    fixtures: demoFixtures(),
    assignments: { 'c-emma': { agentId: 'a-alex' }, 'c-yuki': { agentId: 'a-alex' } },
    tokenSecret: SECRET,
    database,
    simulate: false,
  });
  await server.start();
});

after(async () => {
  for (const client of clients) client.close();
  await server?.stop();
  await database?.close();
});

function connect(agentId, name) {
  const client = openClient(server.url, agentToken(agentId, 'agent', { name }));
  clients.push(client);
  return client;
}

const ofType = (client, type) => client.events.filter((event) => event.type === type);

test('transfer: refused when the target is unavailable, applied once when accepted, seen by both agents', async () => {
  const alex = connect('a-alex', 'Alex Martin');
  const sam = connect('a-sam', 'Sam Okafor');
  await waitFor(() => alex.online && sam.online, 'both online');
  const snapshot = ofType(alex, 'snapshot')[0];
  assert.ok(snapshot.transferTargets.agents.some((agent) => agent.id === 'a-sam'));
  assert.ok(snapshot.tagSuggestions.length > 0);
  assert.ok(!ofType(sam, 'snapshot')[0].conversations.some((c) => c.id === 'c-emma'), 'c-emma is not Sam’s yet');

  await assert.rejects(
    alex.transport.send({
      type: 'transfer',
      commandId: 'cmd-refused',
      conversationId: 'c-emma',
      target: { type: 'agent', id: 'a-kenji' },
      comment: 'kept',
    }),
    (error) => error.reason === 'rejected' && error.code === 'target-unavailable',
  );
  await assert.rejects(
    alex.transport.send({ type: 'transfer', commandId: 'cmd-bad', conversationId: 'c-emma', target: { id: 'x' } }),
    (error) => error.code === 'invalid-command',
  );

  const transfer = {
    type: 'transfer',
    commandId: 'cmd-1',
    conversationId: 'c-emma',
    target: { type: 'agent', id: 'a-sam' },
    comment: 'Waterproofing question, she is returning',
  };
  await alex.transport.send(transfer);
  // A resend (the ack was lost) changes nothing.
  await alex.transport.send(transfer);
  await waitFor(() => ofType(alex, 'conversation.transferred').length === 1, 'Alex hears of the transfer');
  await waitFor(() => sam.thread('c-emma').some((m) => m.kind === 'transfer'), 'Sam receives the transfer line');

  const line = alex.thread('c-emma').filter((m) => m.kind === 'transfer' && m.id === 'tr-cmd-1');
  assert.equal(line.length, 1);
  assert.deepEqual(line[0].to, { type: 'agent', name: 'Sam Okafor' });
  assert.equal(line[0].from.name, 'Alex Martin');
  assert.equal(line[0].comment, 'Waterproofing question, she is returning');
  assert.equal(alex.arrivals().get('tr-cmd-1'), 1);
  assert.deepEqual(ofType(alex, 'conversation.transferred')[0].to, { type: 'agent', id: 'a-sam', name: 'Sam Okafor' });
  assert.ok(ofType(sam, 'conversation.upserted').some((e) => e.conversation.id === 'c-emma'));
  assert.ok(ofType(sam, 'visitor.updated').some((e) => e.visitor.id === 'v-emma'));

  // The conversation is Sam’s now: Alex may no longer write in it.
  await assert.rejects(
    alex.transport.send({
      type: 'send',
      clientId: 'after-transfer',
      conversationId: 'c-emma',
      at: new Date().toISOString(),
      content: { kind: 'text', text: 'still here?' },
    }),
    (error) => error.code === 'forbidden',
  );
  assert.equal(
    server.stats().seq,
    (await database.query('SELECT max(seq) AS seq FROM desk_events'))[0].seq * 1,
    'every event is on the log',
  );
  const [row] = await database.query('SELECT assigned_agent FROM desk_conversations WHERE id = $1', ['c-emma']);
  assert.equal(row.assigned_agent, 'a-sam');
});

test('close: the note and tags are kept, a resend is a duplicate, and the conversation is closed for good', async () => {
  const alex = connect('a-alex', 'Alex Martin');
  await waitFor(() => alex.online, 'online');
  const close = {
    type: 'close',
    commandId: 'cmd-close',
    conversationId: 'c-yuki',
    note: 'Carrier investigation opened',
    tags: ['Delivery', 'VIP'],
  };
  await alex.transport.send(close);
  await alex.transport.send(close);
  await waitFor(() => ofType(alex, 'conversation.closed').length >= 1, 'closed event');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const closed = ofType(alex, 'conversation.closed').filter((e) => e.conversationId === 'c-yuki');
  assert.equal(closed.length, 1);
  assert.equal(closed[0].note, 'Carrier investigation opened');
  assert.deepEqual(closed[0].tags, ['Delivery', 'VIP']);
  const [row] = await database.query('SELECT data FROM desk_conversations WHERE id = $1', ['c-yuki']);
  assert.equal(row.data.status, 'closed');
  assert.deepEqual(row.data.tags, ['Delivery', 'VIP']);
  await assert.rejects(
    alex.transport.send({ type: 'close', commandId: 'cmd-close-2', conversationId: 'c-yuki', tags: 'x' }),
    (error) => error.code === 'invalid-command',
  );
});
