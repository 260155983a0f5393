import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { DeskErrorInfo, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { conversation, iso, snapshot, textMessage, visitor } from '../model/builders.js';

const snapshotOf = () => ({
  type: 'snapshot',
  visitors: [visitor('v-c1')],
  conversations: [conversation('c1')],
  messages: [] as unknown[],
});
const valid = (): Message => textMessage('ok', 'visitor', 1, 'Hello', 'c1');
const withMessage = (patch: Record<string, unknown>) => ({ type: 'message.added', message: { ...valid(), ...patch } });
const withVisitor = (patch: Record<string, unknown>) => ({
  type: 'visitor.updated',
  visitor: { id: 'v-c1', ...patch },
});
const without = <T extends object>(object: T, key: keyof T) => {
  const copy = { ...object };
  delete copy[key];
  return copy;
};

function throwingGetter(key: string, base: Record<string, unknown>): object {
  const object = { ...base };
  Object.defineProperty(object, key, {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  return object;
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({ type: 'message.added' }, {});
  revoke();
  return proxy;
}

/** Malformed events: each must be dropped with a warning and an `invalid-event` error. */
const MALFORMED: Array<[label: string, make: () => unknown]> = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a number', () => 42],
  ['a string of JSON (not parsed)', () => JSON.stringify(withMessage({}))],
  ['a boolean', () => true],
  ['a symbol', () => Symbol('event')],
  ['a function', () => () => withMessage({})],
  ['an array holding a valid event', () => [withMessage({})]],
  ['an empty object', () => ({})],
  ['an unknown event type', () => ({ type: 'message.deleted', messageId: 'm1' })],
  ['a type that is not a string', () => ({ type: 7, message: valid() })],
  ['a type in the wrong case', () => ({ ...withMessage({}), type: 'Message.Added' })],
  ['message.added without a message', () => ({ type: 'message.added' })],
  ['message.added with a null message', () => ({ type: 'message.added', message: null })],
  ['an unknown message kind', () => withMessage({ kind: 'video', url: 'https://v.example/1.mp4' })],
  ['a message without an id', () => ({ type: 'message.added', message: without(valid(), 'id') })],
  ['a message with an empty id', () => withMessage({ id: '' })],
  ['a message with a numeric id', () => withMessage({ id: 12 })],
  ['a message id over 256 characters', () => withMessage({ id: 'x'.repeat(257) })],
  ['an unknown author', () => withMessage({ author: 'admin' })],
  ['an unknown delivery status', () => withMessage({ status: 'seen' })],
  ['a time that is not ISO 8601', () => withMessage({ at: 'yesterday at 5' })],
  ['a time given as epoch milliseconds', () => withMessage({ at: Date.parse(iso(1)) })],
  ['a time given as a Date object', () => withMessage({ at: new Date(iso(1)) })],
  ['a date that does not exist', () => withMessage({ at: '2026-02-30T10:00:00Z' })],
  ['an ISO-looking time with garbage after it', () => withMessage({ at: '2026-11-25T10:00:00Zjunk' })],
  ['a text that is an object', () => withMessage({ text: { html: '<b>hi</b>' } })],
  ['a text over the frame limit (4 MiB)', () => withMessage({ text: 'a'.repeat(4 * 1024 * 1024 + 1) })],
  ['a link without a URL', () => withMessage({ kind: 'link', text: undefined })],
  ['a link with an empty URL', () => withMessage({ kind: 'link', url: '' })],
  ['a link URL over 8 KB', () => withMessage({ kind: 'link', url: `https://example.com/${'a'.repeat(8200)}` })],
  ['choice options that are not an array', () => withMessage({ kind: 'choice', question: 'Q?', options: { a: 'A' } })],
  [
    'choice with 101 options (over the limit)',
    () =>
      withMessage({
        kind: 'choice',
        question: 'Q?',
        options: Array.from({ length: 101 }, (_, i) => ({ id: `o${i}`, label: `${i}` })),
      }),
  ],
  ['an unknown co-browsing state', () => withMessage({ kind: 'cobrowsing', state: 'hijacked' })],
  ['a transfer to an unknown target type', () => withMessage({ kind: 'transfer', to: { type: 'queue', name: 'Q' } })],
  [
    'a file with a negative size',
    () => withMessage({ kind: 'file', name: 'a.pdf', url: 'https://f.example/a.pdf', size: -1 }),
  ],
  ['an image with NaN width', () => withMessage({ kind: 'image', url: 'https://i.example/a.png', width: Number.NaN })],
  [
    'an image with infinite height',
    () => withMessage({ kind: 'image', url: 'https://i.example/a.png', height: Number.POSITIVE_INFINITY }),
  ],
  [
    'a translation without its original',
    () => withMessage({ kind: 'translation', sourceLang: 'es', targetLang: 'en' }),
  ],
  ['snapshot with visitors that are not an array', () => ({ ...snapshot(), visitors: { 'v-c1': visitor('v-c1') } })],
  ['snapshot without messages', () => without(snapshot(), 'messages')],
  [
    'snapshot with 200,001 conversations (over the limit)',
    () => ({ ...snapshot(), conversations: new Array(200_001).fill(conversation('c1')) }),
  ],
  ['snapshot whose agent has an unknown role', () => ({ ...snapshot(), agent: { id: 'a', name: 'A', role: 'root' } })],
  ['a country that is not an ISO 3166 code', () => withVisitor({ country: 'France' })],
  ['a country code with a digit', () => withVisitor({ country: 'F1' })],
  [
    'a currency that is not an ISO 4217 code',
    () => withVisitor({ customData: [{ key: 'basket', value: 1, format: 'currency', currency: 'EURO' }] }),
  ],
  ['custom data with an object value', () => withVisitor({ customData: [{ key: 'basket', value: { amount: 1 } }] })],
  [
    'custom data with an infinite number',
    () => withVisitor({ customData: [{ key: 'basket', value: Number.POSITIVE_INFINITY }] }),
  ],
  [
    'custom data with 201 entries (over the limit)',
    () => withVisitor({ customData: Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, value: i })) }),
  ],
  ['a negative page count', () => withVisitor({ pagesViewed: -1 })],
  ['a fractional visit count', () => withVisitor({ visitCount: 1.5 })],
  ['a BigInt count', () => withVisitor({ pastMessagesCount: BigInt(3) })],
  ['blocked as a string', () => withVisitor({ blocked: 'yes' })],
  ['an unknown source type', () => withVisitor({ source: { type: 'tv' } })],
  ['visitor.updated without an id', () => ({ type: 'visitor.updated', visitor: { name: 'Emma' } })],
  ['visitor.navigated without a URL', () => ({ type: 'visitor.navigated', visitorId: 'v-c1', at: iso(1) })],
  [
    'visitor.navigated with a bad time',
    () => ({ type: 'visitor.navigated', visitorId: 'v-c1', url: 'https://a.example/', at: 'now' }),
  ],
  ['visitor.typing with typing as a string', () => ({ type: 'visitor.typing', conversationId: 'c1', typing: 'true' })],
  [
    'conversation.upserted with an unknown status',
    () => ({ type: 'conversation.upserted', conversation: conversation('c9', { status: 'open' as 'ongoing' }) }),
  ],
  [
    'conversation.upserted with an empty channel',
    () => ({ type: 'conversation.upserted', conversation: conversation('c9', { channel: '' }) }),
  ],
  ['conversation.closed without a time', () => ({ type: 'conversation.closed', conversationId: 'c1' })],
  [
    'history.page without hasMore',
    () => ({ type: 'history.page', visitorId: 'v-c1', conversations: [], messages: [] }),
  ],
  [
    'history.page whose messages are not an array',
    () => ({
      type: 'history.page',
      visitorId: 'v-c1',
      conversations: [],
      messages: { 0: valid() },
      hasMore: false,
    }),
  ],
  [
    'message.updated without an id',
    () => ({ type: 'message.updated', message: { conversationId: 'c1', status: 'read' } }),
  ],
  ['message.updated with a string instead of a patch', () => ({ type: 'message.updated', message: 'read' })],
  [
    'a JSON payload hiding the event under __proto__',
    () => JSON.parse(`{"__proto__": ${JSON.stringify(withMessage({}))}}`),
  ],
  [
    'a JSON message hiding its fields under __proto__',
    () => JSON.parse(`{"type": "message.added", "message": {"__proto__": ${JSON.stringify(valid())}}}`),
  ],
  ['an event whose type getter throws', () => throwingGetter('type', withMessage({}))],
  ['an event whose message getter throws', () => throwingGetter('message', withMessage({}))],
  [
    'a Proxy whose get trap throws',
    () =>
      new Proxy(withMessage({}), {
        get() {
          throw new Error('trap');
        },
      }),
  ],
  [
    'a Proxy whose has trap throws',
    () =>
      new Proxy(withMessage({}), {
        has() {
          throw new Error('trap');
        },
      }),
  ],
  ['a revoked Proxy', revokedProxy],
];

