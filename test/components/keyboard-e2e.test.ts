/**
 * A whole agent task, keyboard only, on the assembled desk: at each step the test asserts where focus
 * is, by role and accessible name, as a screen-reader user would hear it.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys, setViewport } from '../browser-commands.js';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import { ANNOUNCE_DELAY_MS, lastAnnouncement } from '../../src/components/shared/announcer.js';
import type { DeskCustomerRecordEvent } from '../../src/events.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const IMPLICIT: Record<string, string> = {
  button: 'button',
  a: 'link',
  textarea: 'textbox',
  select: 'combobox',
  dialog: 'dialog',
  section: 'region',
};

/** The focused element, through shadow roots. */
function focused(): HTMLElement {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement;
}

function roleOf(element: Element): string {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  if (element instanceof HTMLInputElement) return element.type === 'radio' ? 'radio' : element.type;
  return IMPLICIT[element.localName] ?? element.localName;
}

/** Accessible name, close enough for this markup. */
function nameOf(element: Element): string {
  const text = (node: Element) => {
    const clone = node.cloneNode(true) as Element;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const by = element.getAttribute('aria-labelledby');
  const root = element.getRootNode() as ShadowRoot;
  if (by)
    return by
      .split(' ')
      .map((id) => text(root.getElementById(id)!))
      .join(' ');
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
    const owner = element.closest('label') ?? (element.id ? root.querySelector(`label[for="${element.id}"]`) : null);
    return owner ? text(owner).replace(text(element), '').trim() : '';
  }
  return text(element);
}

/** "role: name" of the focused element. */
function where(): string {
  const element = focused();
  return `${roleOf(element)}: ${nameOf(element)}`;
}

/** Focus in a thread: on its log or on one of its messages (the log's items). */
function threadFocus(): string {
  const log = focused().closest('[role="log"]');
  return log ? `thread: ${nameOf(log)}` : where();
}

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await sendKeys({ press: key });
  await nextFrame();
}

/** Presses `key` until focus is on `role` with a name matching `name` (at most `max` presses). */
async function pressUntil(key: string, role: string, name: RegExp, max = 25): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await sendKeys({ press: key });
    const element = focused();
    if (roleOf(element) === role && name.test(nameOf(element))) return;
  }
  throw new Error(`${key} never reached ${role} ${String(name)}; focus is on ${where()}`);
}

