import { expect } from '@open-wc/testing';
import type { Message, ServerEvent } from '../../src/model/types.js';
import type { StoreAction } from '../../src/store/actions.js';
import { reduce } from '../../src/store/reducer.js';
import { createSummariesSelector, selectHistory } from '../../src/store/selectors.js';
import { initialState, type DeskState } from '../../src/store/state.js';
import { CONTENT_BY_KIND, conversation, iso, message, snapshot, textMessage, visitor } from '../model/builders.js';

const AGENT = { id: 'a1', name: 'Alex' };

function apply(state: DeskState, ...actions: StoreAction[]): DeskState {
  return reduce(state, actions).state;
}

function errorsOf(state: DeskState, ...actions: StoreAction[]) {
  return reduce(state, actions).errors;
}

function loaded(overrides: Parameters<typeof snapshot>[0] = {}, layout: 1 | 2 | 4 = 1): DeskState {
  return apply(initialState(AGENT, layout), snapshot(overrides));
}

function ids(state: DeskState, conversationId: string): string[] {
  return (state.threads.get(conversationId)?.messages ?? []).map((m) => m.id);
}

function thread(state: DeskState, conversationId: string): readonly Message[] {
  return state.threads.get(conversationId)?.messages ?? [];
}

function added(m: Message): ServerEvent {
  return { type: 'message.added', message: m };
}

describe('reducer: snapshot', () => {
  it('loads visitors, conversations and time-ordered threads, and marks the desk loaded', () => {
    const state = loaded({
      agent: { id: 'a2', name: 'Sam', role: 'manager' },
      messages: [
        textMessage('late', 'visitor', 30),
        textMessage('early', 'agent', 10),
        textMessage('other', 'visitor', 5, 'x', 'c2'),
      ],
    });
    expect(state.loaded).to.be.true;
    expect(state.agent).to.deep.equal({ id: 'a2', name: 'Sam', role: 'manager' });
    expect([...state.visitors.keys()]).to.deep.equal(['v-c1', 'v-c2', 'v-c3']);
    expect([...state.conversations.keys()]).to.deep.equal(['c1', 'c2', 'c3']);
    expect(ids(state, 'c1')).to.deep.equal(['early', 'late']);
    expect(ids(state, 'c2')).to.deep.equal(['other']);
  });

  it('a snapshot in time order, threads interleaved: appended as listed; an id listed twice is replaced, a client id matched', () => {
    const echo = { ...textMessage('s1', 'agent', 25, 'sent'), clientId: 'k1' };
    const state = loaded({
      messages: [
        textMessage('a', 'visitor', 10),
        textMessage('x', 'visitor', 11, 'x', 'c2'),
        { ...textMessage('k1', 'agent', 20, 'optimistic'), clientId: 'k1' },
        textMessage('b', 'visitor', 20),
        textMessage('a', 'visitor', 30, 'edited'),
        echo,
        textMessage('y', 'visitor', 40, 'y', 'c2'),
      ],
    });
    expect(ids(state, 'c1')).to.deep.equal(['b', 's1', 'a']);
    expect(thread(state, 'c1').find((m) => m.id === 'a')).to.include({ text: 'edited' });
    expect(ids(state, 'c2')).to.deep.equal(['x', 'y']);
    expect([...state.threads.get('c1')!.ids].sort()).to.deep.equal(['a', 'b', 'k1', 's1']);
  });

  it('orders a thread listed newest first, ties kept in arrival order', () => {
    const state = loaded({
      messages: [
        textMessage('d', 'agent', 40),
        textMessage('c2', 'visitor', 30),
        textMessage('c1', 'visitor', 30),
        textMessage('a', 'visitor', 10),
      ],
    });
    expect(ids(state, 'c1')).to.deep.equal(['a', 'c2', 'c1', 'd']);
  });

  it('a thread out of order after others were appended: every thread comes ordered once, nothing doubled, co-browsing from the newest line', () => {
    const line = (id: string, at: number, state: 'requested' | 'started') =>
      message({ id, conversationId: 'c2', author: 'system', at, content: { kind: 'cobrowsing', state } });
    const state = loaded({
      messages: [
        textMessage('a', 'visitor', 10),
        textMessage('b', 'agent', 20),
        line('started', 40, 'started'),
        line('requested', 30, 'requested'),
        textMessage('c', 'visitor', 30),
      ],
    });
    expect(ids(state, 'c1')).to.deep.equal(['a', 'b', 'c']);
    expect(ids(state, 'c2')).to.deep.equal(['requested', 'started']);
    expect([...state.threads.get('c1')!.ids].sort()).to.deep.equal(['a', 'b', 'c']);
    expect(state.cobrowse.get('c2')).to.include({ state: 'started', lineId: 'started' });
  });

  it('keeps the configured agent when the snapshot names none', () => {
    expect(loaded().agent).to.deep.equal(AGENT);
  });

  it('focuses the first ongoing conversation in arrival order', () => {
    const state = loaded({
      conversations: [
        conversation('late', { startedAt: iso(50) }),
        conversation('closed', { startedAt: iso(0), status: 'closed' }),
        conversation('first', { startedAt: iso(10) }),
      ],
    });
    expect(state.panes).to.deep.equal(['first']);
    expect(state.focusedPane).to.equal(0);
  });

  it('fills every pane of a split screen', () => {
    expect(loaded({}, 2).panes).to.deep.equal(['c1', 'c2']);
    expect(loaded({}, 4).panes).to.deep.equal(['c1', 'c2', 'c3', null]);
  });

  it("uses the server's unread count, else counts visitor messages since the last reply", () => {
    const state = loaded({
      conversations: [
        conversation('c1', { startedAt: iso(0) }),
        conversation('c2', { startedAt: iso(10), unread: 7 }),
        conversation('c3', { startedAt: iso(20) }),
      ],
      messages: [
        textMessage('a', 'visitor', 1, 'a', 'c3'),
        textMessage('b', 'agent', 2, 'b', 'c3'),
        textMessage('c', 'visitor', 3, 'c', 'c3'),
        message({ conversationId: 'c3', author: 'visitor', at: 4, content: CONTENT_BY_KIND.navigation }),
        textMessage('d', 'visitor', 5, 'd', 'c3'),
        textMessage('e', 'visitor', 1, 'e', 'c1'),
      ],
    });
    expect(state.conversations.get('c2')!.unread).to.equal(7);
    expect(state.conversations.get('c3')!.unread).to.equal(2);
    // c1 is on screen (focused): nothing is unread there.
    expect(state.conversations.get('c1')!.unread ?? 0).to.equal(0);
  });

  it('replaces what a previous snapshot said (a resync) and refills emptied panes', () => {
    let state = loaded({ messages: [textMessage('old', 'visitor', 1)] });
    state = apply(
      state,
      snapshot({ conversations: [conversation('c2'), conversation('c3', { startedAt: iso(5) })], messages: [] }),
    );
    expect(state.conversations.has('c1')).to.be.false;
    expect(state.threads.has('c1')).to.be.false;
    expect(state.panes).to.deep.equal(['c2']);
  });

  it('keeps optimistic messages the server has not confirmed yet, and drops them once it has', () => {
    const optimistic = textMessage('cid-1', 'agent', 5, 'Hi');
    const pending = { ...optimistic, clientId: 'cid-1', status: 'sending' } as Message;
    const failed = { ...textMessage('cid-2', 'agent', 6, 'Hey'), clientId: 'cid-2', status: 'failed' } as Message;
    let state = loaded();
    state = apply(
      state,
      { type: 'local.message.sending', message: pending },
      { type: 'local.message.sending', message: failed },
    );
    const echo = { ...pending, id: 'srv-1', status: 'sent' } as Message;
    state = apply(state, snapshot({ messages: [echo] }));
    expect(ids(state, 'c1')).to.deep.equal(['srv-1', 'cid-2']);
    expect(thread(state, 'c1')[1].status).to.equal('failed');
  });
});

