import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../browser-commands.js';
import '../../src/define.js';
import type { ChatBox } from '../../src/components/chat-box/chat-box.js';
import { ANNOUNCE_DELAY_MS } from '../../src/components/shared/announcer.js';
import type { DeskCloseConversationEvent, DeskTransferEvent } from '../../src/events.js';
import type { ClientCommand, Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const AT = new Date(Date.now() - 10 * 60_000).toISOString();
const LATER = new Date(Date.now() - 5 * 60_000).toISOString();

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [
      { id: 'v1', name: 'Emma' },
      { id: 'v2', name: 'Noah' },
    ],
    conversations: [
      { id: 'c1', visitorId: 'v1', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c2', visitorId: 'v2', channel: 'chat', status: 'ongoing', startedAt: AT },
    ],
    messages: [
      { id: 'm1', conversationId: 'c1', author: 'visitor', at: AT, kind: 'text', text: 'Hi' },
      { id: 'm2', conversationId: 'c2', author: 'visitor', at: AT, kind: 'text', text: 'My refund?' },
      {
        id: 'm3',
        conversationId: 'c2',
        author: 'system',
        at: LATER,
        kind: 'transfer',
        to: { type: 'agent', name: 'Alex' },
        from: { name: 'Sam' },
        comment: 'Refund sent on the 2nd, please check',
      },
    ] as Message[],
    transferTargets: {
      agents: [
        { id: 'a-sam', name: 'Sam Okafor', availability: 'available' },
        { id: 'a-kenji', name: 'Kenji Watanabe', availability: 'unavailable' },
      ],
      skills: [{ id: 's-billing', name: 'Billing', availableAgents: 2 }],
    },
    tagSuggestions: ['Delivery', 'Returns'],
  };
}

// ---- role queries (close enough for this markup) -----------------------------------------------

function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  if (element instanceof HTMLInputElement)
    return element.type === 'radio' ? 'radio' : element.type === 'search' ? 'searchbox' : 'textbox';
  if (element instanceof HTMLTextAreaElement) return 'textbox';
  return ({ BUTTON: 'button', DIALOG: 'dialog', UL: 'list' } as Record<string, string>)[element.tagName] ?? null;
}

function nameOf(element: Element): string {
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const root = element.getRootNode() as ShadowRoot;
  const by = element.getAttribute('aria-labelledby');
  if (by)
    return clean(
      by
        .split(' ')
        .map((id) => root.getElementById(id)?.textContent)
        .join(' '),
    );
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const wrapping = element.closest('label');
    if (wrapping) return clean(wrapping.textContent);
    return clean(root.querySelector(`label[for="${element.id}"]`)?.textContent);
  }
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return clean(clone.textContent);
}