describe('keyboard-only agent task on <chat-desk>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  after(() => setViewport({ width: 800, height: 600 }));
  // This task walks the fallback grid, shown when the emoji data cannot be had. Emoji data an
  // earlier file stored (the picker keeps it in IndexedDB) would show the real picker instead, and
  // deleting that database can wait, blocked, on a connection of an earlier page (WebKit: the picker
  // then waited too, and the grid never came). The picker's database does not open here.
  const openDatabase = indexedDB.open.bind(indexedDB);
  before(() => {
    indexedDB.open = (name: string, version?: number) => {
      if (name.startsWith('emoji-picker-element')) throw new DOMException('Not in this test', 'UnknownError');
      return openDatabase(name, version);
    };
  });
  after(() => Reflect.deleteProperty(indexedDB, 'open'));

  it('pick, read, filter, answer, canned answer, emoji, attach, block dialog, split, panes, visitor panel, customer record', async function () {
    // A whole task: about 100 key presses, and the emoji data's failed load before the fallback grid.
    this.timeout(60_000);
    await setViewport({ width: 1400, height: 900 });
    const transport = new MemoryTransport({ fixtures: demoFixtures(new Date()), simulate: false });
    const store = new DeskStore({ transport, batching: 'sync' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button>Before the desk</button>
        <chat-desk
          style="display: block; width: 1400px; height: 860px"
          .store=${store}
          layout="1"
          emoji-data-source="/no-such-emoji-data.json"
          .cannedAnswers=${[{ id: 'thanks', title: 'Thanks', text: 'Thank you for waiting.', scope: 'shared' }]}
          .uploader=${(file: File) => Promise.resolve({ url: `https://files.example.com/${file.name}` })}
        ></chat-desk>
      </div>`,
    );
    const el = wrapper.querySelector<ChatDesk>('chat-desk')!;
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('chat-box'), 'a thread');
    const records: DeskCustomerRecordEvent[] = [];
    el.addEventListener('desk-customer-record', (event) => {
      event.preventDefault();
      records.push(event);
    });

    // Into the desk: the list's "Sort by", then the list itself.
    wrapper.querySelector('button')!.focus();
    await press('Tab');
    expect(where()).to.equal('combobox: Sort by');
    await press('Tab');
    expect(roleOf(focused())).to.equal('option');
    const first = nameOf(focused());

    // Pick a conversation: the next one in the list, with Enter.
    await press('ArrowDown');
    expect(roleOf(focused())).to.equal('option');
    expect(nameOf(focused())).not.to.equal(first);
    await press('Enter');
    const picked = store.focusedId!;
    const name = store.state.visitors.get(store.state.conversations.get(picked)!.visitorId)!.name!;
    expect(nameOf(focused())).to.contain(name);

    // Read: F6 goes to the thread.
    await press('F6');
    expect(threadFocus()).to.equal(`thread: Conversation with ${name}`);
    // Reading: the keys move through the messages, each an item of the log.
    await press('PageUp');
    expect(threadFocus()).to.equal(`thread: Conversation with ${name}`);
    expect(roleOf(focused())).to.equal('article');

    // Filter: back to the filter's radios, Visitor; the result is announced.
    await pressUntil('Shift+Tab', 'radio', /^All$/);
    await press('ArrowRight');
    expect(where()).to.equal('radio: Visitor');
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement()).to.match(/^Showing visitor messages: \d+$/);
    await press('ArrowLeft');
    expect(where()).to.equal('radio: All');

    // Answer: the filter is part of the thread's region, so F6 goes on to the composer.
    await press('F6');
    expect(where()).to.equal('textbox: Message');
    await sendKeys({ type: 'Let me check that for you.' });
    await press('Enter');
    expect(where()).to.equal('textbox: Message');
    const sent = () => store.state.threads.get(picked)!.messages.filter((m) => m.author === 'agent');
    expect(sent().some((m) => m.kind === 'text' && m.text === 'Let me check that for you.')).to.equal(true);

    // Canned answer: "/" lists them, Enter inserts; focus stays in the text box.
    await sendKeys({ type: '/thanks' });
    await waitUntil(() => focused().getAttribute('aria-activedescendant'), 'canned answers listed');
    await press('Enter');
    expect(where()).to.equal('textbox: Message');
    expect((focused() as HTMLTextAreaElement).value).to.equal('Thank you for waiting.');
    await press('Enter');

    // Emoji: the tool button, the panel (common emoji here), arrows, Enter; Escape closes it.
    await pressUntil('Tab', 'button', /^Insert emoji$/);
    await press('Enter');
    await waitUntil(() => focused().classList.contains('emoji-button'), 'focus in the emoji grid', { timeout: 20_000 });
    await press('ArrowRight');
    const emoji = nameOf(focused());
    await press('Enter');
    await press('Escape');
    expect(where()).to.equal('button: Insert emoji');

    // Attach: the tool button is reachable (the file chooser itself is the browser's).
    await pressUntil('Tab', 'button', /^Attach a file$/, 5);
    await pressUntil('Shift+Tab', 'textbox', /^Message$/, 8);
    expect((focused() as HTMLTextAreaElement).value).to.equal(emoji);
    await press('Enter');

    // Block dialog: from the thread's tools; Escape closes it and focus comes back.
    await press('Shift+F6');
    expect(threadFocus()).to.equal(`thread: Conversation with ${name}`);
    await pressUntil('Shift+Tab', 'button', /^Block visitor$/);
    await press('Enter');
    expect(roleOf(focused())).to.equal('button');
    expect(focused().closest('dialog')?.getAttribute('role')).to.equal('alertdialog');
    expect(where()).to.equal('button: Cancel');
    await press('Escape');
    expect(where()).to.equal('button: Block visitor');

    // Split: the "Split screen" radios, two side by side.
    await pressUntil('Shift+Tab', 'radio', /^1 conversation$/);
    await press('ArrowRight');
    expect(where()).to.equal('radio: 2 side by side');
    await waitUntil(() => store.state.panes.length === 2, 'two panes');

    // Between panes: F6 from the toolbar goes to the list, then each pane's thread and composer.
    await press('F6');
    expect(roleOf(focused())).to.equal('option');
    await press('F6');
    expect(threadFocus()).to.match(/^thread: Conversation with /);
    await press('F6');
    expect(where()).to.equal('textbox: Message');
    await press('F6');
    const second = store.state.panes[1]!;
    const secondName = store.state.visitors.get(store.state.conversations.get(second)!.visitorId)!.name!;
    expect(threadFocus()).to.equal(`thread: Conversation with ${secondName}`);
    expect(store.state.focusedPane).to.equal(1);
    await press('F6');
    expect(where()).to.equal('textbox: Message');

    // The visitor panel, and its customer record.
    await press('F6');
    expect(where()).to.equal('region: Visitor information');
    await pressUntil('Tab', 'button', /^Show customer record$/);
    await press('Enter');
    expect(records.map((event) => event.detail.visitorId)).to.deep.equal([
      store.state.conversations.get(second)!.visitorId,
    ]);

    // And round again to the list.
    await press('F6');
    expect(roleOf(focused())).to.equal('option');
    // "?" outside a text box: the shortcuts, and back.
    await sendKeys({ type: '?' });
    // The dialog is loaded on first use: focus lands on its Close button once it is open.
    await waitUntil(() => where() === 'button: Close', `focus on Close, not on ${where()}`);
    await press('Escape');
    expect(roleOf(focused())).to.equal('option');
  });
});
