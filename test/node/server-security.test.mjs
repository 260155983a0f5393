// The reference server refuses whoever does not belong, each refusal with its clear code, and the
// client trusts no seq it cannot prove. Servers here run in this process on one embedded
// PostgreSQL (PGlite, in memory), each with the limits its test needs.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import {
  DeskServer,
  SECRET,
  agentToken,
  demoFixtures,
  hmacVerifier,
  openClient,
  openDatabase,
  signToken,
  visitorToken,
  waitFor,
} from './server-harness.mjs';

const ASSIGNMENTS = { 'c-liam': { agentId: 'a-other' }, 'c-sofia': { skill: 'billing' } };
let database;
const servers = [];

/** A server on the shared database (fixtures: the demo desk, plus a few big messages when asked). */
async function startServer(options = {}) {
  const server = new DeskServer({
    fixtures: demoFixtures(),
    assignments: ASSIGNMENTS,
    tokenSecret: SECRET,
    database,
    ...options,
  });
  await server.start();
  servers.push(server);
  return server;
}

/** Opens a raw socket, sends `frames` once open; resolves with what came back and how it closed (bounded). */
function talk(url, frames, { origin, waitMs = 5000, until, afterWelcome } = {}) {
  return new Promise((resolve) => {
    const received = [];
    const socket = new WebSocket(url, 'agent-desk.v1', origin ? { origin } : {});
    const finish = (result) => {
      clearTimeout(timer);
      resolve({ received, ...result });
    };
    const timer = setTimeout(() => {
      socket.terminate();
      finish({ code: 'still open' });
    }, waitMs);
    socket.on('open', () => {
      for (const frame of frames) socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    });
    socket.on('message', (data) => {
      received.push(JSON.parse(data.toString()));
      if (received.length === 1 && afterWelcome) {
        socket.send(afterWelcome);
        // Read nothing for a moment: the server's snapshot backs up in its own send buffer.
        socket._socket.pause();
        setTimeout(() => socket._socket.resume(), 300);
      }
      if (until?.(received)) {
        socket.close();
      }
    });
    socket.on('unexpected-response', (_request, response) => finish({ status: response.statusCode }));
    socket.on('close', (code) => finish({ code }));
    socket.on('error', () => undefined);
  });
}

const hello = (token, extra = {}) => ({ type: 'hello', v: 1, token, ...extra });
const snapshotOf = (received) => received.find((f) => f.type === 'event' && f.event.type === 'snapshot')?.event;
const hasSnapshot = (received) => snapshotOf(received) !== undefined;

before(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
});

after(async () => {
  for (const server of servers) await server.stop();
  await database?.close();
});

test('a signed token signs in the agent it names; a forged, expired or malformed one is refused with 4401', async () => {
  const server = await startServer();
  const ok = await talk(server.url, [hello(agentToken('a-alex'))], { until: hasSnapshot });
  assert.equal(ok.received[0].type, 'welcome');
  assert.equal(ok.received[0].agent.id, 'a-alex');

  const forged = signToken('another-secret-0123456789', { sub: 'a-alex', role: 'manager' });
  const expired = signToken(SECRET, { sub: 'a-alex', role: 'agent', exp: Math.floor(Date.now() / 1000) - 120 });
  const noRole = signToken(SECRET, { sub: 'a-alex' });
  const tampered = agentToken('a-alex').replace(
    /^[^.]+/,
    Buffer.from('{"sub":"a-max","role":"manager","exp":9999999999}').toString('base64url'),
  );
  for (const [what, token] of Object.entries({
    forged,
    expired,
    noRole,
    tampered,
    garbage: 'not.a.token',
    empty: '',
  })) {
    const refused = await talk(server.url, [hello(token)]);
    assert.equal(refused.code, 4401, `${what}: closed with 4401`);
    assert.deepEqual(
      refused.received.map((f) => f.type === 'error' && f.code),
      ['unauthorized'],
      `${what}: one unauthorized error, nothing else`,
    );
  }
  assert.ok(server.stats().authFailures >= 6);
});

