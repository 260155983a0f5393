/**
 * Runs the reference server with the demo data and simulator.
 *
 *   tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--token demo-token] [--no-simulate] [--demo]
 *
 * `--demo` (what `npm run demo:server` uses) also starts the Vite dev server and prints the
 * address of demo/ws.html, the demo desk connected through WebSocketTransport.
 */
import { parseArgs } from 'node:util';
import { demoFixtures } from '../src/transport/demo-fixtures.js';
import { DeskServer } from './desk-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string', default: process.env.DESK_TOKEN ?? 'demo-token' },
    'no-simulate': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
  },
});

// `--demo`: Vite serves the page, and the demo's images from the source folder (this process's
// copy of the data would otherwise point them at file: URLs, which a page never shows).
let closeVite: (() => Promise<void>) | undefined;
let page: string | undefined;
if (values.demo) {
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: 'vite.config.mjs', server: { port: 5180, strictPort: false } });
  await vite.listen();
  page = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5180/';
  closeVite = () => vite.close();
}

const fixtures = demoFixtures(new Date(), page ? { images: new URL('src/transport/demo-images/', page) } : {});
const agent = fixtures.agent ?? { id: 'a-alex', name: 'Alex Martin' };
const server = new DeskServer({
  fixtures,
  tokens: {
    [values.token]: agent,
    // A second sign-in with the manager role (can unblock visitors).
    [`${values.token}-manager`]: { ...agent, role: 'manager' },
  },
  host: values.host,
  port: Number(values.port),
  simulate: !values['no-simulate'],
});

const url = await server.start();
console.log(`agent-desk reference server: ${url} (sub-protocol agent-desk.v1, token "${values.token}")`);

if (page) console.log(`demo over WebSocket: ${page}demo/ws.html?ws=${encodeURIComponent(url)}`);

const shutdown = async () => {
  await Promise.all([server.stop({ graceful: true }), closeVite?.()]);
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
