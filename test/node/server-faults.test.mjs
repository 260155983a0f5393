// Fault tests of the reference server on the real thing: a PostgreSQL server started for this file
// (scripts/postgres.mjs: Debian's binary, throwaway folder, unix socket, stopped at the end), server
// instances as their own processes (killed with SIGKILL), and the real WebSocketTransport.
// Every scenario checks: zero lost, zero duplicated (in the database and on the desk), the desk's
// thread identical to the database's, and reports its figures (lost, duplicated, time to recover).
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../scripts/postgres.mjs';
import {
  DeskServer,
  SECRET,
  agentToken,
  demoFixtures,
  freePort,
  openClient,
  openDatabase,
  sleep,
  spawnInstance,
  startBalancer,
  storedThread,
  tally,
  visitorToken,
  waitFor,
} from './server-harness.mjs';

let postgres;
const cleanup = [];

before(async () => {
  postgres = await startPostgres();
});

after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  await postgres?.stop();
});

/** Same messages, same order (time, then id), same times: what a desk shows is what the database holds. */
function assertSameThread(desk, stored, what) {
  const shown = [...desk].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
  assert.deepEqual(
    shown.map((m) => m.id),
    stored.map((m) => m.id),
    `${what}: the desk's thread is the database's`,
  );
}

/** Deliveries of each message id beyond the first (0 when every message arrived once). */
function duplicateDeliveries(client) {
  let extra = 0;
  for (const count of client.arrivals().values()) extra += count - 1;
  return extra;
}

/** When the desk was online again after `since` (ms), or undefined. */
function recoveredAfter(client, since) {
  return client.states.find((s) => s.state === 'online' && s.at >= since)?.at;
}

function report(t, name, figures) {
  t.diagnostic(`${name}: ${JSON.stringify(figures)}`);
}

test('two instances on one PostgreSQL: visitors on one, the agent on the other, every message once each way', async (t) => {
  const databaseUrl = await postgres.createDatabase('two_instances');
  const a = new DeskServer({ fixtures: demoFixtures(), tokenSecret: SECRET, databaseUrl });
  const b = new DeskServer({ fixtures: demoFixtures(), tokenSecret: SECRET, databaseUrl });
  await a.start();
  await b.start();
  cleanup.push(
    () => a.stop(),
    () => b.stop(),
  );
  assert.equal(a.position.stream, b.position.stream, "one stream: the database's");

  const conversations = ['c-emma', 'c-liam', 'c-sofia', 'c-noah', 'c-amara'];
  const visitors = conversations.map((c) => openClient(a.url, visitorToken(`v-${c.slice(2)}`, c)));
  const agent = openClient(b.url, agentToken('a-alex'));
  await waitFor(() => agent.online && visitors.every((v) => v.online), 'all online');
  const start = Date.now();
  /** Client ids per conversation: the visitor's 20 and the agent's replies there. */
  const expected = new Map(conversations.map((c) => [c, []]));
  const agentIds = [];
  await Promise.all([
    ...visitors.map(async (visitor, i) => {
      for (let n = 1; n <= 20; n += 1) {
        const id = `${conversations[i]}-visitor-${n}`;
        expected.get(conversations[i]).push(id);
        await visitor.send(conversations[i], `visitor #${n}`, id);
      }
    }),
    (async () => {
      for (let n = 1; n <= 50; n += 1) {
        const conversation = conversations[n % conversations.length];
        const id = `agent-reply-${n}`;
        agentIds.push(id);
        expected.get(conversation).push(id);
        await agent.send(conversation, `reply #${n}`, id);
      }
    })(),
  ]);
  const all = [...expected.values()].flat();
  const seen = (client, clientIds) =>
    clientIds.every((id) => client.events.some((e) => e.type === 'message.added' && e.message.clientId === id));
  await waitFor(
    () => seen(agent, all) && visitors.every((v, i) => seen(v, expected.get(conversations[i]))),
    'every message delivered across instances',
  );
  const deliveredMs = Date.now() - start;

  let stored = [];
  for (const conversation of conversations) {
    const thread = await storedThread(databaseUrl, conversation);
    stored = stored.concat(thread);
    assertSameThread(agent.thread(conversation), thread, `agent on B, ${conversation}`);
    assertSameThread(
      visitors[conversations.indexOf(conversation)].thread(conversation),
      thread,
      `visitor on A, ${conversation}`,
    );
  }
  const figures = {
    ...tally(all, stored),
    duplicatedDeliveries: duplicateDeliveries(agent) + visitors.reduce((s, v) => s + duplicateDeliveries(v), 0),
    deliveredMs,
  };
  report(t, 'two instances (5 visitors on A, agent on B)', figures);
  assert.equal(figures.lost, 0);
  assert.equal(figures.duplicated, 0);
  assert.equal(figures.duplicatedDeliveries, 0);
  const elsewhere = agentIds.filter((id) => !expected.get('c-emma').includes(id));
  assert.ok(
    visitors[0].events.every((e) => e.type !== 'message.added' || !elsewhere.includes(e.message.clientId)),
    'a visitor sees only its conversation',
  );
  for (const client of [agent, ...visitors]) client.close();
});

