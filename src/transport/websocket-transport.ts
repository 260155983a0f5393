import type { ClientCommand, ConnectionState, DeskErrorInfo } from '../model/types.js';
import {
  CloseCode,
  PROTOCOL,
  PROTOCOL_VERSION,
  parseServerFrame,
  type ClientFrame,
  type CommandAckFrame,
  type ErrorFrame,
  type EventFrame,
  type WelcomeFrame,
} from './protocol.js';
import { TransportError, describeError, type Transport, type TransportSink } from './transport.js';

export interface WebSocketTransportOptions {
  /** `ws:` or `wss:` URL of the desk endpoint. Never put the token in it. */
  url: string;
  /** Access token, sent in the first frame after connecting. */
  token?: string;
  /** Called before every connection attempt (takes precedence over `token`): return a fresh token. */
  getToken?: () => string | Promise<string>;
  /** Ping interval in ms (default: what the server's welcome suggests, else 4 000). */
  heartbeatMs?: number;
  /**
   * Silence after which the connection is considered dead, in ms (default 2 × heartbeat + 1 s:
   * 9 s with 4 s pings, checked every second, so a silent link is noticed within 10 s).
   */
  heartbeatTimeoutMs?: number;
  /** Reconnect delays: `initialMs` doubled per failed attempt up to `maxMs`, each randomised by ±`jitter` (0–1). */
  backoff?: { initialMs?: number; maxMs?: number; jitter?: number };
  /** A command not acknowledged within this time rejects (`offline` if never written, else `timeout`). Default 15 000. */
  commandTimeoutMs?: number;
  /** Frames longer than this (characters) are dropped and reported. Default 4 MiB. */
  maxFrameSize?: number;
  /**
   * Commands longer than this once serialised (characters) are refused at once (`rejected`) rather
   * than sent to a server that would close the connection over them. Default 256 Ki characters
   * (at most 768 KiB of UTF-8; the reference server accepts 1 MiB).
   */
  maxCommandSize?: number;
  /**
   * How long an out-of-order event waits for the missing ones before the client asks for a replay
   * (default 1 000 ms). Further asks for the same gap wait twice as long each time (at most 30 s).
   */
  gapTimeoutMs?: number;
  /** Random source for the jitter (tests). */
  random?: () => number;
  /** WebSocket constructor (tests, or a Node polyfill). */
  WebSocket?: typeof WebSocket;
}

/** Counters for monitoring and the fault tests. */
export interface WebSocketTransportStats {
  /** Sockets opened (first connection included). */
  attempts: number;
  /** Welcomes received. */
  sessions: number;
  /** Sessions that resumed (the server replayed missed events) rather than sending a snapshot. */
  resumed: number;
  eventsDelivered: number;
  duplicatesDropped: number;
  /** Events that arrived ahead of a missing one and waited for it. */
  reordered: number;
  /** Replays requested on an open connection because of a gap. */
  gapReplays: number;
  /** Snapshots requested on an open connection because a replay did not fill a gap. */
  gapSnapshots: number;
  invalidFrames: number;
  /** Connections closed by the client because the server went silent. */
  deadConnections: number;
}

interface Pending {
  id: string;
  command: ClientCommand;
  resolve: () => void;
  reject: (error: TransportError) => void;
  timer: ReturnType<typeof setTimeout>;
  written: boolean;
}

const DEFAULT_HEARTBEAT = 4_000;
/** Asks for one gap (replay, then snapshots) before giving the connection up and reconnecting. */
const MAX_GAP_ASKS = 5;
const MAX_GAP_DELAY = 30_000;
/** Commands that are only worth sending now: dropped (resolved) while disconnected. */
const VOLATILE = new Set<ClientCommand['type']>(['typing']);
const MAX_BUFFERED_EVENTS = 10_000;
const MAX_INVALID_REPORTS = 20;

const refusedToken = (detail: string) =>
  `The server refused the access token${detail}; not reconnecting until there is a new token.`;

/**
 * A Transport over WebSocket speaking the `agent-desk.v1` protocol (docs/protocol.md).
 *
 * - Authenticates with a token in the first frame (never in the URL); a refused token is
 *   reported once and ends retrying until `reconnect()`.
 * - Heartbeat (application ping/pong) detects dead connections; reconnects with exponential
 *   backoff and jitter.
 * - Resumes from the last event sequence number, so the server replays what was missed;
 *   duplicated or re-ordered events are delivered once, in order.
 * - Commands issued while disconnected are queued and sent in order after reconnecting;
 *   a command not acknowledged in time rejects, so the store can mark it failed and resend.
 * - Every inbound frame is size-limited and validated; a bad frame is reported and dropped.
 */
