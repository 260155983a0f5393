// Errors are a closed union: every declared code is produced here through the public API (one
// producer per code, the compiler asks for each), and nothing reports a code that is not declared
// (the union rejects it at compile time; every error these tests meet is checked at run time too).
import { expect, waitUntil } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import sinon from 'sinon';
import { DESK_ERROR_CODES, type DeskErrorCode, type DeskErrorInfo, type DeskErrorOf } from '../../src/model/errors.js';
import type { Fixtures, Layout } from '../../src/model/types.js';
import type { StoreAction } from '../../src/store/actions.js';
import { DeskStore, type DeskStoreOptions } from '../../src/store/desk-store.js';
import type { Outbox } from '../../src/store/outbox.js';
import { MemoryOutbox } from '../../src/store/outbox.js';
import { reduce } from '../../src/store/reducer.js';
import { MemoryTransport, simulatorChunk } from '../../src/transport/memory-transport.js';
import { PROTOCOL } from '../../src/transport/protocol.js';
import type { Transport } from '../../src/transport/transport.js';
import { WebSocketTransport, type WebSocketTransportOptions } from '../../src/transport/websocket-transport.js';
import { conversation, iso, textMessage, visitor } from '../model/builders.js';

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex', role: 'agent' },
    visitors: [visitor('v-c1')],
    conversations: [conversation('c1', { startedAt: iso(0) })],
    messages: [textMessage('m1', 'visitor', 1, 'Hi', 'c1')],
  };
}

/** A WebSocket whose server the test scripts: it welcomes a hello with a snapshot at seq 0, then does what `push` says. */
class ScriptedServerSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static last: ScriptedServerSocket | undefined;
  readyState = 0;
  protocol = PROTOCOL;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  readonly received: { type: string }[] = [];

  constructor() {
    ScriptedServerSocket.last = this;
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }

  send(data: string): void {
    const frame = JSON.parse(data) as { type: string };
    this.received.push(frame);
    if (frame.type === 'hello') {
      this.push({ type: 'welcome', v: 1, stream: 's', seq: 0, resumed: false, heartbeatMs: 15000 });
      this.push({ type: 'event', seq: 0, event: { type: 'snapshot', visitors: [], conversations: [], messages: [] } });
    }
  }

  /** A frame from the server: an object is sent as JSON, a string as is. */
  push(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    setTimeout(() => this.onmessage?.({ data }), 0);
  }

  close(): void {
    this.readyState = 3;
  }
}

