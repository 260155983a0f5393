import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { DeskProvider } from '../../src/components/desk-provider/desk-provider.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';

/** Resolves true once the store's state stream completes (the store was destroyed). */
function watchDestroyed(store: DeskStore): () => boolean {
  let destroyed = false;
  store.state$.subscribe({ complete: () => (destroyed = true) });
  return () => destroyed;
}

describe('<desk-provider>', () => {
  it('provides a store set on it to the elements inside, and renders them', async () => {
    const store = new DeskStore({ transport: new MemoryTransport({ fixtures: demoFixtures() }), batching: 'sync' });
    const el = await fixture<DeskProvider>(
      html`<desk-provider .store=${store}><state-box></state-box></desk-provider>`,
    );
    const list = el.querySelector('state-box')!;
    await list.updateComplete;
    const listbox = list.shadowRoot!.querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-label')).to.equal('Ongoing conversations');
    expect(listbox.querySelectorAll('[role="option"]').length).to.be.at.least(6);
    store.destroy();
  });

  it('re-dispatches store errors as a composed desk-error event on itself', async () => {
    const transport = new MemoryTransport({ fixtures: demoFixtures() });
    const store = new DeskStore({ transport, batching: 'sync' });
    const el = await fixture<DeskProvider>(html`<desk-provider .store=${store}></desk-provider>`);
    await el.updateComplete;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      setTimeout(() => transport.emit({ type: 'message.added', message: { id: 42 } }));
      const event = await oneEvent(el, 'desk-error');
      expect(event.detail.code).to.equal('invalid-event');
      expect(event.composed && event.bubbles).to.equal(true);
    } finally {
      console.warn = warn;
      store.destroy();
    }
  });

  it('with demo, keeps its store when moved in the page and destroys it once removed', async () => {
    const el = await fixture<DeskProvider>(html`<div><desk-provider demo></desk-provider></div>`);
    const provider = el.querySelector('desk-provider')!;
    await waitUntil(() => provider.activeStore, 'the demo store arrives');
    const store = provider.activeStore!;
    const destroyed = watchDestroyed(store);

    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(provider);
    await provider.updateComplete;
    await aTimeout(20);
    expect(provider.activeStore).to.equal(store);
    expect(destroyed()).to.equal(false);

    provider.remove();
    await aTimeout(20);
    expect(destroyed()).to.equal(true);
    elsewhere.remove();
  });
});
