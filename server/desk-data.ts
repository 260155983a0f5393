/**
 * The desk as one server instance sees it: visitors, conversations and messages, kept in memory
 * as a projection of the database (event-log.ts loads it, then applies every logged event in
 * `seq` order, whoever wrote it). It turns client commands into events, decides who may see
 * what, and builds snapshots. No networking and no SQL here.
 */
import { randomBytes } from 'node:crypto';
import { parseMessage } from '../src/model/schema.js';
import { timeOf } from '../src/model/thread.js';
import { mergeChannels } from '../src/model/channels.js';
import type { AgentChannel, ClientCommand, Conversation, Message, ServerEvent, Visitor } from '../src/model/types.js';
import { historyPage, olderMessagesPage } from '../src/transport/archive-pages.js';
import type { ProtocolErrorCode } from '../src/transport/protocol.js';
import { agentOf, type Principal } from './auth.js';

export interface CommandResult {
  /** Events to log and publish (sequenced, replayable). */
  publish: ServerEvent[];
  /** Events for the sender only (sent inside the ack). */
  reply?: ServerEvent[];
  messageId?: string;
  /** The command repeated one already applied (a resend): nothing changed. */
  duplicate?: boolean;
  error?: { code: ProtocolErrorCode; message: string };
}

/** Who handles a conversation. Without one, it is in the queue every agent sees. */
export interface Assignment {
  agentId?: string;
  skill?: string;
}

export interface DeskState {
  visitors: Visitor[];
  conversations: Conversation[];
  messages: Message[];
  assignments: Record<string, Assignment>;
  /** Each agent's channels, by agent id (issue 16). */
  agents?: Record<string, AgentChannel[]>;
  /** The channels of an agent not in `agents`. */
  defaultChannels?: AgentChannel[];
  archive: { conversations: Conversation[]; messages: Message[] };
}

/** How far a client's `at` may be from the server's clock (see `clientTime`). */
export interface ClockRules {
  /** Oldest accepted: a retried message keeps its time up to this age (default 10 min). */
  maxAgeMs: number;
  /** Newest accepted ahead of the server's clock (default 2 s); later times are brought back to now. */
  maxAheadMs: number;
}

const HISTORY_PAGE = 3;
const MESSAGES_PAGE = 50;
const SENDABLE = new Set(['text', 'link', 'offer', 'file', 'image']);

export class DeskData {
  private readonly visitors = new Map<string, Visitor>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly messages = new Map<string, Message>();
  private readonly assignments = new Map<string, Assignment>();
  private archive: DeskState['archive'] = { conversations: [], messages: [] };
  private readonly agentChannels = new Map<string, AgentChannel[]>();
  private defaultChannels: AgentChannel[] = [];
  /** Messages by client id: a resend is answered from here (the database's unique constraint decides races). */
  private readonly byClientId = new Map<string, string>();
  /** Times (ms) taken in each conversation: a kept client time never ties with another message. */
  private readonly times = new Map<string, Set<number>>();
  private readonly clock: ClockRules;
  private lastStamp = 0;
  /** `send` commands received, resends included (figures for the fault tests). */
  sendsReceived = 0;
  duplicateSends = 0;

  constructor(clock: Partial<ClockRules> = {}) {
    this.clock = { maxAgeMs: clock.maxAgeMs ?? 10 * 60_000, maxAheadMs: clock.maxAheadMs ?? 2_000 };
  }

  /** Replaces everything with the database's state. */
  load(state: DeskState): void {
    this.visitors.clear();
    this.conversations.clear();
    this.messages.clear();
    this.assignments.clear();
    this.byClientId.clear();
    this.times.clear();
    for (const visitor of state.visitors) this.visitors.set(visitor.id, visitor);
    for (const conversation of state.conversations) this.conversations.set(conversation.id, conversation);
    for (const message of state.messages) this.addMessage(message);
    for (const [id, assignment] of Object.entries(state.assignments)) this.assignments.set(id, assignment);
    this.agentChannels.clear();
    for (const [id, channels] of Object.entries(state.agents ?? {})) this.agentChannels.set(id, channels);
    this.defaultChannels = state.defaultChannels ?? [];
    this.archive = state.archive;
  }