describe('Desk errors: a closed union', () => {
  let subscriptions: Subscription[];
  let stores: DeskStore[];
  let warn: sinon.SinonStub;
  /** Every error any store of a test reported. */
  let seen: DeskErrorInfo[];

  beforeEach(() => {
    subscriptions = [];
    stores = [];
    seen = [];
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => {
    for (const error of seen) expect(DESK_ERROR_CODES, `"${error.code}" is declared`).to.include(error.code);
    for (const subscription of subscriptions) subscription.unsubscribe();
    for (const store of stores) store.destroy();
    sinon.restore();
  });

  function storeOn(transport: Transport, options: Partial<DeskStoreOptions> = {}) {
    const store = new DeskStore({ transport, batching: 'sync', ...options });
    stores.push(store);
    const errors: DeskErrorInfo[] = [];
    subscriptions.push(
      store.errors$.subscribe((error) => {
        errors.push(error);
        seen.push(error);
      }),
    );
    return { store, errors };
  }

  function memoryDesk(options: Partial<DeskStoreOptions> = {}) {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    return { transport, ...storeOn(transport, options) };
  }

  async function webSocketDesk(options: Partial<WebSocketTransportOptions> = {}) {
    const transport = new WebSocketTransport({
      url: 'ws://scripted.test/desk',
      token: 't',
      gapTimeoutMs: 10,
      WebSocket: ScriptedServerSocket as unknown as typeof WebSocket,
      ...options,
    });
    const desk = storeOn(transport);
    if (!options.getToken) await waitUntil(() => desk.store.state.connection === 'online', 'online');
    return { ...desk, socket: ScriptedServerSocket.last! };
  }

  /** The first error with this code, once it was reported. */
  async function reported<C extends DeskErrorCode>(errors: DeskErrorInfo[], code: C): Promise<DeskErrorOf<C>> {
    await waitUntil(() => errors.some((e) => e.code === code), `a "${code}" error`);
    return errors.find((e): e is DeskErrorOf<C> => e.code === code)!;
  }

  /** One way to produce each code, with the data fields it carries (the compiler asks for every code). */
  const producers: { [C in DeskErrorCode]: () => Promise<DeskErrorOf<C>> } = {
    'invalid-event': async () => {
      const { transport, errors } = memoryDesk();
      transport.emit({ type: 'visitor.teleported', visitorId: 'v-c1' });
      const error = await reported(errors, 'invalid-event');
      expect(error.eventType).to.equal('visitor.teleported');
      return error;
    },
    'invalid-frame': async () => {
      const { socket, errors } = await webSocketDesk();
      socket.push('{ not json');
      return reported(errors, 'invalid-frame');
    },
    'events-lost': async () => {
      const { socket, errors } = await webSocketDesk();
      // Events 1 and 2 never come, not even after the replay the client asks for.
      socket.push({ type: 'event', seq: 3, event: { type: 'visitor.typing', conversationId: 'c1', typing: true } });
      const error = await reported(errors, 'events-lost');
      expect(socket.received.some((frame) => frame.type === 'resume')).to.equal(true);
      expect(error).to.include({ from: 1, to: 2 });
      return error;
    },
    server: async () => {
      const { socket, errors } = await webSocketDesk();
      socket.push({ type: 'error', code: 'internal', message: 'The database is down' });
      const error = await reported(errors, 'server');
      expect(error.serverCode).to.equal('internal');
      return error;
    },
    protocol: async () => {
      const { socket, errors, store } = await webSocketDesk();
      socket.push({ type: 'error', code: 'unsupported-version', message: 'v2 only' });
      const error = await reported(errors, 'protocol');
      expect(store.state.connection).to.equal('offline');
      return error;
    },
    unauthorized: async () => {
      const { errors } = await webSocketDesk({ getToken: () => Promise.reject(new Error('signed out')) });
      return reported(errors, 'unauthorized');
    },
    transport: async () => {
      const { transport, store, errors } = memoryDesk();
      transport.failNext(1);
      store.block('v-c1');
      const error = await reported(errors, 'transport');
      expect(error.command).to.equal('block');
      return error;
    },
    'send-failed': async () => {
      const { transport, store, errors } = memoryDesk();
      transport.failNext(1);
      const message = store.send('c1', { kind: 'text', text: 'Hello' })!;
      const error = await reported(errors, 'send-failed');
      expect(error).to.include({ clientId: message.clientId, conversationId: 'c1' });
      return error;
    },
    'send-refused': async () => {
      const { store, errors } = memoryDesk();
      expect(store.send('c1', { kind: 'text', text: '   ' })).to.equal(undefined);
      const error = await reported(errors, 'send-refused');
      expect(error.conversationId).to.equal('c1');
      return error;
    },
    'invalid-argument': async () => {
      const { store, errors } = memoryDesk();
      store.setLayout(3 as Layout);
      const error = await reported(errors, 'invalid-argument');
      expect(error.method).to.equal('setLayout');
      return error;
    },
    forbidden: async () => {
      const { store, errors } = memoryDesk();
      expect(store.unblock('v-c1')).to.equal(false);
      const error = await reported(errors, 'forbidden');
      expect(error.visitorId).to.equal('v-c1');
      return error;
    },
    outbox: async () => {
      const full: Outbox = Object.assign(new MemoryOutbox(), {
        put: () => Promise.reject(new Error('QuotaExceededError')),
      });
      const { store, errors } = memoryDesk({ outbox: full });
      const message = store.send('c1', { kind: 'text', text: 'Hello' })!;
      const error = await reported(errors, 'outbox');
      expect(error.clientId).to.equal(message.clientId);
      return error;
    },
    internal: async () => {
      // Only a bug can cause it (every input is validated first), so no command can: the reducer
      // the store runs every action through is fed an action it cannot apply.
      const { store } = memoryDesk();
      const broken = { type: 'message.added', message: null } as unknown as StoreAction;
      const { errors } = reduce(store.state, [broken]);
      seen.push(...errors);
      const error = await reported(errors, 'internal');
      expect(error.action).to.equal('message.added');
      return error;
    },
    demo: async () => {
      // `<desk-provider demo>` reports it too when the demo data chunk cannot be fetched.
      sinon.stub(simulatorChunk, 'load').rejects(new TypeError('Failed to fetch dynamically imported module'));
      const transport = new MemoryTransport({ fixtures: fixtures(), simulate: true });
      const { errors } = storeOn(transport);
      return reported(errors, 'demo');
    },
  };

  it('declares every code once, and has a producer for each', () => {
    // Compiles only when DESK_ERROR_CODES lists every code of the union.
    const everyCodeListed: [Exclude<DeskErrorCode, (typeof DESK_ERROR_CODES)[number]>] extends [never] ? true : false =
      true;
    expect(everyCodeListed).to.equal(true);
    expect(new Set(DESK_ERROR_CODES).size).to.equal(DESK_ERROR_CODES.length);
    expect(Object.keys(producers).sort()).to.deep.equal([...DESK_ERROR_CODES].sort());
  });

  for (const code of DESK_ERROR_CODES) {
    it(`produces "${code}" with a message and its data`, async () => {
      const error = await producers[code]();
      expect(error.code).to.equal(code);
      expect(error.message).to.be.a('string').and.not.equal('');
    });
  }

  it('does not compile an undeclared code, or a member without its data', () => {
    const errors: DeskErrorInfo[] = [
      // @ts-expect-error 'upload' is not a code (the composer shows upload failures itself)
      { code: 'upload', message: 'Upload failed' },
      // @ts-expect-error a send-failed error names its message
      { code: 'send-failed', message: 'Message not sent', conversationId: 'c1' },
      { code: 'send-failed', message: 'Message not sent', conversationId: 'c1', clientId: 'k1' },
    ];
    const error = errors[2];
    // Narrowing on `code` gives the member's fields.
    expect(error.code === 'send-failed' ? error.clientId : undefined).to.equal('k1');
  });

  describe('console warnings', () => {
    it('by default, warns of dropped server input but not of a refused send', async () => {
      const { transport, store } = memoryDesk();
      store.send('c1', { kind: 'text', text: '' });
      store.unblock('v-c1');
      expect(warn.callCount).to.equal(0);
      transport.emit({ type: 'message.added', message: { id: 42 } });
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/^\[agent-desk\] invalid-event: /);
    });

    it('does not warn of a failed send (the thread shows it) unless asked to warn of all', async () => {
      for (const consoleWarnings of ['default', 'all'] as const) {
        warn.resetHistory();
        const { transport, store, errors } = memoryDesk({ consoleWarnings });
        transport.failNext(1);
        store.send('c1', { kind: 'text', text: 'Hello' });
        await reported(errors, 'send-failed');
        expect(warn.callCount, consoleWarnings).to.equal(consoleWarnings === 'all' ? 1 : 0);
      }
    });

    it('`none` warns of nothing, and every error still reaches errors$', () => {
      const { transport, store, errors } = memoryDesk({ consoleWarnings: 'none' });
      transport.emit({ type: 'message.added', message: { id: 42 } });
      store.setLayout(5 as Layout);
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event', 'invalid-argument']);
      expect(warn.callCount).to.equal(0);
    });
  });
});
