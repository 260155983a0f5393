/**
 * Reference server for the agent-desk.v1 protocol (docs/protocol.md), on the `ws` package.
 *
 * - Authenticates each connection with the token of its first frame (`hello`).
 * - Publishes every change as a sequenced event to all agents and keeps the last events in a
 *   replay buffer, so a client that reconnects with `resume` gets exactly what it missed.
 * - Applies commands idempotently (a resent `send` returns the message it created the first time).
 * - Runs the demo simulator when asked.
 *
 * `faults` and the methods under "test controls" exist for the fault tests; a real server has none.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Agent, ClientCommand, Fixtures, ServerEvent } from '../src/model/types.js';
import {
  CloseCode,
  PROTOCOL,
  PROTOCOL_VERSION,
  type ClientFrame,
  type EventFrame,
  type ServerFrame,
} from '../src/transport/protocol.js';
import { DemoSimulator } from '../src/transport/simulator.js';
import { DeskData } from './desk-data.js';

export interface DeskServerOptions {
  fixtures: Fixtures;
  /** Accepted tokens and the agent each one signs in. */
  tokens: Record<string, Agent>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Path of the WebSocket endpoint (default `/desk`). */
  path?: string;
  simulate?: boolean;
  seed?: number;
  /** Suggested client ping interval (default 15 000 ms). */
  heartbeatMs?: number;
  /**
   * A client silent this long is disconnected (default: 3 × heartbeat, at least 75 s, because
   * browsers run timers of long-hidden tabs only once a minute).
   */
  idleTimeoutMs?: number;
  /** Events kept for `resume` (default 10 000). */
  replayLimit?: number;
  /** Largest client frame, in bytes (default 1 MiB; larger ones close the connection with 1009). */
  maxPayload?: number;
}

/** Fault injection for tests. */
export interface Faults {
  /** Handle every command this late (acks and echoes come late, order is kept). */
  latencyMs?: number;
  /** Send every event frame twice (the copy after the next frame). */
  duplicateEvents?: boolean;
  /** Swap adjacent event frames. */
  reorderEvents?: boolean;
  /** After applying the Nth `send` (counted from now), cut every connection before acknowledging it. */
  dropAfterSends?: number;
  /** Lose every Nth live event frame (replays are not lost), so clients see gaps. */
  loseEventEvery?: number;
}

interface Connection {
  socket: WebSocket;
  agent?: Agent;
  /** Welcomed: receives published events. */
  ready: boolean;
  silent: boolean;
  lastFrameAt: number;
  ackedSeq: number;
  helloTimer?: ReturnType<typeof setTimeout>;
  held?: string;
  heldTimer?: ReturnType<typeof setTimeout>;
  lastSent?: string;
  live: number;
}

export interface DeskServerStats {
  stream: string;
  seq: number;
  /** WebSocket connections accepted. */
  connections: number;
  /** Hellos per token, keyed by `tokenKey(token)` (never the token itself). */
  hellosByToken: Record<string, number>;
  authFailures: number;
  resumes: number;
  snapshots: number;
  sendsReceived: number;
  duplicateSends: number;
  open: number;
}

export class DeskServer {
  readonly data: DeskData;
  faults: Faults = {};
  private readonly options: DeskServerOptions;
  private readonly heartbeatMs: number;
  private readonly replayLimit: number;
  private http: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly connections = new Set<Connection>();
  private stream = randomUUID();
  private seq = 0;
  private log: EventFrame[] = [];
  private simulator: DemoSimulator | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private port: number;
  private counts = { connections: 0, authFailures: 0, resumes: 0, snapshots: 0 };
  private hellosByToken: Record<string, number> = {};
  private sendsSinceFault = 0;

  constructor(options: DeskServerOptions) {
    this.options = options;
    this.data = new DeskData(options.fixtures);
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.replayLimit = options.replayLimit ?? 10_000;
    this.port = options.port ?? 0;
    if (options.simulate) {
      this.simulator = new DemoSimulator({
        fixtures: options.fixtures,
        emit: (event) => this.publish(event),
        seed: options.seed,
      });
    }
  }

  /** `ws://host:port/path` once listening. */
  get url(): string {
    return `ws://${this.options.host ?? '127.0.0.1'}:${this.port}${this.options.path ?? '/desk'}`;
  }