export class WebSocketTransport implements Transport {
  private readonly options: WebSocketTransportOptions;
  private readonly WS: typeof WebSocket;
  private readonly random: () => number;
  private sink: TransportSink | undefined;
  private socket: WebSocket | undefined;
  private state: ConnectionState = 'offline';
  /** Set once a connection was welcomed (later attempts are "reconnecting"). */
  private everOnline = false;
  private welcomed = false;
  /** Caught up with the server after a welcome (snapshot or replay delivered): "online". */
  private synced = false;
  /** A new session: the snapshot must come before anything else. */
  private awaitingSnapshot = false;
  private syncTarget = 0;
  private closed = false;
  private stopped = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private helloTimer: ReturnType<typeof setTimeout> | undefined;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFrameAt = 0;
  private heartbeatMs: number;
  /** Stream position: the last event delivered to the sink. */
  private stream: string | undefined;
  private lastSeq = -1;
  private ackedSeq = -1;
  private readonly early = new Map<number, EventFrame>();
  /** Asks made for the current gap (0: none yet; then a replay was asked, later ones are snapshots); reset when events fill it. */
  private gapAsks = 0;
  private invalidReported = 0;
  /** The next event's seq, read from the start of a frame too large to parse. */
  private tooLarge = -1;
  /**
   * The newest seq the server CLAIMS (welcome, pongs): only a hint that events exist, so a lost
   * trailing event is noticed. It never counts as delivered; a snapshot replaces an unproven claim.
   */
  private hintSeq = -1;
  private requestCounter = 0;
  /** Commands not acknowledged yet, in issue order; `written` ones went out on the current socket. */
  private readonly pending: Pending[] = [];
  private readonly counters: WebSocketTransportStats = {
    attempts: 0,
    sessions: 0,
    resumed: 0,
    eventsDelivered: 0,
    duplicatesDropped: 0,
    reordered: 0,
    gapReplays: 0,
    gapSnapshots: 0,
    invalidFrames: 0,
    deadConnections: 0,
  };
  private readonly onBrowserOnline = () => {
    if (this.retryTimer && !this.stopped) this.reconnectNow();
  };

  constructor(options: WebSocketTransportOptions) {
    if (!options.token && !options.getToken) throw new TypeError('WebSocketTransport needs a token or getToken');
    if (/[?&](token|access_token)=/i.test(options.url)) {
      throw new TypeError('WebSocketTransport: the token goes in options, never in the URL');
    }
    this.options = options;
    this.WS = options.WebSocket ?? globalThis.WebSocket;
    this.random = options.random ?? Math.random;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT;
  }

  /** Current connection state. */
  get connection(): ConnectionState {
    return this.state;
  }

  /** A copy of the counters. */
  get stats(): WebSocketTransportStats {
    return { ...this.counters };
  }

  connect(sink: TransportSink): void {
    if (this.sink) throw new Error('WebSocketTransport is already connected');
    this.sink = sink;
    globalThis.addEventListener?.('online', this.onBrowserOnline);
    this.open();
  }