describe('reducer: snapshot (resync)', () => {
  it('clears typing indicators, since a snapshot does not carry them', () => {
    let state = apply(loaded(), { type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Hel' });
    state = apply(state, snapshot());
    expect(state.typing.size).to.equal(0);
  });

  it('keeps an optimistic message sent earlier in the same batch', () => {
    const pending = { ...textMessage('cid-9', 'agent', 5, 'Hi'), clientId: 'cid-9', status: 'sending' } as Message;
    const state = apply(loaded(), { type: 'local.message.sending', message: pending }, snapshot());
    expect(ids(state, 'c1')).to.deep.equal(['cid-9']);
  });

  it('keeps drafts and filters across a resync', () => {
    let state = apply(
      loaded(),
      { type: 'local.draft', conversationId: 'c1', text: 'Hi' },
      { type: 'local.filter', conversationId: 'c1', filter: 'agent' },
    );
    state = apply(state, snapshot());
    expect(state.drafts.get('c1')).to.equal('Hi');
    expect(state.filters.get('c1')).to.equal('agent');
  });
});

describe('reducer: conversation events', () => {
  it('conversation.upserted adds a new conversation and puts it in an empty pane', () => {
    let state = apply(initialState(AGENT, 2), snapshot({ conversations: [conversation('c1')] }));
    expect(state.panes).to.deep.equal(['c1', null]);
    state = apply(state, {
      type: 'conversation.upserted',
      conversation: conversation('new', { channel: 'whatsapp', startedAt: iso(99) }),
    });
    expect(state.conversations.get('new')!.channel).to.equal('whatsapp');
    expect(state.panes).to.deep.equal(['c1', 'new']);
  });

  it('conversation.upserted updates a known conversation and keeps its unread count when none is given', () => {
    let state = loaded({ conversations: [conversation('c1'), conversation('c2', { startedAt: iso(5), unread: 3 })] });
    state = apply(state, {
      type: 'conversation.upserted',
      conversation: conversation('c2', { startedAt: iso(5), channel: 'sms' }),
    });
    expect(state.conversations.get('c2')).to.include({ channel: 'sms', unread: 3 });
    state = apply(state, {
      type: 'conversation.upserted',
      conversation: conversation('c2', { startedAt: iso(5), unread: 0 }),
    });
    expect(state.conversations.get('c2')!.unread).to.equal(0);
  });

  it('conversation.closed closes it with its time and stops its typing indicator', () => {
    let state = loaded();
    state = apply(state, { type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Hel' });
    state = apply(state, { type: 'conversation.closed', conversationId: 'c2', at: iso(100) });
    expect(state.conversations.get('c2')).to.include({ status: 'closed', closedAt: iso(100) });
    expect(state.typing.has('c2')).to.be.false;
  });

  it('conversation.closed for an unknown conversation reports an invalid event and changes nothing', () => {
    const state = loaded();
    const result = reduce(state, [{ type: 'conversation.closed', conversationId: 'nope', at: iso(1) }]);
    expect(result.errors).to.have.length(1);
    expect(result.errors[0].code).to.equal('invalid-event');
    expect(result.state.conversations).to.equal(state.conversations);
  });
});

describe('reducer: message.added', () => {
  it('appends messages in time order', () => {
    const state = apply(loaded(), added(textMessage('a', 'visitor', 1)), added(textMessage('b', 'agent', 2)));
    expect(ids(state, 'c1')).to.deep.equal(['a', 'b']);
  });

  it('places an out-of-order message by its time', () => {
    const state = apply(
      loaded(),
      added(textMessage('a', 'visitor', 10)),
      added(textMessage('c', 'visitor', 30)),
      added(textMessage('b', 'agent', 20)),
      added(textMessage('first', 'visitor', 1)),
    );
    expect(ids(state, 'c1')).to.deep.equal(['first', 'a', 'b', 'c']);
  });

  it('orders messages with the same time by arrival', () => {
    let state = apply(loaded(), added(textMessage('x', 'visitor', 10)), added(textMessage('y', 'agent', 10)));
    state = apply(state, added(textMessage('z', 'visitor', 10)), added(textMessage('early', 'visitor', 5)));
    expect(ids(state, 'c1')).to.deep.equal(['early', 'x', 'y', 'z']);
  });

  it("a server copy keeps its message's place while its time fits there, and moves when it does not", () => {
    const pending = (id: string, at: number) => ({ ...textMessage(id, 'agent', at), clientId: id });
    const copy = (id: string, clientId: string, at: number) => ({ ...textMessage(id, 'agent', at), clientId });
    // Two lines written in the same millisecond as the server stamps the first: it stays first.
    let state = apply(loaded(), added(pending('k1', 10)), added(pending('k2', 20)));
    state = apply(state, added(copy('s1', 'k1', 20)), added(copy('s2', 'k2', 20)));
    expect(ids(state, 'c1')).to.deep.equal(['s1', 's2']);
    // A copy later than the message after it goes after it.
    state = apply(state, added(pending('k3', 30)), added(copy('s1', 'k1', 40)));
    expect(ids(state, 'c1')).to.deep.equal(['s2', 'k3', 's1']);
  });

  it('orders times given with different UTC offsets by the instant they denote', () => {
    const state = apply(
      loaded(),
      added({ ...textMessage('paris', 'visitor', 0), at: '2026-11-25T11:00:30+01:00' }),
      added({ ...textMessage('utc', 'agent', 0), at: '2026-11-25T10:00:10Z' }),
      added({ ...textMessage('ny', 'visitor', 0), at: '2026-11-25T05:00:20-05:00' }),
    );
    expect(ids(state, 'c1')).to.deep.equal(['utc', 'ny', 'paris']);
  });

  it('never duplicates a message delivered twice (same batch or later)', () => {
    const m = textMessage('dup', 'visitor', 10);
    let state = apply(loaded(), added(m), added(m), added({ ...m }));
    state = apply(state, added({ ...m }));
    expect(ids(state, 'c1')).to.deep.equal(['dup']);
  });

  it('replaces a known message in place when it comes again with new content', () => {
    let state = apply(
      loaded(),
      added(textMessage('a', 'visitor', 1)),
      added(textMessage('b', 'visitor', 2, 'typo')),
      added(textMessage('c', 'agent', 3)),
    );
    state = apply(state, added(textMessage('b', 'visitor', 2, 'fixed')));
    expect(ids(state, 'c1')).to.deep.equal(['a', 'b', 'c']);
    expect(thread(state, 'c1')[1]).to.include({ kind: 'text', text: 'fixed' });
  });

  it("replaces the agent's optimistic message with the server echo carrying its client id, in place", () => {
    const optimistic = {
      ...textMessage('cid-7', 'agent', 5, 'On my way'),
      clientId: 'cid-7',
      status: 'sending',
    } as Message;
    let state = apply(loaded(), added(textMessage('v', 'visitor', 1)), {
      type: 'local.message.sending',
      message: optimistic,
    });
    state = apply(state, added(textMessage('later', 'visitor', 9)));
    const echo = { ...optimistic, id: 'srv-7', status: 'sent' } as Message;
    state = apply(state, added(echo));
    expect(ids(state, 'c1')).to.deep.equal(['v', 'srv-7', 'later']);
    expect(thread(state, 'c1')[1]).to.include({ status: 'sent', clientId: 'cid-7', text: 'On my way' });
    // The echo replayed (by id) or a second echo (by client id) still leaves one bubble.
    state = apply(state, added(echo), added({ ...echo, status: 'delivered' } as Message));
    expect(ids(state, 'c1')).to.deep.equal(['v', 'srv-7', 'later']);
    expect(thread(state, 'c1')[1].status).to.equal('delivered');
  });

  it('keeps a message that arrives before its conversation', () => {
    let state = apply(loaded(), added(textMessage('early', 'visitor', 1, 'hi', 'c-new')));
    state = apply(state, { type: 'conversation.upserted', conversation: conversation('c-new') });
    expect(ids(state, 'c-new')).to.deep.equal(['early']);
  });

  it('counts unread visitor messages only for conversations not on screen', () => {
    let state = loaded();
    state = apply(
      state,
      added(textMessage('v1', 'visitor', 1, 'a', 'c2')),
      added(textMessage('v2', 'visitor', 2, 'b', 'c2')),
      added(textMessage('a1', 'agent', 3, 'c', 'c2')),
      added(message({ conversationId: 'c2', author: 'visitor', at: 4, content: CONTENT_BY_KIND.navigation })),
      added(textMessage('s1', 'system', 5, 'd', 'c2')),
      added(textMessage('on-screen', 'visitor', 6, 'e', 'c1')),
    );
    expect(state.conversations.get('c2')!.unread).to.equal(2);
    expect(state.conversations.get('c1')!.unread ?? 0).to.equal(0);
  });

  it('does not count a duplicate as unread twice', () => {
    const m = textMessage('v1', 'visitor', 1, 'a', 'c2');
    const state = apply(loaded(), added(m), added(m));
    expect(state.conversations.get('c2')!.unread).to.equal(1);
  });

  it('applies a burst of 1,000 events in one batch, ordered, without duplicates', () => {
    const events: ServerEvent[] = [];
    for (let i = 0; i < 1000; i += 1) {
      // Reversed times and every tenth one delivered twice.
      const m = textMessage(`b${i}`, i % 2 ? 'agent' : 'visitor', 1000 - i, `n${i}`, i % 3 === 0 ? 'c2' : 'c1');
      events.push(added(m));
      if (i % 10 === 0) events.push(added(m));
    }
    const before = loaded();
    const after = apply(before, ...events);
    const all = [...thread(after, 'c1'), ...thread(after, 'c2')];
    expect(all).to.have.length(1000);
    expect(new Set(all.map((m) => m.id)).size).to.equal(1000);
    for (const id of ['c1', 'c2']) {
      const times = thread(after, id).map((m) => Date.parse(m.at));
      expect(times.every((t, i) => i === 0 || times[i - 1] <= t)).to.be.true;
    }
    // The state before the batch is untouched (copy-on-write).
    expect(thread(before, 'c1')).to.have.length(0);
    expect(before.threads.has('c2')).to.be.false;
  });
});

describe('reducer: message.updated', () => {
  const base = () =>
    apply(
      loaded(),
      added({ ...textMessage('a1', 'agent', 1, 'Hello'), status: 'sent' } as Message),
      added(textMessage('v1', 'visitor', 2)),
    );

  it('merges the changed fields (a delivery status) in place', () => {
    const state = apply(base(), {
      type: 'message.updated',
      message: { id: 'a1', conversationId: 'c1', status: 'read' },
    });
    expect(ids(state, 'c1')).to.deep.equal(['a1', 'v1']);
    expect(thread(state, 'c1')[0]).to.include({ status: 'read', text: 'Hello' });
  });

  it('moves a message whose time changed', () => {
    const state = apply(base(), { type: 'message.updated', message: { id: 'a1', conversationId: 'c1', at: iso(50) } });
    expect(ids(state, 'c1')).to.deep.equal(['v1', 'a1']);
  });

  it('finds an optimistic message by its client id', () => {
    const optimistic = { ...textMessage('cid-1', 'agent', 5), clientId: 'cid-1', status: 'sending' } as Message;
    const state = apply(
      base(),
      { type: 'local.message.sending', message: optimistic },
      {
        type: 'message.updated',
        message: { id: 'cid-1', conversationId: 'c1', status: 'failed' },
      },
    );
    expect(thread(state, 'c1').find((m) => m.clientId === 'cid-1')!.status).to.equal('failed');
  });

  it("a status update addressed by client id keeps the server's message id", () => {
    const optimistic = { ...textMessage('cid-1', 'agent', 5), clientId: 'cid-1', status: 'sending' } as Message;
    let state = apply(base(), { type: 'local.message.sending', message: optimistic });
    state = apply(state, added({ ...optimistic, id: 'srv-1', status: 'sent' } as Message));
    state = apply(state, {
      type: 'message.updated',
      message: { id: 'cid-1', conversationId: 'c1', status: 'delivered' },
    });
    const echo = thread(state, 'c1').find((m) => m.clientId === 'cid-1')!;
    expect(echo).to.include({ id: 'srv-1', status: 'delivered' });
    const result = reduce(state, [
      { type: 'message.updated', message: { id: 'srv-1', conversationId: 'c1', status: 'read' } },
    ]);
    expect(result.errors).to.deep.equal([]);
    expect(thread(result.state, 'c1').find((m) => m.clientId === 'cid-1')!).to.include({ id: 'srv-1', status: 'read' });
    expect(thread(result.state, 'c1').filter((m) => m.clientId === 'cid-1')).to.have.length(1);
  });

  it('an update of a server id that a later echo replaced is reported, never thrown', () => {
    const optimistic = { ...textMessage('cid-1', 'agent', 5), clientId: 'cid-1', status: 'sending' } as Message;
    let state = apply(base(), { type: 'local.message.sending', message: optimistic });
    state = apply(
      state,
      added({ ...optimistic, id: 'srv-1', status: 'sent' } as Message),
      added({ ...optimistic, id: 'srv-2', status: 'sent' } as Message),
    );
    expect(
      thread(state, 'c1')
        .filter((m) => m.clientId === 'cid-1')
        .map((m) => m.id),
    ).to.deep.equal(['srv-2']);
    let result: ReturnType<typeof reduce> | undefined;
    expect(
      () =>
        (result = reduce(state, [
          { type: 'message.updated', message: { id: 'srv-1', conversationId: 'c1', status: 'read' } },
        ])),
    ).not.to.throw();
    expect(result!.errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
  });

  it('reports an update of an unknown message and changes nothing', () => {
    const state = base();
    const result = reduce(state, [
      { type: 'message.updated', message: { id: 'nope', conversationId: 'c1', status: 'read' } },
    ]);
    expect(result.errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
    expect(result.state.threads.get('c1')!.messages).to.deep.equal(state.threads.get('c1')!.messages);
  });

  const invalidMerges: Array<[string, Record<string, unknown>]> = [
    ['an unknown status', { status: 'lost' }],
    ['a text that is not a string', { text: 42 }],
    ['a kind without its fields', { kind: 'image' }],
    ['a bad time', { at: 'tomorrow' }],
    ['an unknown author', { author: 'admin' }],
  ];
  for (const [label, patch] of invalidMerges) {
    it(`refuses a patch that would make the message invalid (${label})`, () => {
      const state = base();
      const result = reduce(state, [
        { type: 'message.updated', message: { id: 'a1', conversationId: 'c1', ...patch } },
      ]);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0].code).to.equal('invalid-event');
      expect(thread(result.state, 'c1')[0]).to.deep.equal(thread(state, 'c1')[0]);
    });
  }
});

describe('reducer: visitor events', () => {
  it('visitor.updated merges the changed fields', () => {
    let state = loaded({ visitors: [visitor('v-c1', { country: 'FR', visitCount: 2 })] });
    state = apply(state, { type: 'visitor.updated', visitor: { id: 'v-c1', blocked: true, visitCount: 3 } });
    expect(state.visitors.get('v-c1')).to.deep.equal({
      id: 'v-c1',
      name: 'Visitor v-c1',
      pagesViewed: 1,
      country: 'FR',
      visitCount: 3,
      blocked: true,
    });
  });

  it('visitor.updated adds a visitor not seen before', () => {
    const state = apply(loaded(), { type: 'visitor.updated', visitor: { id: 'v-new', name: 'Olivia' } });
    expect(state.visitors.get('v-new')).to.deep.equal({ id: 'v-new', name: 'Olivia' });
  });

  function navigating() {
    return loaded({
      visitors: [visitor('v1', { pagesViewed: 3 })],
      conversations: [
        conversation('chat', { visitorId: 'v1', startedAt: iso(0) }),
        conversation('mail', { visitorId: 'v1', channel: 'email', startedAt: iso(1) }),
        conversation('past', { visitorId: 'v1', status: 'closed', startedAt: iso(-100) }),
        conversation('someone-else', { visitorId: 'v2', startedAt: iso(2) }),
      ],
    });
  }
  const navigated: ServerEvent = {
    type: 'visitor.navigated',
    visitorId: 'v1',
    url: 'https://shop.example.com/basket',
    title: 'Basket',
    at: iso(40),
  };

  it("visitor.navigated updates the current page and pages viewed, and adds a page visit to the visitor's ongoing conversations", () => {
    const state = apply(navigating(), navigated);
    expect(state.visitors.get('v1')).to.include({ pagesViewed: 4 });
    expect(state.visitors.get('v1')!.currentPage).to.deep.include({
      url: 'https://shop.example.com/basket',
      title: 'Basket',
    });
    for (const id of ['chat', 'mail']) {
      const visits = thread(state, id);
      expect(visits).to.have.length(1);
      expect(visits[0]).to.include({
        kind: 'navigation',
        author: 'visitor',
        url: 'https://shop.example.com/basket',
        at: iso(40),
        conversationId: id,
      });
    }
    expect(thread(state, 'past')).to.have.length(0);
    expect(thread(state, 'someone-else')).to.have.length(0);
  });

  it('a page visit is placed by time among the messages and is not unread', () => {
    let state = apply(
      navigating(),
      added(textMessage('before', 'visitor', 10, 'x', 'mail')),
      added(textMessage('after', 'agent', 50, 'y', 'mail')),
    );
    const unread = state.conversations.get('mail')!.unread;
    state = apply(state, navigated);
    expect(thread(state, 'mail').map((m) => (m.kind === 'navigation' ? 'visit' : m.id))).to.deep.equal([
      'before',
      'visit',
      'after',
    ]);
    expect(state.conversations.get('mail')!.unread).to.equal(unread);
  });

  it('a replayed navigation is idempotent (one page visit, pages viewed counted once)', () => {
    let state = apply(navigating(), navigated, navigated);
    state = apply(state, { ...navigated });
    expect(thread(state, 'chat')).to.have.length(1);
    expect(thread(state, 'mail')).to.have.length(1);
    expect(state.visitors.get('v1')!.pagesViewed).to.equal(4);
  });

  it('a page visit leaves conversations untouched (no needless re-render of the list)', () => {
    const before = navigating();
    const after = apply(before, navigated);
    expect(after.conversations).to.equal(before.conversations);
  });

  it('two different pages at the same time are two visits', () => {
    const state = apply(navigating(), navigated, {
      ...navigated,
      url: 'https://shop.example.com/checkout',
      title: 'Checkout',
    } as ServerEvent);
    expect(thread(state, 'chat').map((m) => m.kind === 'navigation' && m.url)).to.deep.equal([
      'https://shop.example.com/basket',
      'https://shop.example.com/checkout',
    ]);
    expect(state.visitors.get('v1')!.pagesViewed).to.equal(5);
    expect(state.visitors.get('v1')!.currentPage!.url).to.equal('https://shop.example.com/checkout');
  });

  it('visitor.typing shows a live preview, and stops', () => {
    let state = apply(loaded(), { type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Do you' });
    expect(state.typing.get('c2')).to.deep.equal({ typing: true, preview: 'Do you' });
    state = apply(state, { type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Do you ship' });
    expect(state.typing.get('c2')!.preview).to.equal('Do you ship');
    state = apply(state, { type: 'visitor.typing', conversationId: 'c2', typing: false });
    expect(state.typing.has('c2')).to.be.false;
  });
});

describe('reducer: history.page', () => {
  it("adds a page of the visitor's closed conversations with their messages", () => {
    const state = apply(loaded(), {
      type: 'history.page',
      visitorId: 'v-c1',
      conversations: [conversation('old1', { visitorId: 'v-c1', status: 'closed', startedAt: iso(-1000) })],
      messages: [textMessage('o2', 'agent', -990, 'b', 'old1'), textMessage('o1', 'visitor', -999, 'a', 'old1')],
      hasMore: true,
    });
    expect(state.conversations.get('old1')!.status).to.equal('closed');
    expect(ids(state, 'old1')).to.deep.equal(['o1', 'o2']);
    expect(state.history.get('v-c1')).to.deep.equal({ hasMore: true, loading: false });
    expect(state.conversations.get('old1')!.unread ?? 0).to.equal(0);
    expect(state.panes).to.deep.equal(['c1']);
  });

  it('does not overwrite a conversation the desk already knows', () => {
    const state = apply(loaded(), {
      type: 'history.page',
      visitorId: 'v-c1',
      conversations: [conversation('c1', { status: 'closed' })],
      messages: [],
      hasMore: false,
    });
    expect(state.conversations.get('c1')!.status).to.equal('ongoing');
    expect(state.history.get('v-c1')!.hasMore).to.be.false;
  });

  it('a loading flag is set while a page is requested and cleared by the page', () => {
    let state = apply(loaded(), { type: 'local.history.loading', visitorId: 'v-c1' });
    expect(state.history.get('v-c1')).to.deep.equal({ hasMore: true, loading: true });
    state = apply(state, { type: 'history.page', visitorId: 'v-c1', conversations: [], messages: [], hasMore: false });
    expect(state.history.get('v-c1')).to.deep.equal({ hasMore: false, loading: false });
  });

  it('with a conversation id, puts older messages before the thread (scroll-back)', () => {
    let state = apply(loaded(), added(textMessage('now', 'visitor', 100)));
    state = apply(state, { type: 'local.older.loading', conversationId: 'c1', loading: true });
    expect(state.threads.get('c1')!.loadingOlder).to.be.true;
    state = apply(state, {
      type: 'history.page',
      visitorId: 'v-c1',
      conversationId: 'c1',
      conversations: [],
      messages: [textMessage('old2', 'agent', 20), textMessage('old1', 'visitor', 10)],
      hasMore: false,
    });
    expect(ids(state, 'c1')).to.deep.equal(['old1', 'old2', 'now']);
    expect(state.threads.get('c1')).to.include({ hasOlder: false, loadingOlder: false });
    expect(state.conversations.get('c1')!.unread ?? 0).to.equal(0);
    expect(state.history.has('v-c1')).to.be.false;
  });

  it('a replayed scroll-back page does not duplicate messages', () => {
    const page: ServerEvent = {
      type: 'history.page',
      visitorId: 'v-c1',
      conversationId: 'c1',
      conversations: [],
      messages: [textMessage('old1', 'visitor', 10)],
      hasMore: true,
    };
    const state = apply(loaded(), page, page);
    expect(ids(state, 'c1')).to.deep.equal(['old1']);
    expect(state.threads.get('c1')!.hasOlder).to.be.true;
  });
});

describe('reducer: local actions', () => {
  it('focus brings forward the pane already showing the conversation', () => {
    let state = loaded({}, 2);
    state = apply(state, { type: 'local.focus', conversationId: 'c2' });
    expect(state.panes).to.deep.equal(['c1', 'c2']);
    expect(state.focusedPane).to.equal(1);
  });

  it('focus shows a conversation not on screen in the focused pane and clears its unread count', () => {
    let state = apply(loaded({}, 2), added(textMessage('v', 'visitor', 1, 'x', 'c3')));
    expect(state.conversations.get('c3')!.unread).to.equal(1);
    state = apply(state, { type: 'local.focusPane', index: 1 }, { type: 'local.focus', conversationId: 'c3' });
    expect(state.panes).to.deep.equal(['c1', 'c3']);
    expect(state.focusedPane).to.equal(1);
    expect(state.conversations.get('c3')!.unread).to.equal(0);
  });

  it('focusPane moves the focus between panes and ignores an index out of range', () => {
    let state = loaded({}, 4);
    state = apply(state, { type: 'local.focusPane', index: 2 });
    expect(state.focusedPane).to.equal(2);
    state = apply(state, { type: 'local.focusPane', index: 4 }, { type: 'local.focusPane', index: -1 });
    expect(state.focusedPane).to.equal(2);
  });

  it('growing the layout fills the new panes with ongoing conversations not shown yet', () => {
    let state = loaded({}, 1);
    state = apply(state, { type: 'local.focus', conversationId: 'c2' });
    expect(state.panes).to.deep.equal(['c2']);
    state = apply(state, { type: 'local.layout', layout: 4 });
    expect(state.layout).to.equal(4);
    expect(state.panes).to.deep.equal(['c2', 'c1', 'c3', null]);
    expect(state.panes[state.focusedPane]).to.equal('c2');
  });

  it('shrinking the layout keeps the focused conversation on screen and focused', () => {
    let state = loaded({ conversations: [1, 2, 3, 4].map((n) => conversation(`c${n}`, { startedAt: iso(n) })) }, 4);
    expect(state.panes).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
    state = apply(state, { type: 'local.focusPane', index: 3 });
    state = apply(state, { type: 'local.layout', layout: 2 });
    expect(state.panes).to.have.length(2);
    expect(state.panes).to.include('c4');
    expect(state.panes[state.focusedPane]).to.equal('c4');
    state = apply(state, { type: 'local.layout', layout: 1 });
    expect(state.panes).to.deep.equal(['c4']);
    expect(state.focusedPane).to.equal(0);
  });

  it('shrinking keeps the first panes when the focused one is among them', () => {
    let state = loaded({ conversations: [1, 2, 3, 4].map((n) => conversation(`c${n}`, { startedAt: iso(n) })) }, 4);
    state = apply(state, { type: 'local.focusPane', index: 1 }, { type: 'local.layout', layout: 2 });
    expect(state.panes).to.deep.equal(['c1', 'c2']);
    expect(state.focusedPane).to.equal(1);
  });

  it('keeps a draft per conversation and forgets an emptied one', () => {
    let state = apply(
      loaded(),
      { type: 'local.draft', conversationId: 'c1', text: 'Hello Em' },
      { type: 'local.draft', conversationId: 'c2', text: 'Hi' },
    );
    expect(state.drafts.get('c1')).to.equal('Hello Em');
    expect(state.drafts.get('c2')).to.equal('Hi');
    state = apply(
      state,
      { type: 'local.focus', conversationId: 'c2' },
      { type: 'local.draft', conversationId: 'c1', text: '' },
    );
    expect(state.drafts.has('c1')).to.be.false;
    expect(state.drafts.get('c2')).to.equal('Hi');
  });

  it('keeps a filter per conversation', () => {
    const state = apply(loaded(), { type: 'local.filter', conversationId: 'c1', filter: 'navigation' });
    expect(state.filters.get('c1')).to.equal('navigation');
    expect(state.filters.has('c2')).to.be.false;
  });

  it('records the connection state', () => {
    expect(apply(loaded(), { type: 'local.connection', state: 'reconnecting' }).connection).to.equal('reconnecting');
  });

  it('marks a visitor blocked and unblocked', () => {
    let state = apply(loaded(), { type: 'local.visitor.blocked', visitorId: 'v-c1', blocked: true });
    expect(state.visitors.get('v-c1')!.blocked).to.be.true;
    state = apply(state, { type: 'local.visitor.blocked', visitorId: 'v-c1', blocked: false });
    expect(state.visitors.get('v-c1')!.blocked).to.be.false;
  });

  it('a late local "sent" never walks back a status the server moved further', () => {
    const optimistic = { ...textMessage('cid-1', 'agent', 5), clientId: 'cid-1', status: 'sending' } as Message;
    let state = apply(loaded(), { type: 'local.message.sending', message: optimistic });
    state = apply(state, added({ ...optimistic, id: 'srv-1', status: 'delivered' } as Message));
    state = apply(state, { type: 'local.message.status', conversationId: 'c1', clientId: 'cid-1', status: 'sent' });
    expect(thread(state, 'c1')[0].status).to.equal('delivered');
  });

  it('an action that changes nothing returns the same state', () => {
    const state = loaded({}, 2);
    expect(apply(state, { type: 'local.layout', layout: 2 })).to.equal(state);
    expect(apply(state, { type: 'local.focusPane', index: 9 })).to.equal(state);
    expect(
      apply(state, { type: 'local.message.status', conversationId: 'c1', clientId: 'nope', status: 'sent' }),
    ).to.equal(state);
  });

  it('an empty batch returns the same state', () => {
    const state = loaded();
    expect(reduce(state, []).state).to.equal(state);
    expect(errorsOf(state)).to.deep.equal([]);
  });
});

describe('selectors', () => {
  it('lists ongoing conversations in arrival order with last message, waiting time, unread and typing', () => {
    let state = loaded(
      {
        conversations: [
          conversation('c2', { startedAt: iso(10) }),
          conversation('c1', { startedAt: iso(0) }),
          conversation('gone', { startedAt: iso(5), status: 'closed' }),
        ],
      },
      1,
    );
    state = apply(
      state,
      added(textMessage('q', 'visitor', 30, 'Do you ship to Austria?', 'c2')),
      added(textMessage('q2', 'visitor', 40, 'Hello?', 'c2')),
      added(message({ conversationId: 'c2', author: 'visitor', at: 50, content: CONTENT_BY_KIND.navigation })),
      added(textMessage('v', 'visitor', 20, 'hi', 'c1')),
      added(textMessage('a', 'agent', 25, 'hello', 'c1')),
      { type: 'visitor.typing', conversationId: 'c2', typing: true, preview: 'Any' },
    );
    const rows = createSummariesSelector()(state);
    expect(rows.map((r) => r.conversation.id)).to.deep.equal(['c1', 'c2']);
    expect(rows[0]).to.include({ waitingSince: undefined, unread: 0 });
    expect(rows[0].lastMessage!.id).to.equal('a');
    expect(rows[1]).to.include({ waitingSince: iso(30), unread: 2 });
    expect(rows[1].lastMessage!.id).to.equal('q2');
    expect(rows[1].typing).to.deep.equal({ typing: true, preview: 'Any' });
    expect(rows[1].visitor!.id).to.equal('v-c2');
  });

  it('reuses unchanged rows and returns the same list when nothing it shows changed', () => {
    const select = createSummariesSelector();
    let state = loaded();
    const first = select(state);
    state = apply(state, { type: 'local.draft', conversationId: 'c1', text: 'x' });
    expect(select(state)).to.equal(first);
    state = apply(state, added(textMessage('n', 'visitor', 5, 'new', 'c2')));
    const next = select(state);
    expect(next).not.to.equal(first);
    expect(next[0]).to.equal(first[0]);
    expect(next[2]).to.equal(first[2]);
    expect(next[1]).not.to.equal(first[1]);
    expect(next[1].unread).to.equal(1);
  });

  it("lists a visitor's closed conversations newest first", () => {
    const state = loaded({
      visitors: [visitor('v1', { visitCount: 2 })],
      conversations: [
        conversation('now', { visitorId: 'v1' }),
        conversation('old', { visitorId: 'v1', status: 'closed', startedAt: iso(-500) }),
        conversation('older', { visitorId: 'v1', status: 'closed', startedAt: iso(-900) }),
        conversation('recent', { visitorId: 'v1', status: 'closed', startedAt: iso(-100) }),
      ],
    });
    const history = selectHistory(state, 'v1');
    expect(history.conversations.map((c) => c.id)).to.deep.equal(['recent', 'old', 'older']);
    expect(history.loading).to.be.false;
  });

  it('guesses there is more history from the visit count until the server says', () => {
    let state = loaded({
      visitors: [visitor('v1', { visitCount: 5 }), visitor('v2', { visitCount: 1 })],
      conversations: [
        conversation('c', { visitorId: 'v1' }),
        conversation('old', { visitorId: 'v1', status: 'closed', startedAt: iso(-9) }),
      ],
    });
    expect(selectHistory(state, 'v1').hasMore).to.be.true;
    expect(selectHistory(state, 'v2').hasMore).to.be.false;
    expect(selectHistory(state, 'unknown').hasMore).to.be.false;
    state = apply(state, { type: 'history.page', visitorId: 'v1', conversations: [], messages: [], hasMore: false });
    expect(selectHistory(state, 'v1').hasMore).to.be.false;
  });
});
