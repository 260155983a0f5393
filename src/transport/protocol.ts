/**
 * The agent-desk WebSocket protocol, version 1 (see docs/protocol.md): the frames both sides
 * exchange, and the envelope checks the client runs on every inbound frame. Shared by
 * WebSocketTransport and the reference server (server/), so they cannot drift apart.
 */
import * as v from 'valibot';
import { Count, Id, validate } from '../model/schema.js';
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
  /**
   * More frames per second than the server allows; reconnect after the usual backoff. (Also
   * retried: 1009, a frame over the server's limit, and 1011, a server failure.)
   */
  rateLimited: 4429,
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
  /** A transfer whose target cannot take the conversation now (agent unavailable, skill with nobody free). */
  | 'target-unavailable'
  | 'rate-limited'
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
/**
 * From the server, `seq` is the newest event it sent on this connection (lets the client notice a
 * lost last event). Only a hint: a client never counts an event as delivered because of it.
 */
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
/**
 * One server event. `seq` increases by one per event in a stream; a snapshot carries the seq of the
 * newest event it contains. `prev` (optional, added in v1): the seq of the previous event sent on
 * this connection, when the events in between are not for this client (another agent's
 * conversations); without it, the previous event is `seq - 1`.
 */
export interface EventFrame {
  type: 'event';
  seq: number;
  prev?: number;
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

/** An event payload: only its `type` is checked here, the store validates the rest. */
const EventEnvelope = v.looseObject({ type: v.string() });
const Ping = { t: v.number(), seq: v.optional(Count) };

const ServerFrameSchema = v.variant('type', [
  v.looseObject({
    type: v.literal('welcome'),
    v: v.literal(PROTOCOL_VERSION),
    stream: Id,
    seq: Count,
    resumed: v.boolean(),
    heartbeatMs: v.pipe(v.number(), v.gtValue(0)),
  }),
  v.looseObject({ type: v.literal('event'), seq: Count, prev: v.optional(Count), event: EventEnvelope }),
  v.looseObject({ type: v.literal('ack'), id: Id, events: v.optional(v.array(EventEnvelope)) }),
  v.looseObject({
    type: v.literal('error'),
    id: v.optional(Id),
    code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    message: v.pipe(
      v.string(),
      v.transform((message) => message.slice(0, 500)),
    ),
  }),
  v.looseObject({ type: v.literal('ping'), ...Ping }),
  v.looseObject({ type: v.literal('pong'), ...Ping }),
]);

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
  const parsed = validate(ServerFrameSchema as v.GenericSchema<unknown, ServerFrame>, data, 'unreadable frame');
  return parsed.ok ? { ok: true, frame: parsed.value } : parsed;
}
