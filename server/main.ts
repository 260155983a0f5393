/**
 * Runs the reference server.
 *
 *   tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--data-dir .desk-data]
 *                      [--database-url postgres://…] [--token-secret …] [--allow-origin https://…]…
 *                      [--fixtures desk.json] [--no-simulate] [--demo]
 *
 * Storage: PGlite in `--data-dir` (default `.desk-data/`), or PostgreSQL with `--database-url`
 * (or `DATABASE_URL`); several instances may share one PostgreSQL database (see docs/server.md).
 * Tokens: HMAC-signed with `--token-secret` (or `DESK_TOKEN_SECRET`).
 * `--fixtures`: what an empty database starts with, `{ "fixtures": {…}, "assignments": {…} }`
 * (default: the demo desk).
 * `--demo` (what `npm run demo:server` uses): the demo data and simulator, a random secret if none
 * is given, and `GET /demo-token?role=agent|manager` handing out signed tokens to the demo page.
 * Prints one line `listening <ws url>` once it accepts connections.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoFixtures } from '../src/transport/demo-fixtures.js';
import { signToken } from './auth.js';
import { DeskServer, type DeskServerOptions } from './desk-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env.DESK_DATA_DIR ?? '.desk-data' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    'token-secret': { type: 'string', default: process.env.DESK_TOKEN_SECRET },
    'allow-origin': { type: 'string', multiple: true, default: process.env.DESK_ALLOWED_ORIGINS?.split(',') },
    fixtures: { type: 'string' },
    'no-simulate': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    /** Where the page serves the demo's images (a folder URL): this process's own copy would be file: URLs. */
    images: { type: 'string' },
  },
});

const secret = values['token-secret'] ?? (values.demo ? randomBytes(24).toString('base64url') : undefined);
if (!secret) {
  console.error('agent-desk server: set --token-secret (or DESK_TOKEN_SECRET), or run with --demo');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`agent-desk server: --port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const seed = values.fixtures
  ? (JSON.parse(readFileSync(values.fixtures, 'utf8')) as Pick<DeskServerOptions, 'fixtures' | 'assignments'>)
  : { fixtures: demoFixtures(new Date(), values.images ? { images: values.images } : {}) };
const fixtures = seed.fixtures;
const agent = fixtures.agent ?? { id: 'a-alex', name: 'Alex Martin' };
const allowed = values['allow-origin']?.filter(Boolean);

const server = new DeskServer({
  fixtures,
  ...(seed.assignments ? { assignments: seed.assignments } : {}),
  tokenSecret: secret,
  ...(allowed?.length ? { allowedOrigins: allowed } : {}),
  ...(values['database-url'] ? { databaseUrl: values['database-url'] } : { dataDir: values['data-dir'] }),
  host: values.host,
  port,
  simulate: values.demo && !values['no-simulate'],
  http: values.demo
    ? (request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname !== '/demo-token') return false;
        // Demo only: a real backend hands tokens to signed-in staff, never to whoever asks.
        const role = url.searchParams.get('role') === 'manager' ? 'manager' : 'agent';
        const origin = request.headers.origin;
        response.writeHead(200, {
          'content-type': 'text/plain',
          'cache-control': 'no-store',
          ...(origin && (!allowed?.length || allowed.includes(origin))
            ? { 'access-control-allow-origin': origin }
            : {}),
        });
        response.end(signToken(secret, { sub: agent.id, name: agent.name, role }, 3600));
        return true;
      }
    : undefined,
});

const url = await server.start();
const storage = values['database-url'] ? 'PostgreSQL' : `PGlite in ${values['data-dir']}`;
console.log(`agent-desk reference server (${storage}, sub-protocol agent-desk.v1)`);
console.log(`listening ${url}`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop({ graceful: true });
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
