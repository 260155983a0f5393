/**
 * The reference server's "database": the desk's visitors, conversations and messages in memory,
 * seeded from fixtures. It applies the events the server publishes and turns client commands
 * into events. No networking here (see desk-server.ts).
 */
import { parseMessage } from '../src/model/schema.js';
import { timeOf } from '../src/model/thread.js';
import type {
  Agent,
  ClientCommand,
  Conversation,
  Fixtures,
  Message,
  ServerEvent,
  Visitor,
} from '../src/model/types.js';
import { historyPage, olderMessagesPage } from '../src/transport/archive-pages.js';
import type { ProtocolErrorCode } from '../src/transport/protocol.js';

export interface CommandResult {
  /** Events to publish to every client (sequenced, replayable). */
  publish: ServerEvent[];
  /** Events for the sender only (sent inside the ack). */
  reply?: ServerEvent[];
  messageId?: string;
  /** The command repeated one already applied (a resend): nothing changed. */
  duplicate?: boolean;
  error?: { code: ProtocolErrorCode; message: string };
}

const HISTORY_PAGE = 3;
const MESSAGES_PAGE = 50;

export class DeskData {
  readonly agent: Agent | undefined;
  private readonly visitors = new Map<string, Visitor>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly messages = new Map<string, Message>();
  private readonly archive: { conversations: Conversation[]; messages: Message[] };
  /** Agent messages by client id: what makes `send` idempotent. */
  private readonly accepted = new Map<string, Message>();
  private counter = 0;
  private lastStamp = 0;
  /** `send` commands received, resends included (figures for the fault tests). */
  sendsReceived = 0;
  duplicateSends = 0;

  constructor(fixtures: Fixtures) {
    this.agent = fixtures.agent;
    for (const visitor of fixtures.visitors) this.visitors.set(visitor.id, visitor);
    for (const conversation of fixtures.conversations) this.conversations.set(conversation.id, conversation);
    for (const message of fixtures.messages) this.messages.set(message.id, message);
    this.archive = {
      conversations: [...(fixtures.archive?.conversations ?? [])],
      messages: [...(fixtures.archive?.messages ?? [])],
    };
  }

  snapshot(agent?: Agent): Extract<ServerEvent, { type: 'snapshot' }> {
    return {
      type: 'snapshot',
      ...(agent ? { agent } : {}),
      visitors: [...this.visitors.values()],
      conversations: [...this.conversations.values()],
      messages: [...this.messages.values()],
    };
  }