  send(command: ClientCommand): Promise<void> {
    if (this.closed) return Promise.reject(new TransportError('offline', 'The transport is closed'));
    if (this.stopped) return Promise.reject(new TransportError('offline', 'Not connected (reconnecting stopped)'));
    if (VOLATILE.has(command.type) && !this.synced) return Promise.resolve();
    const size = JSON.stringify(command).length;
    const limit = this.options.maxCommandSize ?? 256 * 1024;
    if (size > limit) {
      return Promise.reject(
        new TransportError('rejected', `${command.type} is too large (${size} > ${limit} characters)`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const entry: Pending = {
        id: `r${(this.requestCounter += 1)}`,
        command,
        resolve,
        reject,
        written: false,
        timer: setTimeout(() => {
          this.settle(
            entry,
            entry.written && this.synced
              ? new TransportError('timeout', `${command.type} not acknowledged in time`)
              : new TransportError('offline', `${command.type} not delivered: offline`),
          );
        }, this.options.commandTimeoutMs ?? 15_000),
      };
      this.pending.push(entry);
      if (this.synced) this.write(entry);
    });
  }

  /** Closes for good: no reconnect, pending commands reject `offline`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopped = true;
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    this.teardown(1000);
    this.rejectAll('The transport is closed');
    this.setState('offline');
    this.sink = undefined;
  }

  /** Connects again at once (e.g. after a refused token, with `getToken` now returning a new one). */
  reconnect(): void {
    if (this.closed || !this.sink) return;
    this.stopped = false;
    this.reconnectNow();
  }

  // ---- connection ------------------------------------------------------------------------

  private open(): void {
    if (this.closed || this.stopped) return;
    this.retryTimer = undefined;
    this.setState(this.everOnline ? 'reconnecting' : 'connecting');
    this.counters.attempts += 1;
    let socket: WebSocket;
    try {
      socket = new this.WS(this.options.url, PROTOCOL);
    } catch (error) {
      this.report({ code: 'transport', message: `Cannot open ${this.options.url}: ${describeError(error)}` });
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.welcomed = false;
    this.synced = false;
    this.awaitingSnapshot = false;
    this.early.clear();
    this.gapAsks = 0;
    this.invalidReported = 0;
    socket.onopen = () => void this.hello(socket);
    socket.onmessage = (event: MessageEvent) => this.receive(socket, event.data);
    socket.onclose = (event: CloseEvent) => this.lost(socket, event.code, event.reason);
    socket.onerror = () => undefined; // a close event always follows
    // A server that never answers the handshake or the hello counts as dead too.
    this.helloTimer = setTimeout(() => this.dead(socket), this.heartbeatTimeout());
  }

  private async hello(socket: WebSocket): Promise<void> {
    let token: string;
    try {
      token = this.options.getToken ? await this.options.getToken() : this.options.token!;
    } catch (error) {
      this.report({ code: 'unauthorized', message: `No access token: ${describeError(error)}` });
      this.stop(socket);
      return;
    }
    if (socket !== this.socket) return;
    this.lastFrameAt = Date.now();
    this.writeFrame({
      type: 'hello',
      v: PROTOCOL_VERSION,
      token,
      ...(this.stream !== undefined ? { resume: { stream: this.stream, seq: this.lastSeq } } : {}),
    });
  }

  private welcome(frame: WelcomeFrame): void {
    clearTimeout(this.helloTimer);
    this.counters.sessions += 1;
    // A frame too large on an earlier connection says nothing about this one.
    this.tooLarge = -1;
    if (frame.resumed && frame.stream === this.stream) {
      this.counters.resumed += 1;
    } else {
      // A snapshot comes next; it (not the welcome's seq) sets the position.
      this.stream = frame.stream;
      this.lastSeq = -1;
      this.ackedSeq = -1;
      this.awaitingSnapshot = true;
    }
    this.hintSeq = frame.seq;
    this.syncTarget = frame.seq;
    this.welcomed = true;
    this.heartbeatMs = this.options.heartbeatMs ?? frame.heartbeatMs ?? DEFAULT_HEARTBEAT;
    this.startHeartbeat();
    this.checkSynced();
  }

  /** Online once the snapshot or the replay up to the welcome's seq went to the store. */
  private checkSynced(): void {
    if (this.synced || !this.welcomed || this.awaitingSnapshot || this.lastSeq < this.syncTarget) return;
    this.synced = true;
    this.everOnline = true;
    this.attempt = 0;
    this.setState('online');
    // Everything issued while disconnected (and everything in flight when the link dropped) goes now, in order.
    for (const entry of [...this.pending]) if (!entry.written) this.write(entry);
  }

  /** The socket closed (or was given up on). */
  private lost(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.teardown();
    if (this.closed) return;
    // After these close codes, retrying cannot help.
    const why = reason ? ` (${reason})` : '';
    if (code === CloseCode.unauthorized) this.stop(undefined, refusedToken(why));
    else if (code === CloseCode.badRequest)
      this.stop(undefined, `Protocol refused${why}; not reconnecting.`, 'protocol');
    else this.scheduleReconnect();
  }

  /** Stops retrying: an error the user must act on. */
  private stop(
    socket: WebSocket | undefined,
    message?: string,
    code: 'unauthorized' | 'protocol' = 'unauthorized',
  ): void {
    if (this.stopped) return;
    this.stopped = true;
    if (socket) this.teardown(1000);
    if (message) this.report({ code, message });
    this.rejectAll(`Not connected: ${message ?? 'reconnecting stopped'}`);
    this.setState('offline');
  }

  private scheduleReconnect(): void {
    if (this.closed || this.stopped || this.retryTimer) return;
    const { initialMs = 500, maxMs = 15_000, jitter = 0.5 } = this.options.backoff ?? {};
    const base = Math.min(maxMs, initialMs * 2 ** this.attempt);
    const delay = Math.max(0, base * (1 - jitter + 2 * jitter * this.random()));
    this.attempt += 1;
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    this.setState(browserOffline ? 'offline' : this.everOnline ? 'reconnecting' : 'connecting');
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private reconnectNow(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.teardown(1000);
    this.attempt = 0;
    this.open();
  }

  /** Closes the current socket, if any, and forgets it; in-flight commands will be written again. */
  private teardown(code?: number, reason?: string): void {
    clearTimeout(this.helloTimer);
    clearInterval(this.heartbeatTimer);
    clearInterval(this.pingTimer);
    clearTimeout(this.ackTimer);
    clearTimeout(this.gapTimer);
    this.helloTimer = this.heartbeatTimer = this.pingTimer = this.ackTimer = this.gapTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    this.welcomed = false;
    this.synced = false;
    this.awaitingSnapshot = false;
    for (const entry of this.pending) entry.written = false;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    // Not null: closing a socket still connecting fires an error (Node's `ws` throws it when nobody listens).
    socket.onerror = () => undefined;
    try {
      if (socket.readyState === this.WS.CONNECTING || socket.readyState === this.WS.OPEN)
        socket.close(code ?? 1000, reason);
    } catch {
      // closing a broken socket must not throw out of the transport
    }
  }

  private heartbeatTimeout(): number {
    return this.options.heartbeatTimeoutMs ?? this.heartbeatMs * 2 + 1000;
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.writeFrame({ type: 'ping', t: Date.now() }), this.heartbeatMs);
    // Checked a few times per timeout, so a dead link is noticed soon after the timeout.
    const check = Math.max(50, Math.min(this.heartbeatMs, this.heartbeatTimeout() / 4, 1000));
    let lastCheck = Date.now();
    this.heartbeatTimer = setInterval(() => {
      const socket = this.socket;
      const now = Date.now();
      const late = now - lastCheck > check * 2;
      lastCheck = now;
      if (!socket || now - this.lastFrameAt <= this.heartbeatTimeout()) return;
      if (late) {
        // This timer itself ran late (a throttled background tab, a machine waking up): the silence
        // may be ours, not the server's. Ask again; the next check on time decides.
        this.writeFrame({ type: 'ping', t: now });
        return;
      }
      this.dead(socket);
    }, check);
  }

  /** No sign of life: give the socket up without waiting for a close handshake that may never come. */
  private dead(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.counters.deadConnections += 1;
    this.teardown(CloseCode.heartbeatTimeout, 'heartbeat timeout');
    this.scheduleReconnect();
  }

  // ---- inbound ---------------------------------------------------------------------------

  private receive(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket) return;
    this.lastFrameAt = Date.now();
    try {
      if (typeof data !== 'string') {
        this.invalid('binary frame');
        return;
      }
      const limit = this.options.maxFrameSize ?? 4 * 1024 * 1024;
      if (data.length > limit) {
        const seq = Number(/^\{"type":"event","seq":(\d+)[,}]/.exec(data.slice(0, 64))?.[1]);
        if (seq === this.lastSeq + 1) this.tooLarge = seq;
        this.invalid(`frame of ${data.length} characters > ${limit}`);
        return;
      }
      const parsed = parseServerFrame(data);
      if (!parsed.ok) {
        this.invalid(parsed.error);
        return;
      }
      const frame = parsed.frame;
      if (frame.type !== 'welcome' && frame.type !== 'error' && !this.welcomed) {
        this.invalid(`${frame.type} before welcome`);
        return;
      }
      switch (frame.type) {
        case 'welcome':
          if (this.welcomed) this.invalid('second welcome');
          else this.welcome(frame);
          return;
        case 'event':
          this.onEvent(frame);
          return;
        case 'ack':
          this.onAck(frame);
          return;
        case 'error':
          this.onError(socket, frame);
          return;
        case 'ping':
          this.writeFrame({ type: 'pong', t: frame.t });
          return;
        case 'pong':
          if (frame.seq !== undefined && frame.seq > this.hintSeq) this.hintSeq = frame.seq;
          if (this.hasGap()) this.watchGap();
          return;
      }
    } catch (error) {
      // A sink or a frame must never break the transport.
      this.report({ code: 'transport', message: `Frame handling failed: ${describeError(error)}` });
    }
  }

  private invalid(reason: string): void {
    this.counters.invalidFrames += 1;
    // A misbehaving server must not flood the page with errors: the first ones per connection are enough.
    this.invalidReported += 1;
    if (this.invalidReported <= MAX_INVALID_REPORTS) {
      this.report({ code: 'invalid-frame', message: `Dropped an invalid frame: ${reason}` });
    } else if (this.invalidReported === MAX_INVALID_REPORTS + 1) {
      this.report({ code: 'invalid-frame', message: 'More invalid frames dropped silently.' });
    }
  }

  private onEvent(frame: EventFrame): void {
    // (An early event is a gap by itself: `early`. Only welcome and pongs feed `hintSeq`.)
    if (frame.event.type === 'snapshot') {
      this.onSnapshot(frame);
      return;
    }
    if (frame.seq <= this.lastSeq || this.early.has(frame.seq)) {
      this.counters.duplicatesDropped += 1;
      return;
    }
    if (this.awaitingSnapshot || !this.follows(frame)) {
      // Early (or before the snapshot): waits for what comes before it.
      this.counters.reordered += 1;
      this.early.set(frame.seq, frame);
      if (this.early.size > MAX_BUFFERED_EVENTS) this.giveUp();
      else this.watchGap();
      return;
    }
    this.deliver(frame);
    this.drain();
  }

  /** A snapshot holds everything up to its seq: it replaces the missing events before it, and any claim beyond it. */
  private onSnapshot(frame: EventFrame): void {
    const seq = frame.seq;
    if (seq < this.lastSeq) {
      this.counters.duplicatesDropped += 1;
      return;
    }
    this.awaitingSnapshot = false;
    this.hintSeq = Math.min(this.hintSeq, seq);
    this.syncTarget = Math.min(this.syncTarget, seq);
    // Equal: nothing new (an ask that found no gap), but the claim that made us ask is disproven.
    if (seq > this.lastSeq) this.deliver(frame);
    for (const early of this.early.keys()) if (early <= seq) this.early.delete(early);
    this.drain(false);
  }

  /** Does this event (seq > lastSeq) come right after the last delivered one (`prev`: the events between were not for us)? */
  private follows(frame: EventFrame): boolean {
    return frame.seq === this.lastSeq + 1 || (frame.prev ?? frame.seq) <= this.lastSeq;
  }

  /** Delivers the early events that now follow; `byEvents`: false when a snapshot closed the gap (keeps the backoff). */
  private drain(byEvents = true): void {
    while (!this.awaitingSnapshot && this.early.size > 0) {
      let next = this.early.get(this.lastSeq + 1);
      if (!next) {
        const first = this.early.get(Math.min(...this.early.keys()))!;
        if (!this.follows(first)) break;
        next = first;
      }
      this.early.delete(next.seq);
      this.deliver(next);
    }
    this.checkSynced();
    if (!this.hasGap()) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
      // Real events filled it: the next gap starts from the first delay again. A snapshot that
      // disproved a claim does not: a server (or proxy) claiming events it never sends is asked less and less.
      if (byEvents) this.gapAsks = 0;
    }
  }

