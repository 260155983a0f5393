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

  /** The channel of the visitor's ongoing conversation. */
  const channelOf = (visitorId: string) =>
    data.conversations.find((c) => c.visitorId === visitorId && c.status === 'ongoing')?.channel;
  const offSite = (visitorId: string) => ['email', 'sms'].includes(channelOf(visitorId) ?? '');

  it('gives visitors full profiles with custom data: a basket amount in a currency and a client id', () => {
    const named = data.visitors.filter((v) => v.name && !offSite(v.id));
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

  it('gives visitors writing by email or SMS no browsing data, and never a channel name as their browser', () => {
    const off = data.visitors.filter((v) => offSite(v.id));
    expect(off.map((v) => channelOf(v.id)).sort()).to.deep.equal(['email', 'sms']);
    for (const v of off) {
      expect(v.currentPage, v.id).to.be.undefined;
      expect(v.pagesViewed, v.id).to.be.undefined;
      expect(v.browsingStartedAt, v.id).to.be.undefined;
    }
    const channels = /^(email|sms|whatsapp|facebook|instagram|chat)$/i;
    for (const v of data.visitors) if (v.browser) expect(v.browser, v.id).not.to.match(channels);
    expect(data.visitors.find((v) => channelOf(v.id) === 'email')!.browser, 'the mail client').to.equal('Apple Mail');
  });

  it('shows pages visited in the conversation of every visitor who viewed pages', () => {
    for (const v of data.visitors.filter((visitor) => (visitor.pagesViewed ?? 0) > 0)) {
      const conversation = data.conversations.find((c) => c.visitorId === v.id && c.status === 'ongoing')!;
      const pages = data.messages.filter((m) => m.conversationId === conversation.id && m.kind === 'navigation');
      expect(pages.length, v.id).to.be.within(1, v.pagesViewed!);
      const last = pages.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1)!;
      expect(last.kind === 'navigation' && last.url, `${v.id}: the latest page is the current one`).to.equal(
        v.currentPage?.url,
      );
    }
  });

  it('starts past conversations at different clock times (not all at the time of day it is now)', () => {
    const closed = [...data.conversations, ...data.archive!.conversations].filter((c) => c.status === 'closed');
    const byVisitor = new Map<string, string[]>();
    for (const c of closed) byVisitor.set(c.visitorId, [...(byVisitor.get(c.visitorId) ?? []), c.startedAt]);
    const clock = (iso: string) => iso.slice(11, 16);
    for (const [visitorId, starts] of byVisitor) {
      if (starts.length < 2) continue;
      expect(new Set(starts.map(clock)).size, visitorId).to.be.above(1);
      expect(starts.map(clock), visitorId).not.to.include(clock(NOW.toISOString()));
    }
  });

  it('has no empty amounts in the custom data (no "Basket €0.00")', () => {
    const amounts = data.visitors.flatMap((v) => v.customData ?? []).filter((e) => e.format === 'currency');
    expect(amounts.length).to.be.above(0);
    for (const amount of amounts) expect(amount.value, amount.key).to.be.above(0);
  });

  it('serves its images from the same origin as the code, or from the folder given', () => {
    const urls = [
      ...data.messages.flatMap((m) =>
        m.kind === 'image' ? [m.url] : m.kind === 'offer' && m.imageUrl ? [m.imageUrl] : [],
      ),
    ];
    expect(urls.length).to.be.at.least(2);
    for (const url of urls) {
      expect(new URL(url).origin, url).to.equal(location.origin);
      expect(url, url).to.match(/\/demo-images\/[\w-]+\.jpg$/);
    }
    const rebased = demoFixtures(NOW, { images: 'https://desk.example.org/static/' });
    const image = rebased.messages.find((m) => m.kind === 'image')!;
    expect(image.kind === 'image' && image.url).to.equal('https://desk.example.org/static/worn-boots.jpg');
  });

  it('has images that load, each a file over 4 KB (bundlers such as Vite inline smaller ones as data: URLs, which the thread refuses)', async () => {
    const image = data.messages.find((m) => m.kind === 'image')!;
    const img = new Image();
    img.src = image.kind === 'image' ? image.url : '';
    await img.decode();
    expect(img.naturalWidth).to.be.above(0);
    for (const m of data.messages) {
      const url = m.kind === 'image' ? m.url : m.kind === 'offer' ? m.imageUrl : undefined;
      if (url) expect((await (await fetch(url)).arrayBuffer()).byteLength, url).to.be.above(4096);
    }
  });

  it('signs the agent’s replies with the agent given (default Alex Martin)', () => {
    const agentNames = (fixtures: Fixtures) =>
      new Set(
        [...fixtures.messages, ...fixtures.archive!.messages]
          .filter((m) => m.author === 'agent')
          .map((m) => m.authorName),
      );
    expect([...agentNames(data)]).to.deep.equal(['Alex Martin']);
    const alex = demoFixtures(NOW, { agent: { id: 'a1', name: 'Alex' } });
    expect(alex.agent).to.deep.equal({ id: 'a1', name: 'Alex' });
    expect([...agentNames(alex)]).to.deep.equal(['Alex']);
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
