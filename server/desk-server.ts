/**
 * Reference server for the agent-desk.v1 protocol (docs/protocol.md), on the `ws` package, with
 * its event log and state in PostgreSQL (embedded PGlite by default, or a PostgreSQL server that
 * any number of instances share; see docs/server.md).
 *
 * - Checks the Origin of each upgrade, then the token of the first frame (`hello`): a signed
 *   token with an expiry (HMAC by default) or the integrator's verifier.
 * - Every change is an event in the database's log (gap-free `seq`, one stream per database):
 *   whichever instance wrote it, every instance delivers it, in order, to the connections allowed
 *   to see it. A client that comes back (here or to another instance) resumes after its `seq`.
 * - Applies commands idempotently (a resent `send` returns the message it created the first
 *   time, across instances: a unique constraint on the client id).
 * - Limits each connection: frame size (1009), frame rate (4429).
 * - Runs the demo simulator when asked (on one instance only).
 *
 * `faults` and the methods under "test controls" exist for the fault tests; a real server has none.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ClientCommand, Fixtures, Message, ServerEvent } from '../src/model/types.js';
import {
  CloseCode,
  PROTOCOL,
  PROTOCOL_VERSION,
  type ClientFrame,
  type EventFrame,
  type ServerFrame,
} from '../src/transport/protocol.js';
import { DemoSimulator } from '../src/transport/simulator.js';
import { agentOf, hmacVerifier, type Principal, type TokenVerifier } from './auth.js';
import { openDatabase, type Database } from './db.js';
import { DeskData, type Assignment, type ClockRules, type CommandResult } from './desk-data.js';
import { EventLog, type AppendResult } from './event-log.js';

export interface DeskServerOptions {
  /** The desk a new (empty) database starts with. */
  fixtures: Fixtures;
  /** Who handles which seeded conversation (agent id and/or skill); unassigned ones are everyone's queue. */
  assignments?: Record<string, Assignment>;
  /** Secret of the default HMAC token verifier (at least 16 characters). */
  tokenSecret?: string;
  /** Your own token check (takes precedence over `tokenSecret`). */
  verifyToken?: TokenVerifier;
  /** Origins allowed to open a WebSocket (`Origin` header); undefined: any. Requests without Origin (not a browser) pass. */
  allowedOrigins?: string[];
  /** A database this server uses but does not own (it is not closed by `stop`). */
  database?: Database;
  /** `postgres://…`: a PostgreSQL server (several instances may share it). */
  databaseUrl?: string;
  /** PGlite's data folder when there is no database URL (default: in memory, nothing kept). */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Path of the WebSocket endpoint (default `/desk`). */
  path?: string;
  simulate?: boolean;
  seed?: number;
  /** Suggested client ping interval (default 4 000 ms: a silent link is noticed within ~10 s). */
  heartbeatMs?: number;
  /**
   * A client silent this long is disconnected (default: 3 × heartbeat, at least 75 s, because
   * browsers run timers of long-hidden tabs only once a minute).
   */
  idleTimeoutMs?: number;
  /** Events kept in memory for resumes (default 10 000; older ones are read from the database). */
  replayLimit?: number;
  /** Events kept in the database (default 100 000); a resume from before them gets a snapshot. */
  retainEvents?: number;
  /** Largest client frame, in bytes (default 1 MiB; larger ones close the connection with 1009). */
  maxPayload?: number;
  /** Frames per connection: `perSecond` sustained, `burst` at once (default 100/s, 500). Over it: 4429. */
  rateLimit?: { perSecond: number; burst: number };
  /** How far a sent message's client time is kept (see DeskData.clientTime). */
  clock?: Partial<ClockRules>;
  /** Extra HTTP routes (e.g. the demo's token endpoint); return true when handled. */
  http?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/** Fault injection for tests. */
export interface Faults {
  /** Handle every command this late (acks and echoes come late, order is kept). */
  latencyMs?: number;
  /** Send every event frame twice (the copy after the next frame). */
  duplicateEvents?: boolean;
  /** Swap adjacent event frames. */
  reorderEvents?: boolean;
  /** Before applying the Nth `send` (counted from now), cut every connection: its echo and ack never arrive. */
  dropAfterSends?: number;
  /** Lose every Nth live event frame (replays are not lost), so clients see gaps. */
  loseEventEvery?: number;
}

