// Shared setup for the reference server's Node tests: the server's TypeScript loaded with tsx,
// server instances in this process or as child processes (to kill them for real), a TCP "load
// balancer" in front of them, and desks made of the real WebSocketTransport (with `ws` as its
// WebSocket) that record what they receive and resend until acknowledged, like the store's outbox.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import WebSocket from 'ws';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const SECRET = 'test-secret-0123456789abcdef';

const load = (path) => tsImport(path, import.meta.url);
export const { DeskServer } = await load('../../server/desk-server.ts');
export const { signToken, hmacVerifier } = await load('../../server/auth.ts');
export const { openDatabase } = await load('../../server/db.ts');
export const { demoFixtures } = await load('../../src/transport/demo-fixtures.ts');
export const { WebSocketTransport } = await load('../../src/transport/websocket-transport.ts');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until `check()` is true. */
export async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(20);
  }
}

export const agentToken = (sub = 'a-alex', role = 'agent', extra = {}) =>
  signToken(SECRET, { sub, name: sub, role, ...extra });
export const visitorToken = (sub, conversationId) => signToken(SECRET, { sub, role: 'visitor', conversationId });

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server instance as its own process (`server/main.ts`), so it can be killed for real. */
export async function spawnInstance({ port, databaseUrl, dataDir, timeoutMs = 90_000 }) {
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--token-secret', SECRET, '--no-simulate'];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  if (dataDir) args.push('--data-dir', dataDir);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`instance did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      output += chunk;
      if (/^listening ws:/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url: `ws://127.0.0.1:${port}/desk`,
    port,
    /** SIGKILL: no goodbye, connections cut, whatever was in flight is lost by the process. */
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
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

/**
 * A TCP load balancer on 127.0.0.1: each new connection goes to the first backend that accepts it
 * (in order), so when one instance dies, clients reconnecting land on the next.
 */
export async function startBalancer(ports) {
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    client.pause();
    const tryBackend = (index) => {
      if (index >= ports.length) {
        client.destroy();
        return;
      }
      const backend = connect(ports[index], '127.0.0.1');
      backend.once('error', () => tryBackend(index + 1));
      backend.once('connect', () => {
        backend.removeAllListeners('error');
        backend.on('error', () => client.destroy());
        client.on('error', () => backend.destroy());
        backend.on('close', () => client.destroy());
        client.on('close', () => backend.destroy());
        sockets.add(backend);
        backend.on('close', () => sockets.delete(backend));
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${server.address().port}/desk`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A desk: the real WebSocketTransport, recording every event it delivers, with a thread per
 * conversation built the way the store builds it (snapshot, then events; ordered by time).
 */
export function openClient(url, token, options = {}) {
  const events = [];
  const states = [];
  const errors = [];
  const transport = new WebSocketTransport({
    url,
    token,
    WebSocket,
    heartbeatMs: 500,
    heartbeatTimeoutMs: 2000,
    backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 },
    commandTimeoutMs: 3000,
    gapTimeoutMs: 300,
    ...options,
  });
  transport.connect({
    event: (event) => events.push(event),
    connection: (state) => states.push({ state, at: Date.now() }),
    error: (error) => errors.push(error),
  });
  const client = {
    transport,
    events,
    states,
    errors,
    get online() {
      return transport.connection === 'online';
    },
    /** Messages of a conversation as this desk holds them: the last snapshot, then every message event. */
    thread(conversationId) {
      const messages = new Map();
      for (const event of events) {
        if (event.type === 'snapshot') {
          messages.clear();
          for (const m of event.messages) if (m.conversationId === conversationId) messages.set(m.id, m);
        } else if (event.type === 'message.added' && event.message.conversationId === conversationId) {
          messages.set(event.message.id, event.message);
        }
      }
      return [...messages.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
    /** How many times each message id arrived as `message.added` (a duplicate shows as 2). */
    arrivals() {
      const counts = new Map();
      for (const event of events)
        if (event.type === 'message.added') counts.set(event.message.id, (counts.get(event.message.id) ?? 0) + 1);
      return counts;
    },
    /** Sends until acknowledged (same clientId each time, as the store's outbox does); bounded. */
    async send(conversationId, text, clientId, { timeoutMs = 60_000 } = {}) {
      const at = new Date().toISOString();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          await transport.send({ type: 'send', clientId, conversationId, at, content: { kind: 'text', text } });
          return;
        } catch (error) {
          if (error.code === 'rejected' || Date.now() > deadline) throw error;
          await sleep(100);
        }
      }
    },
    close() {
      transport.close();
    },
  };
  return client;
}

/** The stored thread of a conversation, straight from the database (ids in time order). */
export async function storedThread(databaseUrl, conversationId) {
  const db = await openDatabase({ url: databaseUrl, poolSize: 1 });
  try {
    const rows = await db.query('SELECT id, client_id FROM desk_messages WHERE conversation_id = $1 ORDER BY at, id', [
      conversationId,
    ]);
    return rows.map((row) => ({ id: row.id, clientId: row.client_id }));
  } finally {
    await db.close();
  }
}

/** Counts over a set of client ids: how many are stored, missing, and stored more than once. */
export function tally(clientIds, stored) {
  const counts = new Map();
  for (const row of stored) if (row.clientId) counts.set(row.clientId, (counts.get(row.clientId) ?? 0) + 1);
  return {
    sent: clientIds.length,
    lost: clientIds.filter((id) => !counts.has(id)).length,
    duplicated: clientIds.reduce((sum, id) => sum + Math.max(0, (counts.get(id) ?? 0) - 1), 0),
  };
}

/** The fixtures for the multi-instance tests: the demo desk, `c-emma` assigned to nobody (everyone's queue). */
export function fixtures() {
  return demoFixtures();
}