test("an integrator's verifier hook decides instead of the HMAC default", async () => {
  const server = await startServer({
    verifyToken: async (token) =>
      token === 'from-my-sso' ? { kind: 'staff', agent: { id: 'a-sso', name: 'SSO' }, skills: [] } : undefined,
  });
  const ok = await talk(server.url, [hello('from-my-sso')], { until: hasSnapshot });
  assert.equal(ok.received[0].agent.id, 'a-sso');
  assert.equal((await talk(server.url, [hello(agentToken())])).code, 4401, 'an HMAC token means nothing to it');
  assert.throws(() => hmacVerifier('short'), /at least 16/);
});

test('the Origin allow-list refuses other sites at the upgrade (403); listed and non-browser clients pass', async () => {
  const server = await startServer({ allowedOrigins: ['https://desk.example.com'] });
  const evil = await talk(server.url, [hello(agentToken())], { origin: 'https://evil.example.net' });
  assert.equal(evil.status, 403);
  assert.equal(evil.received.length, 0);
  const listed = await talk(server.url, [hello(agentToken())], {
    origin: 'https://desk.example.com',
    until: hasSnapshot,
  });
  assert.ok(hasSnapshot(listed.received));
  const none = await talk(server.url, [hello(agentToken())], { until: hasSnapshot });
  assert.ok(hasSnapshot(none.received), 'no Origin header: not a browser, the token decides');
  assert.equal(server.stats().originRefusals, 1);
});

test('a connection sending faster than its rate limit is closed with 4429 and told why', async () => {
  const server = await startServer({ rateLimit: { perSecond: 5, burst: 20 } });
  const pings = Array.from({ length: 40 }, (_, t) => ({ type: 'ping', t }));
  const flood = await talk(server.url, [hello(agentToken()), ...pings]);
  assert.equal(flood.code, 4429);
  assert.equal(flood.received.at(-1).code, 'rate-limited');
  assert.ok(flood.received.filter((f) => f.type === 'pong').length <= 20, 'no more than the burst was answered');
  const calm = await talk(server.url, [hello(agentToken()), { type: 'ping', t: 1 }], {
    until: (r) => r.some((f) => f.type === 'pong'),
  });
  assert.ok(
    calm.received.some((f) => f.type === 'pong'),
    'another connection is not affected',
  );
});

test('a frame over the limit right after hello, while a large snapshot is written, closes cleanly with 1009', async () => {
  const fixtures = demoFixtures();
  const big = Array.from({ length: 80 }, (_, i) => ({
    id: `big-${i}`,
    conversationId: 'c-noah',
    author: 'visitor',
    at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    kind: 'text',
    text: `big ${i} `.padEnd(60_000, 'x'),
  }));
  const bigDb = await openDatabase({ dataDir: 'memory://' });
  const server = new DeskServer({
    fixtures: { ...fixtures, messages: [...fixtures.messages, ...big] },
    tokenSecret: SECRET,
    database: bigDb,
    maxPayload: 4096,
  });
  await server.start();
  try {
    for (let round = 0; round < 3; round += 1) {
      // Sent as the welcome arrives: the server is still writing the 4.8 MB snapshot behind it.
      const result = await talk(server.url, [hello(agentToken())], { afterWelcome: 'x'.repeat(10_000) });
      assert.equal(result.code, 1009, `round ${round}: 1009 (message too big), not 1006`);
      assert.ok(hasSnapshot(result.received), `round ${round}: the snapshot arrived whole before the close`);
    }
    const fine = await talk(server.url, [hello(agentToken())], { until: hasSnapshot });
    assert.ok(snapshotOf(fine.received).messages.length >= 40, 'the server carries on');
  } finally {
    await server.stop();
    await bigDb.close();
  }
});