  async start(): Promise<string> {
    const http = createServer((_request, response) => {
      response
        .writeHead(426, { 'content-type': 'text/plain' })
        .end(`Connect with WebSocket, sub-protocol ${PROTOCOL}\n`);
    });
    const wss = new WebSocketServer({
      server: http,
      path: this.options.path ?? '/desk',
      maxPayload: this.options.maxPayload ?? 1024 * 1024,
      handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
    });
    wss.on('connection', (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.port, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.http = http;
    this.wss = wss;
    this.port = (http.address() as AddressInfo).port;
    this.sweepTimer = setInterval(() => this.sweep(), Math.min(this.heartbeatMs, 5_000));
    this.simulator?.start();
    return this.url;
  }

  /**
   * Closes every connection and stops listening. The data stays (it is the "database").
   * `graceful`: close frames with 1001 "going away" (clients reconnect at once); else cut them.
   */
  async stop({ graceful = false }: { graceful?: boolean } = {}): Promise<void> {
    this.simulator?.stop();
    clearInterval(this.sweepTimer);
    for (const connection of this.connections) {
      if (graceful) connection.socket.close(CloseCode.goingAway, 'server shutting down');
      this.forget(connection, !graceful);
    }
    this.connections.clear();
    const http = this.http;
    this.http = undefined;
    this.wss?.close();
    this.wss = undefined;
    if (http) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }

  /** Publishes an event: applies it, gives it the next seq, keeps it for replay, sends it to every agent. */
  publish(event: ServerEvent): void {
    this.data.apply(event);
    this.simulator?.observe(event);
    this.sequence(event);
  }

  stats(): DeskServerStats {
    return {
      stream: this.stream,
      seq: this.seq,
      ...this.counts,
      hellosByToken: { ...this.hellosByToken },
      sendsReceived: this.data.sendsReceived,
      duplicateSends: this.data.duplicateSends,
      open: this.connections.size,
    };
  }

  // ---- test controls ---------------------------------------------------------------------

  /** Cuts every connection abruptly (no close frame), as a network failure would. */
  dropConnections(): void {
    for (const connection of [...this.connections]) this.forget(connection, true);
  }

  /**
   * A crash and restart: connections cut, port closed for `downMs`, then a new process
   * (new stream id, empty replay buffer) on the same port. The data survives, as in a database.
   */
  async restart(downMs = 300): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.stream = randomUUID();
    this.seq = 0;
    this.log = [];
    await this.start();
  }

  /** Current connections stop answering (no frames either way) but stay open: a dead link. */
  silence(): void {
    for (const connection of this.connections) connection.silent = true;
  }

  /** Sends a raw frame to every welcomed connection, outside the event sequence. */
  sendRaw(frame: string | Buffer): void {
    for (const connection of this.connections)
      if (connection.ready && !connection.silent) connection.socket.send(frame);
  }

  /** Sequences a payload without applying or checking it (a server bug, for the tests). */
  publishUnchecked(event: unknown): void {
    this.sequence(event as ServerEvent);
  }

  // ---- connections -----------------------------------------------------------------------

  private accept(socket: WebSocket): void {
    this.counts.connections += 1;
    const connection: Connection = {
      socket,
      ready: false,
      silent: false,
      lastFrameAt: Date.now(),
      ackedSeq: -1,
      live: 0,
    };
    this.connections.add(connection);
    connection.helloTimer = setTimeout(
      () => this.refuse(connection, CloseCode.helloTimeout, 'bad-frame', 'No hello in time'),
      10_000,
    );
    socket.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    socket.on('close', () => this.forget(connection, false));
    socket.on('error', () => this.forget(connection, true));
  }

  private forget(connection: Connection, terminate: boolean): void {
    clearTimeout(connection.helloTimer);
    clearTimeout(connection.heldTimer);
    this.connections.delete(connection);
    connection.ready = false;
    if (terminate) connection.socket.terminate();
  }

  private receive(connection: Connection, data: RawData, isBinary: boolean): void {
    if (connection.silent) return;
    connection.lastFrameAt = Date.now();
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = JSON.parse(data.toString()) as ClientFrame;
      if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') throw new Error('not a frame');
    } catch {
      this.refuse(connection, CloseCode.badRequest, 'bad-frame', 'Frames are JSON objects with a type');
      return;
    }
    if (!connection.ready && frame.type !== 'hello') {
      this.refuse(connection, CloseCode.badRequest, 'bad-frame', 'The first frame must be hello');
      return;
    }
    switch (frame.type) {
      case 'hello':
        this.hello(connection, frame);
        return;
      case 'command':
        this.command(connection, frame.id, frame.command);
        return;
      case 'resume':
        if (Number.isInteger(frame.seq)) this.replay(connection, frame.seq);
        return;
      case 'ack':
        if (Number.isInteger(frame.seq)) connection.ackedSeq = Math.max(connection.ackedSeq, frame.seq);
        return;
      case 'ping':
        this.send(connection, { type: 'pong', t: frame.t, seq: this.seq });
        return;
      case 'pong':
        return;
      default:
        this.send(connection, { type: 'error', code: 'bad-frame', message: 'Unknown frame type' });
    }
  }