function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter((element) => {
    if (roleOf(element) !== role) return false;
    if (name === undefined) return true;
    const accessible = nameOf(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

function byRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0];
}

const root = (el: ChatBox) => el.shadowRoot!;
const header = (el: ChatBox) => root(el).querySelector<HTMLElement>('[part="toolbar"]')!;
const openDialog = (el: ChatBox) => root(el).querySelector<HTMLDialogElement>('dialog[open]');
/** The dialogs are loaded on first use: a tool's dialog opens once they are there. */
const opened = (el: ChatBox) => waitUntil(() => openDialog(el), 'the dialog opens');
const commands = <T extends ClientCommand['type']>(transport: MemoryTransport, type: T) =>
  transport.sent.filter((c): c is Extract<ClientCommand, { type: T }> => c.type === type);

async function type(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  await sendKeys({ type: text });
}

/** What the desk's one announcer said (it speaks after a short delay). */
async function announced(): Promise<string> {
  await aTimeout(ANNOUNCE_DELAY_MS + 50);
  return document.querySelector('[data-agent-desk-announcer]')?.textContent ?? '';
}

async function mount(options: { closeUndoMs?: number } = {}) {
  const transport = new MemoryTransport({ fixtures: fixtures() });
  const store = new DeskStore({ transport, batching: 'sync', closeUndoMs: options.closeUndoMs ?? 5_000 });
  const el = await fixture<ChatBox>(
    html`<chat-box style="display: flex; width: 1100px; height: 700px" .store=${store}></chat-box>`,
  );
  await el.updateComplete;
  return { el, store, transport };
}

describe('<chat-box> Transfer and End conversation', () => {
  it('Transfer opens the "Transfer conversation" dialog; choosing a skill and a comment fires desk-transfer, then the transfer line shows and the conversation leaves the list', async () => {
    const { el, store, transport } = await mount();
    const trigger = byRole(header(el), 'button', 'Transfer');
    trigger.click();
    await opened(el);
    const dialog = byRole(root(el), 'dialog', 'Transfer conversation');
    expect((dialog as HTMLDialogElement).open).to.be.true;
    // Its rules came with it: the list of agents and skills scrolls inside the dialog.
    expect(getComputedStyle(dialog.querySelector('.targets')!).overflowY).to.equal('auto');
    expect(root(el).activeElement === byRole(dialog, 'searchbox', 'Search agents and skills')).to.be.true;
    await expect(el).shadowDom.to.be.accessible();

    // The search narrows the list.
    await type(byRole(dialog, 'searchbox', 'Search agents and skills'), 'bill');
    await el.updateComplete;
    expect(allByRole(dialog, 'radio').map(nameOf)).to.deep.equal(['Billing 2 agents available']);
    expect(byRole(dialog, 'button', 'Transfer').hasAttribute('disabled')).to.be.true;
    byRole(dialog, 'radio', /^Billing/).click();
    await type(byRole(dialog, 'textbox', 'Comment'), 'Refund question');
    await el.updateComplete;

    const events: DeskTransferEvent[] = [];
    el.addEventListener('desk-transfer', (event) => events.push(event));
    byRole(dialog, 'button', 'Transfer').click();
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({
      conversationId: 'c1',
      target: { type: 'skill', id: 's-billing' },
      comment: 'Refund question',
    });
    expect(events[0].cancelable && events[0].bubbles && events[0].composed).to.be.true;
    await waitUntil(() => !openDialog(el), 'the dialog closes once the server accepted');
    await el.updateComplete;
    expect(commands(transport, 'transfer')).to.have.length(1);
    const log = byRole(root(el), 'log', 'Conversation with Emma');
    expect(log.textContent).to.contain('Billing');
    expect(log.textContent).to.contain('Refund question');
    expect(store.state.conversations.get('c1')!.status).to.equal('closed');
    // The Transfer tool is disabled now: focus goes to the thread rather than to the page.
    await waitUntil(() => log.contains(root(el).activeElement), 'focus in the thread after the transfer');
    expect(await announced()).to.contain('Conversation with Emma transferred to Billing.');
  });

  it('a refusal is said in the dialog and announced; the comment stays; Escape closes and focus returns to Transfer', async () => {
    const { el, transport } = await mount();
    const trigger = byRole(header(el), 'button', 'Transfer');
    trigger.click();
    await opened(el);
    const dialog = byRole(root(el), 'dialog', 'Transfer conversation');
    byRole(dialog, 'radio', /^Kenji Watanabe Unavailable/).click();
    await type(byRole(dialog, 'textbox', 'Comment'), 'Call her back');
    await el.updateComplete;
    byRole(dialog, 'button', 'Transfer').click();
    await waitUntil(() => dialog.textContent!.includes('cannot take the conversation now'));
    expect((dialog as HTMLDialogElement).open).to.be.true;
    expect((byRole(dialog, 'textbox', 'Comment') as HTMLTextAreaElement).value).to.equal('Call her back');
    expect(commands(transport, 'transfer')).to.have.length(1);
    expect(await announced()).to.contain('Kenji Watanabe cannot take the conversation now.');

    byRole(dialog, 'textbox', 'Comment').focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !openDialog(el));
    expect(root(el).activeElement === trigger, 'focus back on Transfer').to.be.true;
    expect(el.store!.state.conversations.get('c1')!.status).to.equal('ongoing');
  });

  it('desk-transfer prevented: nothing is sent and the dialog closes', async () => {
    const { el, transport } = await mount();
    el.addEventListener('desk-transfer', (event) => event.preventDefault());
    byRole(header(el), 'button', 'Transfer').click();
    await opened(el);
    const dialog = byRole(root(el), 'dialog', 'Transfer conversation');
    byRole(dialog, 'radio', /^Sam Okafor/).click();
    await el.updateComplete;
    byRole(dialog, 'button', 'Transfer').click();
    await el.updateComplete;
    expect(openDialog(el) === null).to.be.true;
    expect(commands(transport, 'transfer')).to.have.length(0);
  });

  it('End conversation asks in an alertdialog with a closing note and tags (chips removable by keyboard), fires desk-close-conversation and offers Undo', async () => {
    const { el, store, transport } = await mount();
    byRole(header(el), 'button', 'End conversation').click();
    await opened(el);
    const dialog = byRole(root(el), 'alertdialog', 'End the conversation with Emma?');
    expect((dialog as HTMLDialogElement).open).to.be.true;
    await type(byRole(dialog, 'textbox', 'Closing note'), 'Order found');
    await type(byRole(dialog, 'textbox', 'Add a tag'), 'VIP');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((dialog as HTMLDialogElement).open, 'Enter in the tag field adds a tag, it does not submit').to.be.true;
    byRole(dialog, 'button', 'Add tag Delivery').click();
    await el.updateComplete;
    await type(byRole(dialog, 'textbox', 'Add a tag'), 'Oops');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(allByRole(dialog, 'button', /^Remove tag/).map(nameOf)).to.deep.equal([
      'Remove tag VIP',
      'Remove tag Delivery',
      'Remove tag Oops',
    ]);
    // A chip's remove button, from the keyboard; then Backspace in the empty field removes the last.
    byRole(dialog, 'button', 'Remove tag Oops').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(allByRole(dialog, 'button', /^Remove tag/)).to.have.length(2);
    byRole(dialog, 'textbox', 'Add a tag').focus();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(allByRole(dialog, 'button', /^Remove tag/).map(nameOf)).to.deep.equal(['Remove tag VIP']);
    byRole(dialog, 'button', 'Add tag Delivery').click();
    await el.updateComplete;

    const events: DeskCloseConversationEvent[] = [];
    el.addEventListener('desk-close-conversation', (event) => events.push(event));
    byRole(dialog, 'button', 'End conversation').click();
    await el.updateComplete;
    expect(events.map((event) => event.detail)).to.deep.equal([
      { conversationId: 'c1', note: 'Order found', tags: ['VIP', 'Delivery'] },
    ]);
    expect(openDialog(el) === null).to.be.true;
    // The pane moved on to the next conversation; the undo bar is there, focused.
    expect(byRole(root(el), 'log').getAttribute('aria-label')).to.equal('Conversation with Noah');
    const undo = byRole(root(el), 'button', 'Undo ending the conversation with Emma');
    await waitUntil(() => root(el).activeElement === undo);
    expect(root(el).querySelector('[part="undo-bar"]')!.textContent).to.contain('Conversation ended');
    expect(await announced()).to.contain('Conversation with Emma ended.');
    expect(store.state.closing.get('c1')?.status).to.equal('undoable');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(byRole(root(el), 'log').getAttribute('aria-label')).to.equal('Conversation with Emma');
    expect(allByRole(root(el), 'button', /^Undo/)).to.have.length(0);
    expect(store.state.conversations.get('c1')!.status).to.equal('ongoing');
    expect(commands(transport, 'close')).to.have.length(0);
  });

  it('without undo the end goes to the server and the bar goes; with no conversation left the pane says so', async () => {
    const { el, store, transport } = await mount({ closeUndoMs: 50 });
    store.closeConversation('c2', {});
    byRole(header(el), 'button', 'End conversation').click();
    await opened(el);
    byRole(byRole(root(el), 'alertdialog', /^End the conversation/), 'button', 'End conversation').click();
    await el.updateComplete;
    expect(store.state.closing.has('c1')).to.be.true;
    expect(root(el).querySelector('[part="base"]')!.textContent).to.contain('No conversation');
    expect(root(el).querySelector('[part="base"]')!.textContent).to.contain('Conversation ended');
    await waitUntil(() => store.state.conversations.get('c1')?.status === 'closed');
    await el.updateComplete;
    expect(allByRole(root(el), 'button', /^Undo/)).to.have.length(0);
    expect(commands(transport, 'close').map((c) => c.conversationId)).to.deep.equal(['c2', 'c1']);
  });

  it('desk-close-conversation prevented: the conversation stays', async () => {
    const { el, store } = await mount();
    el.addEventListener('desk-close-conversation', (event) => event.preventDefault());
    const trigger = byRole(header(el), 'button', 'End conversation');
    trigger.click();
    await opened(el);
    byRole(byRole(root(el), 'alertdialog', /^End the conversation/), 'button', 'End conversation').click();
    await el.updateComplete;
    expect(store.state.closing.size).to.equal(0);
    expect(openDialog(el) === null).to.be.true;
    await waitUntil(() => root(el).activeElement === trigger, 'focus goes back to End conversation');
  });

  it('a conversation transferred to the agent shows the colleague’s comment at the top of the thread', async () => {
    const { el, store } = await mount();
    store.focus('c2');
    await el.updateComplete;
    const note = root(el).querySelector('[part~="transfer-note"]')!;
    expect(note.textContent).to.contain('Transferred by Sam');
    expect(note.textContent).to.contain('Refund sent on the 2nd, please check');
  });

  it('says it in French', async () => {
    const { el } = await mount();
    el.setAttribute('lang', 'fr');
    await waitUntil(() => allByRole(header(el), 'button', 'Transférer').length === 1);
    byRole(header(el), 'button', 'Terminer la conversation').click();
    await opened(el);
    byRole(root(el), 'alertdialog', 'Terminer la conversation avec Emma ?');
  });
});
