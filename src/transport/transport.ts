import type { ClientCommand, ConnectionState, DeskErrorInfo } from '../model/types.js';

/** Where a transport delivers what the server says. Raw events are validated by the store. */
export interface TransportSink {
  event(raw: unknown): void;
  connection(state: ConnectionState): void;
  error(error: DeskErrorInfo): void;
}

/**
 * The link between a DeskStore and a backend. `send` resolves when the server accepted the
 * command and rejects (with a TransportError) when it could not be delivered or was refused.
 */
export interface Transport {
  connect(sink: TransportSink): void;
  send(command: ClientCommand): Promise<void>;
  close(): void;
}

export class TransportError extends Error {
  /** `offline`: not delivered, worth retrying when back online; `rejected`: the server refused it. */
  readonly reason: 'offline' | 'rejected' | 'timeout';
  /** For `rejected`: the server's error code when it gave one (e.g. `target-unavailable`). */
  readonly code: string | undefined;

  constructor(reason: 'offline' | 'rejected' | 'timeout', message: string, code?: string) {
    super(message);
    this.name = 'TransportError';
    this.reason = reason;
    this.code = code;
  }
}

/** A caught value as text for an error report (a TransportError with its reason). */
export function describeError(error: unknown): string {
  if (error instanceof TransportError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
