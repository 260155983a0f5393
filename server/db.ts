/**
 * The reference server's database: PostgreSQL, either embedded (PGlite, WASM, in a data folder)
 * or a real server through `pg`. Both run the same SQL (schema.ts); this file only hides how a
 * query, a transaction and LISTEN/NOTIFY are spelled on each.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Row {
  [column: string]: unknown;
}

/** What a query runs on: the database itself or an open transaction. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** `embedded` (PGlite: one process only) or `server` (PostgreSQL: any number of instances). */
  readonly kind: 'embedded' | 'server';
  /** Runs `work` in one transaction (READ COMMITTED); rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` with the payload of every NOTIFY on `channel`, from any instance. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` or `postgresql://…` (or a unix socket: `postgresql:///desk?host=/run/postgresql`). */
  url?: string;
  /** PGlite's folder when there is no `url`; `memory://` (the default here) keeps nothing. */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only, default 8). */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 8);
  return openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db: PGlite = await PGlite.create(dataDir);
  return {
    kind: 'embedded',
    async query<T extends Row>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          query: async <R extends Row>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        }),
      );
    },
    async listen(channel, onNotify) {
      await db.listen(channel, (payload) => onNotify(payload));
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const pool: Pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on('error', (error) => console.warn(`[desk-server] database connection lost: ${error.message}`));
  let listener: PoolClient | undefined;
  const query = async <T extends Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return {
    kind: 'server',
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <R extends Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as R[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      listener ??= await pool.connect();
      listener.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await listener.query(`LISTEN ${quoteIdentifier(channel)}`);
    },
    async close() {
      listener?.release();
      listener = undefined;
      await pool.end();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
