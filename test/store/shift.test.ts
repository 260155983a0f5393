import { expect, waitUntil } from '@open-wc/testing';
import type { Observable } from 'rxjs';
import sinon from 'sinon';
import type { DeskErrorInfo, Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { conversation, iso, visitor } from '../model/builders.js';

function current<T>(observable: Observable<T>): T {
  let value!: T;
  observable.subscribe((v) => (value = v)).unsubscribe();
  return value;
}

const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [visitor('v-c1'), visitor('v-c2'), visitor('v-c3')],
    conversations: [
      conversation('c1', { startedAt: iso(0), channel: 'chat' }),
      conversation('c2', { startedAt: iso(10), channel: 'chat' }),
      conversation('c3', { startedAt: iso(20), channel: 'whatsapp' }),
    ],
    messages: [],
    channels: [
      { channel: 'chat', availability: 'available', maxConversations: 3 },
      { channel: 'whatsapp', availability: 'available', maxConversations: 1 },
      { channel: 'email', availability: 'unavailable' },
    ],
  };
}

describe('DeskStore: the agent’s shift', () => {
  let stores: DeskStore[] = [];
  let errors: DeskErrorInfo[];

  function make(options: { cobrowseTimeoutMs?: number; autoAck?: boolean } = {}) {
    const transport = new MemoryTransport({ fixtures: fixtures(), simulate: false, autoAck: options.autoAck });
    const store = new DeskStore({
      transport,
      batching: 'sync',
      draftStorage: null,
      consoleWarnings: 'none',
      cobrowseTimeoutMs: options.cobrowseTimeoutMs,
    });
    errors = [];
    store.errors$.subscribe((error) => errors.push(error));
    stores.push(store);
    return { store, transport };
  }

  afterEach(() => {
    for (const store of stores) store.destroy();
    stores = [];
    sinon.restore();
  });

  const status = (store: DeskStore, channel: string) =>
    current(store.channels$).find((entry) => entry.channel === channel)!;

  describe('availability per channel', () => {
    it('comes with the snapshot; a channel at its limit shows Busy, and Available again when one ends', () => {
      const { store, transport } = make();
      expect(status(store, 'chat')).to.include({ availability: 'available', ongoing: 2, limitReached: false });
      expect(status(store, 'whatsapp')).to.include({ availability: 'busy', chosen: 'available', limitReached: true });
      expect(status(store, 'email').availability).to.equal('unavailable');

      transport.emit({ type: 'conversation.upserted', conversation: conversation('c4', { channel: 'chat' }) });
      expect(status(store, 'chat')).to.include({ availability: 'busy', ongoing: 3, maxConversations: 3 });
      transport.emit({ type: 'conversation.closed', conversationId: 'c1', at: iso(60) });
      expect(status(store, 'chat')).to.include({ availability: 'available', ongoing: 2 });
    });

    it('never overrides a manual Unavailable or Busy', () => {
      const { store, transport } = make();
      store.setAvailability('unavailable', ['whatsapp']);
      expect(status(store, 'whatsapp')).to.include({ availability: 'unavailable', limitReached: false });
      transport.emit({ type: 'conversation.closed', conversationId: 'c3', at: iso(60) });
      expect(status(store, 'whatsapp').availability).to.equal('unavailable');
    });

    it('shows the choice at once, sends one command and takes the server’s agent.updated', async () => {
      const { store, transport } = make();
      store.setAvailability('busy', ['chat']);
      expect(status(store, 'chat').availability).to.equal('busy');
      expect(transport.sent.filter((c) => c.type === 'availability')).to.deep.equal([
        { type: 'availability', channels: ['chat'], availability: 'busy' },
      ]);
      await microtasks();
      expect(store.state.channels.find((c) => c.channel === 'chat')?.availability).to.equal('busy');
      expect(store.state.availabilityPending.size).to.equal(0);
    });

    it('sets every channel without a list ("All channels")', async () => {
      const { store, transport } = make();
      store.setAvailability('unavailable');
      expect(current(store.channels$).map((c) => c.availability)).to.deep.equal([
        'unavailable',
        'unavailable',
        'unavailable',
      ]);
      expect(transport.sent.at(-1)).to.deep.equal({
        type: 'availability',
        channels: ['chat', 'whatsapp', 'email'],
        availability: 'unavailable',
      });
    });

    it('is sent again once back online (not twice), and rolled back when the server refuses it', async () => {
      const { store, transport } = make();
      transport.setOnline(false);
      store.setAvailability('busy', ['chat']);
      expect(status(store, 'chat').availability).to.equal('busy');
      await microtasks();
      transport.setOnline(true);
      await microtasks();
      expect(transport.sent.filter((c) => c.type === 'availability')).to.have.length(2);
      expect(store.state.channels.find((c) => c.channel === 'chat')?.availability).to.equal('busy');

      transport.failNext(1, 'rejected');
      store.setAvailability('unavailable', ['chat']);
      await microtasks();
      expect(status(store, 'chat').availability).to.equal('busy');
      expect(errors.at(-1)).to.include({ code: 'transport', command: 'availability' });
    });

    it('drops a malformed agent.updated with an invalid-event error', () => {
      const { store, transport } = make();
      transport.emit({ type: 'agent.updated', channels: [{ channel: 'chat', availability: 'sleeping' }] });
      expect(errors.at(-1)?.code).to.equal('invalid-event');
      expect(status(store, 'chat').availability).to.equal('available');
    });

    it('ignores another agent’s agent.updated (a manager’s desk hears of every agent)', () => {
      const { store, transport } = make();
      transport.emit({
        type: 'agent.updated',
        agentId: 'someone-else',
        channels: [{ channel: 'chat', availability: 'busy' }],
      });
      expect(status(store, 'chat').availability).to.equal('available');
      transport.emit({ type: 'agent.updated', agentId: 'a1', channels: [{ channel: 'chat', availability: 'busy' }] });
      expect(status(store, 'chat').availability).to.equal('busy');
    });

    it('keeps the valid channels of a snapshot and reports the malformed one', () => {
      const { store, transport } = make();
      transport.emit({
        type: 'snapshot',
        visitors: [],
        conversations: [],
        messages: [],
        channels: [
          { channel: 'sms', availability: 'available', maxConversations: 2 },
          { channel: 'email', availability: 'on holiday' },
        ],
      });
      expect(current(store.channels$).map((c) => c.channel)).to.deep.equal(['sms']);
      expect(errors.at(-1)).to.include({ code: 'invalid-event', eventType: 'snapshot' });
      expect(errors.at(-1)?.message).to.contain('channels.1');
    });

    it('refuses an unknown availability', () => {
      const { store, transport } = make();
      store.setAvailability('away' as 'busy');
      expect(errors.at(-1)).to.include({ code: 'invalid-argument', method: 'setAvailability' });
      expect(transport.sent.some((c) => c.type === 'availability')).to.equal(false);
    });
  });

  describe('co-browsing', () => {
    const lines = (store: DeskStore, id = 'c1') =>
      current(store.messages$(id)).filter(
        (m): m is Extract<Message, { kind: 'cobrowsing' }> => m.kind === 'cobrowsing',
      );

    it('shows "requested" at once; the server’s line replaces it; asking again is ignored', async () => {
      const { store, transport } = make();
      store.takeControl('c1');
      expect(current(store.cobrowse$('c1')).state).to.equal('requested');
      expect(lines(store).map((m) => m.state)).to.deep.equal(['requested']);
      store.takeControl('c1');
      await microtasks();
      expect(lines(store)).to.have.length(1);
      expect(lines(store)[0].id).to.match(/^cob-/);
      expect(transport.sent.filter((c) => c.type === 'cobrowse')).to.have.length(1);
    });

    it('cancels a request; the visitor’s accept puts the agent in control, then Stop control ends it', async () => {
      const { store, transport } = make();
      store.takeControl('c1');
      store.cancelControl('c1');
      // Each server copy carries the server's time (a coarser clock in Firefox): the order is the
      // one they settle in once both are back.
      await waitUntil(() => lines(store).length === 2 && lines(store).every((m) => m.id.startsWith('cob-')));
      expect(lines(store).map((m) => m.state)).to.deep.equal(['requested', 'cancelled']);
      expect(current(store.cobrowse$('c1')).state).to.equal('idle');
      expect(transport.sent.at(-1)).to.include({ type: 'cobrowseEnd', reason: 'cancelled' });

      store.takeControl('c1');
      await microtasks();
      await transport.send({ type: 'cobrowseAnswer', conversationId: 'c1', accepted: true });
      await microtasks();
      expect(current(store.cobrowse$('c1'))).to.deep.include({ state: 'active', line: 'started' });

      store.setCobrowseOption('c1', 'input', true);
      expect(current(store.cobrowse$('c1')).options).to.deep.equal({ mouse: true, input: true, scroll: true });
      expect(transport.sent.at(-1)).to.deep.equal({
        type: 'cobrowseOptions',
        conversationId: 'c1',
        options: { mouse: true, input: true, scroll: true },
      });

      store.stopControl('c1');
      await microtasks();
      expect(current(store.cobrowse$('c1')).state).to.equal('idle');
      expect(lines(store).map((m) => m.state)).to.deep.equal([
        'requested',
        'cancelled',
        'requested',
        'started',
        'ended',
      ]);
    });

    it('a declined request leaves the tools idle', async () => {
      const { store, transport } = make();
      store.takeControl('c2');
      await microtasks();
      await transport.send({ type: 'cobrowseAnswer', conversationId: 'c2', accepted: false });
      await microtasks();
      expect(current(store.cobrowse$('c2'))).to.deep.include({ state: 'idle', line: 'declined' });
    });

    it('expires after cobrowseTimeoutMs with a line in the thread', async () => {
      const { store, transport } = make({ cobrowseTimeoutMs: 30 });
      store.takeControl('c1');
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(lines(store).map((m) => m.state)).to.deep.equal(['requested', 'expired']);
      expect(current(store.cobrowse$('c1')).state).to.equal('idle');
      expect(transport.sent.at(-1)).to.include({ type: 'cobrowseEnd', reason: 'expired' });
    });

    it('does not expire the request of a closed conversation', async () => {
      const { store, transport } = make({ cobrowseTimeoutMs: 30 });
      transport.emit({ type: 'conversation.closed', conversationId: 'c2', at: iso(50) });
      transport.emit({
        type: 'message.added',
        message: {
          id: 'old',
          conversationId: 'c2',
          author: 'system',
          at: iso(40),
          kind: 'cobrowsing',
          state: 'requested',
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(transport.sent.some((c) => c.type === 'cobrowseEnd')).to.equal(false);
      expect(current(store.cobrowse$('c2')).state).to.equal('requested');
    });

    it('withdraws the optimistic line when the server refuses the request', async () => {
      const { store, transport } = make();
      transport.failNext(1, 'rejected');
      store.takeControl('c1');
      await microtasks();
      expect(lines(store)).to.have.length(0);
      expect(current(store.cobrowse$('c1')).state).to.equal('idle');
      expect(errors.at(-1)).to.include({ code: 'transport', command: 'cobrowse' });
    });

    it('keeps an unconfirmed co-browsing line through a snapshot (its command is still pending)', async () => {
      const { store, transport } = make();
      transport.setOnline(false);
      store.takeControl('c1');
      transport.emit({ type: 'snapshot', ...fixtures() });
      expect(lines(store).map((m) => m.state)).to.deep.equal(['requested']);
      expect(current(store.cobrowse$('c1')).state).to.equal('requested');
    });

    it('resends a request made offline once online, under the same client id (one line)', async () => {
      const { store, transport } = make();
      transport.setOnline(false);
      store.takeControl('c1');
      await microtasks();
      transport.setOnline(true);
      await microtasks();
      const sent = transport.sent.filter((c) => c.type === 'cobrowse');
      expect(sent).to.have.length(2);
      expect(sent[0]).to.deep.equal(sent[1]);
      expect(lines(store)).to.have.length(1);
    });
  });
});
