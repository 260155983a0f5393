/**
 * npm run bench -- --only=server — the reference server under load: 2 instances (own processes)
 * on one PostgreSQL (a throwaway server, scripts/postgres.mjs), agents and visitors spread over
 * both, everything on 127.0.0.1.
 *
 *   --connections=50 (agents are 1 in 5, the rest visitors, each in its own conversation assigned
 *   to one agent) --rate=20 (messages/s, in all) --seconds=30
 *
 * Each message goes from a visitor to its agent or back, alternately, from whichever instance the
 * sender is on to whichever the receiver is on. Measured at the receiver: delivery latency (send
 * call → `message.added` there), lost (never arrived) and duplicated (arrived more than once).
 * Budgets: p95 < 100 ms, 0 lost, 0 duplicated. Writes bench/server-results.json; returns the exit
 * code (1 when a budget is missed, 2 when the harness failed).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import WebSocket from 'ws';
import { startPostgres } from '../scripts/postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'bench-secret-0123456789abcdef';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seeded desk: one conversation per visitor, assigned round-robin to the agents. */
function desk(agents, visitors) {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const fixtures = { visitors: [], conversations: [], messages: [] };
  const assignments = {};
  for (let v = 0; v < visitors; v += 1) {
    fixtures.visitors.push({ id: `v-${v}`, name: `Visitor ${v}` });
    fixtures.conversations.push({
      id: `c-${v}`,
      visitorId: `v-${v}`,
      channel: 'chat',
      status: 'ongoing',
      startedAt: at,
    });
    assignments[`c-${v}`] = { agentId: `a-${v % agents}` };
  }
  return { fixtures, assignments };
}

