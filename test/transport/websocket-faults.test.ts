// Fault tests against the real reference server (started by the test runner on 127.0.0.1).
// Each one checks the same invariant (checkExactlyOnce) and reports its figures.
import { expect } from '@open-wc/testing';
import { IndexedDbOutbox } from '../../src/store/outbox-idb.js';
import type { Outbox } from '../../src/store/outbox.js';
import {
  CONVERSATION,
  allConfirmed,
  checkExactlyOnce,
  closeDesk,
  hasAll,
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

describe('WebSocketTransport faults (real server)', function () {
  this.timeout(20000);
  afterEach(async () => {
    closeDesk();
    await server('faults', { faults: {} });
  });

  it('server restart mid-conversation: queued sends flushed once, resumed from the database, back online', async () => {
    const desk = await openDesk();
    await online(desk);
    const before = await server<string[]>('inject', {
      conversationId: CONVERSATION,
      prefix: 'restart-before',
      count: 5,
    });
    const first = sendMany(desk, 10, 'Before restart');
    await waitFor(() => allConfirmed(desk, first), 'first batch confirmed');

    // Five more go out and the server dies under them; five more are written while it is down.
    const inFlight = sendMany(desk, 5, 'In flight');
    const start = performance.now();
    await server('restart', { downMs: 500, wait: false });
    await waitFor(() => desk.store.state.connection !== 'online', 'connection lost');
    const whileDown = sendMany(desk, 5, 'While down');
    expect(
      thread(desk)
        .filter((m) => whileDown.includes(m.clientId!))
        .every((m) => m.status === 'sending'),
    ).to.equal(true);

    await online(desk);
    const after = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'restart-after', count: 5 });
    const all = [...first, ...inFlight, ...whileDown];
    await waitFor(() => allConfirmed(desk, all) && hasAll(desk, after), 'everything confirmed after restart');

    const figures = await checkExactlyOnce(desk, all, [...before, ...after]);
    const stats = desk.transport.stats;
    expect(stats.sessions).to.equal(2);
    expect(stats.resumed, "the stream and its events are the database's: resumed, no snapshot").to.equal(1);
    expect((await server<ServerStats>('stats')).snapshots, 'only the first connection got a snapshot').to.equal(1);
    await report('server restart mid-conversation', {
      ...figures,
      recoverMs: recoveryMs(desk, start),
      attempts: stats.attempts,
    });
  });

  it('connection dropped while the agent sends 100 messages: each arrives once, missed events replayed', async () => {
    const desk = await openDesk();
    await online(desk);
    // The server applies the 40th send, then cuts every connection before acknowledging it.
    await server('faults', { faults: { dropAfterSends: 40 } });
    const start = performance.now();
    const clientIds = sendMany(desk, 100, 'Burst');
    await waitFor(() => desk.recorder.states.some((s) => s.at >= start && s.state !== 'online'), 'connection dropped');
    // Visitor messages the agent misses while disconnected: replayed on resume.
    const missed = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'missed', count: 5 });

    await waitFor(() => allConfirmed(desk, clientIds) && hasAll(desk, missed), 'all 100 confirmed');
    const figures = await checkExactlyOnce(desk, clientIds, missed);
    const stats = desk.transport.stats;
    expect(stats.resumed, 'resumed from the last seq').to.equal(1);
    // The 40th was applied but its ack and echo were lost: the replayed echo confirms it (or, if written
    // again first, the server answers from its clientId record). Every extra frame is a de-duplicated resend.
    expect(figures.resendsDeduplicated).to.equal(figures.sendFramesAtServer - 100);
    await report('drop during 100 sends', {
      ...figures,
      recoverMs: recoveryMs(desk, start),
      attempts: stats.attempts,
      resumed: stats.resumed,
      totalMs: Math.round(performance.now() - start),
    });
  });

  it('duplicated and re-ordered deliveries: every event once, in order', async () => {
    const desk = await openDesk();
    await online(desk);
    await server('faults', { faults: { duplicateEvents: true, reorderEvents: true } });
    const start = performance.now();
    const visitor = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'chaos', count: 30 });
    const clientIds = sendMany(desk, 10, 'Chaos');
    await waitFor(() => allConfirmed(desk, clientIds) && hasAll(desk, visitor), 'all delivered');

    // The store received the visitor messages exactly in the server's order.
    const delivered = desk.recorder.events
      .map((raw) => raw as { type: string; message?: { id: string } })
      .filter((e) => e.type === 'message.added' && e.message!.id.startsWith('chaos-'))
      .map((e) => e.message!.id);
    expect(delivered).to.deep.equal(visitor);
    const stats = desk.transport.stats;
    expect(stats.duplicatesDropped, 'duplicates seen and dropped').to.be.greaterThan(20);
    expect(stats.reordered, 'early events held back').to.be.greaterThan(10);
    const figures = await checkExactlyOnce(desk, clientIds, visitor);
    await report('duplicated + re-ordered events', {
      ...figures,
      duplicateFramesDropped: stats.duplicatesDropped,
      heldForOrder: stats.reordered,
      gapReplays: stats.gapReplays,
      totalMs: Math.round(performance.now() - start),
    });
  });

  it('lost event frames: the gap is filled by a replay on the same connection', async () => {
    const desk = await openDesk();
    await online(desk);
    await server('faults', { faults: { loseEventEvery: 7 } });
    const start = performance.now();
    const visitor = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'gappy', count: 30 });
    const clientIds = sendMany(desk, 10, 'Gappy');
    await waitFor(() => allConfirmed(desk, clientIds) && hasAll(desk, visitor), 'all delivered');
    expect(desk.transport.stats.gapReplays, 'replays asked').to.be.greaterThan(0);
    // Every live frame lost: nothing arrives after the gap, only the heartbeat's pong tells the newest seq.
    await server('faults', { faults: { loseEventEvery: 1 } });
    const silent = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'trailing', count: 3 });
    await waitFor(() => hasAll(desk, silent), 'trailing gap noticed through the heartbeat');
    visitor.push(...silent);
    expect(desk.errors.filter((e) => e.code === 'events-lost')).to.have.length(0);
    expect(desk.transport.stats.attempts, 'same connection').to.equal(1);
    const figures = await checkExactlyOnce(desk, clientIds, visitor);
    await report('lost event frames (1 in 7, then all live frames)', {
      ...figures,
      gapReplays: desk.transport.stats.gapReplays,
      heldForOrder: desk.transport.stats.reordered,
      totalMs: Math.round(performance.now() - start),
    });
  });

  it('an event too large for the client is reported and skipped after one replay, without a reconnect loop', async () => {
    const desk = await openDesk();
    await online(desk);
    const [big] = await server<string[]>('inject', {
      conversationId: CONVERSATION,
      prefix: 'huge',
      count: 1,
      textSize: 80_000,
    });
    const after = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'after-huge', count: 3 });
    await waitFor(() => hasAll(desk, after), 'later events delivered');
    const stats = desk.transport.stats;
    expect(stats.gapReplays).to.equal(1);
    expect(stats.invalidFrames, 'the live frame and its replay').to.equal(2);
    expect(desk.errors.filter((e) => e.code === 'events-lost')).to.have.length(1);
    expect(thread(desk).some((m) => m.id === big)).to.equal(false);
    expect(stats.attempts).to.equal(1);
    expect(desk.store.state.connection).to.equal('online');
  });

  it('slow server: delayed acks within the timeout succeed; past it they fail, then heal from the echo', async () => {
    const desk = await openDesk({ commandTimeoutMs: 1000 });
    await online(desk);
    await server('faults', { faults: { latencyMs: 400 } });
    const start = performance.now();
    const slow = sendMany(desk, 20, 'Slow');
    await waitFor(() => allConfirmed(desk, slow), 'slow sends confirmed');
    expect(desk.errors.filter((e) => e.code === 'send-failed')).to.have.length(0);
    const slowMs = Math.round(performance.now() - start);

    await server('faults', { faults: { latencyMs: 1500 } });
    const late = sendMany(desk, 5, 'Too slow');
    await waitFor(
      () => thread(desk).filter((m) => late.includes(m.clientId!) && m.status === 'failed').length === 5,
      'timed out',
    );
    await waitFor(() => allConfirmed(desk, late), 'late echoes confirm them');

    const figures = await checkExactlyOnce(desk, [...slow, ...late], []);
    expect(desk.transport.stats.attempts, 'no reconnect').to.equal(1);
    await report('slow server (acks 400 ms / 1500 ms, timeout 1000 ms)', {
      ...figures,
      slowBatchMs: slowMs,
      timedOutThenHealed: 5,
      sendFailedReports: desk.errors.filter((e) => e.code === 'send-failed').length,
    });
  });

  it('invalid frames are reported and dropped; the connection and the conversation carry on', async () => {
    const desk = await openDesk();
    await online(desk);
    const { frames, badEvents } = await server<{ frames: number; badEvents: number }>('invalid', { repeat: 10 });
    const visitor = await server<string[]>('inject', {
      conversationId: CONVERSATION,
      prefix: 'after-garbage',
      count: 5,
    });
    const clientIds = sendMany(desk, 5, 'After garbage');
    await waitFor(() => allConfirmed(desk, clientIds) && hasAll(desk, visitor), 'conversation continues');

    const stats = desk.transport.stats;
    expect(stats.invalidFrames).to.equal(frames);
    // Reported, but not 110 times: the first 20, then one notice.
    expect(desk.errors.filter((e) => e.code === 'invalid-frame')).to.have.length(21);
    expect(desk.errors.filter((e) => e.code === 'invalid-event')).to.have.length(badEvents);
    expect(
      desk.errors.filter((e) => e.code === 'transport'),
      'nothing escaped as a handling failure',
    ).to.have.length(0);
    expect(stats.attempts, 'never reconnected').to.equal(1);
    expect(desk.recorder.states.filter((s) => s.state !== 'online').map((s) => s.state)).to.deep.equal(['connecting']);
    const figures = await checkExactlyOnce(desk, clientIds, visitor);
    await report('invalid frames', { ...figures, invalidFrames: stats.invalidFrames, invalidEvents: badEvents });
  });

  it('token rejected: one clear error, no reconnect storm; a new token recovers and the outbox resends', async () => {
    let token = 'bad-token';
    const desk = await openDesk({ token: undefined, getToken: () => token });
    await waitFor(() => desk.store.state.connection === 'offline', 'gave up on the first attempt');
    const unauthorized = () => desk.errors.filter((e) => e.code === 'unauthorized');
    expect(unauthorized()).to.have.length(1);
    expect(unauthorized()[0].message).to.match(/refused the access token/);

    // A good token: online. Then it expires while connected and the link drops.
    token = 'test-token';
    desk.transport.reconnect();
    await online(desk);
    const first = sendMany(desk, 3, 'Valid token');
    await waitFor(() => allConfirmed(desk, first), 'sent with a valid token');
    token = 'expired-token';
    await server('drop');
    await waitFor(() => desk.store.state.connection === 'offline', 'token refused on reconnect');
    const rejected = sendMany(desk, 3, 'Expired token');
    await waitFor(
      () => thread(desk).filter((m) => rejected.includes(m.clientId!) && m.status === 'failed').length === 3,
      'sends fail',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a storm with a 100 ms backoff would show here
    const stats = await server<ServerStats>('stats', { tokens: ['bad-token', 'expired-token'] });
    expect(stats.hellosByToken['bad-token'], 'attempts with the bad token').to.equal(1);
    expect(stats.hellosByToken['expired-token'], 'attempts with the expired token').to.equal(1);
    expect(desk.transport.stats.attempts).to.equal(3);
    expect(unauthorized()).to.have.length(2);

    token = 'test-token';
    const start = performance.now();
    desk.transport.reconnect();
    await online(desk);
    await waitFor(() => allConfirmed(desk, rejected), 'outbox resent');
    const figures = await checkExactlyOnce(desk, [...first, ...rejected], []);
    await report('token rejected', {
      ...figures,
      attemptsWithBadToken: stats.hellosByToken['bad-token'] + stats.hellosByToken['expired-token'],
      recoverMs: recoveryMs(desk, start),
    });
  });

  it('page reload while sending (IndexedDB outbox): the new page resends what was unconfirmed, once', async () => {
    const name = `agent-desk-ws-reload-${Date.now()}`;
    const outboxes = [new IndexedDbOutbox({ name }), new IndexedDbOutbox({ name })];
    try {
      const first = await openDesk({}, { outbox: outboxes[0] });
      await online(first);
      // The server takes 300 ms per command: the page goes away before any ack, some sends applied, some not.
      await server('faults', { faults: { latencyMs: 300 } });
      const clientIds = sendMany(first, 10, 'Before reload');
      await new Promise((resolve) => setTimeout(resolve, 150));
      clientIds.push(...sendMany(first, 10, 'Just before reload'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const unconfirmed = thread(first).filter((m) => clientIds.includes(m.clientId!) && m.status === 'sending').length;
      const start = performance.now();
      first.destroy(); // the page goes away with every send in flight
      await server('faults', { faults: {} });
      await new Promise((resolve) => setTimeout(resolve, 500)); // meanwhile the server applies what it received
      // The new page reads its outbox only after the server's snapshot arrived (a slow disk).
      const slow = outboxes[1];
      const late: Outbox = {
        load: () => new Promise((resolve) => setTimeout(resolve, 600)).then(() => slow.load()),
        put: (message) => slow.put(message),
        delete: (clientId) => slow.delete(clientId),
      };
      const second = await openDesk({}, { reset: false, outbox: late });
      await online(second);
      await waitFor(() => allConfirmed(second, clientIds), 'restored from the outbox and resent');
      const figures = await checkExactlyOnce(second, clientIds, []);
      await report('page reload while sending (IndexedDB outbox)', {
        ...figures,
        unconfirmedAtReload: unconfirmed,
        recoverMs: Math.round(performance.now() - start),
      });
    } finally {
      for (const outbox of outboxes) await outbox.close();
      indexedDB.deleteDatabase(name);
    }
  });

  it('a silent (half-open) connection is detected by the heartbeat and replaced', async () => {
    const desk = await openDesk({ heartbeatMs: 200, heartbeatTimeoutMs: 800 });
    await online(desk);
    await server('silence');
    const start = performance.now();
    const clientIds = sendMany(desk, 5, 'Into the void');
    const missed = await server<string[]>('inject', { conversationId: CONVERSATION, prefix: 'unheard', count: 3 });
    await waitFor(() => desk.store.state.connection === 'reconnecting', 'dead connection detected');
    const detectMs = Math.round(performance.now() - start);
    await waitFor(() => allConfirmed(desk, clientIds) && hasAll(desk, missed), 'recovered');
    const stats = desk.transport.stats;
    expect(stats.deadConnections).to.equal(1);
    const figures = await checkExactlyOnce(desk, clientIds, missed);
    await report('silent connection (heartbeat 200 ms, timeout 800 ms)', {
      ...figures,
      detectMs,
      recoverMs: recoveryMs(desk, start),
      resumed: stats.resumed,
    });
  });
});