test('an instance killed (SIGKILL) while the agent sends 200 messages: the desk moves to the other one, nothing lost or doubled', async (t) => {
  const databaseUrl = await postgres.createDatabase('failover');
  const [portA, portB] = [await freePort(), await freePort()];
  const a = await spawnInstance({ port: portA, databaseUrl });
  const b = await spawnInstance({ port: portB, databaseUrl });
  cleanup.push(
    () => a.stop(),
    () => b.stop(),
  );
  const balancer = await startBalancer([portA, portB]);
  cleanup.push(() => balancer.close());
  const agent = openClient(balancer.url, agentToken('a-alex'));
  const visitor = openClient(b.url, visitorToken('v-emma', 'c-emma'));
  await waitFor(() => agent.online && visitor.online, 'online');

  const clientIds = Array.from({ length: 200 }, (_, i) => `failover-${i + 1}`);
  let acked = 0;
  let killedAt;
  const sends = clientIds.map(async (id, i) => {
    await sleep(i * 10);
    await agent.send('c-emma', `message ${i + 1}`, id);
    acked += 1;
  });
  const visitorIds = Array.from({ length: 20 }, (_, i) => `failover-visitor-${i + 1}`);
  const visitorSends = (async () => {
    for (const id of visitorIds) {
      await visitor.send('c-emma', id, id);
      await sleep(60);
    }
  })();
  await waitFor(() => acked >= 60, '60 acknowledged');
  killedAt = Date.now();
  await a.kill();
  const ackedAtKill = acked;
  await Promise.all([...sends, visitorSends]);
  await waitFor(() => agent.online, 'agent online on B');
  const all = [...clientIds, ...visitorIds];
  await waitFor(
    () => all.every((id) => agent.events.some((e) => e.type === 'message.added' && e.message.clientId === id)),
    'every echo on the desk',
  );
  const stored = await storedThread(databaseUrl, 'c-emma');
  assertSameThread(agent.thread('c-emma'), stored, 'agent after fail-over');
  const stats = agent.transport.stats;
  const figures = {
    ...tally(all, stored),
    duplicatedDeliveries: duplicateDeliveries(agent),
    ackedAtKill,
    recoverMs: recoveredAfter(agent, killedAt) - killedAt,
    sessions: stats.sessions,
    resumed: stats.resumed,
  };
  report(t, 'instance killed mid-stream (200 agent + 20 visitor messages)', figures);
  assert.equal(figures.lost, 0);
  assert.equal(figures.duplicated, 0);
  assert.equal(figures.duplicatedDeliveries, 0);
  assert.ok(ackedAtKill < 200, 'the kill came mid-stream');
  assert.equal(
    stats.resumed,
    stats.sessions - 1,
    "every reconnection resumed (no snapshot): the seq is the database's",
  );
  agent.close();
  visitor.close();
});

