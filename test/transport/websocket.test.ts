import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import type { ConnectionState, DeskErrorInfo } from '../../src/model/types.js';
import { WebSocketTransport } from '../../src/transport/websocket-transport.js';
import { PROTOCOL } from '../../src/transport/protocol.js';
import {
  CONVERSATION,
  allConfirmed,
  checkExactlyOnce,
  closeDesk,
  online,
  openDesk,
  recoveryMs,
  report,
  sendMany,
  server,
  thread,
  waitFor,
  type ServerStats,
} from './websocket-harness.js';

describe('WebSocketTransport against the reference server', () => {
  afterEach(() => closeDesk());

  it('signs in with the token in the first frame, loads the snapshot and goes online', async () => {
    const desk = await openDesk();
    expect(desk.url).not.to.contain('token');
    expect(desk.recorder.states.map((s) => s.state)[0]).to.equal('connecting');
    await online(desk);
    expect(desk.store.state.loaded).to.equal(true);
    expect(desk.store.state.agent.name).to.equal('Alex Martin');
    expect(thread(desk).length).to.be.greaterThan(0);
    const stats = await server<ServerStats>('stats', { tokens: ['test-token'] });
    expect(stats.hellosByToken['test-token']).to.equal(1);
    expect(desk.transport.stats.sessions).to.equal(1);
  });

  it('broadcasts to every agent: a message sent on one desk shows once, in the same place, on another', async () => {
    const a = await openDesk();
    const b = await openDesk({}, { reset: false });
    await online(a);
    await online(b);
    const ids = sendMany(a, 3, 'From A');
    await waitFor(
      () => allConfirmed(a, ids) && ids.every((c) => thread(b).filter((m) => m.clientId === c).length === 1),
      'the other desk shows them',
    );
    expect(thread(b).map((m) => m.id)).to.deep.equal(thread(a).map((m) => m.id));
    const stats = await server<ServerStats>('stats');
    expect(stats.open).to.equal(2);
  });

  it('refuses a command too large for the server locally, without losing the connection', async () => {
    // Valid for the desk (the schema allows 200,000 characters) but over this transport's command limit.
    const desk = await openDesk({ maxCommandSize: 100_000 });
    await online(desk);
    const message = desk.store.send(CONVERSATION, { kind: 'text', text: 'x'.repeat(150_000) })!;
    await waitFor(
      () => thread(desk).find((m) => m.clientId === message.clientId)?.status === 'failed',
      'marked failed',
    );
    expect(desk.errors.find((e) => e.code === 'send-failed')?.message).to.match(/too large/);
    const [small] = sendMany(desk, 1, 'Still fine');
    await waitFor(() => allConfirmed(desk, [small]), 'the next message goes through');
    expect(desk.transport.stats.attempts).to.equal(1);
  });

  it('refuses a token in the URL', () => {
    expect(() => new WebSocketTransport({ url: 'ws://127.0.0.1:1/desk?token=secret', token: 'secret' })).to.throw(
      /never in the URL/,
    );
  });

  it('applies commands: send is echoed once, block updates the visitor, loadHistory returns a page', async () => {
    const desk = await openDesk();
    await online(desk);
    const [clientId] = sendMany(desk, 1, 'Hello');
    await waitFor(() => allConfirmed(desk, [clientId]), 'message confirmed');
    const sent = thread(desk).find((m) => m.clientId === clientId)!;
    expect(sent.status).to.equal('sent');
    expect(sent.id).not.to.equal(clientId);

    desk.store.block('v-liam');
    await waitFor(() => desk.store.state.visitors.get('v-liam')?.blocked === true, 'visitor blocked');

    desk.store.loadHistory('v-emma');
    await waitFor(
      () => [...desk.store.state.conversations.keys()].some((id) => id.startsWith('c-emma-a')),
      'history page',
    );

    // An agent may not unblock: the server refuses, the store rolls back and reports it.
    const before = desk.errors.length;
    await desk.transport.send({ type: 'unblock', visitorId: 'v-liam' }).then(
      () => expect.fail('unblock should be refused'),
      (error: Error & { reason?: string }) => expect(error.reason).to.equal('rejected'),
    );
    expect(desk.errors.length).to.equal(before);
    await checkExactlyOnce(desk, [clientId], []);
  });

  it('a send that cannot be delivered in time rejects "offline"; the outbox resends it after reconnecting, once', async () => {
    const desk = await openDesk({ commandTimeoutMs: 400 });
    await online(desk);
    const start = performance.now();
    await server('restart', { downMs: 1200, wait: false });
    await waitFor(() => desk.store.state.connection !== 'online', 'connection lost');
    const clientIds = sendMany(desk, 3, 'While down');
    await waitFor(
      () => thread(desk).filter((m) => clientIds.includes(m.clientId!) && m.status === 'failed').length === 3,
      'marked failed',
    );
    expect(desk.errors.filter((e) => e.code === 'send-failed').length).to.equal(3);
    await waitFor(() => allConfirmed(desk, clientIds), 'resent after reconnect');
    const figures = await checkExactlyOnce(desk, clientIds, []);
    await report('offline send timeout + outbox resend', { ...figures, recoverMs: recoveryMs(desk, start) });
  });

  it('speaks the agent-desk.v1 sub-protocol', async () => {
    const desk = await openDesk();
    await online(desk);
    const socket = new WebSocket(desk.url, PROTOCOL);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    expect(socket.protocol).to.equal(PROTOCOL);
    const reply = new Promise<string>((resolve) =>
      socket.addEventListener('message', (e) => resolve(String(e.data)), { once: true }),
    );
    socket.send(JSON.stringify({ type: 'hello', v: 1, token: 'test-token' }));
    const welcome = JSON.parse(await reply) as { type: string; resumed: boolean; seq: number };
    expect(welcome.type).to.equal('welcome');
    expect(welcome.resumed).to.equal(false);
    socket.close();
  });

  it('the reference server refuses malformed client frames with codes', async () => {
    const desk = await openDesk();
    await online(desk);
    /** Opens a raw socket, sends frames, collects replies until it closes or goes quiet. */
    const talk = async (frames: string[]) => {
      const socket = new WebSocket(desk.url, PROTOCOL);
      const replies: { type: string; code?: string; id?: string }[] = [];
      let closeCode = 0;
      socket.addEventListener('message', (e) => replies.push(JSON.parse(String(e.data))));
      const closed = new Promise<void>((resolve) =>
        socket.addEventListener('close', (e) => {
          closeCode = e.code;
          resolve();
        }),
      );
      await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
      for (const frame of frames) socket.send(frame);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 300))]);
      socket.close();
      return { replies, closeCode };
    };
    const garbage = await talk(['not json']);
    expect(garbage.closeCode).to.equal(4400);
    expect(garbage.replies[0]).to.include({ type: 'error', code: 'bad-frame' });

    const first = await talk([JSON.stringify({ type: 'command', id: 'r1', command: { type: 'markRead' } })]);
    expect(first.closeCode, 'a command before hello').to.equal(4400);

    const version = await talk([JSON.stringify({ type: 'hello', v: 2, token: 'test-token' })]);
    expect(version.closeCode).to.equal(4400);
    expect(version.replies[0]).to.include({ code: 'unsupported-version' });

    const hello = JSON.stringify({ type: 'hello', v: 1, token: 'test-token' });
    const bad = await talk([
      hello,
      JSON.stringify({ type: 'command', id: 'r1', command: { type: 'launchRockets' } }),
      JSON.stringify({
        type: 'command',
        id: 'r2',
        command: {
          type: 'send',
          clientId: 'x',
          conversationId: CONVERSATION,
          at: 'now',
          content: { kind: 'text', text: 5 },
        },
      }),
      JSON.stringify({ type: 'command', id: 'r3', command: { type: 'markRead', conversationId: 'nope' } }),
    ]);
    expect(bad.closeCode, 'refused commands keep the connection').to.equal(0);
    const errors = bad.replies.filter((r) => r.type === 'error').map((r) => [r.id, r.code]);
    expect(errors).to.deep.equal([
      ['r1', 'invalid-command'],
      ['r2', 'invalid-command'],
      ['r3', 'unknown-conversation'],
    ]);
  });

  it('shows "Reconnecting…" in the desk while the server is down and clears it without a reload', async () => {
    // The desk's layout observers may report a benign "ResizeObserver loop" error while it re-renders.
    const previous = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('ResizeObserver loop') ? true : previous?.(message, ...rest);
    try {
      const desk = await openDesk();
      const el = await fixture<ChatDesk>(html`<chat-desk .store=${desk.store} style="height: 500px"></chat-desk>`);
      await online(desk);
      const banner = () => el.shadowRoot!.querySelector('[part="connection"]')!.textContent!.trim();
      await el.updateComplete;
      expect(banner()).to.equal('');
      const start = performance.now();
      await server('restart', { downMs: 600, wait: false });
      await waitFor(() => banner() === 'Reconnecting…', 'banner shown');
      await online(desk);
      await el.updateComplete;
      expect(banner()).to.equal('');
      await report('desk banner through a restart', { recoverMs: recoveryMs(desk, start) });
    } finally {
      window.onerror = previous;
    }
  });
});

