import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { ComposeArea } from '../../src/components/compose-area/compose-area.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const AT = '2026-11-25T10:00:00.000Z';

// A file of its own: the picker keeps its database's opening for the whole page, stuck here.
describe('<compose-area> emoji panel when IndexedDB never answers', () => {
  // The picker keeps its data in IndexedDB. An open that never answers (an upgrade blocked by another
  // tab's connection, a broken profile) must not leave the panel loading for ever.
  const openDatabase = indexedDB.open.bind(indexedDB);
  before(() => {
    indexedDB.open = (name: string, version?: number) =>
      name.startsWith('emoji-picker-element') ? ({} as IDBOpenDBRequest) : openDatabase(name, version);
  });
  after(() => Reflect.deleteProperty(indexedDB, 'open'));
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  it('says it is loading for 30 seconds, then offers the common emoji, which insert', async function () {
    // The picker's module is imported for real first (slow on a loaded machine); the 30 s are faked.
    this.timeout(40_000);
    const transport = new MemoryTransport({
      fixtures: {
        agent: { id: 'a1', name: 'Alex Martin' },
        visitors: [{ id: 'v-emma', name: 'Emma Laurent' }],
        conversations: [{ id: 'c-emma', visitorId: 'v-emma', channel: 'chat', status: 'ongoing', startedAt: AT }],
        messages: [],
      },
      simulate: false,
    });
    const store = new DeskStore({ transport, batching: 'sync' });
    const el = await fixture<ComposeArea>(html`<compose-area conversation-id="c-emma" .store=${store}></compose-area>`);
    const root = el.shadowRoot!;
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const timeouts = sinon.spy(window, 'setTimeout');
    root.querySelector<HTMLButtonElement>('button[aria-label="Insert emoji"]')!.click();
    await el.updateComplete;
    // The picker's module loads (a real import), then its data is awaited with the time limit.
    for (let frame = 0; frame < 1800 && !timeouts.calledWith(sinon.match.func, 30_000); frame += 1) await nextFrame();
    expect(timeouts.calledWith(sinon.match.func, 30_000), 'the time limit is set').to.be.true;

    await clock.tickAsync(29_000);
    await el.updateComplete;
    expect(root.querySelector('[role="dialog"] [role="status"]')!.textContent).to.contain('Loading');
    expect(root.querySelector('.emoji-grid')).to.be.null;

    await clock.tickAsync(1_000);
    for (let frame = 0; frame < 60 && !root.querySelector('.emoji-grid'); frame += 1) await nextFrame();
    expect(root.querySelector('[role="dialog"]')!.textContent).to.contain('could not be loaded');
    expect(root.querySelector('[role="dialog"] [role="status"]')).to.be.null;
    const thumbsUp = [...root.querySelectorAll<HTMLButtonElement>('.emoji-button')].find(
      (b) => b.textContent!.trim() === '👍',
    )!;
    thumbsUp.click();
    await el.updateComplete;
    expect(store.state.drafts.get('c-emma')).to.equal('👍');
  });
});
