/**
 * Web Test Runner plugin: runs the reference WebSocket server (server/desk-server.ts) on
 * 127.0.0.1 and a free port, and lets browser tests drive it and its fault injection through
 * `executeServerCommand('ws-server', { op, ... })` from '@web/test-runner-commands'.
 * The server code is TypeScript, loaded with tsx. Figures reported by the tests are printed
 * again as one table when the run ends.
 */
import { tsImport } from 'tsx/esm/api';

// The tests' tokens go through the server's verifier hook (the HMAC default is tested in test/node/).
const TOKENS = {
  'test-token': { kind: 'staff', agent: { id: 'a-alex', name: 'Alex Martin', role: 'agent' }, skills: [] },
  'manager-token': { kind: 'staff', agent: { id: 'a-max', name: 'Max Manager', role: 'manager' }, skills: [] },
};

export function wsServerPlugin() {
  /** @type {any} */
  let server;
  /** @type {any} */
  let modules;
  /** One embedded PostgreSQL (PGlite, in memory) for the whole run; `reset` empties it. */
  /** @type {any} */
  let database;
  const figures = [];

  const load = async () => {
    modules ??= {
      ...(await tsImport('../../server/desk-server.ts', import.meta.url)),
      ...(await tsImport('../../src/transport/demo-fixtures.ts', import.meta.url)),
      ...(await tsImport('../../server/db.ts', import.meta.url)),
      ...(await tsImport('../../server/schema.ts', import.meta.url)),
    };
    return modules;
  };

  const ops = {
    async reset({ heartbeatMs = 15000 } = {}) {
      const { DeskServer, demoFixtures, openDatabase, dropDesk } = await load();
      await server?.stop();
      database ??= await openDatabase({ dataDir: 'memory://' });
      await dropDesk(database);
      server = new DeskServer({
        fixtures: demoFixtures(),
        verifyToken: (token) => (Object.hasOwn(TOKENS, token) ? TOKENS[token] : undefined),
        database,
        host: '127.0.0.1',
        port: 0,
        heartbeatMs,
      });
      const url = await server.start();
      return { url, token: 'test-token', managerToken: 'manager-token' };
    },
    faults({ faults = {} }) {
      server.faults = faults;
      return true;
    },
    drop() {
      server.dropConnections();
      return true;
    },
    async restart({ downMs = 300, wait = true }) {
      const done = server.restart(downMs);
      if (wait) await done;
      return true;
    },
    silence() {
      server.silence();
      return true;
    },
    /** Visitor messages published by the server, in this order; returns their ids. */
    async inject({ conversationId, prefix, count, textSize = 0 }) {
      const ids = [];
      for (let i = 1; i <= count; i += 1) {
        const id = `${prefix}-${i}`;
        const text = `${prefix} #${i}`.padEnd(textSize, '.');
        ids.push(id);
        await server.publish({
          type: 'message.added',
          message: { id, conversationId, author: 'visitor', at: server.data.stamp(), kind: 'text', text },
        });
      }
      return ids;
    },
    /** Frames that break the protocol in every way we could think of; returns how many were sent. */
    async invalid({ oversize = 100_000, repeat = 1 } = {}) {
      const frames = [
        'not json {',
        '[1,2,3]',
        '"just a string"',
        '{"type":"mystery","seq":1}',
        '{"type":"event","event":{"type":"message.added"}}',
        '{"type":"event","seq":-3,"event":{"type":"visitor.typing"}}',
        '{"type":"event","seq":"7","event":{"type":"visitor.typing"}}',
        '{"type":"ack"}',
        '{"type":"welcome","v":99,"stream":"x","seq":0,"resumed":false,"heartbeatMs":1}',
        JSON.stringify({ type: 'event', seq: 1e9, event: { type: 'message.added', pad: 'x'.repeat(oversize) } }),
        Buffer.from([0, 1, 2, 3]),
      ];
      for (let i = 0; i < repeat; i += 1) for (const frame of frames) server.sendRaw(frame);
      // A well-formed envelope around a malformed event: sequenced, so the store must refuse it.
      await server.publishUnchecked({ type: 'message.added', message: { id: 'bad-1', kind: 'text' } });
      await server.publishUnchecked({ type: 'message.added' });
      await server.publishUnchecked({ type: 'message.updated', message: 'nope' });
      return { frames: frames.length * repeat, badEvents: 3 };
    },
    /** Server counters; `tokens` lists tokens whose hellos to count (`hellosByToken`, by token). */
    async stats({ conversationId, tokens = [] } = {}) {
      const { tokenKey } = await load();
      const counts = Object.fromEntries(server.data.agentMessageCounts());
      const thread = conversationId ? server.data.thread(conversationId).map((m) => m.id) : [];
      const stats = server.stats();
      const hellosByToken = Object.fromEntries(tokens.map((t) => [t, stats.hellosByToken[tokenKey(t)] ?? 0]));
      return { ...stats, hellosByToken, agentMessages: counts, thread };
    },
    report({ name, values }) {
      figures.push({ name, ...values });
      return true;
    },
  };

  return {
    name: 'agent-desk-ws-server',
    async executeCommand({ command, payload }) {
      if (command !== 'ws-server') return undefined;
      const op = ops[payload?.op];
      if (!op) throw new Error(`ws-server: unknown op ${payload?.op}`);
      if (!server && payload.op !== 'reset') throw new Error('ws-server: call { op: "reset" } first');
      return (await op(payload)) ?? null;
    },
    async serverStop() {
      await server?.stop();
      server = undefined;
      await database?.close();
      database = undefined;
      if (figures.length) {
        process.stdout.write('\nWebSocket fault tests — figures\n');
        const rows = figures.map(({ name, sent, lost, duplicated, recoverMs, ...rest }) => ({
          case: name,
          sent: sent ?? '',
          lost: lost ?? '',
          duplicated: duplicated ?? '',
          'recover ms': recoverMs ?? '',
          details: Object.entries(rest)
            .map(([key, value]) => `${key}=${value}`)
            .join(' '),
        }));
        console.table(rows);
      }
    },
  };
}
