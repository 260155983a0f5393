import { expect } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../src/define.js';
import * as events from '../src/events.js';
import { DeskOpenPageEvent, DeskSendEvent } from '../src/events.js';
import * as wrappers from '../src/react.js';
import { ChatDesk, ChatBox, DeskProvider } from '../src/react.js';
import { DeskStore } from '../src/store/desk-store.js';
import { MemoryTransport } from '../src/transport/memory-transport.js';
import { demoFixtures } from '../src/transport/demo-fixtures.js';
import type { ChatDesk as ChatDeskElement } from '../src/components/chat-desk/chat-desk.js';

/** A store set after connection (as React does) takes the desk two updates. */
function newStore(): DeskStore {
  const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
  return new DeskStore({ transport, batching: 'sync' });
}

describe('agent-desk/react', () => {
  // The desk's virtualized threads may report the browser's benign "ResizeObserver loop" notice.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  let container: HTMLElement;
  let root: Root;
  const stores: DeskStore[] = [];

  beforeEach(() => {
    container = document.createElement('div');
    container.style.cssText = 'width: 1200px; height: 700px;';
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
    for (const store of stores.splice(0)) store.destroy();
  });

  function render(element: ReturnType<typeof createElement>): void {
    flushSync(() => root.render(element));
  }

  it('has an onDesk… prop for every desk- event the elements fire', () => {
    const named = Object.values(events).filter(
      (value): value is typeof DeskSendEvent =>
        typeof value === 'function' && typeof (value as { eventName?: unknown }).eventName === 'string',
    );
    expect(named.length).to.be.greaterThan(10);
    const mapped = new Set<string>(Object.values(wrappers.deskEvents));
    for (const event of named) expect(mapped.has(event.eventName), event.eventName).to.be.true;
  });

  it('has a wrapper rendering each element tag', () => {
    const tags: Record<string, string> = {
      ChatDesk: 'chat-desk',
      DeskProvider: 'desk-provider',
      ChatBox: 'chat-box',
      MessageFilter: 'message-filter',
      ComposeArea: 'compose-area',
      StateBox: 'state-box',
      VisitorPanel: 'visitor-panel',
    };
    for (const [name, tag] of Object.entries(tags)) {
      const Wrapper = (wrappers as unknown as Record<string, ComponentType>)[name];
      expect(Wrapper, name).to.exist;
      render(createElement(Wrapper));
      const element = container.firstElementChild!;
      expect(element.localName, name).to.equal(tag);
      expect(element, name).to.be.instanceOf(customElements.get(tag)!);
    }
  });

  it('sets rich props as element properties (store) and primitives through to the element', async () => {
    const store = newStore();
    stores.push(store);
    render(createElement(ChatDesk, { store, layout: 2 }));
    const desk = container.querySelector('chat-desk') as ChatDeskElement;
    expect(desk.store).to.equal(store);
    expect(desk.hasAttribute('store')).to.equal(false);
    await desk.updateComplete;
    expect(desk.layout).to.equal(2);
    expect(store.state.layout).to.equal(2);
    expect(desk.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Split screen');
  });

  it('calls onDeskLayoutChange with the typed event when the desk layout changes', async () => {
    const store = newStore();
    stores.push(store);
    const layouts: number[] = [];
    render(createElement(ChatDesk, { store, onDeskLayoutChange: (event) => layouts.push(event.detail.layout) }));
    const desk = container.querySelector('chat-desk') as ChatDeskElement;
    await desk.updateComplete;
    store.setLayout(4);
    await desk.updateComplete;
    expect(layouts).to.deep.equal([4]);
  });

  it('maps onDeskOpenPage to bubbling desk-open-page events, and the host can preventDefault()', () => {
    const calls: { url: string; visitorId: string }[] = [];
    render(
      createElement(
        DeskProvider,
        {
          onDeskOpenPage: (event) => {
            calls.push(event.detail);
            event.preventDefault();
          },
        },
        createElement('button', { id: 'inner' }, 'inner'),
      ),
    );
    const event = new DeskOpenPageEvent({ url: 'https://shop.example.com/', visitorId: 'v-emma' });
    container.querySelector('#inner')!.dispatchEvent(event);
    expect(calls).to.deep.equal([{ url: 'https://shop.example.com/', visitorId: 'v-emma' }]);
    expect(event.defaultPrevented).to.equal(true);
  });

  it('replaces the event listener when the onDesk… prop changes', () => {
    const first: string[] = [];
    const second: string[] = [];
    const send = () =>
      container
        .querySelector('chat-box')!
        .dispatchEvent(new DeskSendEvent({ conversationId: 'c-emma', draft: { kind: 'text', text: 'hi' } }));
    render(createElement(ChatBox, { onDeskSend: (event) => first.push(event.detail.conversationId) }));
    send();
    render(createElement(ChatBox, { onDeskSend: (event) => second.push(event.detail.conversationId) }));
    send();
    expect(first).to.deep.equal(['c-emma']);
    expect(second).to.deep.equal(['c-emma']);
  });
});
