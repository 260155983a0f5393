import { expect, waitUntil } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import type { ClientCommand, DeskErrorInfo, Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const AT = '2026-11-25T10:00:00.000Z';
const LATER = '2026-11-25T10:05:00.000Z';

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [
      { id: 'v1', name: 'Emma' },
      { id: 'v2', name: 'Liam' },
      { id: 'v3', name: 'Noah' },
    ],
    conversations: [
      { id: 'c1', visitorId: 'v1', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c2', visitorId: 'v2', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c3', visitorId: 'v3', channel: 'chat', status: 'ongoing', startedAt: AT },
    ],
    messages: [
      { id: 'm1', conversationId: 'c1', author: 'visitor', at: AT, kind: 'text', text: 'Hi' },
      // c2 answered; c3 waiting since LATER: c3 is the next one waiting.
      { id: 'm2', conversationId: 'c2', author: 'visitor', at: AT, kind: 'text', text: 'Hello' },
      { id: 'm3', conversationId: 'c2', author: 'agent', at: AT, kind: 'text', text: 'Hi!', status: 'read' },
      { id: 'm4', conversationId: 'c3', author: 'visitor', at: LATER, kind: 'text', text: 'Anyone?' },
    ] as Message[],
    transferTargets: {
      agents: [
        { id: 'a-sam', name: 'Sam', availability: 'available' },
        { id: 'a-kenji', name: 'Kenji', availability: 'unavailable' },
      ],
      skills: [{ id: 's-billing', name: 'Billing', availableAgents: 2 }],
    },
    tagSuggestions: ['Delivery', 'Returns'],
  };
}

const commands = <T extends ClientCommand['type']>(transport: MemoryTransport, type: T) =>
  transport.sent.filter((c): c is Extract<ClientCommand, { type: T }> => c.type === type);