  private hasGap(): boolean {
    return this.awaitingSnapshot || this.early.size > 0 || this.hintSeq > this.lastSeq;
  }

  private watchGap(): void {
    if (this.gapTimer) return;
    const delay = Math.min(MAX_GAP_DELAY, (this.options.gapTimeoutMs ?? 1000) * 2 ** this.gapAsks);
    this.gapTimer = setTimeout(() => this.fillGap(), delay);
  }

  /**
   * A gap did not fill by itself. First ask for a replay after the last delivered event; if that
   * brings nothing, ask for a snapshot (`resume` with -1): nothing is ever skipped. Each ask waits
   * twice as long as the one before; after MAX_GAP_ASKS the connection is replaced.
   */
  private fillGap(): void {
    this.gapTimer = undefined;
    if (!this.welcomed || !this.hasGap()) return;
    const big = this.tooLarge;
    if (big === this.lastSeq + 1 && this.gapAsks > 0 && !this.awaitingSnapshot) {
      // The one exception to "never skip": the next event, still in a frame too large for this client
      // after a replay was asked. Only the very next seq qualifies: a frame cannot move us ahead.
      this.report({ code: 'events-lost', from: big, to: big, message: `Event ${big} exceeds maxFrameSize; skipped` });
      this.lastSeq = big;
      this.drain();
      if (this.hasGap()) this.watchGap();
      return;
    }
    if (this.gapAsks >= MAX_GAP_ASKS) {
      this.giveUp();
      return;
    }
    // A gap still open after a replay was asked (whatever arrived since) calls for a snapshot.
    const snapshot = this.awaitingSnapshot || this.gapAsks > 0;
    this.gapAsks += 1;
    if (snapshot) this.counters.gapSnapshots += 1;
    else this.counters.gapReplays += 1;
    this.writeFrame({ type: 'resume', seq: snapshot ? -1 : this.lastSeq });
    this.watchGap();
  }