  private hello(connection: Connection, frame: Extract<ClientFrame, { type: 'hello' }>): void {
    if (connection.ready) {
      this.send(connection, { type: 'error', code: 'bad-frame', message: 'Already welcomed' });
      return;
    }
    clearTimeout(connection.helloTimer);
    const token = typeof frame.token === 'string' ? frame.token.slice(0, 200) : '';
    const key = tokenKey(token);
    this.hellosByToken[key] = (this.hellosByToken[key] ?? 0) + 1;
    if (frame.v !== PROTOCOL_VERSION) {
      this.refuse(
        connection,
        CloseCode.badRequest,
        'unsupported-version',
        `This server speaks version ${PROTOCOL_VERSION}`,
      );
      return;
    }
    const agent = Object.hasOwn(this.options.tokens, token) ? this.options.tokens[token] : undefined;
    if (!agent) {
      this.counts.authFailures += 1;
      this.refuse(connection, CloseCode.unauthorized, 'unauthorized', 'Invalid or expired token');
      return;
    }
    connection.agent = agent;
    const resume = frame.resume;
    const canResume = !!resume && resume.stream === this.stream && this.inBuffer(resume.seq);
    this.send(connection, {
      type: 'welcome',
      v: PROTOCOL_VERSION,
      stream: this.stream,
      seq: this.seq,
      resumed: canResume,
      heartbeatMs: this.heartbeatMs,
      agent,
    });
    connection.ready = true;
    if (canResume) {
      this.counts.resumes += 1;
      this.replay(connection, resume.seq);
    } else {
      this.counts.snapshots += 1;
      this.sendEvent(connection, { type: 'event', seq: this.seq, event: this.data.snapshot(agent) });
    }
  }

  /** Can the events after `seq` be replayed from the buffer? */
  private inBuffer(seq: number): boolean {
    const oldest = this.log[0]?.seq ?? this.seq + 1;
    return Number.isInteger(seq) && seq <= this.seq && seq >= oldest - 1;
  }

  /** Sends the events after `seq`, or a fresh snapshot when they are no longer buffered. */
  private replay(connection: Connection, seq: number): void {
    if (!this.inBuffer(seq)) {
      this.sendEvent(connection, { type: 'event', seq: this.seq, event: this.data.snapshot(connection.agent) });
      return;
    }
    for (const frame of this.log) if (frame.seq > seq) this.sendEvent(connection, frame);
  }

  private command(connection: Connection, id: unknown, raw: unknown): void {
    if (typeof id !== 'string' || id.length === 0 || id.length > 256) {
      this.send(connection, { type: 'error', code: 'bad-frame', message: 'A command needs a string id' });
      return;
    }
    const command = checkCommand(raw);
    if (typeof command === 'string') {
      this.send(connection, { type: 'error', id, code: 'invalid-command', message: command });
      return;
    }
    const run = () => {
      // A command received is applied even if its connection is gone by now; only the ack is lost.
      const result = this.data.handle(connection.agent!, command);
      if (
        command.type === 'send' &&
        this.faults.dropAfterSends !== undefined &&
        (this.sendsSinceFault += 1) >= this.faults.dropAfterSends
      ) {
        // Applied, then the link dies before the echo and the ack leave: the client cannot know it went through.
        this.faults = { ...this.faults, dropAfterSends: undefined };
        this.sendsSinceFault = 0;
        this.dropConnections();
      }
      for (const event of result.publish) this.publish(event);
      const added = result.publish[0];
      if (command.type === 'send' && added?.type === 'message.added') this.simulator?.agentMessage(added.message);
      if (!this.connections.has(connection)) return;
      if (result.error) {
        this.send(connection, { type: 'error', id, ...result.error });
        return;
      }
      this.send(connection, {
        type: 'ack',
        id,
        ...(result.messageId ? { messageId: result.messageId } : {}),
        ...(result.duplicate ? { duplicate: true } : {}),
        ...(result.reply ? { events: result.reply } : {}),
      });
    };
    if (this.faults.latencyMs) setTimeout(run, this.faults.latencyMs);
    else run();
  }

