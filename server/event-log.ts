/**
 * The event log in the database, and this instance's view of it.
 *
 * - `append` writes events in ONE transaction that first bumps `desk_stream.seq` (a row lock: writers
 *   from every instance queue there), inserts each event under the next number, updates the state
 *   tables, and NOTIFYs `desk_events`. Seqs are therefore assigned in commit order and a rolled-back
 *   transaction gives its numbers back: the log has no gaps, and a reader that sees seq N has seen
 *   every seq before it.
 * - `catchUp` reads the events after the newest one this instance has (on NOTIFY, after its own
 *   appends, and every `pollMs` in case a notification was missed), applies them to the
 *   projection (DeskData) and hands them to the server, in order, each once.
 * - The last `cacheSize` events stay in memory for resumes; older resumes read the table, and a
 *   resume older than the retention (`desk_stream.oldest`) gets a snapshot.
 */
import type { AgentChannel, Message, ServerEvent } from '../src/model/types.js';
import type { EventFrame } from '../src/transport/protocol.js';
import type { Database, Queryable } from './db.js';
import {
  nextConversation,
  nextMessage,
  nextVisitor,
  type Assignment,
  type DeskData,
  type DeskState,
} from './desk-data.js';
import { migrate, type Seed } from './schema.js';

const CHANNEL = 'desk_events';

export interface EventLogOptions {
  /** Events kept in memory for resumes (default 10 000). */
  cacheSize?: number;
  /** Events kept in the database (default 100 000): `trim` deletes older ones. */
  retain?: number;
  /** Safety poll for missed notifications, in ms (default 1 000). */
  pollMs?: number;
}

/** What became of one group of events given to `append`. */
export interface AppendResult {
  /** Their seqs (empty for a duplicate). */
  seqs: number[];
  /** The group's message was already stored (same client id or id): nothing of it was written; its id. */
  duplicateOf?: string;
}

