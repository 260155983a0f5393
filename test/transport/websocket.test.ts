import { expect } from '@open-wc/testing';
import { WebSocketTransport } from '../../src/transport/websocket-transport.js';
import { PROTOCOL } from '../../src/transport/protocol.js';
import {
  CONVERSATION,
  allConfirmed,
  checkExactlyOnce,
  closeDesk,
  online,
  openDesk,
  recoveryMs,
  report,
  sendMany,
  server,
  thread,
  waitFor,
  type ServerStats,
} from './websocket-harness.js';

describe('WebSocketTransport against the reference server', () => {
  afterEach(() => closeDesk());

  it('signs in with the token in the first frame, loads the snapshot and goes online', async () => {
    const desk = await openDesk();
    expect(desk.url).not.to.contain('token');
    expect(desk.recorder.states.map((s) => s.state)[0]).to.equal('connecting');
    await online(desk);
    expect(desk.store.state.loaded).to.equal(true);
    expect(desk.store.state.agent.name).to.equal('Alex Martin');
    expect(thread(desk).length).to.be.greaterThan(0);
    const stats = await server<ServerStats>('stats', { conversationId: CONVERSATION });
    expect(stats.connectionsByToken['test-token']).to.equal(1);
    expect(desk.transport.stats.sessions).to.equal(1);
  });

  it('refuses a token in the URL', () => {
    expect(() => new WebSocketTransport({ url: 'ws://127.0.0.1:1/desk?token=secret', token: 'secret' })).to.throw(/never in the URL/);
  });

  it('applies commands: send is echoed once, block updates the visitor, loadHistory returns a page', async () => {
    const desk = await openDesk();
    await online(desk);
    const [clientId] = sendMany(desk, 1, 'Hello');
    await waitFor(() => allConfirmed(desk, [clientId]), 'message confirmed');
    const sent = thread(desk).find((m) => m.clientId === clientId)!;
    expect(sent.status).to.equal('sent');
    expect(sent.id).not.to.equal(clientId);

    desk.store.block('v-liam');
    await waitFor(() => desk.store.state.visitors.get('v-liam')?.blocked === true, 'visitor blocked');

    desk.store.loadHistory('v-emma');
    await waitFor(() => [...desk.store.state.conversations.keys()].some((id) => id.startsWith('c-emma-a')), 'history page');

    // An agent may not unblock: the server refuses, the store rolls back and reports it.
    const before = desk.errors.length;
    await desk.transport.send({ type: 'unblock', visitorId: 'v-liam' }).then(
      () => expect.fail('unblock should be refused'),
      (error: Error & { reason?: string }) => expect(error.reason).to.equal('rejected'),
    );
    expect(desk.errors.length).to.equal(before);
    await checkExactlyOnce(desk, [clientId], []);
  });

  it('a send that cannot be delivered in time rejects "offline"; the outbox resends it after reconnecting, once', async () => {
    const desk = await openDesk({ commandTimeoutMs: 400 });
    await online(desk);
    const start = performance.now();
    await server('restart', { downMs: 1200, wait: false });
    await waitFor(() => desk.store.state.connection !== 'online', 'connection lost');
    const clientIds = sendMany(desk, 3, 'While down');
    await waitFor(() => thread(desk).filter((m) => clientIds.includes(m.clientId!) && m.status === 'failed').length === 3, 'marked failed');
    expect(desk.errors.filter((e) => e.code === 'send-failed').length).to.equal(3);
    await waitFor(() => allConfirmed(desk, clientIds), 'resent after reconnect');
    const figures = await checkExactlyOnce(desk, clientIds, []);
    await report('offline send timeout + outbox resend', { ...figures, recoverMs: recoveryMs(desk, start) });
  });

  it('speaks the agent-desk.v1 sub-protocol', async () => {
    const desk = await openDesk();
    await online(desk);
    const socket = new WebSocket(desk.url, PROTOCOL);
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    expect(socket.protocol).to.equal(PROTOCOL);
    const reply = new Promise<string>((resolve) => socket.addEventListener('message', (e) => resolve(String(e.data)), { once: true }));
    socket.send(JSON.stringify({ type: 'hello', v: 1, token: 'test-token' }));
    const welcome = JSON.parse(await reply) as { type: string; resumed: boolean; seq: number };
    expect(welcome.type).to.equal('welcome');
    expect(welcome.resumed).to.equal(false);
    socket.close();
  });
});
