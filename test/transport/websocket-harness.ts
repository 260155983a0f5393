// Shared setup for the WebSocket tests: a real reference server (started by the test runner,
// see scripts/wtr/ws-server-plugin.mjs), a WebSocketTransport with short test timings, and a
// DeskStore on top. Every check is about what the agent and the server end up with.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ConnectionState, DeskErrorInfo, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import type { Outbox } from '../../src/store/outbox.js';
import type { Transport, TransportSink } from '../../src/transport/transport.js';
import { WebSocketTransport, type WebSocketTransportOptions } from '../../src/transport/websocket-transport.js';

export const CONVERSATION = 'c-emma';

export interface ServerStats {
  stream: string;
  seq: number;
  connections: number;
  hellosByToken: Record<string, number>;
  authFailures: number;
  resumes: number;
  snapshots: number;
  sendsReceived: number;
  duplicateSends: number;
  open: number;
  agentMessages: Record<string, number>;
  thread: string[];
}

export function server<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
  return executeServerCommand<T, Record<string, unknown>>('ws-server', { op, ...args });
}

/** Records what reaches the store, in order (the transport's output, before the store's own checks). */
class RecordingTransport implements Transport {
  readonly events: unknown[] = [];
  readonly states: { state: ConnectionState; at: number }[] = [];
  constructor(readonly inner: WebSocketTransport) {}
  connect(sink: TransportSink): void {
    this.inner.connect({
      event: (raw) => {
        this.events.push(raw);
        sink.event(raw);
      },
      connection: (state) => {
        this.states.push({ state, at: performance.now() });
        sink.connection(state);
      },
      error: (error) => sink.error(error),
    });
  }
  send = (command: Parameters<Transport['send']>[0]) => this.inner.send(command);
  close = () => this.inner.close();
}

export interface Desk {
  store: DeskStore;
  transport: WebSocketTransport;
  recorder: RecordingTransport;
  errors: DeskErrorInfo[];
  url: string;
  destroy(): void;
}

const open = new Set<Desk>();
let endpoint: { url: string; token: string } | undefined;

export interface DeskSetup {
  /** Start from fresh server data and close every desk first (default true). */
  reset?: boolean;
  /** The store's outbox (default: in memory). */
  outbox?: Outbox;
}

/** A transport with test timings and a store on it (by default on fresh server data). */
export async function openDesk(
  options: Partial<WebSocketTransportOptions> = {},
  { reset = true, outbox }: DeskSetup = {},
): Promise<Desk> {
  if (reset || !endpoint) {
    closeDesk();
    endpoint = await server<{ url: string; token: string }>('reset', { heartbeatMs: 1000 });
  }
  const { url, token } = endpoint;
  const transport = new WebSocketTransport({
    url,
    token,
    heartbeatMs: 250,
    // Generous, so a busy machine never looks like a dead link (the silent-link test sets 800 ms).
    heartbeatTimeoutMs: 2000,
    backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 },
    commandTimeoutMs: 5000,
    gapTimeoutMs: 200,
    maxFrameSize: 64 * 1024,
    ...options,
  });
  const recorder = new RecordingTransport(transport);
  const store = new DeskStore({
    transport: recorder,
    batching: 'sync',
    agent: { id: 'a-alex', name: 'Alex Martin' },
    ...(outbox ? { outbox } : {}),
  });
  const errors: DeskErrorInfo[] = [];
  const subscription = store.errors$.subscribe((error) => errors.push(error));
  const desk: Desk = {
    store,
    transport,
    recorder,
    errors,
    url,
    destroy() {
      subscription.unsubscribe();
      store.destroy();
      open.delete(desk);
    },
  };
  open.add(desk);
  return desk;
}

export function closeDesk(): void {
  for (const desk of [...open]) desk.destroy();
}

export async function waitFor(check: () => boolean, label: string, timeoutMs = 8000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  return performance.now() - start;
}

export function online(desk: Desk): Promise<number> {
  return waitFor(() => desk.store.state.connection === 'online', 'connection online');
}

export function thread(desk: Desk, conversationId = CONVERSATION): readonly Message[] {
  return desk.store.state.threads.get(conversationId)?.messages ?? [];
}