  snapshot(principal?: Principal): Extract<ServerEvent, { type: 'snapshot' }> {
    const agent = agentOf(principal);
    const conversations = [...this.conversations.values()].filter((c) => this.canSee(principal, c.id));
    const ids = new Set(conversations.map((c) => c.id));
    const visitorIds = new Set(conversations.map((c) => c.visitorId));
    return {
      type: 'snapshot',
      ...(agent ? { agent } : {}),
      visitors: [...this.visitors.values()].filter((v) => visitorIds.has(v.id)),
      conversations,
      messages: [...this.messages.values()].filter((m) => ids.has(m.conversationId)),
      ...(agent && this.channelsOf(agent.id).length > 0 ? { channels: this.channelsOf(agent.id) } : {}),
    };
  }

  /** An agent's channels with its availability on each. */
  channelsOf(agentId: string): AgentChannel[] {
    return this.agentChannels.get(agentId) ?? this.defaultChannels;
  }

  /** Every stored message of a conversation, in time order. */
  thread(conversationId: string): Message[] {
    return [...this.messages.values()]
      .filter((m) => m.conversationId === conversationId)
      .sort((a, b) => timeOf(a.at) - timeOf(b.at));
  }

  message(id: string): Message | undefined {
    return this.messages.get(id);
  }

