// The demo desk over a real WebSocket: `npm run demo:server` starts the reference server
// (server/main.ts --demo) and Vite in separate processes, and prints this page's address.
// `?ws=` sets the server URL (default ws://<this host>:8787/desk); `?role=manager` signs in a
// manager (who may unblock visitors); `?lang=fr`, `?theme=dark`, `?layout=2` as in the main demo.
import '../src/define.js';
import { DeskStore } from '../src/store/desk-store.js';
import { IndexedDbOutbox } from '../src/store/outbox-idb.js';
import { WebSocketTransport } from '../src/transport/websocket-transport.js';
import { applyComposerExtras } from './demo-extras.js';

const params = new URLSearchParams(location.search);
const url = params.get('ws') ?? `ws://${location.hostname}:8787/desk`;
const role = params.get('role') === 'manager' ? 'manager' : 'agent';
// The demo server hands out signed, short-lived tokens at /demo-token, next to the WebSocket.
const tokenUrl = new URL('/demo-token', url.replace(/^ws/, 'http'));
tokenUrl.searchParams.set('role', role);

const transport = new WebSocketTransport({
  url,
  // A real page fetches a short-lived token from its own backend here (before every connection).
  getToken: async () => {
    const response = await fetch(tokenUrl);
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    return response.text();
  },
});
const store = new DeskStore({ transport, outbox: new IndexedDbOutbox({ name: 'agent-desk-ws-demo' }) });

const desk = document.querySelector('chat-desk');
if (desk) {
  const lang = params.get('lang');
  const theme = params.get('theme');
  const layout = params.get('layout');
  if (lang) desk.setAttribute('lang', lang);
  if (theme === 'light' || theme === 'dark') desk.theme = theme;
  if (layout) desk.setAttribute('layout', layout);
  desk.store = store;
  applyComposerExtras(desk);
  desk.addEventListener('desk-error', (event) => console.warn('[demo] desk-error', event.detail));
}
// For poking at it from the console.
Object.assign(globalThis, { deskStore: store, deskTransport: transport });
