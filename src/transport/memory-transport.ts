import type { ClientCommand, ConnectionState, Conversation, Fixtures, Message, ServerEvent } from '../model/types.js';
import { historyPage, olderMessagesPage } from './archive-pages.js';
import { DemoSimulator } from './simulator.js';
import { TransportError, type Transport, type TransportSink } from './transport.js';

export interface MemoryTransportOptions {
  /** The data the in-memory "server" starts with (default: empty). */
  fixtures?: Fixtures;
  /** Runs the demo simulator: visitors type, write, browse; new conversations arrive. */
  simulate?: boolean;
  /** Echo agent messages back as the server would (default true). */
  autoAck?: boolean;
  /** Closed conversations per `loadHistory` page (default 3). */
  historyPageSize?: number;
  /** Seed of the simulator's random choices (default: time based). */
  seed?: number;
}

/**
 * The embedded transport: an in-memory server for the demo, tests and offline prototypes.
 * `emit()` injects a server event; `sent` records every command the store sent.
 */
export class MemoryTransport implements Transport {
  /** Commands received from the store, in order. */
  readonly sent: ClientCommand[] = [];
  private sink: TransportSink | undefined;
  private online = true;
  private readonly autoAck: boolean;
  private readonly historyPageSize: number;
  private readonly fixtures: Fixtures;
  private readonly archive: { conversations: Conversation[]; messages: Message[] };
  /** Server-side record of accepted agent messages by client id (idempotent sends). */
  private readonly accepted = new Map<string, Message>();
  private failures: TransportError[] = [];
  private simulator: DemoSimulator | undefined;
  private closed = false;
  private counter = 0;

  constructor(options: MemoryTransportOptions = {}) {
    const fixtures = options.fixtures ?? { visitors: [], conversations: [], messages: [] };
    this.fixtures = fixtures;
    this.archive = {
      conversations: [...(fixtures.archive?.conversations ?? [])],
      messages: [...(fixtures.archive?.messages ?? [])],
    };
    this.autoAck = options.autoAck ?? true;
    this.historyPageSize = options.historyPageSize ?? 3;
    if (options.simulate) {
      this.simulator = new DemoSimulator({ fixtures, emit: (event) => this.emit(event), seed: options.seed });
    }
  }

  connect(sink: TransportSink): void {
    this.sink = sink;
    sink.connection('connecting');
    const { agent, visitors, conversations, messages } = this.fixtures;
    this.setConnection('online');
    this.emit({ type: 'snapshot', ...(agent ? { agent } : {}), visitors, conversations, messages });
    this.simulator?.start();
  }

  /** Delivers a server event (or anything else: malformed input is the store's to refuse). */
  emit(event: ServerEvent | unknown): void {
    if (this.closed) return;
    this.simulator?.observe(event);
    this.sink?.event(event);
  }

  /** Simulates losing and regaining the connection: offline sends are refused. */
  setOnline(online: boolean): void {
    this.online = online;
    this.setConnection(online ? 'online' : 'offline');
  }

  /** Makes the next `count` commands fail as the server would refuse them. */
  failNext(count = 1, reason: 'rejected' | 'timeout' = 'rejected'): void {
    for (let i = 0; i < count; i += 1) this.failures.push(new TransportError(reason, 'Refused by the test server'));
  }

  async send(command: ClientCommand): Promise<void> {
    this.sent.push(command);
    if (this.closed) throw new TransportError('offline', 'The transport is closed');
    if (!this.online) throw new TransportError('offline', 'No connection');
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.handle(command);
  }

  close(): void {
    if (this.closed) return;
    this.simulator?.stop();
    this.setConnection('offline');
    this.closed = true;
    this.sink = undefined;
  }

  private setConnection(state: ConnectionState): void {
    if (!this.closed) this.sink?.connection(state);
  }

  private handle(command: ClientCommand): void {
    switch (command.type) {
      case 'send': {
        if (!this.autoAck) return;
        const known = this.accepted.get(command.clientId);
        const message =
          known ??
          ({
            ...command.content,
            id: `m-${(this.counter += 1)}-${command.clientId}`,
            clientId: command.clientId,
            conversationId: command.conversationId,
            author: 'agent',
            authorName: this.fixtures.agent?.name,
            at: command.at,
            status: 'sent',
          } as Message);
        this.accepted.set(command.clientId, message);
        // The echo is queued as a microtask: it reaches the store before the caller's `await send()` resumes.
        queueMicrotask(() => this.emit({ type: 'message.added', message }));
        this.simulator?.agentMessage(message);
        return;
      }
      case 'block':
      case 'unblock':
        queueMicrotask(() =>
          this.emit({ type: 'visitor.updated', visitor: { id: command.visitorId, blocked: command.type === 'block' } }),
        );
        return;
      case 'cobrowse':
        queueMicrotask(() =>
          this.emit({
            type: 'message.added',
            message: {
              id: `cob-${(this.counter += 1)}`,
              conversationId: command.conversationId,
              author: 'system',
              at: new Date().toISOString(),
              kind: 'cobrowsing',
              state: 'requested',
            },
          }),
        );
        return;
      case 'loadHistory':
        queueMicrotask(() =>
          this.emit(historyPage(this.archive, command.visitorId, command.before, this.historyPageSize)),
        );
        return;
      case 'loadMessages':
        queueMicrotask(() =>
          this.emit(
            olderMessagesPage(
              this.archive,
              command.conversationId,
              this.visitorOf(command.conversationId),
              command.before,
              50,
            ),
          ),
        );
        return;
      case 'typing':
      case 'markRead':
        return;
    }
  }

  private visitorOf(conversationId: string): string {
    return (
      [...this.fixtures.conversations, ...this.archive.conversations].find((c) => c.id === conversationId)?.visitorId ??
      'unknown'
    );
  }
}