test('an agent receives only the conversations assigned to it, to its skills, or unassigned; commands elsewhere are forbidden', async () => {
  const server = await startServer();
  const alex = openClient(server.url, agentToken('a-alex'));
  const biller = openClient(server.url, agentToken('a-bill', 'agent', { skills: ['billing'] }));
  const manager = openClient(server.url, agentToken('a-max', 'manager'));
  try {
    await waitFor(() => alex.online && biller.online && manager.online, 'three desks online');
    const ids = (client) => client.events[0].conversations.map((c) => c.id).sort();
    assert.ok(
      !ids(alex).includes('c-liam') && !ids(alex).includes('c-sofia'),
      "alex: not another agent's, not billing",
    );
    assert.ok(ids(alex).includes('c-emma'), 'alex: the queue');
    assert.ok(ids(biller).includes('c-sofia') && !ids(biller).includes('c-liam'), 'billing skill: c-sofia');
    assert.ok(ids(manager).includes('c-liam') && ids(manager).includes('c-sofia'), 'manager: everything');
    assert.ok(!alex.events[0].messages.some((m) => m.conversationId === 'c-liam'), 'no message of c-liam either');

    const visitorMessage = (id, conversationId) => ({
      type: 'message.added',
      message: { id, conversationId, author: 'visitor', at: new Date().toISOString(), kind: 'text', text: id },
    });
    await server.publish(visitorMessage('secret-1', 'c-liam'));
    await server.publish(visitorMessage('secret-2', 'c-liam'));
    await server.publish(visitorMessage('public-1', 'c-emma'));
    await waitFor(
      () => alex.arrivals().has('public-1') && manager.arrivals().has('public-1'),
      'public message everywhere',
    );
    assert.ok(
      !alex.arrivals().has('secret-1') && !alex.arrivals().has('secret-2'),
      "alex never sees c-liam's messages",
    );
    assert.ok(manager.arrivals().has('secret-1'));
    await assert.rejects(
      alex.transport.send({
        type: 'send',
        clientId: 'x-1',
        conversationId: 'c-liam',
        at: new Date().toISOString(),
        content: { kind: 'text', text: 'hi' },
      }),
      /forbidden/,
    );
    await assert.rejects(alex.transport.send({ type: 'markRead', conversationId: 'c-sofia' }), /forbidden/);
    // Skipped seqs are announced (`prev`), so the desk sees no gap: no replay asked, nothing reported.
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal(alex.transport.stats.gapReplays + alex.transport.stats.gapSnapshots, 0);
    assert.deepEqual(alex.errors, []);
  } finally {
    alex.close();
    biller.close();
    manager.close();
  }
});

test('a visitor sees and writes to its own conversation only; only a manager may unblock', async () => {
  const server = await startServer();
  const visitor = openClient(server.url, visitorToken('v-emma', 'c-emma'));
  const agent = openClient(server.url, agentToken('a-alex'));
  const manager = openClient(server.url, agentToken('a-max', 'manager'));
  try {
    await waitFor(() => visitor.online && agent.online && manager.online, 'online');
    const snapshot = visitor.events[0];
    assert.deepEqual(
      snapshot.conversations.map((c) => c.id),
      ['c-emma'],
    );
    assert.ok(snapshot.messages.every((m) => m.conversationId === 'c-emma'));
    assert.deepEqual(
      snapshot.visitors.map((v) => v.id),
      ['v-emma'],
    );
    await visitor.send('c-emma', 'Hello from the visitor', 'v-1');
    await waitFor(() => agent.thread('c-emma').some((m) => m.clientId === 'v-1'), 'the agent sees it');
    assert.equal(agent.thread('c-emma').find((m) => m.clientId === 'v-1').author, 'visitor');
    await assert.rejects(
      visitor.transport.send({
        type: 'send',
        clientId: 'v-2',
        conversationId: 'c-liam',
        at: new Date().toISOString(),
        content: { kind: 'text', text: 'x' },
      }),
      /forbidden/,
    );
    await assert.rejects(visitor.transport.send({ type: 'block', visitorId: 'v-emma' }), /forbidden/);

    await agent.transport.send({ type: 'block', visitorId: 'v-noah' });
    await assert.rejects(agent.transport.send({ type: 'unblock', visitorId: 'v-noah' }), /forbidden: Only a manager/);
    await manager.transport.send({ type: 'unblock', visitorId: 'v-noah' });
    await waitFor(
      () =>
        manager.events.some(
          (e) => e.type === 'visitor.updated' && e.visitor.id === 'v-noah' && e.visitor.blocked === false,
        ),
      'unblocked by the manager',
    );
  } finally {
    visitor.close();
    agent.close();
    manager.close();
  }
});