const ongoingIds = async (store: DeskStore) =>
  (await firstValueFrom(store.conversations$)).map((summary) => summary.conversation.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeskStore handover (transfer and end)', () => {
  let ids = 0;
  const createClientId = () => `cmd-${(ids += 1)}`;

  it('takes the transfer targets and tag suggestions from the snapshot', async () => {
    const store = new DeskStore({ transport: new MemoryTransport({ fixtures: fixtures() }), batching: 'sync' });
    expect((await firstValueFrom(store.transferTargets$)).agents.map((a) => a.name)).to.deep.equal(['Sam', 'Kenji']);
    expect(await firstValueFrom(store.tagSuggestions$)).to.deep.equal(['Delivery', 'Returns']);
    store.destroy();
  });

  it('a transfer is pending, then accepted: the transfer line is in the thread and the conversation leaves the ongoing list', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    store.transfer('c1', { type: 'skill', id: 's-billing' }, '  Refund question  ');
    expect(store.state.transfers.get('c1')).to.include({ status: 'pending', comment: 'Refund question' });
    await waitUntil(() => store.state.transfers.get('c1')?.status === 'accepted');
    const [command] = commands(transport, 'transfer');
    expect(command).to.deep.include({
      conversationId: 'c1',
      target: { type: 'skill', id: 's-billing' },
      comment: 'Refund question',
    });
    const line = store.state.threads.get('c1')!.messages.at(-1)!;
    expect(line).to.deep.include({
      kind: 'transfer',
      to: { type: 'skill', name: 'Billing' },
      comment: 'Refund question',
    });
    expect(store.state.conversations.get('c1')!.status).to.equal('closed');
    expect(await ongoingIds(store)).to.deep.equal(['c2', 'c3']);
    store.destroy();
  });

  it('a transfer to an unavailable agent is refused: nothing is lost, no desk-error, and another target works', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    store.transfer('c1', { type: 'agent', id: 'a-kenji' }, 'Please call back');
    await waitUntil(() => store.state.transfers.get('c1')?.status === 'refused');
    expect(store.state.transfers.get('c1')).to.deep.include({ reason: 'unavailable', comment: 'Please call back' });
    expect(store.state.conversations.get('c1')!.status).to.equal('ongoing');
    expect(await ongoingIds(store)).to.include('c1');
    expect(errors).to.deep.equal([]);
    store.transfer('c1', { type: 'agent', id: 'a-sam' }, 'Please call back');
    await waitUntil(() => store.state.transfers.get('c1')?.status === 'accepted');
    store.destroy();
  });

  it('a transfer sent while offline stays pending and goes once more, same command id, when back online; applied once', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    transport.setOnline(false);
    store.transfer('c1', { type: 'agent', id: 'a-sam' });
    await settle();
    expect(store.state.transfers.get('c1')?.status).to.equal('pending');
    transport.setOnline(true);
    await waitUntil(() => store.state.transfers.get('c1')?.status === 'accepted');
    const sent = commands(transport, 'transfer');
    expect(sent).to.have.length(2);
    expect(sent[0].commandId).to.equal(sent[1].commandId);
    // A duplicate delivery of the same command is acknowledged without a second transfer line.
    await transport.send(sent[0]);
    await settle();
    expect(store.state.threads.get('c1')!.messages.filter((m) => m.kind === 'transfer')).to.have.length(1);
    store.destroy();
  });

  it('ending: off the list at once, the pane shows the one waiting longest, nothing sent during the undo delay', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId, closeUndoMs: 80 });
    expect(store.focusedId).to.equal('c1');
    store.closeConversation('c1', { note: ' Solved ', tags: ['Delivery', ' ', 'Delivery', 'VIP'] });
    expect(await ongoingIds(store)).to.deep.equal(['c2', 'c3']);
    expect(store.focusedId).to.equal('c3');
    expect(store.state.closing.get('c1')).to.deep.include({
      status: 'undoable',
      note: 'Solved',
      tags: ['Delivery', 'VIP'],
    });
    // In the visitor's history at once.
    expect((await firstValueFrom(store.history$('v1'))).conversations.map((c) => c.id)).to.deep.equal(['c1']);
    expect(commands(transport, 'close')).to.have.length(0);
    await waitUntil(() => store.state.conversations.get('c1')?.status === 'closed');
    expect(commands(transport, 'close')).to.have.length(1);
    expect(commands(transport, 'close')[0]).to.deep.include({
      conversationId: 'c1',
      note: 'Solved',
      tags: ['Delivery', 'VIP'],
    });
    expect(store.state.conversations.get('c1')).to.deep.include({ note: 'Solved', tags: ['Delivery', 'VIP'] });
    expect(store.state.closing.has('c1')).to.be.false;
    expect(store.undoClose('c1')).to.be.false;
    store.destroy();
  });

  it('undo within the delay puts the conversation back on screen and sends nothing', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId, closeUndoMs: 60 });
    store.closeConversation('c1');
    expect(store.undoClose('c1')).to.be.true;
    expect(await ongoingIds(store)).to.deep.equal(['c1', 'c2', 'c3']);
    expect(store.focusedId).to.equal('c1');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(commands(transport, 'close')).to.have.length(0);
    expect(store.state.conversations.get('c1')!.status).to.equal('ongoing');
    store.destroy();
  });

  it('an end refused by the server is undone and reported', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId, closeUndoMs: 0 });
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    transport.failNext();
    store.closeConversation('c2');
    expect(await ongoingIds(store)).to.not.include('c2');
    await waitUntil(() => errors.length > 0);
    expect(errors[0]).to.deep.include({ code: 'transport', command: 'close' });
    expect(await ongoingIds(store)).to.include('c2');
    store.destroy();
  });

  it('an end that could not be delivered is resent (same command id) when back online', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId, closeUndoMs: 0 });
    transport.setOnline(false);
    store.closeConversation('c2');
    await settle();
    expect(store.state.closing.get('c2')?.status).to.equal('sending');
    transport.setOnline(true);
    await waitUntil(() => store.state.conversations.get('c2')?.status === 'closed');
    const sent = commands(transport, 'close');
    expect(sent.map((c) => c.commandId)).to.deep.equal([sent[0].commandId, sent[0].commandId]);
    store.destroy();
  });

  it('blocking a visitor ends their conversation too', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', createClientId });
    store.block('v1');
    expect(await ongoingIds(store)).to.deep.equal(['c2', 'c3']);
    await waitUntil(() => store.state.conversations.get('c1')?.status === 'closed');
    expect(commands(transport, 'close').map((c) => c.conversationId)).to.deep.equal(['c1']);
    store.destroy();
  });

  it('a conversation transferred to this agent stays; a malformed conversation.transferred is dropped with an error', async () => {
    const transport = new MemoryTransport({ fixtures: fixtures() });
    const store = new DeskStore({ transport, batching: 'sync', consoleWarnings: 'none' });
    const errors: DeskErrorInfo[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    transport.emit({
      type: 'conversation.transferred',
      conversationId: 'c2',
      at: LATER,
      to: { type: 'agent', id: 'a1', name: 'Alex' },
    });
    expect(await ongoingIds(store)).to.include('c2');
    transport.emit({
      type: 'conversation.transferred',
      conversationId: 'c2',
      at: LATER,
      to: { type: 'team', id: 'x' },
    });
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
    expect(await ongoingIds(store)).to.include('c2');
    transport.emit({
      type: 'conversation.transferred',
      conversationId: 'c2',
      at: LATER,
      to: { type: 'skill', id: 's', name: 'Billing' },
    });
    expect(await ongoingIds(store)).to.not.include('c2');
    store.destroy();
  });
});
