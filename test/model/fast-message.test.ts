import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { fastMessage, MessageSchema, parseMessage, parseServerEvent } from '../../src/model/schema.js';
import { ALL_KINDS, CONTENT_BY_KIND, message, snapshot } from './builders.js';

/** Valibot's verdict, the reference: the fast path may only accept what it accepts, with the same output. */
function reference(input: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const parsed = v.safeParse(MessageSchema, input);
    return parsed.success ? { ok: true, value: parsed.output } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** The fast path agrees with valibot: when it accepts, valibot accepts the same output (same keys, same order). */
function expectAgrees(input: unknown, label: string): void {
  let fast: unknown;
  try {
    fast = fastMessage(input);
  } catch {
    fast = undefined; // (callers fall back to valibot)
  }
  const expected = reference(input);
  if (fast !== undefined) {
    expect(expected.ok, `${label}: the fast path accepted what valibot refuses`).to.be.true;
    if (expected.ok) {
      expect(fast, label).to.deep.equal(expected.value);
      expect(Object.keys(fast as object), `${label}: key order`).to.deep.equal(Object.keys(expected.value as object));
    }
  }
  // parseMessage (fast path, then valibot) gives valibot's verdict and output.
  const parsed = parseMessage(input);
  expect(parsed.ok, label).to.equal(expected.ok);
  if (parsed.ok && expected.ok) expect(parsed.value, label).to.deep.equal(expected.value);
}

/** Every optional field set, for each kind. */
function full(kind: (typeof ALL_KINDS)[number]): Record<string, unknown> {
  const extra: Record<string, Record<string, unknown>> = {
    link: { title: 'T' },
    navigation: { title: 'T' },
    offer: { description: 'D', imageUrl: 'https://x/i.png', url: 'https://x', cta: 'Go' },
    file: { size: 10, mimeType: 'application/pdf' },
    image: { alt: 'A', width: 640, height: 480 },
  };
  return {
    ...message({ conversationId: 'c1', author: 'agent' }),
    ...CONTENT_BY_KIND[kind],
    authorName: 'Alex',
    status: 'read',
    clientId: 'k1',
    ...(extra[kind] ?? {}),
  };
}

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(257),
  'x'.repeat(1_001),
  'x'.repeat(8_193),
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  {},
  [],
  ['a'],
  '2026-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-01-01T25:00:00Z',
  '0000-02-29T00:00:00Z',
  '2024-02-29T10:00:00Z',
  '2023-02-29T10:00:00Z',
  '2026-04-31T10:00:00Z',
  `2026-01-01T10:00:00Z${' '.repeat(30)}`,
  'visitor',
  'read',
  'text',
];

describe('fast message validation (the fast path agrees with valibot)', () => {
  for (const kind of ALL_KINDS) {
    it(`accepts a ${kind} message exactly as valibot does, with every optional field and without`, () => {
      expectAgrees(full(kind), `${kind} full`);
      expectAgrees({ ...message({ conversationId: 'c1' }), ...CONTENT_BY_KIND[kind] }, `${kind} minimal`);
      expectAgrees({ ...full(kind), unknown: 1, nested: { a: 1 } }, `${kind} extra fields stripped`);
    });

    it(`agrees on every malformed field of a ${kind} message (wrong types, bounds, missing, undefined)`, () => {
      const base = full(kind);
      for (const key of Object.keys(base)) {
        const without = { ...base };
        delete without[key];
        expectAgrees(without, `${kind} without ${key}`);
        for (const bad of BAD_VALUES)
          expectAgrees({ ...base, [key]: bad }, `${kind}.${key} = ${String(bad).slice(0, 30)}`);
      }
    });
  }

  it('agrees on hostile input: inherited fields, __proto__ keys, throwing getters, proxies, non-objects', () => {
    const base = full('text');
    expectAgrees(Object.create(base), 'every field inherited');
    expectAgrees(JSON.parse(`{"__proto__": {"text": "x"}, ${JSON.stringify(base).slice(1)}`), '__proto__ key');
    expectAgrees({ ...base, kind: 'constructor' }, 'kind constructor');
    expectAgrees({ ...base, kind: '__proto__' }, 'kind __proto__');
    const throwing = { ...base };
    Object.defineProperty(throwing, 'text', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expectAgrees(throwing, 'throwing getter');
    expectAgrees(
      new Proxy(base, {
        has: () => true,
        get: (target, key) => (key === 'kind' ? 'text' : (target as Record<string | symbol, unknown>)[key]),
      }),
      'proxy claiming every key',
    );
    let reads = 0;
    const flipping = { ...base };
    Object.defineProperty(flipping, 'author', {
      enumerable: true,
      get: () => (reads++ === 0 ? 'visitor' : 42),
    });
    // Whatever it accepts is a valid message (each field read once).
    const fast = fastMessage(flipping);
    if (fast) expect(reference({ ...fast }).ok).to.be.true;
    for (const input of [null, undefined, 1, 'text', [], [base], () => base]) expectAgrees(input, String(input));
  });

  it('a snapshot keeps the valid messages and drops and describes each malformed one, as before', () => {
    const good = message({ conversationId: 'c1', at: 1 });
    const event = snapshot({
      messages: [
        good,
        { ...message({ conversationId: 'c1' }), author: 'robot' } as never,
        { ...message({ conversationId: 'c1' }), at: '2026-02-30T10:00:00Z' } as never,
        {
          ...message({ conversationId: 'c1' }),
          kind: 'choice',
          question: 'Q?',
          options: [{ id: 'o1', label: 'One' }],
        } as never,
        { ...message({ conversationId: 'c1' }), kind: 'video' } as never,
      ],
    });
    const parsed = parseServerEvent(event);
    expect(parsed.ok).to.be.true;
    if (!parsed.ok || parsed.value.type !== 'snapshot') return;
    expect(parsed.value.messages.map((m) => m.kind)).to.deep.equal(['text', 'choice']);
    expect(parsed.dropped).to.have.length(3);
    expect(parsed.dropped!.join(' '))
      .to.contain('messages.1.author')
      .and.contain('messages.2.at')
      .and.contain('messages.4');
  });

  it('a snapshot with a message whose getter throws is refused whole, never thrown', () => {
    const bad = { ...message({ conversationId: 'c1' }) };
    Object.defineProperty(bad, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const parsed = parseServerEvent(snapshot({ messages: [message({ conversationId: 'c1' }), bad] }));
    expect(parsed.ok).to.be.false;
  });

  it('message.added takes the fast path and gives the same event as valibot', () => {
    const added = { type: 'message.added', message: { ...full('file'), extra: true } };
    const parsed = parseServerEvent(added);
    expect(parsed.ok).to.be.true;
    if (parsed.ok) {
      const expected = reference(added.message);
      expect(expected.ok).to.be.true;
      expect(parsed.value).to.deep.equal({ type: 'message.added', message: expected.ok && expected.value });
      expect(parsed.value.type === 'message.added' && parsed.value.message).not.to.have.property('extra');
      expect(Object.keys(parsed.value)).to.deep.equal(['type', 'message']);
    }
    expect(parseServerEvent({ type: 'message.added', message: { ...full('text'), text: 5 } }).ok).to.be.false;
  });
});
