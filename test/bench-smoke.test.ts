/**
 * Smoke test of the benchmark harness (bench/bench-page.ts): every scenario runs end to end with
 * tiny sizes against <chat-box>/<chat-desk> and the naive baseline, so `npm run bench` cannot rot.
 * No timing is asserted here (that is the bench's job, against budgets, outside `npm test`).
 */
import { expect } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {
  burst,
  countElements,
  findText,
  panes,
  render,
  scroll,
  soak,
  stream,
  walkDeep,
  usableComposer,
  type BenchHooks,
} from '../bench/bench-page.js';
import { bigFixtures, token } from '../bench/data.js';

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

/** Heap through performance.memory is coarse in a test browser; the bench uses CDP. */
const hooks: BenchHooks = { heap: async () => undefined };

describe('bench harness (smoke)', function () {
  this.timeout(60_000);

  it('generates deterministic fixtures with a token in every text message', () => {
    const a = bigFixtures({ conversations: 2, messages: 50, archived: 10, now: 0 });
    const b = bigFixtures({ conversations: 2, messages: 50, archived: 10, now: 0 });
    expect(a).to.deep.equal(b);
    expect(a.conversations.map((c) => c.id)).to.deep.equal(['c1', 'c2']);
    expect(a.messages).to.have.length(100);
    expect(a.archive!.messages).to.have.length(20);
    const newest = a.messages.filter((m) => m.conversationId === 'c1').at(-1)!;
    expect(newest.kind).to.equal('text');
    expect(newest.kind === 'text' && newest.text).to.contain(token('c1-60'));
    // The archive is older than the snapshot (served by loadMessages, newest page first).
    const oldestLive = a.messages.find((m) => m.conversationId === 'c1')!;
    const newestArchived = a.archive!.messages.filter((m) => m.conversationId === 'c1').at(-1)!;
    expect(Date.parse(newestArchived.at)).to.be.lessThan(Date.parse(oldestLive.at));
  });

  it('walks and counts through shadow roots', () => {
    const host = document.createElement('div');
    const inner = document.createElement('section');
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p><b>deep [c9-1]</b></p>';
    host.append(inner, document.createElement('span'));
    document.body.append(host);
    expect(countElements(host)).to.equal(4);
    expect(findText(host, '[c9-1]')?.parentElement?.localName).to.equal('b');
    let texts = 0;
    walkDeep(host, (node) => {
      if (node.nodeType === Node.TEXT_NODE) texts += 1;
    });
    expect(texts).to.equal(1);
    host.remove();
  });

  it('finds the composer of THAT conversation only, when it is usable', async () => {
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:0;top:0;width:600px;height:400px;display:flex';
    const pane = (id: string, composerId: string | undefined, disabled = false) => {
      const div = document.createElement('div');
      div.style.cssText = 'flex:1;display:flex;flex-direction:column';
      const thread = document.createElement('div');
      thread.innerHTML = `<naive-thread conversation-id="${id}"></naive-thread>`;
      div.append(thread);
      if (composerId !== undefined) {
        const textarea = document.createElement('textarea');
        textarea.disabled = disabled;
        div.append(textarea);
      }
      return div;
    };
    // c1's pane has no composer; c2's has one: c1 must not borrow it through the shared parent.
    host.append(pane('c1', undefined), pane('c2', 'c2'), pane('c3', 'c3', true));
    document.body.append(host);
    const threadOf = (id: string) => host.querySelector(`naive-thread[conversation-id="${id}"]`)!;
    expect(usableComposer(host, threadOf('c1'), 'c1'), 'no composer in c1').to.equal(undefined);
    expect(usableComposer(host, threadOf('c2'), 'c2')?.localName).to.equal('textarea');
    expect(usableComposer(host, threadOf('c3'), 'c3'), 'disabled').to.equal(undefined);
    host.remove();
  });

  it('soak: the desk runs with the simulator, conversations come and go, nothing stays subscribed', async () => {
    const result = await soak({ impl: 'chat-box', simulatedMs: 6_000, speed: 10, stepSimulatedMs: 1_500, hooks });
    expect(result.arrived, 'conversations arrived').to.be.greaterThan(0);
    expect(result.ended).to.equal(result.arrived);
    expect(result.selectionsMounted, 'the counter sees the desk subscribe').to.be.greaterThan(0);
    expect(result.stateObserversMounted).to.be.greaterThan(0);
    expect(result.selectionsLeft, 'Selection subscriptions left after removal').to.equal(0);
    expect(result.stateObserversLeft, 'store state subscribers left after removal').to.equal(0);
    expect(document.querySelector('chat-desk'), 'cleaned up').to.equal(null);
  });

  for (const impl of ['chat-box', 'reference', 'baseline'] as const) {
    describe(impl, () => {
      it('render: shows the newest message and counts the thread', async () => {
        const result = await render({ impl, messages: 60, hooks });
        expect(result.visibleMs, 'newest message visible').to.be.a('number');
        expect(result.settledMs, 'view settled').to.be.a('number');
        expect(result.settledMs!).to.be.at.least(result.visibleMs!);
        expect(result.totalMs).to.be.a('number');
        expect(result.threadElements).to.be.greaterThan(0);
        expect(result.hostElements).to.be.at.least(result.threadElements);
        expect(document.querySelector('chat-box, naive-thread, reference-thread'), 'cleaned up').to.equal(null);
      });

      it('burst: every message reaches the store and the view settles', async () => {
        const result = await burst({ impl, initial: 30, count: 40, hooks });
        expect(result.storeMs).to.be.a('number');
        expect(result.settledMs).to.be.a('number');
        expect(result.settledMs!).to.be.at.least(result.visibleMs!);
        expect(result.maxFrameGap).to.be.greaterThan(0);
      });

      it('stream: every emitted message is shown', async () => {
        const result = await stream({ impl, initial: 30, rate: 60, durationMs: 400, hooks });
        expect(result.emitted).to.equal(24);
        expect(result.shown).to.equal(result.emitted);
        expect(result.seen).to.be.greaterThan(0);
        expect(result.p95).to.be.finite;
      });

      it('panes: four panes mount and focus switches', async () => {
        const result = await panes({ impl, perConversation: 40, loadMs: 200, switches: 2, hooks });
        expect(result.mountMs, 'all four newest messages visible').to.be.a('number');
        expect(result.switchMs).to.have.length(2);
        // Each switch ends when THAT conversation's composer is rendered and usable (else +∞ after 5 s).
        for (const ms of result.switchMs) expect(ms).to.be.finite;
        expect(result.switchVia).to.equal('pointerdown');
      });

      it('scroll: scrolls to the top and loads the older pages', async () => {
        const result = await scroll({ impl, total: 200, archived: 60, maxMs: 10_000, stuckMs: 2_000, hooks });
        expect(result.steps).to.be.greaterThan(0);
        expect(result.checkedSteps).to.be.greaterThan(0);
        expect(result.pages, 'older pages requested through the element').to.be.greaterThan(0);
        expect(result.loaded).to.be.greaterThan(140);
        // <chat-box> and the naive list must reach the very top with every page loaded (the bench
        // budgets <chat-box> on it); the bare reference has no scroll anchoring when older pages
        // arrive, so it may stop short.
        if (impl !== 'reference') {
          expect(result.loaded, JSON.stringify(result.end)).to.equal(200);
          expect(result.reachedTop, JSON.stringify(result.end)).to.be.true;
        }
      });
    });
  }
});
