import type { ClientCommandType } from './types.js';

/**
 * The errors the desk reports through `DeskStore.errors$` and the `desk-error` DOM event: a closed
 * union on `code`, each member with the data a host needs to act on it. Every member has a
 * human-readable `message` (English, for logs; not meant to be shown to the agent as is).
 *
 * Adding a code: add its member here and to `DeskErrorInfo`, its code to `DESK_ERROR_CODES`, a
 * console policy in the store, a row in the README's events section and a producer in
 * test/store/errors.test.ts (the compiler asks for each of them but the README).
 */
interface DeskErrorBase<C extends string> {
  code: C;
  /** What happened, in English, for logs. */
  message: string;
}

/**
 * A server event (or an item of a snapshot or history page) was malformed or could not apply
 * (unknown conversation or message): dropped, with a console warning.
 */
export interface InvalidEventErrorInfo extends DeskErrorBase<'invalid-event'> {
  /** The `type` of the event dropped or cut short; `unknown` when it had none. */
  eventType: string;
}

/** The WebSocket server sent a frame that is not part of the protocol (bad JSON, too large…): dropped. */
export type InvalidFrameErrorInfo = DeskErrorBase<'invalid-frame'>;

/** Server events that never arrived, even when replayed: the desk continues without them. */
export interface EventsLostErrorInfo extends DeskErrorBase<'events-lost'> {
  /** Sequence number of the first event lost. */
  from: number;
  /** Sequence number of the last event lost (`from` when one was). */
  to: number;
}

/** A connection-level `error` frame from the server (one that no command of ours caused). */
export interface ServerErrorInfo extends DeskErrorBase<'server'> {
  /** The frame's `code` (docs/protocol.md), e.g. `internal` or `bad-frame`. */
  serverCode: string;
}

/** The server does not speak our protocol (or never sent the snapshot): reconnecting stopped. */
export type ProtocolErrorInfo = DeskErrorBase<'protocol'>;

/** No access token, or the server refused it: reconnecting stopped until `reconnect()`. */
export type UnauthorizedErrorInfo = DeskErrorBase<'unauthorized'>;

/** A command failed (`command` set: its changes are rolled back), or the transport itself did (socket, frame handling). */
export interface TransportErrorInfo extends DeskErrorBase<'transport'> {
  /** The type of the command that failed; absent for a failure of the transport itself. */
  command?: ClientCommandType;
}

/** An agent message could not be delivered: it shows "Not sent" with Retry and stays in the outbox. */
export interface SendFailedErrorInfo extends DeskErrorBase<'send-failed'> {
  /** The message's client id (also its id in the thread until the server confirms it). */
  clientId: string;
  conversationId: string;
}

/** `send()` refused a draft (empty, invalid, disallowed URL, closed conversation, blocked visitor): nothing was sent. */
export interface SendRefusedErrorInfo extends DeskErrorBase<'send-refused'> {
  conversationId: string;
}

/** A store command was called with a value it does not accept: ignored. */
export interface InvalidArgumentErrorInfo extends DeskErrorBase<'invalid-argument'> {
  method: 'setLayout' | 'setFilter' | 'setSort' | 'setAvailability' | 'setCobrowseOption';
}

/** The signed-in agent may not do this (unblocking takes a manager): nothing was done. */
export interface ForbiddenErrorInfo extends DeskErrorBase<'forbidden'> {
  visitorId: string;
}

/** The outbox could not keep a message for resending (`clientId` set) or could not be read back. */
export interface OutboxErrorInfo extends DeskErrorBase<'outbox'> {
  clientId?: string;
}

/** An action could not be applied to the state (a bug): skipped, the rest of its batch applied. */
export interface InternalErrorInfo extends DeskErrorBase<'internal'> {
  /** The type of the action skipped (a server event type, or the store's own `local.…`). */
  action: string;
}

/** The demo (`demo` attribute: its data or the simulator) could not be loaded. */
export type DemoErrorInfo = DeskErrorBase<'demo'>;

/** An error the desk reports through `errors$` and the `desk-error` DOM event; narrow it on `code`. */
export type DeskErrorInfo =
  | InvalidEventErrorInfo
  | InvalidFrameErrorInfo
  | EventsLostErrorInfo
  | ServerErrorInfo
  | ProtocolErrorInfo
  | UnauthorizedErrorInfo
  | TransportErrorInfo
  | SendFailedErrorInfo
  | SendRefusedErrorInfo
  | InvalidArgumentErrorInfo
  | ForbiddenErrorInfo
  | OutboxErrorInfo
  | InternalErrorInfo
  | DemoErrorInfo;

export type DeskErrorCode = DeskErrorInfo['code'];

/** The member of `DeskErrorInfo` with this code. */
export type DeskErrorOf<C extends DeskErrorCode> = Extract<DeskErrorInfo, { code: C }>;

/**
 * Every `DeskErrorInfo['code']`, once each (`satisfies` refuses a code the union lacks; the test of
 * the codes, test/store/errors.test.ts, fails to compile when one of the union's is missing here).
 */
export const DESK_ERROR_CODES = [
  'invalid-event',
  'invalid-frame',
  'events-lost',
  'server',
  'protocol',
  'unauthorized',
  'transport',
  'send-failed',
  'send-refused',
  'invalid-argument',
  'forbidden',
  'outbox',
  'internal',
  'demo',
] as const satisfies readonly DeskErrorCode[];
