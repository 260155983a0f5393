// The agent's shift on the reference server (issue 16): availability per channel and the co-browsing
// lifecycle go through the event log like everything else — idempotent, checked, kept across restarts.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeskServer,
  SECRET,
  agentToken,
  demoFixtures,
  openClient,
  openDatabase,
  visitorToken,
  waitFor,
} from './server-harness.mjs';

let database;
const servers = [];
const clients = [];

async function startServer() {
  const server = new DeskServer({ fixtures: demoFixtures(), tokenSecret: SECRET, database });
  await server.start();
  servers.push(server);
  return server;
}

function client(url, token) {
  const desk = openClient(url, token);
  clients.push(desk);
  return desk;
}

const snapshotOf = (desk) => desk.events.filter((e) => e.type === 'snapshot').at(-1);
const agentUpdates = (desk) => desk.events.filter((e) => e.type === 'agent.updated');
/** The co-browsing lines of a conversation this desk received, in order. */
const lines = (desk, conversationId) =>
  desk
    .thread(conversationId)
    .filter((m) => m.kind === 'cobrowsing')
    .map((m) => m.state);

before(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
});

after(async () => {
  for (const desk of clients) desk.transport.close();
  for (const server of servers) await server.stop();
  await database?.close();
});

test('availability: in the snapshot, set by the agent, seen by it alone, kept across a restart', async () => {
  const server = await startServer();
  const alex = client(server.url, agentToken('a-alex'));
  const max = client(server.url, agentToken('a-max'));
  await waitFor(() => alex.online && max.online, 'both desks online');
  const channels = snapshotOf(alex).channels;
  assert.deepEqual(
    channels.find((c) => c.channel === 'chat'),
    { channel: 'chat', availability: 'available', maxConversations: 3 },
  );

  await alex.transport.send({ type: 'availability', channels: ['chat', 'sms'], availability: 'busy' });
  await waitFor(() => agentUpdates(alex).length === 1, 'agent.updated');
  const [update] = agentUpdates(alex);
  assert.equal(update.agentId, 'a-alex');
  assert.equal(update.channels.find((c) => c.channel === 'chat').availability, 'busy');
  assert.equal(update.channels.find((c) => c.channel === 'sms').availability, 'busy');
  assert.equal(update.channels.find((c) => c.channel === 'email').availability, 'unavailable');

  // The same command again (a resend) changes nothing and logs nothing.
  await alex.transport.send({ type: 'availability', channels: ['chat', 'sms'], availability: 'busy' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(agentUpdates(alex).length, 1);
  assert.equal(agentUpdates(max).length, 0, 'another agent does not hear of it');

  await assert.rejects(
    alex.transport.send({ type: 'availability', channels: ['pigeon'], availability: 'busy' }),
    /do not serve the channel pigeon/,
  );
  await assert.rejects(
    alex.transport.send({ type: 'availability', channels: ['chat'], availability: 'asleep' }),
    /availability must be available, busy or unavailable/,
  );

  // A second instance on the same database loads it from there.
  const second = await startServer();
  const again = client(second.url, agentToken('a-alex'));
  await waitFor(() => again.online, 'desk online on the second instance');
  assert.equal(snapshotOf(again).channels.find((c) => c.channel === 'chat').availability, 'busy');
  const other = client(second.url, agentToken('a-max'));
  await waitFor(() => other.online, 'the other agent online');
  assert.equal(snapshotOf(other).channels.find((c) => c.channel === 'chat').availability, 'available');
});

test('co-browsing: requested once per client id, accepted by the visitor, options, ended; cancelled and expired', async () => {
  const server = await startServer();
  const alex = client(server.url, agentToken('a-alex'));
  const emma = client(server.url, visitorToken('v-emma', 'c-emma'));
  await waitFor(() => alex.online && emma.online, 'desk and visitor online');
  const before = lines(alex, 'c-emma').length;
  const request = { type: 'cobrowse', conversationId: 'c-emma', visitorId: 'v-emma', clientId: 'cob-req-1' };
  await alex.transport.send(request);
  await alex.transport.send(request);
  await waitFor(() => lines(emma, 'c-emma').at(-1) === 'requested', 'the visitor sees the request');
  const requested = alex.thread('c-emma').filter((m) => m.clientId === 'cob-req-1');
  assert.equal(requested.length, 1, 'a resend is not a second line');

  await assert.rejects(
    alex.transport.send({ type: 'cobrowseAnswer', conversationId: 'c-emma', accepted: true }),
    /Only the visitor answers/,
  );
  await assert.rejects(
    alex.transport.send({ type: 'cobrowseEnd', conversationId: 'c-emma', clientId: 'cob-x', reason: 'ended' }),
    /No co-browsing session in progress/,
  );
  await emma.transport.send({ type: 'cobrowseAnswer', conversationId: 'c-emma', accepted: true });
  await waitFor(() => lines(alex, 'c-emma').at(-1) === 'started', 'accepted');
  await alex.transport.send({
    type: 'cobrowseOptions',
    conversationId: 'c-emma',
    options: { mouse: true, input: true, scroll: false },
  });
  await alex.transport.send({ type: 'cobrowseEnd', conversationId: 'c-emma', clientId: 'cob-end-1', reason: 'ended' });
  await waitFor(() => lines(alex, 'c-emma').at(-1) === 'ended', 'ended');

  // Cancelled by the agent, then expired, then declined by the visitor.
  await alex.transport.send({ ...request, clientId: 'cob-req-2' });
  await alex.transport.send({
    type: 'cobrowseEnd',
    conversationId: 'c-emma',
    clientId: 'cob-c-2',
    reason: 'cancelled',
  });
  await alex.transport.send({ ...request, clientId: 'cob-req-3' });
  await alex.transport.send({ type: 'cobrowseEnd', conversationId: 'c-emma', clientId: 'cob-e-3', reason: 'expired' });
  await alex.transport.send({ ...request, clientId: 'cob-req-4' });
  await emma.transport.send({ type: 'cobrowseAnswer', conversationId: 'c-emma', accepted: false });
  await waitFor(() => lines(alex, 'c-emma').length === before + 9, 'every line');
  assert.deepEqual(lines(alex, 'c-emma').slice(before), [
    'requested',
    'started',
    'ended',
    'requested',
    'cancelled',
    'requested',
    'expired',
    'requested',
    'declined',
  ]);
  await waitFor(() => lines(emma, 'c-emma').at(-1) === 'declined', 'the visitor saw it all');
  await assert.rejects(
    alex.transport.send({ type: 'cobrowseEnd', conversationId: 'c-emma', clientId: 'cob-bad', reason: 'asleep' }),
    /reason must be cancelled, expired or ended/,
  );
  assert.deepEqual(alex.errors, []);
});
