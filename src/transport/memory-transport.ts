import type {
  AgentChannel,
  ClientCommand,
  ConnectionState,
  Conversation,
  DeskErrorInfo,
  Fixtures,
  Message,
  ServerEvent,
} from '../model/types.js';
import { historyPage, olderMessagesPage } from './archive-pages.js';
import type { DemoSimulator } from './simulator.js';
import { TransportError, describeError, type Transport, type TransportSink } from './transport.js';

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

/** Where the demo simulator comes from: loaded only with `simulate: true` (tests replace `load`). */
export const simulatorChunk = { load: () => import('./simulator.js') };

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
  /** Calls for the simulator made while its chunk loads, replayed in order once it is there. */
  private simulatorCalls: ((simulator: DemoSimulator) => void)[] | undefined;
  private readonly simulatorLoaded: Promise<void>;
  /** The simulator could not be loaded before the store connected: reported on connect. */
  private simulatorFailure: DeskErrorInfo | undefined;
  private closed = false;
  private counter = 0;
  /** The agent's channels as this server has them (issue 16). */
  private channels: AgentChannel[];
  /** Co-browsing lines accepted, by client id (a resend gives the same line, never a second one). */
  private readonly cobrowseLines = new Map<string, Message>();

  constructor(options: MemoryTransportOptions = {}) {
    const fixtures = options.fixtures ?? { visitors: [], conversations: [], messages: [] };
    this.fixtures = fixtures;
    this.archive = {
      conversations: [...(fixtures.archive?.conversations ?? [])],
      messages: [...(fixtures.archive?.messages ?? [])],
    };
    this.channels = [...(fixtures.channels ?? [])];
    this.autoAck = options.autoAck ?? true;
    this.historyPageSize = options.historyPageSize ?? 3;
    // The simulator is loaded on demand: a page or a test without `simulate` never downloads it.
    if (options.simulate) this.simulatorCalls = [];
    this.simulatorLoaded = options.simulate ? this.loadSimulator(options.seed) : Promise.resolve();
  }

  /** Resolves once the simulator (`simulate: true`, loaded on demand) is in place; at once without it. */
  ready(): Promise<void> {
    return this.simulatorLoaded;
  }

  connect(sink: TransportSink): void {
    this.sink = sink;
    sink.connection('connecting');
    if (this.simulatorFailure) sink.error(this.simulatorFailure);
    this.simulatorFailure = undefined;
    const { agent, visitors, conversations, messages } = this.fixtures;
    this.setConnection('online');
    const channels = this.channels.length > 0 ? { channels: this.channels } : {};
    this.emit({ type: 'snapshot', ...(agent ? { agent } : {}), visitors, conversations, messages, ...channels });
    this.withSimulator((simulator) => simulator.start());
  }

  /** Delivers a server event (or anything else: malformed input is the store's to refuse). */
  emit(event: ServerEvent | unknown): void {
    if (this.closed) return;
    this.withSimulator((simulator) => simulator.observe(event));
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
    this.simulatorCalls = undefined;
    this.setConnection('offline');
    this.closed = true;
    this.sink = undefined;
  }

  private async loadSimulator(seed: number | undefined): Promise<void> {
    let Simulator: typeof DemoSimulator;
    try {
      Simulator = (await simulatorChunk.load()).DemoSimulator;
    } catch (error) {
      this.simulatorCalls = undefined;
      const report: DeskErrorInfo = {
        code: 'demo',
        message: `The demo simulator could not be loaded: ${describeError(error)}`,
      };
      // Not connected yet: the store hears of it when it connects.
      if (this.sink) this.sink.error(report);
      else this.simulatorFailure = report;
      return;
    }
    const calls = this.simulatorCalls;
    this.simulatorCalls = undefined;
    // Closed meanwhile: no simulator, no timer.
    if (!calls) return;
    const simulator = new Simulator({ fixtures: this.fixtures, emit: (event) => this.emit(event), seed });
    this.simulator = simulator;
    for (const call of calls) call(simulator);
  }

  private withSimulator(call: (simulator: DemoSimulator) => void): void {
    if (this.simulator) call(this.simulator);
    else this.simulatorCalls?.push(call);
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
            // No author name: the store keeps the one it showed (its agent's, which the host may have given).
            author: 'agent',
            at: command.at,
            status: 'sent',
          } as Message);
        this.accepted.set(command.clientId, message);
        // The echo is queued as a microtask: it reaches the store before the caller's `await send()` resumes.
        queueMicrotask(() => this.emit({ type: 'message.added', message }));
        this.withSimulator((simulator) => simulator.agentMessage(message));
        return;
      }
      case 'block':
      case 'unblock':
        queueMicrotask(() =>
          this.emit({ type: 'visitor.updated', visitor: { id: command.visitorId, blocked: command.type === 'block' } }),
        );
        return;
      case 'cobrowse':
      case 'cobrowseEnd':
      case 'cobrowseOptions':
      case 'cobrowseAnswer':
      case 'availability':
        this.handleShift(command);
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

  /** The agent's shift (issue 16): availability per channel and co-browsing. */
  private handleShift(
    command: Extract<
      ClientCommand,
      { type: 'cobrowse' | 'cobrowseEnd' | 'cobrowseOptions' | 'cobrowseAnswer' | 'availability' }
    >,
  ): void {
    switch (command.type) {
      case 'availability': {
        const changed = this.channels
          .filter((entry) => command.channels.includes(entry.channel))
          .map((entry) => ({ ...entry, availability: command.availability }));
        this.channels = this.channels.map((entry) => changed.find((c) => c.channel === entry.channel) ?? entry);
        if (changed.length > 0) queueMicrotask(() => this.emit({ type: 'agent.updated', channels: changed }));
        return;
      }
      case 'cobrowse':
      case 'cobrowseEnd':
      case 'cobrowseAnswer': {
        const state =
          command.type === 'cobrowse'
            ? 'requested'
            : command.type === 'cobrowseEnd'
              ? command.reason
              : command.accepted
                ? 'started'
                : 'declined';
        const clientId = command.type === 'cobrowseAnswer' ? undefined : command.clientId;
        const known = clientId ? this.cobrowseLines.get(clientId) : undefined;
        const message: Message = known ?? {
          id: `cob-${(this.counter += 1)}`,
          ...(clientId ? { clientId } : {}),
          conversationId: command.conversationId,
          author: 'system',
          at: new Date().toISOString(),
          kind: 'cobrowsing',
          state,
        };
        if (clientId) this.cobrowseLines.set(clientId, message);
        queueMicrotask(() => this.emit({ type: 'message.added', message }));
        return;
      }
      case 'cobrowseOptions':
        // What the agent sees is between the desk and the visitor's page: nothing to record here.
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
