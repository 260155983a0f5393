/**
 * The agent-desk WebSocket protocol, version 1 (see docs/protocol.md): the frames both sides
 * exchange, and the envelope checks the client runs on every inbound frame. Shared by
 * WebSocketTransport and the reference server (server/), so they cannot drift apart.
 */
import type { Agent, ClientCommand, ServerEvent } from '../model/types.js';

/** Sub-protocol name sent in `Sec-WebSocket-Protocol`; the server must select it. */
export const PROTOCOL = 'agent-desk.v1';
export const PROTOCOL_VERSION = 1;

/** Close codes (4000–4999 are the application's). */
export const CloseCode = {
  /** The token was refused: do not reconnect until there is a new token. */
  unauthorized: 4401,
  /** The client speaks a version or frame the server does not understand. Do not reconnect. */
  badRequest: 4400,
  /** No `hello` in time. */
  helloTimeout: 4408,
  /** The server went silent (no frame within the heartbeat timeout); closed by the client. */
  heartbeatTimeout: 4000,
  /** The server is going down (restart); reconnect. */
  goingAway: 1001,
} as const;

/** Codes carried by `error` frames. */
export type ProtocolErrorCode =
  | 'unauthorized'
  | 'unsupported-version'
  | 'bad-frame'
  | 'invalid-command'
  | 'unknown-conversation'
  | 'conversation-closed'
  | 'visitor-blocked'
  | 'forbidden'
  | 'internal';

// ---- client → server ---------------------------------------------------------------------

export interface HelloFrame {
  type: 'hello';
  v: typeof PROTOCOL_VERSION;
  token: string;
  /** Where the client stopped last time: the server replays what came after `seq`. */
  resume?: { stream: string; seq: number };
}
export interface CommandFrame {
  type: 'command';
  id: string;
  command: ClientCommand;
}
/** Events up to `seq` were received (lets a server trim its replay buffer). */
export interface AckFrame {
  type: 'ack';
  seq: number;
}
/** Replay, on this connection, every event after `seq` (the client saw a gap). */
export interface ResumeFrame {
  type: 'resume';
  seq: number;
}
export interface PingFrame {
  type: 'ping';
  t: number;
}
/** From the server, `seq` is its newest event's sequence number (lets the client notice a lost last event). */
export interface PongFrame {
  type: 'pong';
  t: number;
  seq?: number;
}

export type ClientFrame = HelloFrame | CommandFrame | AckFrame | ResumeFrame | PingFrame | PongFrame;

// ---- server → client ---------------------------------------------------------------------

export interface WelcomeFrame {
  type: 'welcome';
  v: typeof PROTOCOL_VERSION;
  /** Identifies the server's event stream; `seq` values are only comparable within one stream. */
  stream: string;
  /** The newest event's sequence number at the time of the welcome. */
  seq: number;
  /** True: the events after the client's `resume.seq` follow. False: a `snapshot` event follows. */
  resumed: boolean;
  /** Suggested ping interval, in milliseconds. */
  heartbeatMs: number;
  agent?: Agent;
}
/** One server event. `seq` increases by one per event in a stream; a snapshot carries the seq of the newest event it contains. */
export interface EventFrame {
  type: 'event';
  seq: number;
  event: ServerEvent;
}
/** The command `id` was applied. `events`: replies for this client only (e.g. a history page), never replayed. */
export interface CommandAckFrame {
  type: 'ack';
  id: string;
  messageId?: string;
  duplicate?: boolean;
  events?: ServerEvent[];
}
/** A refused command (`id` set) or a connection-level error (no `id`; the server closes when fatal). */
export interface ErrorFrame {
  type: 'error';
  id?: string;
  code: ProtocolErrorCode | (string & {});
  message: string;
}

export type ServerFrame = WelcomeFrame | EventFrame | CommandAckFrame | ErrorFrame | PingFrame | PongFrame;

// ---- envelope validation (client side) ---------------------------------------------------

export type FrameResult = { ok: true; frame: ServerFrame } | { ok: false; error: string };

const MAX_SEQ = Number.MAX_SAFE_INTEGER;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SEQ;
}

function isShortString(value: unknown, max = 256): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/**
 * Parses and checks the envelope of a server frame. Event payloads are only checked for being
 * objects with a `type`: the store validates them fully. Never throws.
 */
export function parseServerFrame(text: string): FrameResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (!isRecord(data)) return { ok: false, error: 'not a JSON object' };
  const isEvent = (e: unknown) => isRecord(e) && typeof e.type === 'string';
  switch (data.type) {
    case 'welcome':
      if (data.v !== PROTOCOL_VERSION) return { ok: false, error: `unsupported protocol version ${String(data.v)}` };
      if (!isShortString(data.stream) || !isSeq(data.seq) || typeof data.resumed !== 'boolean') {
        return { ok: false, error: 'welcome: stream, seq and resumed are required' };
      }
      if (typeof data.heartbeatMs !== 'number' || !(data.heartbeatMs > 0))
        return { ok: false, error: 'welcome: heartbeatMs' };
      return { ok: true, frame: data as unknown as WelcomeFrame };
    case 'event':
      if (!isSeq(data.seq)) return { ok: false, error: 'event: seq must be a non-negative integer' };
      if (!isEvent(data.event)) return { ok: false, error: 'event: event must be an object with a type' };
      return { ok: true, frame: data as unknown as EventFrame };
    case 'ack':
      if (!isShortString(data.id)) return { ok: false, error: 'ack: id is required' };
      if (data.events !== undefined && !(Array.isArray(data.events) && data.events.every(isEvent))) {
        return { ok: false, error: 'ack: events must be an array of events' };
      }
      return { ok: true, frame: data as unknown as CommandAckFrame };
    case 'error':
      if (!isShortString(data.code, 64) || typeof data.message !== 'string')
        return { ok: false, error: 'error: code and message are required' };
      if (data.id !== undefined && !isShortString(data.id)) return { ok: false, error: 'error: bad id' };
      return { ok: true, frame: { ...(data as unknown as ErrorFrame), message: data.message.slice(0, 500) } };
    case 'ping':
    case 'pong':
      if (typeof data.t !== 'number') return { ok: false, error: `${data.type}: t must be a number` };
      if (data.seq !== undefined && !isSeq(data.seq))
        return { ok: false, error: `${data.type}: seq must be a non-negative integer` };
      return { ok: true, frame: data as unknown as PingFrame | PongFrame };
    default:
      return { ok: false, error: `unknown frame type ${JSON.stringify(String(data.type).slice(0, 40))}` };
  }
}