/** A WebSocket whose connections are always refused (for timing the backoff without a server). */
class RefusedSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: number[] = [];
  static closed: number[] = [];
  readyState = 0;
  protocol = '';
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  constructor() {
    RefusedSocket.opened.push(Date.now());
    setTimeout(() => {
      this.readyState = 3;
      RefusedSocket.closed.push(Date.now());
      this.onclose?.({ code: 1006, reason: '' });
    }, 0);
  }
  send(): void {}
  close(): void {}
}

describe('WebSocketTransport reconnect backoff', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: 0,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    RefusedSocket.opened = [];
    RefusedSocket.closed = [];
  });
  afterEach(() => clock.restore());

  const run = async (random: () => number) => {
    const states: ConnectionState[] = [];
    const errors: DeskErrorInfo[] = [];
    const transport = new WebSocketTransport({
      url: 'ws://127.0.0.1:9/desk',
      token: 't',
      random,
      backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 },
      WebSocket: RefusedSocket as unknown as typeof WebSocket,
    });
    transport.connect({ event: () => undefined, connection: (s) => states.push(s), error: (e) => errors.push(e) });
    await clock.tickAsync(5000);
    transport.close();
    const { opened, closed } = RefusedSocket;
    RefusedSocket.opened = [];
    RefusedSocket.closed = [];
    // From each refusal to the next attempt.
    return { delays: opened.slice(1).map((t, i) => t - closed[i]), states, errors };
  };

  it('doubles the delay per failed attempt up to the maximum', async () => {
    const { delays, states, errors } = await run(() => 0.5);
    expect(delays.slice(0, 7)).to.deep.equal([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(states[0]).to.equal('connecting');
    expect(states.at(-1)).to.equal('offline');
    expect(errors).to.have.length(0);
  });

  it('spreads the delays by the jitter (±50 %)', async () => {
    const low = await run(() => 0);
    expect(low.delays.slice(0, 5)).to.deep.equal([50, 100, 200, 400, 500]);
    const high = await run(() => 0.999);
    expect(high.delays.slice(0, 4).map((d) => Math.round(d / 10) * 10)).to.deep.equal(
      [150, 300, 600, 1200].map((d) => Math.round((d * 0.999) / 10) * 10),
    );
  });
});

