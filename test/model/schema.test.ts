import { expect } from '@open-wc/testing';
import { parseMessage, parseServerEvent } from '../../src/model/schema.js';
import type { ServerEvent } from '../../src/model/types.js';
import { ALL_KINDS, CONTENT_BY_KIND, conversation, iso, message, snapshot, visitor } from './builders.js';

const VALID_EVENTS: ServerEvent[] = [
  snapshot({ agent: { id: 'a1', name: 'Alex', role: 'manager' }, messages: [message({ conversationId: 'c1' })] }),
  { type: 'conversation.upserted', conversation: conversation('c9', { channel: 'apple-business-chat', unread: 2 }) },
  { type: 'conversation.closed', conversationId: 'c1', at: iso(60) },
  { type: 'message.added', message: message() },
  { type: 'message.updated', message: { id: 'm1', conversationId: 'c1', status: 'read' } },
  { type: 'visitor.updated', visitor: { id: 'v1', blocked: true } },
  { type: 'visitor.navigated', visitorId: 'v1', url: 'https://shop.example.com/a', title: 'A', at: iso(5) },
  { type: 'visitor.typing', conversationId: 'c1', typing: true, preview: 'Hel' },
  {
    type: 'history.page',
    visitorId: 'v1',
    conversations: [conversation('old', { status: 'closed' })],
    messages: [],
    hasMore: true,
  },
  {
    type: 'history.page',
    visitorId: 'v1',
    conversationId: 'c1',
    conversations: [],
    messages: [message()],
    hasMore: false,
  },
];

describe('server event schemas', () => {
  for (const event of VALID_EVENTS) {
    it(`accepts a well-formed ${event.type} event${'conversationId' in event && event.type === 'history.page' ? ' (thread scroll-back)' : ''} unchanged`, () => {
      const parsed = parseServerEvent(event);
      expect(parsed.ok, parsed.ok ? '' : parsed.error).to.be.true;
      if (parsed.ok) expect(parsed.value).to.deep.equal(event);
    });
  }

  for (const kind of ALL_KINDS) {
    it(`accepts a ${kind} message with every optional field`, () => {
      const m = message({
        author: 'agent',
        content: CONTENT_BY_KIND[kind],
        extra: { authorName: 'Alex', status: 'delivered', clientId: 'cid-1' },
      });
      const parsed = parseMessage(m);
      expect(parsed.ok).to.be.true;
      if (parsed.ok) expect(parsed.value).to.deep.equal(m);
    });
  }

  it('keeps the valid items of a snapshot with a sound envelope and lists those left out', () => {
    const good = message({ id: 'good' });
    const parsed = parseServerEvent({
      type: 'snapshot',
      visitors: [visitor('v1'), null],
      conversations: [conversation('c1')],
      messages: [good, { ...good, id: 'bad', author: 'robot' }],
    });
    expect(parsed.ok).to.be.true;
    if (!parsed.ok || parsed.value.type !== 'snapshot') return;
    expect(parsed.value.messages).to.deep.equal([good]);
    expect(parsed.value.visitors.map((v) => v.id)).to.deep.equal(['v1']);
    expect(parsed.dropped).to.have.length(2);
    expect(parsed.dropped!.join(' ')).to.contain('messages.1.author').and.contain('visitors.1');
  });

  it('a well-formed event has nothing dropped', () => {
    const parsed = parseServerEvent(snapshot());
    expect(parsed.ok && parsed.dropped).to.equal(undefined);
  });

  it('strips unknown fields instead of carrying them into the state', () => {
    const parsed = parseServerEvent({
      type: 'visitor.updated',
      visitor: { id: 'v1', name: 'Emma', isAdmin: true, onclick: 'alert(1)' },
      extra: 1,
    });
    expect(parsed.ok).to.be.true;
    if (parsed.ok) expect(parsed.value).to.deep.equal({ type: 'visitor.updated', visitor: { id: 'v1', name: 'Emma' } });
  });

  it('keeps javascript: URLs as data (the elements refuse to render them as links)', () => {
    const parsed = parseMessage(message({ content: { kind: 'link', url: 'javascript:alert(1)' } }));
    expect(parsed.ok).to.be.true;
  });

  it('accepts a visitor with a full profile and custom data', () => {
    const full = visitor('v1', {
      source: { type: 'campaign', detail: 'Newsletter' },
      currentPage: { url: 'https://shop.example.com/', title: 'Home' },
      browsingStartedAt: iso(0),
      visitCount: 3,
      country: 'FR',
      browser: 'Firefox',
      os: 'Linux',
      language: 'fr-FR',
      timeZone: 'Europe/Paris',
      pastMessagesCount: 4,
      blocked: false,
      customData: [
        { key: 'basket', label: 'Basket amount', value: 12.5, format: 'currency', currency: 'EUR' },
        { key: 'vip', value: true },
        { key: 'clientId', value: 'CL-1' },
      ],
    });
    const parsed = parseServerEvent({ type: 'snapshot', visitors: [full], conversations: [], messages: [] });
    expect(parsed.ok).to.be.true;
    if (parsed.ok && parsed.value.type === 'snapshot') expect(parsed.value.visitors[0]).to.deep.equal(full);
  });

  it('reports where a malformed event is wrong', () => {
    const parsed = parseServerEvent({ type: 'message.added', message: { ...message(), at: 'yesterday' } });
    expect(parsed.ok).to.be.false;
    if (!parsed.ok) expect(parsed.error).to.match(/^message\.at: /);
  });

  it('rejects a calendar date that does not exist', () => {
    expect(parseMessage(message({ extra: { at: '2026-02-30T10:00:00Z' } })).ok).to.be.false;
    expect(parseMessage(message({ extra: { at: '2026-04-31T10:00:00Z' } })).ok).to.be.false;
    expect(parseMessage(message({ extra: { at: '2028-02-29T10:00:00Z' } })).ok).to.be.true;
    expect(parseMessage(message({ extra: { at: '2026-11-25T10:00:00+02:00' } })).ok).to.be.true;
  });
});