  /** Agent messages stored per client id (each should be 1). */
  agentMessageCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.messages.values()) {
      if (message.author === 'agent' && message.clientId)
        counts.set(message.clientId, (counts.get(message.clientId) ?? 0) + 1);
    }
    return counts;
  }

  /** Keeps the projection in line with a logged event. */
  apply(event: ServerEvent): void {
    switch (event.type) {
      case 'conversation.upserted':
      case 'conversation.closed': {
        const id = event.type === 'conversation.upserted' ? event.conversation.id : event.conversationId;
        const next = nextConversation(this.conversations.get(id), event);
        if (next) this.conversations.set(id, next);
        return;
      }
      case 'message.added':
        if (!this.messages.has(event.message.id)) this.addMessage(event.message);
        return;
      case 'message.updated': {
        const next = nextMessage(this.messages.get(event.message.id), event);
        if (next) this.messages.set(next.id, next);
        return;
      }
      case 'visitor.updated':
      case 'visitor.navigated': {
        const id = event.type === 'visitor.updated' ? event.visitor.id : event.visitorId;
        this.visitors.set(id, nextVisitor(this.visitors.get(id), event));
        return;
      }
      case 'agent.updated':
        if (event.agentId)
          this.agentChannels.set(event.agentId, mergeChannels(this.channelsOf(event.agentId), event.channels));
        return;
      default:
        return;
    }
  }

  /** May `principal` see this event? (Agents: their conversations and the queue; visitors: their own.) */
  visible(principal: Principal | undefined, event: ServerEvent): boolean {
    if (!principal || (principal.kind === 'staff' && principal.agent.role === 'manager')) return true;
    // Read defensively: a malformed event (a server bug) is judged by the ids it has.
    const loose = event as unknown as Record<string, { id?: string; conversationId?: string } | undefined>;
    switch (event.type) {
      case 'conversation.upserted':
        return this.canSee(principal, loose.conversation?.id);
      case 'conversation.closed':
      case 'visitor.typing':
        return this.canSee(principal, event.conversationId);
      case 'message.added':
        return this.canSee(principal, loose.message?.conversationId);
      case 'message.updated': {
        const id = loose.message?.id;
        const known = id === undefined ? undefined : this.messages.get(id);
        return this.canSee(principal, known?.conversationId ?? loose.message?.conversationId);
      }
      case 'agent.updated':
        // Only the agent itself (and managers, above): the channels are no one else's business.
        return principal.kind === 'staff' && principal.agent.id === event.agentId;
      case 'visitor.updated':
      case 'visitor.navigated': {
        const visitorId = event.type === 'visitor.updated' ? loose.visitor?.id : event.visitorId;
        if (principal.kind === 'visitor') return principal.visitorId === visitorId;
        for (const conversation of this.conversations.values())
          if (conversation.visitorId === visitorId && this.canSee(principal, conversation.id)) return true;
        return false;
      }
      default:
        return false;
    }
  }

  /** A conversation this principal may see (an event without a conversation: only staff). */
  canSee(principal: Principal | undefined, conversationId: string | undefined): boolean {
    if (!principal) return true;
    if (conversationId === undefined) return principal.kind === 'staff';
    if (principal.kind === 'visitor') return principal.conversationId === conversationId;
    if (principal.agent.role === 'manager') return true;
    const assignment = this.assignments.get(conversationId);
    if (!assignment || (!assignment.agentId && !assignment.skill)) return true;
    return (
      assignment.agentId === principal.agent.id ||
      (assignment.skill !== undefined && principal.skills.includes(assignment.skill))
    );
  }

  /** Turns a command into events. Every command is safe to repeat (clients resend when unsure). */
  handle(principal: Principal, command: ClientCommand): CommandResult {
    const visitorMay = command.type === 'send' || command.type === 'typing' || command.type === 'cobrowseAnswer';
    if (principal.kind === 'visitor' && !visitorMay) return refused('forbidden', `A visitor cannot ${command.type}.`);
    const conversationId = 'conversationId' in command ? command.conversationId : undefined;
    if (conversationId !== undefined) {
      if (!this.conversations.has(conversationId))
        return refused('unknown-conversation', `Unknown conversation ${conversationId}`);
      if (!this.canSee(principal, conversationId))
        return refused('forbidden', `Conversation ${conversationId} is not assigned to you.`);
    }
    switch (command.type) {
      case 'send':
        return this.send(principal, command);
      case 'typing':
        return { publish: [] };
      case 'markRead': {
        const conversation = this.conversations.get(command.conversationId)!;
        if (!conversation.unread) return { publish: [] };
        return { publish: [{ type: 'conversation.upserted', conversation: { ...conversation, unread: 0 } }] };
      }
      case 'block':
      case 'unblock': {
        if (command.type === 'unblock' && agentOf(principal)?.role !== 'manager')
          return refused('forbidden', 'Only a manager can unblock a visitor.');
        const visitor = this.visitors.get(command.visitorId);
        if (!visitor || !this.visible(principal, { type: 'visitor.updated', visitor: { id: visitor.id } }))
          return refused('invalid-command', `Unknown visitor ${command.visitorId}`);
        const blocked = command.type === 'block';
        if (Boolean(visitor.blocked) === blocked) return { publish: [], duplicate: true };
        return { publish: [{ type: 'visitor.updated', visitor: { id: visitor.id, blocked } }] };
      }
      case 'cobrowse':
      case 'cobrowseEnd':
      case 'cobrowseOptions':
      case 'cobrowseAnswer':
      case 'availability':
        return this.handleShift(principal, command);
      case 'loadHistory':
        if (!this.visible(principal, { type: 'visitor.updated', visitor: { id: command.visitorId } }))
          return refused('invalid-command', `Unknown visitor ${command.visitorId}`);
        return { publish: [], reply: [historyPage(this.archive, command.visitorId, command.before, HISTORY_PAGE)] };
      case 'loadMessages':
        return {
          publish: [],
          reply: [
            olderMessagesPage(
              this.archive,
              command.conversationId,
              this.conversations.get(command.conversationId)?.visitorId ?? 'unknown',
              command.before,
              MESSAGES_PAGE,
            ),
          ],
        };
      default:
        return refused('invalid-command', 'Unknown command type');
    }
  }

  // ---- the agent's shift (issue 16) ---------------------------------------------------------

  private handleShift(
    principal: Principal,
    command: Extract<
      ClientCommand,
      { type: 'cobrowse' | 'cobrowseEnd' | 'cobrowseOptions' | 'cobrowseAnswer' | 'availability' }
    >,
  ): CommandResult {
    if (command.type === 'availability') {
      const agent = agentOf(principal)!;
      const channels = this.channelsOf(agent.id);
      const unknown = command.channels.find((name) => !channels.some((entry) => entry.channel === name));
      if (unknown !== undefined)
        return refused('invalid-command', `You do not serve the channel ${unknown.slice(0, 64)}`);
      const changes = channels.some(
        (entry) => command.channels.includes(entry.channel) && entry.availability !== command.availability,
      );
      if (!changes) return { publish: [], duplicate: true };
      // The whole list: what the database keeps for the agent, and what a desk merges by name.
      const next = channels.map((entry) =>
        command.channels.includes(entry.channel) ? { ...entry, availability: command.availability } : entry,
      );
      return { publish: [{ type: 'agent.updated', agentId: agent.id, channels: next }] };
    }
    const clientId = command.type === 'cobrowse' || command.type === 'cobrowseEnd' ? command.clientId : undefined;
    const known = clientId === undefined ? undefined : this.byClientId.get(clientId);
    if (known) return { publish: [], messageId: known, duplicate: true };
    const conversation = this.conversations.get(command.conversationId)!;
    const last = this.thread(command.conversationId)
      .filter((m) => m.kind === 'cobrowsing')
      .at(-1);
    const state = last?.kind === 'cobrowsing' ? last.state : undefined;
    const line = (lineState: Extract<Message, { kind: 'cobrowsing' }>['state']): CommandResult => {
      const message: Message = {
        id: newId('cob'),
        ...(clientId ? { clientId } : {}),
        conversationId: command.conversationId,
        author: 'system',
        at: this.stamp(),
        kind: 'cobrowsing',
        state: lineState,
      };
      return { publish: [{ type: 'message.added', message }], messageId: message.id };
    };
    switch (command.type) {
      case 'cobrowse':
        if (conversation.status === 'closed') return refused('conversation-closed', 'The conversation is closed.');
        if (state === 'requested' || state === 'started') return { publish: [], messageId: last!.id, duplicate: true };
        return line('requested');
      case 'cobrowseEnd': {
        const expected = command.reason === 'ended' ? 'started' : 'requested';
        if (state !== expected)
          return refused(
            'invalid-command',
            expected === 'started' ? 'No co-browsing session in progress.' : 'No co-browsing request is waiting.',
          );
        return line(command.reason);
      }
      case 'cobrowseOptions':
        // What the agent sees is between its desk and the visitor's page: nothing to log.
        return state === 'started'
          ? { publish: [] }
          : refused('invalid-command', 'No co-browsing session in progress.');
      case 'cobrowseAnswer':
        if (principal.kind !== 'visitor')
          return refused('forbidden', 'Only the visitor answers a co-browsing request.');
        if (state !== 'requested') return { publish: [], duplicate: true };
        return line(command.accepted ? 'started' : 'declined');
    }
  }

  /**
   * The time a sent message keeps: the client's `at` (so a message retried after a reconnect stays
   * where the agent wrote it, before what happened since), within the clock rules: no older than
   * `maxAgeMs`, and never after the server's now (a fast client clock must not put it below later events).
   */
  clientTime(at: string | undefined, now = Date.now()): string {
    const client = at === undefined ? Number.NaN : timeOf(at);
    if (!Number.isFinite(client) || client > now + this.clock.maxAheadMs) return this.stamp();
    if (client >= now) return this.stamp();
    return new Date(Math.max(client, now - this.clock.maxAgeMs)).toISOString();
  }

  /** Now, as an ISO time strictly after the previous stamp of this instance. */
  stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /** The message a client id already produced, if this instance knows it. */
  sentAs(clientId: string): string | undefined {
    return this.byClientId.get(clientId);
  }

  private send(principal: Principal, command: Extract<ClientCommand, { type: 'send' }>): CommandResult {
    this.sendsReceived += 1;
    const known = this.byClientId.get(command.clientId);
    if (known) {
      this.duplicateSends += 1;
      return { publish: [], messageId: known, duplicate: true };
    }
    const conversation = this.conversations.get(command.conversationId)!;
    if (conversation.status === 'closed') return refused('conversation-closed', 'The conversation is closed.');
    if (this.visitors.get(conversation.visitorId)?.blocked)
      return refused('visitor-blocked', 'The visitor is blocked.');
    const visitor = principal.kind === 'visitor';
    const candidate = {
      ...(typeof command.content === 'object' && command.content !== null ? command.content : {}),
      id: newId('m'),
      clientId: command.clientId,
      conversationId: conversation.id,
      author: visitor ? 'visitor' : 'agent',
      ...(visitor ? (principal.name ? { authorName: principal.name } : {}) : { authorName: principal.agent.name }),
      at: this.untied(conversation.id, this.clientTime(command.at)),
      ...(visitor ? {} : { status: 'sent' }),
    };
    const parsed = parseMessage(candidate);
    if (!parsed.ok || !SENDABLE.has(parsed.value.kind))
      return refused('invalid-command', parsed.ok ? 'This kind cannot be sent' : parsed.error);
    return { publish: [{ type: 'message.added', message: parsed.value }], messageId: parsed.value.id };
  }

  private addMessage(message: Message): void {
    this.messages.set(message.id, message);
    if (message.clientId) this.byClientId.set(message.clientId, message.id);
    this.timesOf(message.conversationId).add(timeOf(message.at));
  }

  /**
   * `at`, moved on by a millisecond at a time while another message of the conversation has that
   * time: every client orders a thread by time, ties by arrival, and arrival differs per client.
   */
  private untied(conversationId: string, at: string): string {
    const taken = this.timesOf(conversationId);
    let time = timeOf(at);
    while (taken.has(time)) time += 1;
    taken.add(time);
    return new Date(time).toISOString();
  }

  private timesOf(conversationId: string): Set<number> {
    let set = this.times.get(conversationId);
    if (!set) this.times.set(conversationId, (set = new Set()));
    return set;
  }
}