interface Connection {
  socket: WebSocket;
  principal?: Principal;
  /** Hello received and being checked. */
  greeted: boolean;
  /** Welcomed: receives published events. */
  ready: boolean;
  silent: boolean;
  lastFrameAt: number;
  ackedSeq: number;
  /** Every logged event up to here was considered for this connection. */
  cursor: number;
  /** The newest event sent to it (what its pongs report). */
  lastSent: number;
  /** Commands received and not handled yet: handled in order, in batches (one transaction each). */
  inbox: { id: unknown; command: unknown }[];
  busy: boolean;
  tokens: number;
  tokensAt: number;
  helloTimer?: ReturnType<typeof setTimeout>;
  held?: string;
  heldTimer?: ReturnType<typeof setTimeout>;
  lastText?: string;
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
  originRefusals: number;
  rateLimited: number;
  resumes: number;
  snapshots: number;
  sendsReceived: number;
  duplicateSends: number;
  open: number;
}

/** How many distinct tokens the hello statistics keep. */
const MAX_TOKEN_STATS = 1000;

export class DeskServer {
  readonly data: DeskData;
  faults: Faults = {};
  private readonly options: DeskServerOptions;
  private readonly heartbeatMs: number;
  private readonly verify: TokenVerifier;
  private readonly rate: { perSecond: number; burst: number };
  private db: Database | undefined;
  private log: EventLog | undefined;
  private http: Server | undefined;
  private wss: WebSocketServer | undefined;
  private readonly connections = new Set<Connection>();
  private simulator: DemoSimulator | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private trimTimer: ReturnType<typeof setInterval> | undefined;
  private port: number;
  private counts = { connections: 0, authFailures: 0, originRefusals: 0, rateLimited: 0, resumes: 0, snapshots: 0 };
  private hellosByToken: Record<string, number> = {};
  private sendsSinceFault = 0;

  constructor(options: DeskServerOptions) {
    this.options = options;
    const verify = options.verifyToken ?? (options.tokenSecret ? hmacVerifier(options.tokenSecret) : undefined);
    if (!verify) throw new Error('DeskServer needs tokenSecret (HMAC tokens) or verifyToken');
    this.verify = verify;
    this.data = new DeskData(options.clock);
    this.heartbeatMs = options.heartbeatMs ?? 4_000;
    this.rate = options.rateLimit ?? { perSecond: 100, burst: 500 };
    this.port = options.port ?? 0;
  }

  /** `ws://host:port/path` once listening. */
  get url(): string {
    return `ws://${this.options.host ?? '127.0.0.1'}:${this.port}${this.options.path ?? '/desk'}`;
  }

  /** The event log's stream id and newest seq (after `start`). */
  get position(): { stream: string; seq: number } {
    return { stream: this.log?.stream ?? '', seq: this.log?.head ?? 0 };
  }

