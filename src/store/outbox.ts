import type { Message } from '../model/types.js';

/**
 * Where agent messages wait until the server confirmed them. Entries are keyed by client id,
 * so writing the same message twice keeps one entry and a resend is idempotent.
 */
export interface Outbox {
  /** Everything still waiting (sending or failed), oldest first. */
  load(): Promise<Message[]>;
  put(message: Message): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/** An outbox that lives as long as the page: the default when no persistent one is given. */
export class MemoryOutbox implements Outbox {
  private readonly entries = new Map<string, Message>();

  async load(): Promise<Message[]> {
    return [...this.entries.values()];
  }

  async put(message: Message): Promise<void> {
    if (message.clientId) this.entries.set(message.clientId, message);
  }

  async delete(clientId: string): Promise<void> {
    this.entries.delete(clientId);
  }
}
