import { expect } from '@open-wc/testing';
import {
  byArrival,
  byNewest,
  countUnanswered,
  hasName,
  insertionIndex,
  lastPreviewable,
  messageText,
  sortMessages,
  timeOf,
  visitorNumber,
  waitingSince,
} from '../../src/model/thread.js';
import type { MessageKind } from '../../src/model/types.js';
import { ALL_KINDS, CONTENT_BY_KIND, conversation, iso, message, textMessage } from './builders.js';

describe('thread ordering', () => {
  it('places a message after every earlier or equal-time message (ties by arrival)', () => {
    const thread = [
      textMessage('a', 'visitor', 1),
      textMessage('b', 'agent', 5),
      textMessage('c', 'visitor', 5),
      textMessage('d', 'agent', 9),
    ];
    expect(insertionIndex(thread, iso(0))).to.equal(0);
    expect(insertionIndex(thread, iso(1))).to.equal(1);
    expect(insertionIndex(thread, iso(5))).to.equal(3);
    expect(insertionIndex(thread, iso(7))).to.equal(3);
    expect(insertionIndex(thread, iso(9))).to.equal(4);
    expect(insertionIndex(thread, iso(99))).to.equal(4);
    expect(insertionIndex([], iso(1))).to.equal(0);
  });

  it('sorts by time and keeps the arrival order of equal times', () => {
    const a = textMessage('a', 'visitor', 5);
    const b = textMessage('b', 'visitor', 1);
    const c = textMessage('c', 'agent', 5);
    const d = textMessage('d', 'agent', 3);
    expect(sortMessages([a, b, c, d]).map((m) => m.id)).to.deep.equal(['b', 'd', 'a', 'c']);
    expect(sortMessages([c, a]).map((m) => m.id)).to.deep.equal(['c', 'a']);
  });

  it('treats a missing or unparsable time as the earliest', () => {
    expect(timeOf(undefined)).to.equal(0);
    expect(timeOf('not a date')).to.equal(0);
    expect(timeOf(iso(0))).to.equal(Date.parse('2026-11-25T10:00:00.000Z'));
  });
});

describe('waiting for a reply', () => {
  it("is the time of the visitor's FIRST message since the last agent reply (a follow-up does not reset it)", () => {
    const thread = [
      textMessage('v1', 'visitor', 1),
      textMessage('a1', 'agent', 2),
      textMessage('v2', 'visitor', 3),
      textMessage('v3', 'visitor', 4),
    ];
    expect(waitingSince(thread)).to.equal(iso(3));
    expect(countUnanswered(thread)).to.equal(2);
  });

  it('is not waiting once an agent or a bot answered', () => {
    expect(waitingSince([textMessage('v1', 'visitor', 1), textMessage('a1', 'agent', 2)])).to.equal(undefined);
    expect(waitingSince([textMessage('v1', 'visitor', 1), textMessage('b1', 'bot', 2)])).to.equal(undefined);
    expect(countUnanswered([textMessage('v1', 'visitor', 1), textMessage('b1', 'bot', 2)])).to.equal(0);
  });

  it('ignores page visits and system lines', () => {
    const thread = [
      textMessage('a1', 'agent', 1),
      message({ id: 'n1', author: 'visitor', at: 2, content: CONTENT_BY_KIND.navigation }),
      textMessage('s1', 'system', 3),
    ];
    expect(waitingSince(thread)).to.equal(undefined);
    expect(countUnanswered(thread)).to.equal(0);
    const waiting = [
      ...thread,
      textMessage('v1', 'visitor', 4),
      message({ id: 'n2', author: 'visitor', at: 5, content: CONTENT_BY_KIND.navigation }),
    ];
    expect(waitingSince(waiting)).to.equal(iso(4));
    expect(countUnanswered(waiting)).to.equal(1);
  });

  it('counts a visitor image or file as waiting too', () => {
    const thread = [
      textMessage('a1', 'agent', 1),
      message({ id: 'i', author: 'visitor', at: 2, content: CONTENT_BY_KIND.image }),
    ];
    expect(waitingSince(thread)).to.equal(iso(2));
  });

  it('an empty thread is not waiting', () => {
    expect(waitingSince([])).to.equal(undefined);
    expect(countUnanswered([])).to.equal(0);
  });
});

describe('previews', () => {
  const expectedText: Record<MessageKind, string> = {
    text: 'Hello',
    link: 'Guide',
    offer: '10% off',
    navigation: 'Boots',
    system: 'Conversation started',
    cobrowsing: 'requested',
    transfer: 'Footwear',
    file: 'label.pdf',
    image: 'Boots',
    translation: 'Hello',
    unsupported: 'A sticker',
    choice: 'Help with?',
  };

  for (const kind of ALL_KINDS) {
    it(`summarises a ${kind} message as plain text`, () => {
      expect(messageText(message({ content: CONTENT_BY_KIND[kind] }))).to.equal(expectedText[kind]);
    });
  }

  it('falls back to the URL or type when a title or text is missing', () => {
    expect(messageText(message({ content: { kind: 'link', url: 'https://a.example/' } }))).to.equal(
      'https://a.example/',
    );
    expect(messageText(message({ content: { kind: 'navigation', url: 'https://a.example/p' } }))).to.equal(
      'https://a.example/p',
    );
    expect(messageText(message({ content: { kind: 'unsupported', originalType: 'location' } }))).to.equal('location');
    expect(messageText(message({ content: { kind: 'image', url: 'https://a.example/i.png' } }))).to.equal('');
  });

  it('previews the last message that is not a page visit', () => {
    const last = textMessage('v1', 'visitor', 1);
    const thread = [last, message({ author: 'visitor', at: 2, content: CONTENT_BY_KIND.navigation })];
    expect(lastPreviewable(thread)).to.equal(last);
    expect(lastPreviewable([thread[1]])).to.equal(undefined);
  });
});

describe('conversation order and visitor numbers', () => {
  it('orders ongoing conversations oldest first (ties by id), and history as its exact reverse', () => {
    const list = [
      conversation('b', { startedAt: iso(5) }),
      conversation('c', { startedAt: iso(1) }),
      conversation('a', { startedAt: iso(5) }),
    ];
    expect(
      list
        .slice()
        .sort(byArrival)
        .map((c) => c.id),
    ).to.deep.equal(['c', 'a', 'b']);
    expect(
      list
        .slice()
        .sort(byNewest)
        .map((c) => c.id),
    ).to.deep.equal(['b', 'a', 'c']);
  });

  it('gives an anonymous visitor a stable four-digit number', () => {
    const n = visitorNumber('v-anonymous-1');
    expect(visitorNumber('v-anonymous-1')).to.equal(n);
    for (const id of ['a', 'v-1', 'v-2', 'x'.repeat(300)]) {
      const value = visitorNumber(id);
      expect(value).to.be.within(1000, 9999);
      expect(Number.isInteger(value)).to.be.true;
    }
    expect(visitorNumber('v-1')).not.to.equal(visitorNumber('v-2'));
  });

  it('a blank name is no name', () => {
    expect(hasName({ id: 'v', name: 'Emma' })).to.be.true;
    expect(hasName({ id: 'v', name: '   ' })).to.be.false;
    expect(hasName({ id: 'v' })).to.be.false;
    expect(hasName(undefined)).to.be.false;
  });
});