  async start(): Promise<string> {
    const options = this.options;
    this.db = options.database ?? (await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir }));
    const log = new EventLog(this.db, this.data, (frames) => this.delivered(frames), {
      cacheSize: options.replayLimit,
      retain: options.retainEvents,
    });
    await log.open({ fixtures: options.fixtures, assignments: options.assignments });
    this.log = log;
    const http = createServer((request, response) => {
      if (options.http?.(request, response)) return;
      response
        .writeHead(426, { 'content-type': 'text/plain' })
        .end(`Connect with WebSocket, sub-protocol ${PROTOCOL}\n`);
    });
    const wss = new WebSocketServer({
      server: http,
      path: options.path ?? '/desk',
      maxPayload: options.maxPayload ?? 1024 * 1024,
      handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
      verifyClient: ({ origin }, done) => {
        const allowed = !options.allowedOrigins || !origin || options.allowedOrigins.includes(origin);
        if (!allowed) this.counts.originRefusals += 1;
        done(allowed, 403, 'Origin not allowed');
      },
    });
    wss.on('connection', (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.port, options.host ?? '127.0.0.1', () => resolve());
    });
    this.http = http;
    this.wss = wss;
    this.port = (http.address() as AddressInfo).port;
    this.sweepTimer = setInterval(() => this.sweep(), Math.min(this.heartbeatMs, 5_000));
    this.trimTimer = setInterval(() => void log.trim().catch(() => undefined), 60_000);
    this.trimTimer.unref();
    if (options.simulate) {
      const now = this.data.snapshot();
      this.simulator = new DemoSimulator({
        fixtures: {
          ...options.fixtures,
          visitors: now.visitors,
          conversations: now.conversations,
          messages: now.messages,
        },
        emit: (event) => void this.publish(event),
        seed: options.seed,
      });
      this.simulator.start();
    }
    return this.url;
  }

  /**
   * Closes every connection and stops listening; closes the database if this server opened it.
   * `graceful`: close frames with 1001 "going away" (clients reconnect at once); else cut them.
   */
  async stop({ graceful = false }: { graceful?: boolean } = {}): Promise<void> {
    this.simulator?.stop();
    this.simulator = undefined;
    clearInterval(this.sweepTimer);
    clearInterval(this.trimTimer);
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
    this.log?.close();
    this.log = undefined;
    if (this.db && !this.options.database) await this.db.close();
    this.db = undefined;
  }

  /** Logs an event (any instance delivers it to the connections allowed to see it). */
  async publish(event: ServerEvent): Promise<void> {
    if (!this.log) throw new Error('DeskServer is not started');
    await this.log.append([[event]]);
  }

  /** Deletes logged events beyond the retention; returns how many. */
  trim(): Promise<number> {
    return this.log ? this.log.trim() : Promise.resolve(0);
  }

  stats(): DeskServerStats {
    return {
      ...this.position,
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

  /** A crash and restart: connections cut, port closed for `downMs`, then a new start on the same database. */
  async restart(downMs = 300): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
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

  /** Logs a payload without applying or checking it (a server bug, for the tests). */
  async publishUnchecked(event: unknown): Promise<void> {
    await this.publish(event as ServerEvent);
  }

  // ---- connections -----------------------------------------------------------------------

  private accept(socket: WebSocket): void {
    this.counts.connections += 1;
    const connection: Connection = {
      socket,
      greeted: false,
      ready: false,
      silent: false,
      lastFrameAt: Date.now(),
      ackedSeq: -1,
      cursor: 0,
      lastSent: 0,
      inbox: [],
      busy: false,
      tokens: this.rate.burst,
      tokensAt: Date.now(),
      live: 0,
    };
    this.connections.add(connection);
    connection.helloTimer = setTimeout(
      () => this.refuse(connection, CloseCode.helloTimeout, 'bad-frame', 'No hello in time'),
      10_000,
    );
    socket.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    socket.on('close', () => this.forget(connection, false));
    // `ws` itself closes with 1009 (too large) or 1002 after a protocol error: let that close
    // frame go out after what is already queued (a snapshot, say) rather than cutting the socket.
    socket.on('error', () => this.forget(connection, false));
  }

  private forget(connection: Connection, terminate: boolean): void {
    clearTimeout(connection.helloTimer);
    clearTimeout(connection.heldTimer);
    this.connections.delete(connection);
    connection.ready = false;
    if (terminate) connection.socket.terminate();
  }

  /** Token bucket: false when the connection sends faster than allowed. */
  private withinRate(connection: Connection): boolean {
    const now = Date.now();
    connection.tokens = Math.min(
      this.rate.burst,
      connection.tokens + ((now - connection.tokensAt) / 1000) * this.rate.perSecond,
    );
    connection.tokensAt = now;
    if (connection.tokens < 1) return false;
    connection.tokens -= 1;
    return true;
  }

  private receive(connection: Connection, data: RawData, isBinary: boolean): void {
    if (connection.silent || !this.connections.has(connection)) return;
    connection.lastFrameAt = Date.now();
    if (!this.withinRate(connection)) {
      this.counts.rateLimited += 1;
      this.refuse(
        connection,
        CloseCode.rateLimited,
        'rate-limited',
        `More than ${this.rate.perSecond} frames per second (burst ${this.rate.burst})`,
      );
      return;
    }
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = JSON.parse(data.toString()) as ClientFrame;
      if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') throw new Error('not a frame');
    } catch {
      this.refuse(connection, CloseCode.badRequest, 'bad-frame', 'Frames are JSON objects with a type');
      return;
    }
    if (!connection.greeted && frame.type !== 'hello') {
      this.refuse(connection, CloseCode.badRequest, 'bad-frame', 'The first frame must be hello');
      return;
    }
    switch (frame.type) {
      case 'hello':
        void this.hello(connection, frame).catch((error: unknown) => this.failed(connection, error));
        return;
      case 'command': {
        const entry = { id: frame.id, command: frame.command };
        const run = () => {
          connection.inbox.push(entry);
          // Commands that follow the hello at once wait for its check (and the welcome).
          if (connection.ready && !connection.busy) void this.commands(connection);
        };
        if (this.faults.latencyMs) setTimeout(run, this.faults.latencyMs);
        else run();
        return;
      }
      case 'resume':
        if (connection.ready && Number.isInteger(frame.seq))
          void this.resend(connection, frame.seq).catch((error: unknown) => this.failed(connection, error));
        return;
      case 'ack':
        if (Number.isInteger(frame.seq)) connection.ackedSeq = Math.max(connection.ackedSeq, frame.seq);
        return;
      case 'ping':
        // Only what this connection was sent: a seq it may not see would look like a lost event.
        this.send(connection, { type: 'pong', t: frame.t, seq: connection.lastSent });
        return;
      case 'pong':
        return;
      default:
        this.send(connection, { type: 'error', code: 'bad-frame', message: 'Unknown frame type' });
    }
  }

  /** A database failure while answering: the client reconnects and resumes (nothing was half-sent). */
  private failed(connection: Connection, error: unknown): void {
    console.warn(`[desk-server] ${(error as Error).message}`);
    if (this.connections.has(connection)) connection.socket.close(1011, 'internal error');
    this.forget(connection, false);
  }

  private async hello(connection: Connection, frame: Extract<ClientFrame, { type: 'hello' }>): Promise<void> {
    if (connection.greeted) {
      this.send(connection, { type: 'error', code: 'bad-frame', message: 'Already welcomed' });
      return;
    }
    connection.greeted = true;
    clearTimeout(connection.helloTimer);
    const token = typeof frame.token === 'string' ? frame.token.slice(0, 4096) : '';
    // Every attempt counts (tests and operators see retries with a bad token), in a bounded map: a
    // stranger's random tokens cannot grow it past MAX_TOKEN_STATS entries.
    const key = tokenKey(token);
    if (key in this.hellosByToken || Object.keys(this.hellosByToken).length < MAX_TOKEN_STATS) {
      this.hellosByToken[key] = (this.hellosByToken[key] ?? 0) + 1;
    }
    if (frame.v !== PROTOCOL_VERSION) {
      this.refuse(
        connection,
        CloseCode.badRequest,
        'unsupported-version',
        `This server speaks version ${PROTOCOL_VERSION}`,
      );
      return;
    }
    let principal: Principal | undefined;
    try {
      principal = await this.verify(token);
    } catch {
      principal = undefined;
    }
    if (!principal) {
      this.counts.authFailures += 1;
      this.refuse(connection, CloseCode.unauthorized, 'unauthorized', 'Invalid or expired token');
      return;
    }
    connection.principal = principal;
    const log = this.log;
    if (!log || !this.connections.has(connection)) return;
    const resume = frame.resume;
    let replay =
      resume && typeof resume === 'object' && resume.stream === log.stream && Number.isInteger(resume.seq)
        ? await log.eventsAfter(resume.seq)
        : undefined;
    if (!this.connections.has(connection) || log !== this.log) return;
    if (replay && resume) {
      // Events written while the replay was read reached no one here (the connection was not ready):
      // they join the replay now, in the same tick as `cursor` moves to the head, or it is a snapshot.
      const since = log.cachedAfter(replay.at(-1)?.seq ?? resume.seq);
      replay = since ? [...replay, ...since] : undefined;
    }
    const base = {
      type: 'welcome',
      v: PROTOCOL_VERSION,
      stream: log.stream,
      heartbeatMs: this.heartbeatMs,
      ...(agentOf(principal) ? { agent: agentOf(principal) } : {}),
    } as const;
    if (replay && resume) {
      this.counts.resumes += 1;
      const visible = replay.filter((f) => this.data.visible(principal, f.event));
      this.send(connection, { ...base, seq: visible.at(-1)?.seq ?? resume.seq, resumed: true });
      connection.lastSent = resume.seq;
      for (const event of visible) this.sendTo(connection, event);
    } else {
      this.counts.snapshots += 1;
      this.send(connection, { ...base, seq: log.head, resumed: false });
      this.sendSnapshot(connection);
    }
    connection.cursor = log.head;
    connection.ready = true;
    if (connection.inbox.length > 0) void this.commands(connection);
  }

  /** The client saw a gap: replay what it may see after `seq` (-1, or too old: a snapshot). */
  private async resend(connection: Connection, seq: number): Promise<void> {
    const log = this.log;
    if (!log) return;
    const replay = seq >= 0 && seq <= connection.cursor ? await log.eventsAfter(seq) : undefined;
    if (!this.connections.has(connection) || log !== this.log) return;
    if (!replay) {
      this.sendSnapshot(connection);
      connection.cursor = log.head;
      return;
    }
    // Up to where this connection is; newer events follow as usual.
    const upTo = replay.filter((f) => f.seq <= connection.cursor && this.data.visible(connection.principal, f.event));
    const newest = connection.lastSent;
    connection.lastSent = seq;
    for (const frame of upTo) this.sendTo(connection, frame);
    connection.lastSent = Math.max(newest, connection.lastSent);
  }

  private sendSnapshot(connection: Connection): void {
    const seq = this.log?.head ?? 0;
    this.sendEvent(connection, { type: 'event', seq, event: this.data.snapshot(connection.principal) });
    connection.lastSent = seq;
  }

  /** New events from the log (in order, each once): to every connection that may see them. */
  private delivered(frames: EventFrame[]): void {
    if (this.simulator) {
      for (const frame of frames) {
        this.simulator.observe(frame.event);
        const message: unknown = frame.event.type === 'message.added' ? frame.event.message : undefined;
        if (typeof message === 'object' && message !== null && (message as Message).author === 'agent')
          this.simulator.agentMessage(message as Message);
      }
    }
    for (const connection of this.connections) {
      if (!connection.ready) continue;
      for (const frame of frames) {
        if (frame.seq <= connection.cursor) continue;
        connection.cursor = frame.seq;
        if (!this.data.visible(connection.principal, frame.event)) continue;
        connection.live += 1;
        const lose = this.faults.loseEventEvery;
        if (lose && connection.live % lose === 0) {
          connection.lastSent = frame.seq;
          continue;
        }
        this.sendTo(connection, frame);
      }
    }
  }

  /** Sends an event frame, saying which event came before it when some were not for this connection. */
  private sendTo(connection: Connection, frame: EventFrame): void {
    const prev = connection.lastSent;
    const out: EventFrame = prev === frame.seq - 1 || prev >= frame.seq ? frame : { ...frame, prev };
    connection.lastSent = Math.max(connection.lastSent, frame.seq);
    this.sendEvent(connection, out);
  }

  /**
   * Handles the commands waiting in a connection's inbox, in order: every command received while
   * a batch is being written joins the next batch, which is logged in one transaction. Each
   * command gets exactly one ack or error, after the events it caused went out.
   */
  private async commands(connection: Connection): Promise<void> {
    connection.busy = true;
    try {
      while (connection.inbox.length > 0) {
        const batch = connection.inbox.splice(0, 200);
        const handled = batch.map(({ id, command }) => {
          try {
            return this.handle(connection, id, command);
          } catch (error) {
            // A bug must cost this command only: answered, and the connection carries on.
            console.warn(`[desk-server] command failed: ${(error as Error).message}`);
            if (typeof id === 'string')
              this.send(connection, { type: 'error', id, code: 'internal', message: 'Not applied' });
            return {};
          }
        });
        let appended: AppendResult[] = [];
        try {
          appended = await this.log!.append(handled.map((h) => (h.result && !h.result.error ? h.result.publish : [])));
        } catch (error) {
          console.warn(`[desk-server] commands not applied: ${(error as Error).message}`);
          for (const { id } of handled)
            if (id) this.send(connection, { type: 'error', id, code: 'internal', message: 'Not applied, try again' });
          continue;
        }
        if (!this.connections.has(connection)) continue;
        for (const [index, { id, result }] of handled.entries()) {
          if (!id || !result) continue;
          if (result.error) {
            this.send(connection, { type: 'error', id, ...result.error });
            continue;
          }
          let { messageId, duplicate } = result;
          const duplicateOf = appended[index]?.duplicateOf;
          if (duplicateOf !== undefined) {
            // Stored earlier: by another instance, an earlier attempt, or earlier in this batch.
            this.data.duplicateSends += 1;
            duplicate = true;
            messageId = duplicateOf;
          }
          this.send(connection, {
            type: 'ack',
            id,
            ...(messageId ? { messageId } : {}),
            ...(duplicate ? { duplicate: true } : {}),
            ...(result.reply ? { events: result.reply } : {}),
          });
        }
      }
    } finally {
      connection.busy = false;
    }
  }

  /** Checks one command and turns it into events (not logged yet); answers bad frames at once. */
  private handle(connection: Connection, id: unknown, raw: unknown): { id?: string; result?: CommandResult } {
    if (typeof id !== 'string' || id.length === 0 || id.length > 256) {
      this.send(connection, { type: 'error', code: 'bad-frame', message: 'A command needs a string id' });
      return {};
    }
    const command = checkCommand(raw);
    if (typeof command === 'string') {
      this.send(connection, { type: 'error', id, code: 'invalid-command', message: command });
      return {};
    }
    // A command received is applied even if its connection is gone by now; only the ack is lost.
    const result = this.data.handle(connection.principal!, command);
    if (
      command.type === 'send' &&
      !result.error &&
      this.faults.dropAfterSends !== undefined &&
      (this.sendsSinceFault += 1) >= this.faults.dropAfterSends
    ) {
      // The link dies as the command is applied: the client cannot know it went through.
      this.faults = { ...this.faults, dropAfterSends: undefined };
      this.sendsSinceFault = 0;
      this.dropConnections();
    }
    return { id, result };
  }

  /** Event frames go through the fault injection (duplicates, swaps). */
  private sendEvent(connection: Connection, frame: EventFrame): void {
    const text = JSON.stringify(frame);
    const out = (data: string) => {
      this.sendText(connection, data);
      if (this.faults.duplicateEvents && connection.lastText) this.sendText(connection, connection.lastText);
      connection.lastText = data;
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
  cobrowseEnd: ['conversationId', 'clientId', 'reason'],
  cobrowseOptions: ['conversationId'],
  cobrowseAnswer: ['conversationId'],
  availability: ['availability'],
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
  const shift = checkShiftCommand(type, command);
  if (shift) return shift;
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

/** The agent's shift commands (issue 16): what the string fields above do not cover. */
function checkShiftCommand(type: string, command: Record<string, unknown>): string | undefined {
  const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 256;
  switch (type) {
    case 'cobrowse':
      return command.clientId === undefined || isId(command.clientId)
        ? undefined
        : 'cobrowse.clientId must be a non-empty string';
    case 'cobrowseEnd':
      return ['cancelled', 'expired', 'ended'].includes(command.reason as string)
        ? undefined
        : 'cobrowseEnd.reason must be cancelled, expired or ended';
    case 'cobrowseOptions': {
      const options = command.options as Record<string, unknown> | null;
      const valid =
        typeof options === 'object' &&
        options !== null &&
        ['mouse', 'input', 'scroll'].every((key) => typeof options[key] === 'boolean');
      return valid ? undefined : 'cobrowseOptions.options must have boolean mouse, input and scroll';
    }
    case 'cobrowseAnswer':
      return typeof command.accepted === 'boolean' ? undefined : 'cobrowseAnswer.accepted must be a boolean';
    case 'availability': {
      if (!['available', 'busy', 'unavailable'].includes(command.availability as string))
        return 'availability.availability must be available, busy or unavailable';
      const channels = command.channels;
      const valid =
        Array.isArray(channels) &&
        channels.length > 0 &&
        channels.length <= 50 &&
        channels.every((channel) => typeof channel === 'string' && channel.length > 0 && channel.length <= 64);
      return valid ? undefined : 'availability.channels must be 1 to 50 channel names';
    }
    default:
      return undefined;
  }
}

/** A short, one-way label for a token, for stats and logs (tokens themselves are never kept). */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