test("a sent message keeps the client's time within the clock rules (10 min back, never ahead of the server)", async () => {
  const server = await startServer();
  const agent = openClient(server.url, agentToken('a-alex'));
  try {
    await waitFor(() => agent.online, 'online');
    const now = Date.now();
    const cases = {
      'retried 30 s later': now - 30_000,
      'a day old': now - 86_400_000,
      'an hour ahead': now + 3_600_000,
    };
    for (const [clientId, time] of Object.entries(cases))
      await agent.transport.send({
        type: 'send',
        clientId,
        conversationId: 'c-amara',
        at: new Date(time).toISOString(),
        content: { kind: 'text', text: clientId },
      });
    await waitFor(
      () => Object.keys(cases).every((id) => agent.thread('c-amara').some((m) => m.clientId === id)),
      'echoes',
    );
    const at = (id) => Date.parse(agent.thread('c-amara').find((m) => m.clientId === id).at);
    assert.equal(at('retried 30 s later'), now - 30_000, 'kept as the client gave it');
    assert.ok(Math.abs(at('a day old') - (now - 600_000)) < 5_000, 'brought up to 10 minutes ago');
    assert.ok(
      at('an hour ahead') >= now && at('an hour ahead') < Date.now() + 1000,
      "brought back to the server's now",
    );
  } finally {
    agent.close();
  }
});

test('bad input gets a clear code and loses nothing: garbage closes with 4400, other desks carry on', async () => {
  const server = await startServer();
  const agent = openClient(server.url, agentToken('a-alex'));
  try {
    await waitFor(() => agent.online, 'online');
    const before = server.position.seq;
    for (const garbage of ['not json {', '[1,2]', JSON.stringify({ type: 'command', id: 'r1' })]) {
      const result = await talk(server.url, [garbage]);
      assert.equal(result.code, 4400, `"${garbage}" before hello: 4400`);
      assert.equal(result.received[0].code, 'bad-frame');
    }
    const badCommand = await talk(
      server.url,
      [
        hello(agentToken()),
        {
          type: 'command',
          id: 'r1',
          command: { type: 'send', clientId: 'c', conversationId: 'c-emma', at: 'x', content: { kind: 'nope' } },
        },
      ],
      { until: (r) => r.some((f) => f.type === 'error') },
    );
    assert.equal(badCommand.received.find((f) => f.type === 'error').code, 'invalid-command');
    assert.equal(server.position.seq, before, 'nothing was logged');
    await agent.send('c-emma', 'still here', 'after-garbage');
    assert.ok(agent.thread('c-emma').some((m) => m.clientId === 'after-garbage'));
  } finally {
    agent.close();
  }
});

test('a forged pong seq (newest + 1000) never hides real events: a snapshot disproves it, asks are few', async () => {
  const server = await startServer();
  const agent = openClient(server.url, agentToken('a-alex'), { heartbeatMs: 200, gapTimeoutMs: 200 });
  try {
    await waitFor(() => agent.online, 'online');
    server.sendRaw(JSON.stringify({ type: 'pong', t: 0, seq: server.position.seq + 1000 }));
    const ids = [];
    const start = Date.now();
    for (let i = 1; i <= 5; i += 1) {
      ids.push(`after-forgery-${i}`);
      await server.publish({
        type: 'message.added',
        message: {
          id: `after-forgery-${i}`,
          conversationId: 'c-emma',
          author: 'visitor',
          at: new Date().toISOString(),
          kind: 'text',
          text: `#${i}`,
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await waitFor(() => ids.every((id) => agent.thread('c-emma').some((m) => m.id === id)), 'all 5 shown');
    // Traffic keeps flowing for a while: the claim must not cause a re-ask every gap timeout.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { gapReplays, gapSnapshots, attempts } = agent.transport.stats;
    assert.equal(ids.filter((id) => agent.arrivals().get(id) === 1).length, 5, 'each shown once');
    assert.ok(
      gapReplays + gapSnapshots <= 3,
      `asked ${gapReplays} replays + ${gapSnapshots} snapshots in ${Date.now() - start} ms`,
    );
    assert.ok(gapSnapshots >= 1, 'a snapshot disproved the claim');
    assert.equal(attempts, 1, 'no reconnect');
    assert.deepEqual(
      agent.errors.filter((e) => e.code === 'events-lost'),
      [],
      'nothing reported lost',
    );
    assert.ok(agent.online);
  } finally {
    agent.close();
  }
});