  private sequence(event: ServerEvent): void {
    this.seq += 1;
    const frame: EventFrame = { type: 'event', seq: this.seq, event };
    this.log.push(frame);
    if (this.log.length > this.replayLimit) this.log.splice(0, this.log.length - this.replayLimit);
    const lose = this.faults.loseEventEvery;
    for (const connection of this.connections) {
      if (!connection.ready) continue;
      connection.live += 1;
      if (lose && connection.live % lose === 0) continue;
      this.sendEvent(connection, frame);
    }
  }

  /** Event frames go through the fault injection (duplicates, swaps). */
  private sendEvent(connection: Connection, frame: EventFrame): void {
    const text = JSON.stringify(frame);
    const out = (data: string) => {
      this.sendText(connection, data);
      if (this.faults.duplicateEvents && connection.lastSent) this.sendText(connection, connection.lastSent);
      connection.lastSent = data;
    };
    if (!this.faults.reorderEvents) {
      out(text);
      return;
    }
    if (connection.held === undefined) {
      connection.held = text;
      connection.heldTimer = setTimeout(() => {
        const held = connection.held;
        connection.held = undefined;
        if (held) out(held);
      }, 20);
      return;
    }
    clearTimeout(connection.heldTimer);
    const held = connection.held;
    connection.held = undefined;
    out(text);
    out(held);
  }

  private send(connection: Connection, frame: ServerFrame): void {
    this.sendText(connection, JSON.stringify(frame));
  }

  private sendText(connection: Connection, text: string): void {
    if (connection.silent || connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(text);
  }

  private refuse(connection: Connection, closeCode: number, code: string, message: string): void {
    this.send(connection, { type: 'error', code, message });
    connection.socket.close(closeCode, code);
    this.forget(connection, false);
  }

  /** Drops clients that stopped sending anything (their pings included). */
  private sweep(): void {
    const limit = Date.now() - (this.options.idleTimeoutMs ?? Math.max(this.heartbeatMs * 3, 75_000));
    for (const connection of [...this.connections]) {
      if (connection.lastFrameAt < limit && !connection.silent) this.forget(connection, true);
    }
  }
}

const COMMAND_FIELDS: Record<ClientCommand['type'], string[]> = {
  send: ['clientId', 'conversationId', 'at'],
  typing: ['conversationId'],
  block: ['visitorId'],
  unblock: ['visitorId'],
  cobrowse: ['conversationId', 'visitorId'],
  markRead: ['conversationId'],
  loadHistory: ['visitorId'],
  loadMessages: ['conversationId'],
};

/** Shape check of a command (the content of a `send` is validated as a message by DeskData). */
function checkCommand(raw: unknown): ClientCommand | string {
  if (typeof raw !== 'object' || raw === null) return 'command must be an object';
  const command = raw as Record<string, unknown>;
  const type = command.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_FIELDS, type))
    return `unknown command ${String(type).slice(0, 40)}`;
  for (const field of COMMAND_FIELDS[type as ClientCommand['type']]) {
    const value = command[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > 256)
      return `${type}.${field} must be a non-empty string`;
  }
  if (type === 'typing' && typeof command.typing !== 'boolean') return 'typing.typing must be a boolean';
  if (type === 'send' && (typeof command.content !== 'object' || command.content === null))
    return 'send.content must be an object';
  if (
    (type === 'loadHistory' || type === 'loadMessages') &&
    command.before !== undefined &&
    typeof command.before !== 'string'
  ) {
    return `${type}.before must be a string`;
  }
  return command as unknown as ClientCommand;
}

/** A short, one-way label for a token, for stats and logs (tokens themselves are never kept). */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
