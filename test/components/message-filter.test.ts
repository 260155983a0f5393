import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../browser-commands.js';
import '../../src/define.js';
import type { DeskProvider } from '../../src/components/desk-provider/desk-provider.js';
import type { MessageFilterElement } from '../../src/components/message-filter/message-filter.js';
import type { DeskFilterChangeEvent } from '../../src/events.js';
import type { MessageFilter } from '../../src/model/filter.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';

function setup() {
  const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

function group(el: MessageFilterElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="radiogroup"]')!;
}

function radios(el: MessageFilterElement): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

function radio(el: MessageFilterElement, name: string): HTMLInputElement {
  const found = radios(el).find((input) => input.closest('label')!.textContent!.trim() === name);
  if (!found) throw new Error(`no radio named ${name}`);
  return found;
}

function checkedName(el: MessageFilterElement): string | undefined {
  return radios(el)
    .find((input) => input.checked)
    ?.closest('label')!
    .textContent!.trim();
}

function filterOf(store: DeskStore, id: string): MessageFilter {
  return store.state.filters.get(id) ?? 'all';
}

describe('<message-filter>', () => {
  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  it('is a radio group "Message filter" with All, Visitor, Agent, Actions, Navigation, and is accessible', async () => {
    const el = await fixture<MessageFilterElement>(html`<message-filter></message-filter>`);
    expect(group(el).getAttribute('aria-label')).to.equal('Message filter');
    expect(radios(el).map((input) => input.closest('label')!.textContent!.trim())).to.deep.equal([
      'All',
      'Visitor',
      'Agent',
      'Actions',
      'Navigation',
    ]);
    expect(el.value).to.equal('all');
    expect(checkedName(el)).to.equal('All');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without a store keeps its own value and fires desk-filter-change', async () => {
    const el = await fixture<MessageFilterElement>(html`<message-filter value="agent"></message-filter>`);
    expect(checkedName(el)).to.equal('Agent');
    const fired = oneEvent(el, 'desk-filter-change') as Promise<DeskFilterChangeEvent>;
    radio(el, 'Navigation').click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ value: 'navigation' });
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    expect(el.value).to.equal('navigation');
    el.removeAttribute('value');
    await el.updateComplete;
    expect(el.value).to.equal('all');
    expect(checkedName(el)).to.equal('All');
  });

  it('moves with the arrow keys', async () => {
    const el = await fixture<MessageFilterElement>(html`<message-filter></message-filter>`);
    radio(el, 'All').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal('visitor');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal('agent');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.value).to.equal('visitor');
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 'Visitor'));
  });

  it('standalone, controls the focused conversation through the store', async () => {
    const { store } = setup();
    const provider = await fixture<DeskProvider>(
      html`<desk-provider .store=${store}><message-filter></message-filter></desk-provider>`,
    );
    const el = provider.querySelector('message-filter')!;
    await el.updateComplete;
    const focused = store.focusedId!;
    expect(focused).to.be.a('string');
    radio(el, 'Actions').click();
    await el.updateComplete;
    expect(filterOf(store, focused)).to.equal('actions');

    // The store's filter of the focused conversation shows in the element.
    store.setFilter(focused, 'navigation');
    await el.updateComplete;
    expect(el.value).to.equal('navigation');
    expect(checkedName(el)).to.equal('Navigation');

    // Another conversation focused: its own filter.
    const other = store.state.conversations.get('c-liam')!.id === focused ? 'c-emma' : 'c-liam';
    store.focus(other);
    await el.updateComplete;
    expect(el.value).to.equal('all');
  });

  it('the value attribute applies to the conversation given by conversation-id', async () => {
    const { store } = setup();
    const el = await fixture<MessageFilterElement>(
      html`<message-filter .store=${store} conversation-id="c-sofia" value="visitor"></message-filter>`,
    );
    await el.updateComplete;
    expect(filterOf(store, 'c-sofia')).to.equal('visitor');
    el.value = 'agent';
    await el.updateComplete;
    expect(filterOf(store, 'c-sofia')).to.equal('agent');
  });

  it('inside a <chat-box>, controls that thread (not the focused one)', async () => {
    const { store } = setup();
    const box = await fixture(
      html`<chat-box style="display:flex;height:400px" .store=${store} conversation-id="c-sofia"></chat-box>`,
    );
    await (box as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    const el = box.shadowRoot!.querySelector('message-filter')!;
    await el.updateComplete;
    expect(store.focusedId).not.to.equal('c-sofia');
    radio(el, 'Agent').click();
    await el.updateComplete;
    expect(filterOf(store, 'c-sofia')).to.equal('agent');
    expect(filterOf(store, store.focusedId!)).to.equal('all');
    expect((box as HTMLElement & { filter: string }).filter).to.equal('agent');
  });

  it('speaks French with lang="fr"', async () => {
    const el = await fixture<MessageFilterElement>(html`<message-filter lang="fr"></message-filter>`);
    expect(group(el).getAttribute('aria-label')).to.equal('Filtre des messages');
    expect(radios(el).map((input) => input.closest('label')!.textContent!.trim())).to.deep.equal([
      'Tous',
      'Visiteur',
      'Agent',
      'Actions',
      'Navigation',
    ]);
  });
});