  /** This connection cannot be brought in line (a gap no ask filled, too many events out of order): reconnect. */
  private giveUp(): void {
    // The missing range: up to the first event that did arrive, else to the newest the server hinted at.
    const from = this.lastSeq + 1;
    const next = this.early.size > 0 ? Math.min(...this.early.keys()) : this.hintSeq + 1;
    this.report({
      code: 'events-lost',
      from,
      to: Math.max(from, next - 1),
      message: 'Events out of sync; reconnecting',
    });
    this.teardown(CloseCode.goingAway);
    this.scheduleReconnect();
  }

  private deliver(frame: EventFrame): void {
    this.lastSeq = frame.seq;
    this.counters.eventsDelivered += 1;
    const event = frame.event;
    // The echo of an accepted message proves the send went through, even if its ack is late.
    // (Payloads are not validated yet – the store does that – so read it defensively.)
    const message: unknown = event.type === 'message.added' ? (event as { message?: unknown }).message : undefined;
    if (typeof message === 'object' && message !== null) {
      const { author, clientId } = message as { author?: unknown; clientId?: unknown };
      const entry =
        author === 'agent' && typeof clientId === 'string'
          ? this.pending.find((p) => p.command.type === 'send' && p.command.clientId === clientId)
          : undefined;
      if (entry) this.settle(entry);
    }
    this.sink?.event(event);
    this.scheduleAck();
  }