/** Sends `count` agent texts; returns their client ids in order. */
export function sendMany(desk: Desk, count: number, label: string, conversationId = CONVERSATION): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const message = desk.store.send(conversationId, { kind: 'text', text: `${label} ${i}` });
    expect(message, `send ${label} ${i}`).to.exist;
    ids.push(message!.clientId!);
  }
  return ids;
}

/** Every listed agent message confirmed by the server (no longer sending or failed). */
export function allConfirmed(desk: Desk, clientIds: readonly string[], conversationId = CONVERSATION): boolean {
  const messages = thread(desk, conversationId);
  return clientIds.every((clientId) =>
    messages.some(
      (m) => m.clientId === clientId && m.id !== clientId && m.status !== 'sending' && m.status !== 'failed',
    ),
  );
}

export function hasAll(desk: Desk, ids: readonly string[], conversationId = CONVERSATION): boolean {
  const known = new Set(thread(desk, conversationId).map((m) => m.id));
  return ids.every((id) => known.has(id));
}

export interface Figures {
  sent: number;
  lost: number;
  duplicated: number;
  serverMessages: number;
  sendFramesAtServer: number;
  resendsDeduplicated: number;
  recoverMs?: number;
  [key: string]: unknown;
}

/**
 * The invariant of every fault test: each agent message exactly once at the server and once in
 * the thread; each server message delivered and shown exactly once, in the server's order; the
 * thread equals the server's thread. Returns the figures.
 */
export async function checkExactlyOnce(
  desk: Desk,
  clientIds: readonly string[],
  serverIds: readonly string[],
  { conversationId = CONVERSATION, agentOrder = true }: { conversationId?: string; agentOrder?: boolean } = {},
): Promise<Figures> {
  const stats = await server<ServerStats>('stats', { conversationId });
  const messages = thread(desk, conversationId);

  let lost = 0;
  let duplicated = 0;
  for (const clientId of clientIds) {
    const atServer = stats.agentMessages[clientId] ?? 0;
    const inThread = messages.filter((m) => m.clientId === clientId).length;
    if (atServer === 0 || inThread === 0) lost += 1;
    duplicated += Math.max(0, atServer - 1) + Math.max(0, inThread - 1);
  }
  // Server messages: delivered to the store at most once as message.added, shown once, in order.
  const deliveries = new Map<string, number>();
  for (const raw of desk.recorder.events) {
    const event = raw as { type?: string; message?: { id?: string } };
    if (event.type === 'message.added' && event.message?.id) {
      deliveries.set(event.message.id, (deliveries.get(event.message.id) ?? 0) + 1);
    }
  }
  for (const id of serverIds) {
    const shown = messages.filter((m) => m.id === id).length;
    if (shown === 0) lost += 1;
    duplicated += Math.max(0, shown - 1) + Math.max(0, (deliveries.get(id) ?? 0) - 1);
  }
  for (const [id, count] of deliveries) if (count > 1 && !serverIds.includes(id)) duplicated += count - 1;

  expect(lost, 'messages lost').to.equal(0);
  expect(duplicated, 'messages duplicated').to.equal(0);
  const shownOrder = messages.map((m) => m.id).filter((id) => serverIds.includes(id));
  expect(shownOrder, 'server messages in order').to.deep.equal([...serverIds]);
  if (agentOrder) {
    // Queued and resent commands keep the order the agent wrote them in.
    const agentShown = messages.map((m) => m.clientId).filter((id): id is string => !!id && clientIds.includes(id));
    expect(agentShown, 'agent messages in the order written').to.deep.equal([...clientIds]);
  }
  expect(
    messages.map((m) => m.id),
    'the thread is the server thread',
  ).to.deep.equal(stats.thread);
  expect(desk.store.state.connection).to.equal('online');

  return {
    sent: clientIds.length,
    lost,
    duplicated,
    serverMessages: serverIds.length,
    sendFramesAtServer: stats.sendsReceived,
    resendsDeduplicated: stats.duplicateSends,
  };
}

/** Time from `since` until the store was online again. */
export function recoveryMs(desk: Desk, since: number): number | undefined {
  const back = desk.recorder.states.find((s) => s.at >= since && s.state === 'online');
  return back ? Math.round(back.at - since) : undefined;
}

export async function report(name: string, values: Record<string, unknown>): Promise<void> {
  console.log(`[ws-figures] ${name}: ${JSON.stringify(values)}`);
  await server('report', { name, values });
}