/** Restart of the only instance (SIGKILL, then a new process on the same port and storage) while both sides write. */
async function restartScenario(t, name, storage, readStored) {
  const port = await freePort();
  let instance = await spawnInstance({ port, ...storage });
  cleanup.push(() => instance.stop());
  const agent = openClient(instance.url, agentToken('a-alex'));
  const visitor = openClient(instance.url, visitorToken('v-liam', 'c-liam'));
  await waitFor(() => agent.online && visitor.online, 'online');
  const agentIds = Array.from({ length: 50 }, (_, i) => `${name}-agent-${i + 1}`);
  const visitorIds = Array.from({ length: 50 }, (_, i) => `${name}-visitor-${i + 1}`);
  let acked = 0;
  const sends = [
    ...agentIds.map(async (id, i) => {
      await sleep(i * 20);
      await agent.send('c-liam', id, id, { timeoutMs: 120_000 });
      acked += 1;
    }),
    ...visitorIds.map(async (id, i) => {
      await sleep(i * 20 + 10);
      await visitor.send('c-liam', id, id, { timeoutMs: 120_000 });
      acked += 1;
    }),
  ];
  await waitFor(() => acked >= 30, '30 acknowledged');
  const before = agent
    .thread('c-liam')
    .filter((m) => !m.clientId || !m.clientId.startsWith(name) || m.status !== 'sending');
  const killedAt = Date.now();
  await instance.kill();
  const restartedAt = Date.now();
  instance = await spawnInstance({ port, ...storage });
  const startMs = Date.now() - restartedAt;
  await Promise.all(sends);
  const all = [...agentIds, ...visitorIds];
  await waitFor(
    () =>
      agent.online &&
      all.every((id) => agent.events.some((e) => e.type === 'message.added' && e.message.clientId === id)),
    'everything on the desk',
    120_000,
  );
  await instance.stop();
  const stored = await readStored();
  assertSameThread(agent.thread('c-liam'), stored, `${name}: agent`);
  assertSameThread(visitor.thread('c-liam'), stored, `${name}: visitor`);
  const storedIds = stored.map((m) => m.id);
  assert.deepEqual(
    storedIds.filter((id) => before.some((m) => m.id === id)),
    before.map((m) => m.id),
    'what was there before the restart is there after, in the same order',
  );
  const figures = {
    ...tally(all, stored),
    duplicatedDeliveries: duplicateDeliveries(agent) + duplicateDeliveries(visitor),
    recoverMs: recoveredAfter(agent, killedAt) - killedAt,
    processStartMs: startMs,
    resumedWithoutSnapshot: agent.transport.stats.resumed === agent.transport.stats.sessions - 1,
  };
  report(t, `whole server restarted (${name}; 50 agent + 50 visitor messages)`, figures);
  assert.equal(figures.lost, 0);
  assert.equal(figures.duplicated, 0);
  assert.equal(figures.duplicatedDeliveries, 0);
  assert.ok(figures.resumedWithoutSnapshot, 'same stream after the restart: resumed, no snapshot');
  agent.close();
  visitor.close();
}

test('whole server restarted on PostgreSQL mid-conversation: zero lost, zero duplicated, the thread identical', async (t) => {
  const databaseUrl = await postgres.createDatabase('restart');
  await restartScenario(t, 'postgres', { databaseUrl }, () => storedThread(databaseUrl, 'c-liam'));
});

test('whole server restarted on PGlite (its data folder) mid-conversation: zero lost, zero duplicated, the thread identical', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-pglite-'));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  await restartScenario(t, 'pglite', { dataDir }, async () => {
    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.query(
        "SELECT id, client_id FROM desk_messages WHERE conversation_id = 'c-liam' ORDER BY at, id",
      );
      return rows.map((row) => ({ id: row.id, clientId: row.client_id }));
    } finally {
      await db.close();
    }
  });
});

test('a long message in a multi-byte script goes through on several instances (NOTIFY counts bytes)', async (t) => {
  const databaseUrl = await postgres.createDatabase('multibyte');
  const a = new DeskServer({ fixtures: demoFixtures(), tokenSecret: SECRET, databaseUrl });
  const b = new DeskServer({ fixtures: demoFixtures(), tokenSecret: SECRET, databaseUrl });
  await a.start();
  await b.start();
  cleanup.push(
    () => a.stop(),
    () => b.stop(),
  );
  const visitor = openClient(a.url, visitorToken('v-emma', 'c-emma'));
  const agent = openClient(b.url, agentToken('a-alex'));
  await waitFor(() => agent.online && visitor.online, 'both online');
  // 3,000 characters of 3 bytes each: under 7,000 characters, over PostgreSQL's 8,000-byte NOTIFY limit.
  const text = '返品の手続きについて'.repeat(300);
  await agent.send('c-emma', text, 'agent-cjk-1');
  await waitFor(
    () => visitor.events.some((e) => e.type === 'message.added' && e.message.clientId === 'agent-cjk-1'),
    'the visitor on the other instance gets it',
  );
  const stored = await storedThread(databaseUrl, 'c-emma');
  const figures = tally(['agent-cjk-1'], stored);
  report(t, 'multi-byte message across instances', figures);
  assert.equal(figures.lost, 0);
  assert.equal(figures.duplicated, 0);
  const delivered = visitor.events.find((e) => e.type === 'message.added' && e.message.clientId === 'agent-cjk-1');
  assert.equal(delivered.message.text, text, 'the whole text, intact');
  agent.close();
  visitor.close();
});