describe('validation of server events', () => {
  let transport: MemoryTransport;
  let store: DeskStore;
  let errors: DeskErrorInfo[];
  let warn: sinon.SinonStub;

  beforeEach(() => {
    transport = new MemoryTransport({
      fixtures: { visitors: [visitor('v-c1')], conversations: [conversation('c1')], messages: [] },
    });
    store = new DeskStore({ transport, batching: 'frame' });
    store.flush();
    errors = [];
    store.errors$.subscribe((error) => errors.push(error));
    warn = sinon.stub(console, 'warn');
  });

  afterEach(() => {
    sinon.restore();
    store.destroy();
  });

  it(`has at least 30 distinct malformed cases (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).to.be.at.least(30);
    expect(new Set(MALFORMED.map(([label]) => label)).size).to.equal(MALFORMED.length);
  });

  for (const [label, make] of MALFORMED) {
    it(`drops ${label} with a warning and an invalid-event error, and keeps working`, () => {
      const before = store.state;
      expect(() => {
        transport.emit(make());
        store.flush();
      }).not.to.throw();
      expect(store.state).to.equal(before);
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
      expect(errors[0].message).to.be.a('string').and.not.be.empty;
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.contain('invalid-event');

      transport.emit({ type: 'message.added', message: textMessage('after', 'visitor', 5, 'still alive') });
      store.flush();
      expect(store.state.threads.get('c1')!.messages.map((m) => m.id)).to.deep.equal(['after']);
      expect(errors).to.have.length(1);
    });
  }

  it('a snapshot with a few malformed items loads everything else and reports each bad item', () => {
    transport.emit({
      type: 'snapshot',
      visitors: [visitor('v-c1'), { id: 'v-bad', country: 'France' }],
      conversations: [conversation('c1'), conversation('c2', { startedAt: iso(5) }), { id: 'c-bad', status: 'open' }],
      messages: [
        textMessage('good-1', 'visitor', 1),
        { ...textMessage('bad-1', 'visitor', 2), kind: 'video' },
        textMessage('good-2', 'agent', 3),
        { ...textMessage('bad-2', 'visitor', 4), at: 'yesterday' },
      ],
    });
    store.flush();
    expect([...store.state.visitors.keys()]).to.deep.equal(['v-c1']);
    expect([...store.state.conversations.keys()]).to.deep.equal(['c1', 'c2']);
    expect(store.state.threads.get('c1')!.messages.map((m) => m.id)).to.deep.equal(['good-1', 'good-2']);
    expect(errors.map((e) => e.code)).to.deep.equal(Array(4).fill('invalid-event'));
    expect(errors.map((e) => e.message).join('\n'))
      .to.contain('messages.1')
      .and.contain('messages.3.at');
    expect(warn.callCount).to.equal(4);
  });

  it('orders each thread of a snapshot whatever the listing: grouped, interleaved, out of order, mixed time shapes', () => {
    const at = (id: string, seconds: number, conversationId: string, time?: string) => ({
      ...textMessage(id, 'visitor', seconds, id, conversationId),
      ...(time ? { at: time } : {}),
    });
    transport.emit({
      type: 'snapshot',
      visitors: [visitor('v-c1'), visitor('v-c2')],
      conversations: [conversation('c1'), conversation('c2', { startedAt: iso(5) })],
      messages: [
        // c1 then c2, each in order (not in order as a whole: the store sorts).
        at('a1', 10, 'c1'),
        at('a2', 20, 'c1'),
        at('b1', 1, 'c2'),
        // Back to c1: older than a2 (c1 is out of order from here).
        at('a0', 5, 'c1'),
        // An offset time, an hour before T0 + 2 s, and a valibot-only kind among them.
        at('b0', 0, 'c2', '2026-11-25T10:00:02+01:00'),
        { ...at('b2', 3, 'c2'), kind: 'cobrowsing', state: 'requested' },
        { ...at('bad', 4, 'c2'), at: 'soon' },
      ],
    });
    store.flush();
    const ids = (id: string) => store.state.threads.get(id)!.messages.map((m) => m.id);
    expect(ids('c1')).to.deep.equal(['a0', 'a1', 'a2']);
    expect(ids('c2')).to.deep.equal(['b0', 'b1', 'b2']);
    expect(errors.map((e) => e.message).join('\n')).to.contain('messages.6.at');
  });

  it('a history page keeps its valid conversations and messages', () => {
    transport.emit({
      type: 'history.page',
      visitorId: 'v-c1',
      conversations: [
        conversation('old', { visitorId: 'v-c1', status: 'closed', startedAt: iso(-100) }),
        { id: 'old-bad' },
      ],
      messages: [
        textMessage('o1', 'visitor', -99, 'hi', 'old'),
        { ...textMessage('o2', 'visitor', -98, 'x', 'old'), text: 7 },
      ],
      hasMore: true,
    });
    store.flush();
    expect(store.state.conversations.has('old')).to.be.true;
    expect(store.state.conversations.has('old-bad')).to.be.false;
    expect(store.state.threads.get('old')!.messages.map((m) => m.id)).to.deep.equal(['o1']);
    expect(store.state.history.get('v-c1')).to.deep.equal({ hasMore: true, loading: false });
    expect(errors).to.have.length(2);
  });

  it('reports a flood of malformed items briefly (ten, then a count)', () => {
    const bad = Array.from({ length: 500 }, (_, i) => ({ ...textMessage(`bad-${i}`, 'visitor', i), at: 'never' }));
    transport.emit({ ...snapshotOf(), messages: [textMessage('good', 'visitor', 1), ...bad] });
    store.flush();
    expect(store.state.threads.get('c1')!.messages.map((m) => m.id)).to.deep.equal(['good']);
    expect(errors).to.have.length(11);
    expect(errors[10].message).to.contain('490 more');
  });

  it('drops a malformed event in a batch without losing the valid ones around it', () => {
    transport.emit({ type: 'message.added', message: textMessage('one', 'visitor', 1) });
    transport.emit(withMessage({ at: 'nope' }));
    transport.emit({ type: 'message.added', message: textMessage('two', 'agent', 2) });
    store.flush();
    expect(store.state.threads.get('c1')!.messages.map((m) => m.id)).to.deep.equal(['one', 'two']);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
  });

  it('refuses a message.updated patch whose merged message is invalid, with a warning', () => {
    transport.emit({ type: 'message.added', message: { ...textMessage('a1', 'agent', 1), status: 'sent' } });
    transport.emit({ type: 'message.updated', message: { id: 'a1', conversationId: 'c1', status: 'exploded' } });
    store.flush();
    expect(store.state.threads.get('c1')!.messages[0].status).to.equal('sent');
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
    expect(warn.callCount).to.equal(1);
  });

  it('accepts an event carrying __proto__ keys without polluting any prototype', () => {
    const raw: unknown = JSON.parse(
      '{"type":"visitor.updated","visitor":{"id":"v-c1","name":"Emma","__proto__":{"blocked":true,"isAdmin":true}},"__proto__":{"polluted":true}}',
    );
    transport.emit(raw);
    store.flush();
    const stored = store.state.visitors.get('v-c1')!;
    expect(stored.name).to.equal('Emma');
    expect(stored.blocked).to.equal(undefined);
    expect(Object.getPrototypeOf(stored)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(({} as Record<string, unknown>).isAdmin).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });

  it('keeps a message, visitor or typing preview whose shown text is oversized, shortened with "…"', () => {
    transport.emit(withMessage({ id: 'long-name', authorName: 'n'.repeat(5000) }));
    transport.emit(withMessage({ id: 'long-title', kind: 'link', url: 'https://a.example/', title: 't'.repeat(1001) }));
    transport.emit({ type: 'visitor.updated', visitor: { id: 'v-c1', name: 'v'.repeat(2000) } });
    transport.emit({ type: 'visitor.typing', conversationId: 'c1', typing: true, preview: 'p'.repeat(4001) });
    store.flush();
    expect(errors).to.deep.equal([]);
    const [named, titled] = store.state.threads.get('c1')!.messages;
    expect(named.authorName).to.equal(`${'n'.repeat(999)}…`);
    expect(titled.kind === 'link' && titled.title).to.equal(`${'t'.repeat(999)}…`);
    expect(store.state.visitors.get('v-c1')!.name).to.equal(`${'v'.repeat(999)}…`);
    expect(store.state.typing.get('c1')!.preview).to.equal(`${'p'.repeat(3999)}…`);
    // A name within the limit is kept as is.
    transport.emit(withMessage({ id: 'short-name', authorName: 'n'.repeat(1000) }));
    store.flush();
    expect(store.state.threads.get('c1')!.messages.at(-1)!.authorName).to.have.length(1000);
  });

  it('keeps a javascript: URL as data (elements refuse to render it as a link)', () => {
    transport.emit(withMessage({ id: 'js', kind: 'link', url: 'javascript:alert(1)' }));
    store.flush();
    const link = store.state.threads.get('c1')!.messages[0];
    expect(link).to.include({ kind: 'link', url: 'javascript:alert(1)' });
    expect(errors).to.deep.equal([]);
  });
});
