// npm run demo:server [-- --port 8787] [--page-port 5180] [--data-dir .desk-data] [--database-url …]
//
// The demo desk over WebSocket: the reference server (server/main.ts --demo, PGlite in .desk-data/
// unless --database-url) and the page (Vite) as two processes, so restarting the server does not
// reload the page: the desk shows "Reconnecting…", then resumes with everything intact.
// Type `rs` + Enter to restart the server alone; Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'page-port': { type: 'string', default: '5180' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
  },
});
for (const name of ['port', 'page-port']) {
  const port = Number(values[name]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`demo:server: --${name} must be a port number, not "${values[name]}"`);
    process.exit(2);
  }
}

// The demo's images come from the page's server (Vite serves the source folder).
const images = `http://127.0.0.1:${values['page-port']}/src/transport/demo-images/`;
const serverArgs = ['--import', 'tsx', 'server/main.ts', '--demo', '--port', values.port, '--images', images];
if (values['data-dir']) serverArgs.push('--data-dir', values['data-dir']);
if (values['database-url']) serverArgs.push('--database-url', values['database-url']);

let server;
let stopping = false;
let serverUrl = `ws://127.0.0.1:${values.port}/desk`;

/** Starts a child; resolves with the first stdout line matching `ready` (bounded: 120 s). */
function run(label, args, ready) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (text) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${label}] ${line}\n`)
      .join('');
  const started = new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${label} did not start in 120 s`)), 120_000);
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      process.stdout.write(prefix(text));
      output += text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code})`));
    });
  });
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk.toString())));
  return { child, started };
}

async function startServer() {
  server = run('server', serverArgs, /^listening (ws:\S+)/m);
  server.child.once('exit', (code, signal) => {
    if (!stopping)
      console.log(`[demo] the server stopped (${signal ?? code}); the page stays. Type rs + Enter to start it again.`);
  });
  serverUrl = await server.started;
  return serverUrl;
}

function stopServer() {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const page = run(
  'page',
  [
    'node_modules/vite/bin/vite.js',
    '--config',
    'vite.config.mjs',
    '--port',
    values['page-port'],
    '--host',
    '127.0.0.1',
    '--clearScreen',
    'false',
  ],
  /Local:\s+(http:\/\/\S+)/,
);

const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  page.child.kill('SIGTERM');
  await stopServer();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

try {
  const [ws, pageUrl] = await Promise.all([startServer(), page.started]);
  const base = pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`;
  console.log(`\n[demo] server (WebSocket): ${ws}`);
  console.log(`[demo] page:               ${base}demo/ws.html?ws=${encodeURIComponent(ws)}`);
  console.log(`[demo] as a manager:       ${base}demo/ws.html?ws=${encodeURIComponent(ws)}&role=manager`);
  console.log('[demo] rs + Enter restarts the server alone (the page stays and resumes); Ctrl+C stops both.\n');
} catch (error) {
  console.error(`[demo] ${error.message}`);
  await shutdown();
}

page.child.once('exit', () => void shutdown());
if (process.stdin.isTTY || !process.stdin.readableEnded) {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'rs' || stopping) return;
    console.log('[demo] restarting the server…');
    void stopServer()
      .then(startServer)
      .then((url) => console.log(`[demo] server back on ${url}`))
      .catch((error) => console.error(`[demo] ${error.message}`));
  });
}