export class EventLog {
  stream = '';
  /** Newest seq applied to the projection. */
  head = 0;
  /** Oldest seq still in the database (older resumes get a snapshot). */
  oldest = 1;
  private cache: EventFrame[] = [];
  private readonly cacheSize: number;
  private readonly retain: number;
  private readonly pollMs: number;
  private reading: Promise<void> | undefined;
  private again = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** The channels of an agent the database has no row for (the seed's). */
  private defaultChannels: AgentChannel[] = [];

  constructor(
    private readonly db: Database,
    private readonly data: DeskData,
    private readonly onEvents: (frames: EventFrame[]) => void,
    options: EventLogOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 10_000;
    this.retain = options.retain ?? 100_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  /** Migrates, loads the projection at the newest seq, and starts following the log. */
  async open(seed: Seed): Promise<void> {
    await migrate(this.db, seed);
    this.defaultChannels = seed.fixtures.channels ?? [];
    await this.load();
    await this.db.listen(CHANNEL, (payload) => this.notified(payload));
    this.pollTimer = setInterval(() => void this.catchUp(), this.pollMs);
    this.pollTimer.unref?.();
  }

  /** Stops following the log (the database stays open: its owner closes it). */
  close(): void {
    this.closed = true;
    clearInterval(this.pollTimer);
  }

  /** Reads the whole state and its seq in one transaction (a consistent picture). */
  private async load(): Promise<void> {
    const state = await this.db.transaction(async (tx) => {
      if (this.db.kind === 'server') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const [stream] = await tx.query<{ stream: string; seq: string | number; oldest: string | number }>(
        'SELECT stream, seq, oldest FROM desk_stream',
      );
      const visitors = await tx.query<{ data: DeskState['visitors'][number] }>('SELECT data FROM desk_visitors');
      const conversations = await tx.query<{
        data: DeskState['conversations'][number];
        assigned_agent: string | null;
        assigned_skill: string | null;
      }>('SELECT data, assigned_agent, assigned_skill FROM desk_conversations');
      const messages = await tx.query<{ data: Message }>('SELECT data FROM desk_messages ORDER BY at, id');
      const archive = await tx.query<{ kind: string; data: Message & DeskState['conversations'][number] }>(
        "SELECT kind, data FROM desk_archive ORDER BY data->>'at', data->>'startedAt', id",
      );
      const agents = await tx.query<{ id: string; channels: AgentChannel[] }>('SELECT id, channels FROM desk_agents');
      const assignments: Record<string, Assignment> = {};
      for (const row of conversations) {
        if (row.assigned_agent || row.assigned_skill)
          assignments[row.data.id] = {
            ...(row.assigned_agent ? { agentId: row.assigned_agent } : {}),
            ...(row.assigned_skill ? { skill: row.assigned_skill } : {}),
          };
      }
      return {
        stream: stream!,
        state: {
          visitors: visitors.map((r) => r.data),
          conversations: conversations.map((r) => r.data),
          messages: messages.map((r) => r.data),
          assignments,
          agents: Object.fromEntries(agents.map((row) => [row.id, row.channels])),
          defaultChannels: this.defaultChannels,
          archive: {
            conversations: archive.filter((r) => r.kind === 'conversation').map((r) => r.data),
            messages: archive.filter((r) => r.kind === 'message').map((r) => r.data),
          },
        } satisfies DeskState,
      };
    });
    this.stream = state.stream.stream;
    this.head = Number(state.stream.seq);
    this.oldest = Number(state.stream.oldest);
    this.cache = [];
    this.data.load(state.state);
  }

  /**
   * Logs groups of events in ONE transaction, each event with the next seq, and updates the state
   * tables. A group whose `message.added` has a client id (or id) already stored is skipped whole
   * (`duplicateOf`): that is what keeps sends idempotent across instances. The check is exact: it
   * runs under the stream row lock, which every writer takes first. Resolves once this instance
   * has read the new events back (so they were published).
   */
  async append(groups: ServerEvent[][]): Promise<AppendResult[]> {
    if (groups.every((group) => group.length === 0)) return groups.map(() => ({ seqs: [] }));
    let written: [number, ServerEvent][] = [];
    const results = await this.db.transaction(async (tx) => {
      written = [];
      const [row] = await tx.query<{ seq: string | number }>('SELECT seq FROM desk_stream FOR UPDATE');
      let seq = Number(row!.seq);
      const taken = new Map<string, string>();
      const out: AppendResult[] = [];
      for (const group of groups) {
        const duplicateOf = await storedMessage(tx, group, taken);
        if (duplicateOf !== undefined) {
          out.push({ seqs: [], duplicateOf });
          continue;
        }
        const seqs: number[] = [];
        for (const event of group) {
          seq += 1;
          await writeState(tx, event);
          await tx.query('INSERT INTO desk_events (seq, event) VALUES ($1, $2::jsonb)', [seq, JSON.stringify(event)]);
          seqs.push(seq);
          written.push([seq, event]);
        }
        out.push({ seqs });
      }
      if (seq !== Number(row!.seq)) {
        await tx.query('UPDATE desk_stream SET seq = $1', [seq]);
        // Wakes the other instances (delivered at commit, in commit order), with the events when
        // they fit (saves them a read). An embedded database has no other instances.
        if (this.db.kind === 'server') {
          const events = JSON.stringify({ seq, events: written });
          await tx.query('SELECT pg_notify($1, $2)', [
            CHANNEL,
            // PostgreSQL refuses a payload of 8000 bytes or more (bytes, not characters).
            Buffer.byteLength(events, 'utf8') < 7000 ? events : JSON.stringify({ seq }),
          ]);
        }
      }
      return out;
    });
    // This instance publishes what it wrote at once, unless it is behind (then it reads the log).
    if (!this.takeIfNext(written.map(([seq, event]) => ({ type: 'event', seq, event: jsonCopy(event) }))))
      await this.catchUp();
    return results;
  }

  /** Reads and publishes every event after `head` (one reader at a time; a call during a read reads again after it). */
  catchUp(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.again = false;
          while (await this.readBatch());
        } while (this.again && !this.closed);
      } catch (error) {
        if (!this.closed) console.warn(`[desk-server] reading the event log failed: ${(error as Error).message}`);
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  /** One batch of new events; true if there may be more. */
  private async readBatch(): Promise<boolean> {
    const rows = await this.db.query<{ seq: string | number; event: ServerEvent }>(
      'SELECT seq, event FROM desk_events WHERE seq > $1 ORDER BY seq LIMIT 500',
      [this.head],
    );
    const frames: EventFrame[] = rows
      .map((row): EventFrame => ({ type: 'event', seq: Number(row.seq), event: row.event }))
      .filter((frame) => frame.seq > this.head);
    if (frames.length > 0 && frames[0]!.seq > this.head + 1) {
      // Trimmed by retention while this instance was away: start over from the database's state.
      await this.load();
      return false;
    }
    this.take(frames);
    return rows.length === 500;
  }

  /** Takes frames that continue the log right now (no read under way); false when they do not. */
  private takeIfNext(frames: EventFrame[]): boolean {
    if (this.reading || frames.length === 0 || frames[0]!.seq !== this.head + 1) return false;
    this.take(frames);
    return true;
  }

  /** Applies consecutive frames after `head` to the projection, caches them and hands them on. */
  private take(frames: EventFrame[]): void {
    const taken: EventFrame[] = [];
    for (const frame of frames) {
      if (frame.seq !== this.head + 1) break;
      this.head = frame.seq;
      try {
        this.data.apply(frame.event);
      } catch (error) {
        // A malformed event in the log must not stop the reader: it is delivered, and the store refuses it.
        console.warn(`[desk-server] event ${frame.seq} not applied: ${(error as Error).message}`);
      }
      taken.push(frame);
      this.cache.push(frame);
    }
    if (this.cache.length > this.cacheSize) this.cache.splice(0, this.cache.length - this.cacheSize);
    if (taken.length === 0) return;
    try {
      this.onEvents(taken);
    } catch (error) {
      console.warn(`[desk-server] delivering events failed: ${(error as Error).message}`);
    }
  }

  /** A notification: its events when it carries them (small ones do), else a read. */
  private notified(payload: string): void {
    let parsed: { seq?: number; events?: [number, ServerEvent][] } = {};
    try {
      const value: unknown = JSON.parse(payload);
      if (typeof value === 'object' && value !== null) parsed = value as typeof parsed;
    } catch {
      // Not ours, or cut: read the log.
    }
    if ((parsed.seq ?? Number.POSITIVE_INFINITY) <= this.head) return; // already here (our own append)
    const frames = (parsed.events ?? []).map(([seq, event]): EventFrame => ({ type: 'event', seq, event }));
    if (!this.takeIfNext(frames)) void this.catchUp();
  }

  /** Events after `seq` up to `head`, or `undefined` when they are no longer kept (the client needs a snapshot). */
  async eventsAfter(seq: number): Promise<EventFrame[] | undefined> {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.head) return undefined;
    const cached = this.cachedAfter(seq);
    if (cached) return cached;
    const [bounds] = await this.db.query<{ oldest: string | number }>('SELECT oldest FROM desk_stream');
    this.oldest = Number(bounds?.oldest ?? this.oldest);
    if (seq < this.oldest - 1) return undefined;
    const until = this.cache[0]?.seq ?? this.head + 1;
    const rows = await this.db.query<{ seq: string | number; event: ServerEvent }>(
      'SELECT seq, event FROM desk_events WHERE seq > $1 AND seq < $2 ORDER BY seq',
      [seq, until],
    );
    const frames: EventFrame[] = rows.map((row) => ({ type: 'event', seq: Number(row.seq), event: row.event }));
    const rest = this.cachedAfter(frames.at(-1)?.seq ?? seq);
    if (!rest) return undefined;
    const all = [...frames, ...rest];
    // Contiguous or nothing: a hole (trimmed meanwhile) means a snapshot.
    return all.every((frame, index) => frame.seq === seq + 1 + index) ? all : undefined;
  }

  /** The events after `seq` that this instance holds in memory, or undefined when it does not hold them all. */
  cachedAfter(seq: number): EventFrame[] | undefined {
    const first = this.cache[0]?.seq ?? this.head + 1;
    if (seq + 1 < first) return undefined;
    return this.cache.slice(seq + 1 - first);
  }

  /** Deletes events beyond the retention (any instance may run it; it is idempotent). */
  async trim(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ seq: string | number }>('SELECT seq FROM desk_stream');
      const oldest = Math.max(1, Number(row!.seq) - this.retain + 1);
      const deleted = await tx.query('DELETE FROM desk_events WHERE seq < $1 RETURNING seq', [oldest]);
      await tx.query('UPDATE desk_stream SET oldest = GREATEST(oldest, $1)', [oldest]);
      this.oldest = Math.max(this.oldest, oldest);
      return deleted.length;
    });
  }
}