  /** Every stored message of a conversation, in time order. */
  thread(conversationId: string): Message[] {
    return [...this.messages.values()]
      .filter((m) => m.conversationId === conversationId)
      .sort((a, b) => timeOf(a.at) - timeOf(b.at));
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

  /** Keeps the data in line with a published event. */
  apply(event: ServerEvent): void {
    switch (event.type) {
      case 'snapshot':
        return;
      case 'conversation.upserted':
        this.conversations.set(event.conversation.id, event.conversation);
        return;
      case 'conversation.closed': {
        const conversation = this.conversations.get(event.conversationId);
        if (conversation)
          this.conversations.set(conversation.id, { ...conversation, status: 'closed', closedAt: event.at });
        return;
      }
      case 'message.added':
        this.messages.set(event.message.id, event.message);
        return;
      case 'message.updated': {
        const previous = this.messages.get(event.message.id);
        if (!previous) return;
        const merged = parseMessage({ ...previous, ...event.message });
        if (merged.ok) this.messages.set(merged.value.id, merged.value);
        return;
      }
      case 'visitor.updated':
        this.visitors.set(event.visitor.id, { ...this.visitors.get(event.visitor.id), ...event.visitor });
        return;
      case 'visitor.navigated': {
        const visitor = this.visitors.get(event.visitorId) ?? { id: event.visitorId };
        this.visitors.set(visitor.id, {
          ...visitor,
          currentPage: { url: event.url, ...(event.title ? { title: event.title } : {}) },
          pagesViewed: (visitor.pagesViewed ?? 0) + 1,
        });
        return;
      }
      case 'visitor.typing':
      case 'history.page':
        return;
    }
  }

  /** Applies a client command for `agent`. Every command is safe to repeat (clients resend when unsure). */
  handle(agent: Agent, command: ClientCommand): CommandResult {
    switch (command.type) {
      case 'send':
        return this.send(agent, command);
      case 'typing':
        return this.conversations.has(command.conversationId)
          ? { publish: [] }
          : unknownConversation(command.conversationId);
      case 'markRead': {
        const conversation = this.conversations.get(command.conversationId);
        if (!conversation) return unknownConversation(command.conversationId);
        if (!conversation.unread) return { publish: [] };
        return { publish: [{ type: 'conversation.upserted', conversation: { ...conversation, unread: 0 } }] };
      }
      case 'block':
      case 'unblock': {
        if (command.type === 'unblock' && agent.role !== 'manager') {
          return { publish: [], error: { code: 'forbidden', message: 'Only a manager can unblock a visitor.' } };
        }
        const visitor = this.visitors.get(command.visitorId);
        if (!visitor)
          return { publish: [], error: { code: 'invalid-command', message: `Unknown visitor ${command.visitorId}` } };
        const blocked = command.type === 'block';
        if (Boolean(visitor.blocked) === blocked) return { publish: [], duplicate: true };
        return { publish: [{ type: 'visitor.updated', visitor: { id: visitor.id, blocked } }] };
      }
      case 'cobrowse': {
        const conversation = this.conversations.get(command.conversationId);
        if (!conversation) return unknownConversation(command.conversationId);
        const last = this.thread(conversation.id)
          .filter((m) => m.kind === 'cobrowsing')
          .at(-1);
        if (last?.kind === 'cobrowsing' && last.state === 'requested')
          return { publish: [], messageId: last.id, duplicate: true };
        const message: Message = {
          id: this.nextId('cob'),
          conversationId: conversation.id,
          author: 'system',
          at: this.stamp(),
          kind: 'cobrowsing',
          state: 'requested',
        };
        return { publish: [{ type: 'message.added', message }], messageId: message.id };
      }
      case 'loadHistory':
        return { publish: [], reply: [historyPage(this.archive, command.visitorId, command.before, HISTORY_PAGE)] };
      case 'loadMessages':
        if (!this.conversations.has(command.conversationId)) return unknownConversation(command.conversationId);
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
        return { publish: [], error: { code: 'invalid-command', message: 'Unknown command type' } };
    }
  }

  private send(agent: Agent, command: Extract<ClientCommand, { type: 'send' }>): CommandResult {
    this.sendsReceived += 1;
    const known = this.accepted.get(command.clientId);
    if (known) {
      this.duplicateSends += 1;
      return { publish: [], messageId: known.id, duplicate: true };
    }
    const conversation = this.conversations.get(command.conversationId);
    if (!conversation) return unknownConversation(command.conversationId);
    if (conversation.status === 'closed')
      return { publish: [], error: { code: 'conversation-closed', message: 'The conversation is closed.' } };
    if (this.visitors.get(conversation.visitorId)?.blocked) {
      return { publish: [], error: { code: 'visitor-blocked', message: 'The visitor is blocked.' } };
    }
    const candidate = {
      ...(typeof command.content === 'object' && command.content !== null ? command.content : {}),
      id: this.nextId('m'),
      clientId: command.clientId,
      conversationId: conversation.id,
      author: 'agent',
      authorName: agent.name,
      at: this.stamp(),
      status: 'sent',
    };
    const parsed = parseMessage(candidate);
    if (!parsed.ok || !['text', 'link', 'offer', 'file', 'image'].includes(parsed.value.kind)) {
      return {
        publish: [],
        error: { code: 'invalid-command', message: parsed.ok ? 'This kind cannot be sent' : parsed.error },
      };
    }
    this.accepted.set(command.clientId, parsed.value);
    return { publish: [{ type: 'message.added', message: parsed.value }], messageId: parsed.value.id };
  }

  /** Now, as an ISO time strictly after the previous stamp: messages never tie, so every client orders them alike. */
  stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${Date.now().toString(36)}-${this.counter}`;
  }
}

function unknownConversation(id: string): CommandResult {
  return { publish: [], error: { code: 'unknown-conversation', message: `Unknown conversation ${id}` } };
}
