import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Message } from '../model/types.js';
import type { Outbox } from './outbox.js';

interface OutboxSchema extends DBSchema {
  messages: { key: string; value: Message };
}

const STORE = 'messages';

export interface IndexedDbOutboxOptions {
  /**
   * Database name (default `agent-desk-outbox`). Give each signed-in agent (or each desk on the
   * same origin) its own name so their pending messages never mix.
   */
  name?: string;
}

/**
 * An outbox kept in IndexedDB: agent messages that are sending or failed survive a page reload
 * and are resent (under their client id) when the desk is back online. Entries are keyed by
 * client id, so writing the same message again replaces it and a resend is idempotent.
 *
 * Pass it to the store: `new DeskStore({ transport, outbox: new IndexedDbOutbox({ name: 'desk-a1' }) })`.
 * Where IndexedDB is unavailable (private modes, some sandboxed frames) every call rejects and
 * the store reports an `outbox` error; sending itself still works.
 */
export class IndexedDbOutbox implements Outbox {
  readonly name: string;
  private db: Promise<IDBPDatabase<OutboxSchema>> | undefined;

  constructor(options: IndexedDbOutboxOptions = {}) {
    this.name = options.name ?? 'agent-desk-outbox';
  }

  /** Everything still waiting, oldest first (by `at`, then by client id). */
  async load(): Promise<Message[]> {
    const db = await this.open();
    const messages = await db.getAll(STORE);
    return messages.sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : (a.clientId ?? '') < (b.clientId ?? '') ? -1 : 1,
    );
  }

  async put(message: Message): Promise<void> {
    if (!message.clientId) return;
    const db = await this.open();
    await db.put(STORE, message, message.clientId);
  }

  async delete(clientId: string): Promise<void> {
    const db = await this.open();
    await db.delete(STORE, clientId);
  }

  /** Closes the connection (e.g. before deleting the database); the next call reopens it. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) (await db.catch(() => undefined))?.close();
  }

  private open(): Promise<IDBPDatabase<OutboxSchema>> {
    if (!this.db) {
      if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
      const opening = openDB<OutboxSchema>(this.name, 1, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
        },
        // Another tab upgraded or deleted the database: let go so it is not blocked.
        blocking: () => void this.close(),
        terminated: () => {
          this.db = undefined;
        },
      });
      // A failed open is retried on the next call rather than cached forever.
      opening.catch(() => {
        if (this.db === opening) this.db = undefined;
      });
      this.db = opening;
    }
    return this.db;
  }
}
