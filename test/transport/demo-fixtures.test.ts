import { expect } from '@open-wc/testing';
import { parseMessage, parseServerEvent } from '../../src/model/schema.js';
import type { Fixtures, MessageKind } from '../../src/model/types.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { ALL_KINDS } from '../model/builders.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describe('demoFixtures', () => {
  let data: Fixtures;
  beforeEach(() => {
    data = demoFixtures(NOW);
  });

  it('has at least six ongoing conversations on at least six different channels', () => {
    const ongoing = data.conversations.filter((c) => c.status === 'ongoing');
    expect(ongoing.length).to.be.at.least(6);
    expect(new Set(ongoing.map((c) => c.channel)).size).to.be.at.least(6);
  });

  it('uses every message kind at least once', () => {
    const kinds = new Set<MessageKind>(data.messages.map((m) => m.kind));
    for (const kind of ALL_KINDS) expect(kinds, kind).to.include(kind);
  });

  it('has every author and every delivery state worth showing', () => {
    expect(new Set(data.messages.map((m) => m.author))).to.have.keys('visitor', 'agent', 'bot', 'system');
    const statuses = new Set(data.messages.filter((m) => m.author === 'agent').map((m) => m.status));
    for (const status of ['sent', 'delivered', 'read', 'failed']) expect(statuses, status).to.include(status);
    const failed = data.messages.find((m) => m.status === 'failed')!;
    expect(failed.clientId, 'a failed message can be retried under its client id').to.be.a('string');
  });

  it('has a returning visitor with closed conversations in the snapshot and more in the archive', () => {
    const closed = data.conversations.filter((c) => c.status === 'closed');
    expect(closed.length).to.be.at.least(1);
    const returning = data.visitors.find((v) => v.id === closed[0].visitorId)!;
    expect(returning.visitCount).to.be.above(1);
    expect(data.conversations.some((c) => c.visitorId === returning.id && c.status === 'ongoing')).to.be.true;
    for (const c of closed) {
      expect(c.closedAt, c.id).to.be.a('string');
      expect(Date.parse(c.closedAt!)).to.be.above(Date.parse(c.startedAt));
      expect(data.messages.filter((m) => m.conversationId === c.id).length, `${c.id} shows in full`).to.be.above(0);
    }
    const archive = data.archive!;
    const returningArchive = archive.conversations.filter((c) => c.visitorId === returning.id);
    expect(returningArchive.length).to.be.above(3);
    expect(archive.conversations.every((c) => c.status === 'closed')).to.be.true;
    const newestArchived = Math.max(...returningArchive.map((c) => Date.parse(c.startedAt)));
    const oldestInSnapshot = Math.min(...closed.map((c) => Date.parse(c.startedAt)));
    expect(newestArchived, 'the archive is older than what the snapshot shows').to.be.below(oldestInSnapshot);
  });

  it('gives visitors full profiles with custom data: a basket amount in a currency and a client id', () => {
    const named = data.visitors.filter((v) => v.name);
    expect(named.length).to.be.at.least(5);
    for (const v of named) {
      for (const field of [
        'source',
        'currentPage',
        'browsingStartedAt',
        'pagesViewed',
        'visitCount',
        'country',
        'browser',
        'os',
      ] as const) {
        expect(v[field], `${v.id}.${field}`).to.exist;
      }
    }
    const entries = data.visitors.flatMap((v) => v.customData ?? []);
    const basket = entries.find((e) => e.key === 'basket' && typeof e.value === 'number' && e.value > 0)!;
    expect(basket).to.include({ format: 'currency' });
    expect(basket.currency).to.match(/^[A-Z]{3}$/);
    expect(entries.some((e) => e.key === 'clientId' && typeof e.value === 'string')).to.be.true;
  });

  it('has an anonymous visitor (shown as "Visitor #number")', () => {
    expect(data.visitors.some((v) => !v.name)).to.be.true;
  });

  it('passes the schemas unchanged: the snapshot, the archive and every message', () => {
    const { agent, visitors, conversations, messages } = data;
    const snapshot = { type: 'snapshot', agent, visitors, conversations, messages };
    const parsed = parseServerEvent(snapshot);
    expect(parsed.ok, parsed.ok ? '' : parsed.error).to.be.true;
    if (parsed.ok) expect(parsed.value).to.deep.equal(snapshot);
    const page = {
      type: 'history.page',
      visitorId: 'v-emma',
      conversations: data.archive!.conversations,
      messages: data.archive!.messages,
      hasMore: false,
    };
    const parsedPage = parseServerEvent(page);
    expect(parsedPage.ok, parsedPage.ok ? '' : parsedPage.error).to.be.true;
    if (parsedPage.ok) expect(parsedPage.value).to.deep.equal(page);
    for (const m of [...messages, ...data.archive!.messages]) expect(parseMessage(m).ok, m.id).to.be.true;
  });

  it('is consistent: unique ids, every message in a known conversation, every conversation with a known visitor', () => {
    const allConversations = [...data.conversations, ...data.archive!.conversations];
    const allMessages = [...data.messages, ...data.archive!.messages];
    const conversationIds = new Set(allConversations.map((c) => c.id));
    const visitorIds = new Set(data.visitors.map((v) => v.id));
    expect(conversationIds.size).to.equal(allConversations.length);
    expect(visitorIds.size).to.equal(data.visitors.length);
    expect(new Set(allMessages.map((m) => m.id)).size).to.equal(allMessages.length);
    for (const m of allMessages) expect(conversationIds.has(m.conversationId), m.id).to.be.true;
    for (const c of allConversations) expect(visitorIds.has(c.visitorId), c.id).to.be.true;
  });

  it('is current: every time is relative to now, in the past, and messages follow their conversation start', () => {
    const now = NOW.getTime();
    const starts = new Map(
      [...data.conversations, ...data.archive!.conversations].map((c) => [c.id, Date.parse(c.startedAt)]),
    );
    for (const m of [...data.messages, ...data.archive!.messages]) {
      const at = Date.parse(m.at);
      expect(at, m.id).to.be.at.most(now);
      expect(at, m.id).to.be.at.least(starts.get(m.conversationId)!);
    }
    const later = demoFixtures(new Date(now + 3_600_000));
    expect(Date.parse(later.messages[0].at) - Date.parse(data.messages[0].at)).to.equal(3_600_000);
  });

  it('is the same data for the same time', () => {
    expect(demoFixtures(NOW)).to.deep.equal(data);
  });

  it('gives every visitor who came before (visitCount > 1) past conversations to page through, and first-timers none', () => {
    const archived = new Set(
      [...data.conversations, ...data.archive!.conversations]
        .filter((c) => c.status === 'closed')
        .map((c) => c.visitorId),
    );
    for (const visitor of data.visitors) {
      expect(archived.has(visitor.id), visitor.id).to.equal((visitor.visitCount ?? 1) > 1);
    }
  });
});