  private scheduleAck(): void {
    if (this.ackTimer) return;
    this.ackTimer = setTimeout(() => {
      this.ackTimer = undefined;
      if (this.welcomed && this.lastSeq > this.ackedSeq) {
        this.ackedSeq = this.lastSeq;
        this.writeFrame({ type: 'ack', seq: this.lastSeq });
      }
    }, 1000);
  }

  private onAck(frame: CommandAckFrame): void {
    for (const event of frame.events ?? []) this.sink?.event(event);
    const entry = this.pending.find((p) => p.id === frame.id);
    if (entry) this.settle(entry);
  }

  private onError(socket: WebSocket, frame: ErrorFrame): void {
    if (frame.id) {
      const entry = this.pending.find((p) => p.id === frame.id);
      if (entry) this.settle(entry, new TransportError('rejected', `${frame.code}: ${frame.message}`, frame.code));
      return;
    }
    if (frame.code === 'unauthorized') this.stop(socket, refusedToken(`: ${frame.message}`));
    else if (frame.code === 'unsupported-version')
      this.stop(socket, `Server does not speak ${PROTOCOL}: ${frame.message}`, 'protocol');
    else this.report({ code: 'server', serverCode: frame.code, message: `${frame.code}: ${frame.message}` });
  }

  // ---- outbound --------------------------------------------------------------------------

  private write(entry: Pending): void {
    if (this.writeFrame({ type: 'command', id: entry.id, command: entry.command })) entry.written = true;
  }

  private writeFrame(frame: ClientFrame): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== this.WS.OPEN) return false;
    try {
      socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private settle(entry: Pending, error?: TransportError): void {
    const index = this.pending.indexOf(entry);
    if (index < 0) return;
    this.pending.splice(index, 1);
    clearTimeout(entry.timer);
    if (error) entry.reject(error);
    else entry.resolve();
  }

  private rejectAll(message: string): void {
    for (const entry of [...this.pending]) this.settle(entry, new TransportError('offline', message));
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.sink?.connection(state);
  }

  private report(error: DeskErrorInfo): void {
    this.sink?.error(error);
  }
}