/** The event as every instance reads it back: plain JSON. */
function jsonCopy(event: ServerEvent): ServerEvent {
  return JSON.parse(JSON.stringify(event)) as ServerEvent;
}

/**
 * Applies an event to the state tables. An event without the ids it needs changes no state (the
 * log keeps it as it was published: a server bug the clients must survive, see the fault tests).
 */
async function writeState(tx: Queryable, event: ServerEvent): Promise<void> {
  if (!hasIds(event)) return;
  switch (event.type) {
    case 'message.added': {
      const message = event.message;
      await tx.query(
        'INSERT INTO desk_messages (id, conversation_id, client_id, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)',
        [message.id, message.conversationId, message.clientId ?? null, message.at, JSON.stringify(message)],
      );
      return;
    }
    case 'message.updated': {
      const [row] = await tx.query<{ data: Message }>('SELECT data FROM desk_messages WHERE id = $1 FOR UPDATE', [
        event.message.id,
      ]);
      const next = nextMessage(row?.data, event);
      if (next)
        await tx.query('UPDATE desk_messages SET data = $2::jsonb WHERE id = $1', [next.id, JSON.stringify(next)]);
      return;
    }
    case 'conversation.upserted':
    case 'conversation.closed': {
      const id = event.type === 'conversation.upserted' ? event.conversation.id : event.conversationId;
      const [row] = await tx.query<{ data: DeskState['conversations'][number] }>(
        'SELECT data FROM desk_conversations WHERE id = $1 FOR UPDATE',
        [id],
      );
      const next = nextConversation(row?.data, event);
      if (next)
        await tx.query(
          `INSERT INTO desk_conversations (id, visitor_id, data) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, visitor_id = EXCLUDED.visitor_id`,
          [id, next.visitorId, JSON.stringify(next)],
        );
      return;
    }
    case 'visitor.updated':
    case 'visitor.navigated': {
      const id = event.type === 'visitor.updated' ? event.visitor.id : event.visitorId;
      const [row] = await tx.query<{ data: DeskState['visitors'][number] }>(
        'SELECT data FROM desk_visitors WHERE id = $1 FOR UPDATE',
        [id],
      );
      const next = nextVisitor(row?.data, event);
      await tx.query(
        'INSERT INTO desk_visitors (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data',
        [id, JSON.stringify(next)],
      );
      return;
    }
    case 'agent.updated':
      // The command handler publishes the agent's whole list: stored as it is.
      if (event.agentId)
        await tx.query(
          'INSERT INTO desk_agents (id, channels) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET channels = EXCLUDED.channels',
          [event.agentId, JSON.stringify(event.channels)],
        );
      return;
    default:
      return;
  }
}

