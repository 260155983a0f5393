/**
 * The database schema, as numbered migrations. Every instance runs `migrate` when it starts:
 * under an advisory lock, so instances starting together apply each migration once; the first
 * one also seeds the desk (fixtures) and creates the stream. Same SQL on PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { Fixtures } from '../src/model/types.js';
import type { Database, Queryable } from './db.js';
import type { Assignment } from './desk-data.js';

/** Append only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: string[] = [
  // 1: the stream, the event log, and the state the events lead to.
  `
  CREATE TABLE desk_stream (
    id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    stream text NOT NULL,
    seq bigint NOT NULL DEFAULT 0,
    oldest bigint NOT NULL DEFAULT 1
  );
  CREATE TABLE desk_events (
    seq bigint PRIMARY KEY,
    event jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE desk_visitors (
    id text PRIMARY KEY,
    data jsonb NOT NULL
  );
  CREATE TABLE desk_conversations (
    id text PRIMARY KEY,
    visitor_id text NOT NULL,
    assigned_agent text,
    assigned_skill text,
    data jsonb NOT NULL
  );
  CREATE TABLE desk_messages (
    id text PRIMARY KEY,
    conversation_id text NOT NULL,
    client_id text UNIQUE,
    at timestamptz NOT NULL,
    data jsonb NOT NULL
  );
  CREATE INDEX desk_messages_thread ON desk_messages (conversation_id, at);
  CREATE TABLE desk_archive (
    kind text NOT NULL CHECK (kind IN ('conversation', 'message')),
    id text NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (kind, id)
  );
  `,
  // 2: each agent's channels and availability (issue 16); an agent without a row has the desk's defaults.
  `
  CREATE TABLE desk_agents (
    id text PRIMARY KEY,
    channels jsonb NOT NULL
  );
  `,
];

/** Any number, the same for every instance of every version of this server. */
const MIGRATION_LOCK = 7_415_001;

export interface Seed {
  fixtures: Fixtures;
  assignments?: Record<string, Assignment>;
}

/** Brings the schema up to date; seeds an empty desk. Returns the migrations applied now. */
export async function migrate(db: Database, seed: Seed): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS desk_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM desk_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    let applied = 0;
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const statement of sql.split(';').map((s) => s.trim())) if (statement) await tx.query(statement);
      await tx.query('INSERT INTO desk_migrations (version) VALUES ($1)', [version]);
      applied += 1;
    }
    const stream = await tx.query('SELECT 1 FROM desk_stream');
    if (stream.length === 0) await seedDesk(tx, seed);
    return applied;
  });
}

async function seedDesk(tx: Queryable, { fixtures, assignments = {} }: Seed): Promise<void> {
  await tx.query('INSERT INTO desk_stream (stream) VALUES ($1)', [randomUUID()]);
  for (const visitor of fixtures.visitors)
    await tx.query('INSERT INTO desk_visitors (id, data) VALUES ($1, $2::jsonb)', [
      visitor.id,
      JSON.stringify(visitor),
    ]);
  for (const conversation of fixtures.conversations) {
    const assignment = assignments[conversation.id] ?? {};
    await tx.query(
      'INSERT INTO desk_conversations (id, visitor_id, assigned_agent, assigned_skill, data) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [
        conversation.id,
        conversation.visitorId,
        assignment.agentId ?? null,
        assignment.skill ?? null,
        JSON.stringify(conversation),
      ],
    );
  }
  for (const message of fixtures.messages)
    await tx.query(
      'INSERT INTO desk_messages (id, conversation_id, client_id, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [message.id, message.conversationId, message.clientId ?? null, message.at, JSON.stringify(message)],
    );
  for (const conversation of fixtures.archive?.conversations ?? [])
    await tx.query("INSERT INTO desk_archive (kind, id, data) VALUES ('conversation', $1, $2::jsonb)", [
      conversation.id,
      JSON.stringify(conversation),
    ]);
  for (const message of fixtures.archive?.messages ?? [])
    await tx.query("INSERT INTO desk_archive (kind, id, data) VALUES ('message', $1, $2::jsonb)", [
      message.id,
      JSON.stringify(message),
    ]);
}

/** Drops every table of the desk (tests start from nothing with it; never called by the server). */
export async function dropDesk(db: Database): Promise<void> {
  await db.query(
    'DROP TABLE IF EXISTS desk_events, desk_messages, desk_conversations, desk_visitors, desk_archive, desk_agents, desk_stream, desk_migrations',
  );
}