function refused(code: ProtocolErrorCode, message: string): CommandResult {
  return { publish: [], error: { code, message } };
}

/** A short random id: unique across instances without asking the database. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

// The same merges serve the projection and the database rows (event-log.ts), so both agree.

export function nextConversation(
  previous: Conversation | undefined,
  event: Extract<ServerEvent, { type: 'conversation.upserted' | 'conversation.closed' }>,
): Conversation | undefined {
  if (event.type === 'conversation.upserted') return event.conversation;
  return previous ? { ...previous, status: 'closed', closedAt: event.at } : undefined;
}

export function nextMessage(
  previous: Message | undefined,
  event: Extract<ServerEvent, { type: 'message.updated' }>,
): Message | undefined {
  if (!previous) return undefined;
  const merged = parseMessage({ ...previous, ...event.message });
  return merged.ok ? merged.value : undefined;
}

export function nextVisitor(
  previous: Visitor | undefined,
  event: Extract<ServerEvent, { type: 'visitor.updated' | 'visitor.navigated' }>,
): Visitor {
  if (event.type === 'visitor.updated') return { ...previous, ...event.visitor } as Visitor;
  const visitor = previous ?? ({ id: event.visitorId } as Visitor);
  return {
    ...visitor,
    currentPage: { url: event.url, ...(event.title ? { title: event.title } : {}) },
    pagesViewed: (visitor.pagesViewed ?? 0) + 1,
  };
}