function hasIds(event: ServerEvent): boolean {
  const loose = event as unknown as Record<string, { id?: unknown; conversationId?: unknown; visitorId?: unknown }>;
  const isId = (value: unknown) => typeof value === 'string' && value.length > 0;
  switch (event.type) {
    case 'message.added':
      return isId(loose.message?.id) && isId(loose.message?.conversationId);
    case 'message.updated':
      return isId(loose.message?.id);
    case 'conversation.upserted':
      return isId(loose.conversation?.id) && isId(loose.conversation?.visitorId);
    case 'visitor.updated':
      return isId(loose.visitor?.id);
    case 'conversation.closed':
      return isId(event.conversationId);
    case 'visitor.navigated':
      return isId(event.visitorId);
    default:
      return true;
  }
}

/**
 * The id of the message already stored for the group's `message.added` (same client id, or same
 * id), in the database or earlier in this append (`taken`, updated here); undefined when new.
 */
async function storedMessage(
  tx: Queryable,
  group: ServerEvent[],
  taken: Map<string, string>,
): Promise<string | undefined> {
  for (const event of group) {
    if (event.type !== 'message.added' || !hasIds(event)) continue;
    const { id, clientId } = event.message;
    const keys = [`id:${id}`, ...(clientId ? [`client:${clientId}`] : [])];
    for (const key of keys) if (taken.has(key)) return taken.get(key);
    const [row] = await tx.query<{ id: string }>(
      'SELECT id FROM desk_messages WHERE id = $1 OR client_id = $2 LIMIT 1',
      [id, clientId ?? null],
    );
    if (row) return row.id;
    for (const key of keys) taken.set(key, id);
  }
  return undefined;
}