async function freePort() {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function spawnInstance(port, databaseUrl, fixturesFile) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--database-url',
      databaseUrl,
      '--token-secret',
      SECRET,
      '--fixtures',
      fixturesFile,
      '--no-simulate',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 90_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/^listening ws:/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`instance exited (${code}):\n${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `ws://127.0.0.1:${port}/desk`,
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

const percentile = (values, p) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function runServerBench(args = {}) {
  const connections = Number(args.connections ?? 50);
  const rate = Number(args.rate ?? 20);
  const seconds = Number(args.seconds ?? 30);
  const agents = Math.max(1, Math.round(connections / 5));
  const visitors = connections - agents;
  const { WebSocketTransport } = await tsImport('../src/transport/websocket-transport.ts', import.meta.url);
  const { signToken } = await tsImport('../server/auth.ts', import.meta.url);

  const started = Date.now();
  const cleanup = [];
  const rows = [];
  let error;
  const figures = {};
  try {
    process.stderr.write(
      `bench server: PostgreSQL, 2 instances, ${agents} agents + ${visitors} visitors, ${rate} msg/s for ${seconds} s\n`,
    );
    const postgres = await startPostgres();
    cleanup.push(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase('bench');
    const fixturesFile = path.join(os.tmpdir(), `agent-desk-bench-desk-${process.pid}.json`);
    fs.writeFileSync(fixturesFile, JSON.stringify(desk(agents, visitors)));
    cleanup.push(async () => fs.rmSync(fixturesFile, { force: true }));
    // The first instance migrates and seeds; the second starts on the ready database.
    const a = spawnInstance(await freePort(), databaseUrl, fixturesFile);
    cleanup.push(() => a.stop());
    await a.ready;
    const b = spawnInstance(await freePort(), databaseUrl, fixturesFile);
    cleanup.push(() => b.stop());
    await b.ready;
    const instances = [a, b];

    /** One desk: the real WebSocketTransport; records when each message id arrives, and how often. */
    const open = (token, index) => {
      const arrivals = new Map();
      const transport = new WebSocketTransport({ url: instances[index % 2].url, token, WebSocket });
      const client = { transport, arrivals, online: false, instance: index % 2 };
      transport.connect({
        event: (event) => {
          if (event.type !== 'message.added') return;
          const now = performance.now();
          const entry = arrivals.get(event.message.clientId);
          if (entry) entry.count += 1;
          else arrivals.set(event.message.clientId, { count: 1, at: now });
        },
        connection: (state) => (client.online = state === 'online'),
        error: () => undefined,
      });
      cleanup.push(async () => transport.close());
      return client;
    };
    const agentClients = Array.from({ length: agents }, (_, i) =>
      open(signToken(SECRET, { sub: `a-${i}`, name: `Agent ${i}`, role: 'agent' }), i),
    );
    // Agent i is on instance i % 2, visitor v on (v / 2) % 2: half the conversations span both instances.
    const visitorClients = Array.from({ length: visitors }, (_, v) =>
      open(signToken(SECRET, { sub: `v-${v}`, role: 'visitor', conversationId: `c-${v}` }), Math.floor(v / 2)),
    );
    const deadline = Date.now() + 30_000;
    while (![...agentClients, ...visitorClients].every((c) => c.online)) {
      if (Date.now() > deadline) throw new Error('not every connection came online in 30 s');
      await sleep(50);
    }

    /** Sent messages: clientId → { at, receiver }. */
    const sent = new Map();
    const failures = [];
    const total = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const t0 = performance.now();
    for (let n = 0; n < total; n += 1) {
      const wait = t0 + n * interval - performance.now();
      if (wait > 0) await sleep(wait);
      const v = n % visitors;
      const fromVisitor = Math.floor(n / visitors) % 2 === 0;
      const visitor = visitorClients[v];
      const agent = agentClients[v % agents];
      const [sender, receiver] = fromVisitor ? [visitor, agent] : [agent, visitor];
      const clientId = `bench-${n}`;
      sent.set(clientId, { at: performance.now(), receiver, crossInstance: sender.instance !== receiver.instance });
      sender.transport
        .send({
          type: 'send',
          clientId,
          conversationId: `c-${v}`,
          at: new Date().toISOString(),
          content: { kind: 'text', text: `message ${n}` },
        })
        .catch((reason) => failures.push(`${clientId}: ${reason.message}`));
    }
    // Drain: at most 10 s for the last deliveries.
    const drainUntil = Date.now() + 10_000;
    while ([...sent].some(([id, s]) => !s.receiver.arrivals.has(id)) && Date.now() < drainUntil) await sleep(50);

    const latencies = [];
    const crossLatencies = [];
    let lost = 0;
    let duplicated = 0;
    for (const [id, s] of sent) {
      const arrival = s.receiver.arrivals.get(id);
      if (!arrival) {
        lost += 1;
        continue;
      }
      duplicated += arrival.count - 1;
      latencies.push(arrival.at - s.at);
      if (s.crossInstance) crossLatencies.push(arrival.at - s.at);
    }
    Object.assign(figures, {
      messages: sent.size,
      lost,
      duplicated,
      sendErrors: failures.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: percentile(latencies, 100),
      crossInstanceP95: percentile(crossLatencies, 95),
      crossInstanceShare: crossLatencies.length / Math.max(1, latencies.length),
    });
    const ms = (value) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
    rows.push(
      {
        metric: `messages delivered (${agents} agents + ${visitors} visitors on 2 instances)`,
        value: `${sent.size - lost} / ${sent.size}`,
      },
      { metric: 'delivery latency p50', value: ms(figures.p50) },
      {
        metric: 'delivery latency p95',
        value: ms(figures.p95),
        budget: '< 100 ms',
        pass: figures.p95 !== undefined && figures.p95 < 100,
      },
      { metric: 'delivery latency max', value: ms(figures.max) },
      {
        metric: `p95 across instances (${Math.round(figures.crossInstanceShare * 100)} % of messages)`,
        value: ms(figures.crossInstanceP95),
      },
      { metric: 'lost', value: String(lost), budget: '0', pass: lost === 0 },
      { metric: 'duplicated', value: String(duplicated), budget: '0', pass: duplicated === 0 },
      {
        metric: 'sends refused or timed out',
        value: String(failures.length),
        budget: '0',
        pass: failures.length === 0,
      },
    );
    if (failures.length) console.error(failures.slice(0, 5).join('\n'));
  } catch (caught) {
    error = caught;
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }

  console.log('\nReference server (2 instances, one PostgreSQL, 127.0.0.1)');
  console.table(
    rows.map((r) => ({
      metric: r.metric,
      value: r.value,
      budget: r.budget ?? '',
      result: r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
    })),
  );
  const report = {
    date: new Date().toISOString(),
    connections,
    rate,
    seconds,
    machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
    figures,
    durationMs: Date.now() - started,
    error: error ? String(error.stack ?? error) : undefined,
  };
  fs.writeFileSync(path.join(root, 'bench/server-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `bench/server-results.json · ${Math.round(report.durationMs / 1000)} s, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (error) {
    console.error(error);
    return 2;
  }
  return rows.some((r) => r.pass === false) ? 1 : 0;
}