/** A WebSocket to a scripted server: welcomes any hello, answers pings while `answering`. */
class ScriptedSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static answering = true;
  static pings: number[] = [];
  static sockets = 0;
  readyState = 0;
  protocol = PROTOCOL;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  constructor() {
    ScriptedSocket.sockets += 1;
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string): void {
    const frame = JSON.parse(data) as { type: string; t?: number };
    const reply = (value: unknown) => setTimeout(() => this.onmessage?.({ data: JSON.stringify(value) }), 0);
    if (frame.type === 'hello') {
      reply({ type: 'welcome', v: 1, stream: 's', seq: 0, resumed: false, heartbeatMs: 4000 });
      reply({ type: 'event', seq: 0, event: { type: 'snapshot', visitors: [], conversations: [], messages: [] } });
    } else if (frame.type === 'ping') {
      ScriptedSocket.pings.push(Date.now());
      if (ScriptedSocket.answering) reply({ type: 'pong', t: frame.t, seq: 0 });
    }
  }
  close(): void {
    this.readyState = 3;
  }
}

describe('WebSocketTransport heartbeat', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: 0,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    Object.assign(ScriptedSocket, { answering: true, pings: [], sockets: 0 });
  });
  afterEach(() => clock.restore());

  it('pings every 4 s (what the server suggests) and gives up a silent connection within 10 s', async () => {
    const states: ConnectionState[] = [];
    const transport = new WebSocketTransport({
      url: 'ws://127.0.0.1:9/desk',
      token: 't',
      random: () => 0.5,
      WebSocket: ScriptedSocket as unknown as typeof WebSocket,
    });
    transport.connect({ event: () => undefined, connection: (s) => states.push(s), error: () => undefined });
    await clock.tickAsync(17_000);
    const pings = ScriptedSocket.pings;
    expect(pings).to.have.length(4);
    expect(pings.slice(1).map((t, i) => t - pings[i])).to.deep.equal([4_000, 4_000, 4_000]);
    expect(pings[0]).to.be.within(4_000, 4_010);
    expect(states).to.deep.equal(['connecting', 'online']);

    ScriptedSocket.answering = false; // last sign of life: the pong at 16 s
    await clock.tickAsync(8_900); // 24.9 s: silent for 8.9 s, still trusted (timeout 2 × 4 s + 1 s)
    expect(transport.stats.deadConnections).to.equal(0);
    await clock.tickAsync(1_100); // 26 s: found out within 10 s of the last frame (checked every second)
    expect(transport.stats.deadConnections).to.equal(1);
    expect(ScriptedSocket.pings.length, 'not chatty: one ping per 4 s').to.equal(6);
    await clock.tickAsync(1_000);
    expect(ScriptedSocket.sockets, 'reconnected (backoff 500 ms)').to.equal(2);
    expect(states).to.deep.equal(['connecting', 'online', 'reconnecting', 'online']);
    transport.close();
  });

  it('does not call a connection dead when its own timers were throttled (hidden tab, sleep)', async () => {
    const transport = new WebSocketTransport({
      url: 'ws://127.0.0.1:9/desk',
      token: 't',
      WebSocket: ScriptedSocket as unknown as typeof WebSocket,
    });
    transport.connect({ event: () => undefined, connection: () => undefined, error: () => undefined });
    await clock.tickAsync(1_000);
    // The page's clock jumps 2 minutes while no timer ran; the server is fine and answers the next ping.
    clock.setSystemTime(Date.now() + 120_000);
    await clock.tickAsync(10_000);
    expect(transport.stats.deadConnections).to.equal(0);
    expect(transport.connection).to.equal('online');
    // A server that stays silent is still found out once the timers run on time again.
    ScriptedSocket.answering = false;
    await clock.tickAsync(11_000);
    expect(transport.stats.deadConnections).to.equal(1);
    transport.close();
  });
});
