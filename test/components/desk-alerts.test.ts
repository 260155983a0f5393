import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import { ANNOUNCE_DELAY_MS, ANNOUNCER_SELECTOR, lastAnnouncement } from '../../src/components/shared/announcer.js';
import type { AlertAdapters } from '../../src/controllers/alert-adapters.js';
import { ALERTS_STORAGE_KEY } from '../../src/controllers/alerts-controller.js';
import { DeskNotifyEvent, type DeskNotifyDetail } from '../../src/events.js';
import type { Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

interface Shown {
  title: string;
  body: string;
  tag: string;
  onClick: () => void;
}

/** Stubs of every side effect, with handles to drive them. */
function stubs({ hidden = false, permission = 'default' as NotificationPermission | 'unsupported' } = {}) {
  const listeners = new Set<() => void>();
  const page = {
    hidden,
    title: 'Original',
    watchVisibility(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const state = { permission, answer: 'granted' as NotificationPermission, now: 0 };
  const shown: Shown[] = [];
  const tasks: { at: number; run: () => void; cancelled: boolean }[] = [];
  const adapters: AlertAdapters = {
    sound: { play: sinon.spy(), unlock: sinon.spy(), close: sinon.spy() },
    page,
    notifications: {
      permission: () => state.permission,
      requestPermission: sinon.spy(async () => {
        state.permission = state.answer;
        return state.answer;
      }),
      show: (title, options) => shown.push({ title, ...options }),
    },
    clock: {
      now: () => state.now,
      schedule(run, ms) {
        const task = { at: state.now + ms, run, cancelled: false };
        tasks.push(task);
        return () => (task.cancelled = true);
      },
    },
  };
  return {
    adapters,
    page,
    state,
    shown,
    tasks,
    play: adapters.sound.play as sinon.SinonSpy,
    requestPermission: adapters.notifications.requestPermission as sinon.SinonSpy,
    setHidden(value: boolean) {
      page.hidden = value;
      for (const listener of listeners) listener();
    },
    /** Moves the fake clock on, running what falls due. */
    advance(ms: number) {
      state.now += ms;
      for (const task of tasks) {
        if (!task.cancelled && task.at <= state.now) {
          task.cancelled = true;
          task.run();
        }
      }
    },
  };
}

type Stubs = ReturnType<typeof stubs>;

function setup() {
  const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

async function mount(store: DeskStore, fake: Stubs, notify?: string) {
  const el = await fixture<ChatDesk>(
    html`<chat-desk
      .store=${store}
      .alertAdapters=${fake.adapters}
      notify=${ifDefined(notify)}
      style="height: 760px; width: 1400px"
    ></chat-desk>`,
  );
  await el.updateComplete;
  return el;
}

let serial = 0;
function visitorMessage(conversationId: string, text = 'Is it still in stock?'): Message {
  serial += 1;
  return {
    id: `m-alert-${serial}`,
    conversationId,
    author: 'visitor',
    at: new Date().toISOString(),
    kind: 'text',
    text,
  };
}

function say(transport: MemoryTransport, conversationId: string, text?: string) {
  transport.emit({ type: 'message.added', message: visitorMessage(conversationId, text) });
}

function newConversation(transport: MemoryTransport) {
  transport.emit({ type: 'visitor.updated', visitor: { id: 'v-new', name: 'Zoé Petit' } });
  transport.emit({
    type: 'conversation.upserted',
    conversation: {
      id: 'c-new',
      visitorId: 'v-new',
      channel: 'sms',
      status: 'ongoing',
      startedAt: new Date().toISOString(),
    },
  });
}

/** The desk-notify details fired on `el`. */
function notices(el: ChatDesk): DeskNotifyDetail[] {
  const details: DeskNotifyDetail[] = [];
  el.addEventListener(DeskNotifyEvent.eventName, (event) => details.push(event.detail));
  return details;
}

function alertsButton(el: ChatDesk): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part="alerts"] button')!;
}

function option(el: ChatDesk, name: string): HTMLInputElement {
  const label = [...el.shadowRoot!.querySelectorAll('#alerts-panel label')].find(
    (candidate) => candidate.textContent!.trim() === name,
  );
  if (!label) throw new Error(`no option ${name}`);
  return label.querySelector('input')!;
}

/** What the desk's announcer said last, once its gathering delay has passed (the element is only a reminder of whose). */
async function announcement(el: ChatDesk): Promise<string> {
  await el.updateComplete;
  await aTimeout(ANNOUNCE_DELAY_MS + 50);
  return lastAnnouncement();
}

describe('<chat-desk> alerts', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  beforeEach(async () => {
    localStorage.removeItem(ALERTS_STORAGE_KEY);
    // Each test hears only its own announcements (the previous test's are said first).
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    document.querySelector(ANNOUNCER_SELECTOR)?.remove();
  });
  afterEach(() => {
    localStorage.removeItem(ALERTS_STORAGE_KEY);
    sinon.restore();
  });

  it('fires desk-notify for a new conversation and for a visitor message out of sight, not for the snapshot', async () => {
    const { store, transport } = setup();
    const fake = stubs();
    const el = await mount(store, fake);
    const details = notices(el);
    expect(store.state.panes).to.not.include('c-noah');
    expect(details).to.deep.equal([]);

    newConversation(transport);
    say(transport, 'c-noah', 'Is the blue one in stock?');
    expect(details).to.deep.equal([
      { kind: 'conversation', conversationId: 'c-new', text: 'New conversation from Zoé Petit (SMS)' },
      { kind: 'message', conversationId: 'c-noah', text: 'Noah Schmidt: Is the blue one in stock?' },
    ]);
  });

  it('tells a conversation transferred to the agent from a new one', async () => {
    const { store, transport } = setup();
    const el = await mount(store, stubs());
    const details = notices(el);
    const transfer = (conversationId: string, name: string): Message => ({
      ...visitorMessage(conversationId),
      author: 'system',
      kind: 'transfer',
      to: { type: 'agent', name },
      from: { name: 'Ava (bot)' },
    });
    // The server sends the thread, then the conversation that now belongs to the agent.
    transport.emit({ type: 'message.added', message: transfer('c-moved', 'Alex Martin') });
    transport.emit({
      type: 'conversation.upserted',
      conversation: {
        id: 'c-moved',
        visitorId: 'v-noah',
        channel: 'chat',
        status: 'ongoing',
        startedAt: new Date().toISOString(),
      },
    });
    // A conversation already on the desk, handed over to this agent by name.
    transport.emit({ type: 'message.added', message: transfer('c-emma', 'Alex Martin') });
    // Handed to someone else: nothing for this agent.
    transport.emit({ type: 'message.added', message: transfer('c-liam', 'Maria') });
    expect(details).to.deep.equal([
      {
        kind: 'conversation',
        conversationId: 'c-moved',
        text: 'Conversation transferred to you: Noah Schmidt (Live chat)',
      },
      {
        kind: 'conversation',
        conversationId: 'c-emma',
        text: 'Conversation transferred to you: Emma Laurent (Live chat)',
      },
    ]);
  });

  it('desk-notify bubbles out of the desk, composed and cancelable', async () => {
    const { store, transport } = setup();
    const el = await mount(store, stubs());
    const events: DeskNotifyEvent[] = [];
    const listener = (event: DeskNotifyEvent) => events.push(event);
    document.addEventListener('desk-notify', listener);
    try {
      say(transport, 'c-noah');
    } finally {
      document.removeEventListener('desk-notify', listener);
    }
    expect(events).to.have.length(1);
    expect(events[0].target).to.equal(el);
    expect([events[0].bubbles, events[0].composed, events[0].cancelable]).to.deep.equal([true, true, true]);
  });

  it('makes no message alert for a conversation shown in a pane, unless the tab is hidden', async () => {
    const { store, transport } = setup();
    const fake = stubs();
    const el = await mount(store, fake, 'sound');
    const details = notices(el);
    const onScreen = store.state.panes[0]!;
    say(transport, onScreen);
    expect(details).to.deep.equal([]);
    expect(fake.play.called).to.equal(false);

    fake.setHidden(true);
    say(transport, onScreen, 'Hello?');
    expect(details).to.have.length(1);
    expect(details[0]).to.include({ kind: 'message', conversationId: onScreen });
    expect(fake.play.callCount).to.equal(1);
  });

  it('ignores agent messages and navigation', async () => {
    const { store, transport } = setup();
    const el = await mount(store, stubs());
    const details = notices(el);
    transport.emit({
      type: 'message.added',
      message: { ...visitorMessage('c-noah'), author: 'agent', status: 'sent' },
    });
    transport.emit({
      type: 'visitor.navigated',
      visitorId: 'v-noah',
      url: 'https://shop.example/cart',
      at: new Date().toISOString(),
    });
    expect(details).to.deep.equal([]);
  });

  describe('sound', () => {
    it('plays once per alert (a burst dings once), not when the channel is off or muted', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake, 'sound');
      say(transport, 'c-noah');
      expect(fake.play.callCount).to.equal(1);
      fake.advance(2000);
      newConversation(transport);
      expect(fake.play.callCount).to.equal(2);
      // Within the next second and a half: the same ding covers it.
      say(transport, 'c-noah');
      say(transport, 'c-emma');
      expect(fake.play.callCount).to.equal(2);

      alertsButton(el).click();
      await el.updateComplete;
      const mute = option(el, 'Mute');
      mute.click();
      await el.updateComplete;
      expect(mute.checked).to.equal(true);
      fake.advance(5000);
      say(transport, 'c-noah');
      expect(fake.play.callCount).to.equal(2);
      expect(alertsButton(el).getAttribute('aria-describedby')).to.equal('alerts-muted');
    });

    it('is off by default', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      say(transport, 'c-noah');
      expect(fake.play.called).to.equal(false);
      alertsButton(el).click();
      await el.updateComplete;
      expect(option(el, 'Sound').checked).to.equal(false);
    });
  });

  describe('tab title', () => {
    it('counts alerts while the tab is hidden and restores the title when it is visible again', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake, 'title');
      say(transport, 'c-noah');
      expect(fake.page.title, 'visible: unchanged').to.equal('Original');

      fake.setHidden(true);
      say(transport, store.state.panes[0]!);
      say(transport, 'c-noah');
      expect(fake.page.title).to.equal('(2) Original');
      fake.setHidden(false);
      expect(fake.page.title).to.equal('Original');

      fake.setHidden(true);
      say(transport, 'c-noah');
      expect(fake.page.title, 'counts again from one').to.equal('(1) Original');
      el.remove();
      expect(fake.page.title, 'restored when the desk leaves').to.equal('Original');
    });
  });

  describe('desktop notifications', () => {
    it('asks for the permission from the click that turns them on, then shows one per alert', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      say(transport, 'c-noah');
      expect(fake.requestPermission.called, 'never asked before the agent chooses').to.equal(false);
      expect(fake.shown).to.deep.equal([]);

      alertsButton(el).click();
      await el.updateComplete;
      expect(alertsButton(el).getAttribute('aria-expanded')).to.equal('true');
      const desktop = option(el, 'Desktop notifications');
      expect(desktop.checked).to.equal(false);
      desktop.click();
      expect(fake.requestPermission.callCount).to.equal(1);
      await el.updateComplete;
      expect(desktop.checked).to.equal(true);
      expect(JSON.parse(localStorage.getItem(ALERTS_STORAGE_KEY)!)).to.deep.equal({
        channels: ['desktop'],
        muted: false,
      });

      say(transport, 'c-noah', 'Is the blue one in stock?');
      newConversation(transport);
      expect(fake.shown.map(({ title, body, tag }) => ({ title, body, tag }))).to.deep.equal([
        { title: 'Noah Schmidt', body: 'Is the blue one in stock?', tag: 'agent-desk:c-noah' },
        { title: 'New conversation from Zoé Petit (SMS)', body: '', tag: 'agent-desk:c-new' },
      ]);

      // A click on the notification shows its conversation.
      fake.shown[0].onClick();
      expect(store.focusedId).to.equal('c-noah');
    });

    it('stays off when the agent refuses, and is disabled with the reason once blocked', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      fake.state.answer = 'denied';
      const el = await mount(store, fake, 'desktop');
      alertsButton(el).click();
      await el.updateComplete;
      const desktop = option(el, 'Desktop notifications');
      expect(desktop.checked, 'offered by the page, not yet allowed').to.equal(false);
      desktop.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(fake.requestPermission.callCount).to.equal(1);
      expect(desktop.checked).to.equal(false);
      expect(desktop.disabled).to.equal(true);
      const note = el.shadowRoot!.getElementById(desktop.getAttribute('aria-describedby')!)!;
      expect(note.textContent).to.contain('Blocked');
      say(transport, 'c-noah');
      expect(fake.shown).to.deep.equal([]);
    });

    it('shows notifications when the page offers them and the permission was given before', async () => {
      const { store, transport } = setup();
      const fake = stubs({ permission: 'granted' });
      await mount(store, fake, 'desktop');
      say(transport, 'c-noah', 'Hi');
      expect(fake.shown).to.have.length(1);
      expect(fake.requestPermission.called).to.equal(false);
    });
  });

  it('preventDefault() on desk-notify suppresses every channel', async () => {
    const { store, transport } = setup();
    const fake = stubs({ hidden: true, permission: 'granted' });
    const el = await mount(store, fake, 'sound title desktop');
    el.addEventListener('desk-notify', (event) => event.preventDefault());
    say(transport, 'c-noah');
    newConversation(transport);
    expect(fake.play.called).to.equal(false);
    expect(fake.page.title).to.equal('Original');
    expect(fake.shown).to.deep.equal([]);
  });

  describe('announcements', () => {
    it('a burst of 50 messages in a conversation not on screen is one announcement with the count', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      const before = store.state.conversations.get('c-noah')!.unread ?? 0;
      for (let i = 0; i < 50; i += 1) say(transport, 'c-noah', `Message ${i}`);
      await el.updateComplete;
      expect(await announcement(el), 'waits for the rest of the burst').to.equal('');
      expect(fake.tasks).to.have.length(1);
      fake.advance(1000);
      await el.updateComplete;
      expect(await announcement(el)).to.equal(`Noah Schmidt: ${before + 50} unread`);
      expect(fake.tasks).to.have.length(1);
    });

    it('combines conversations and leaves a few seconds between announcements', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      const unread = (id: string) => store.state.conversations.get(id)!.unread ?? 0;
      say(transport, 'c-noah');
      fake.advance(1000);
      await el.updateComplete;
      expect(await announcement(el)).to.equal(`Noah Schmidt: ${unread('c-noah')} unread`);

      fake.advance(500);
      say(transport, 'c-emma');
      say(transport, 'c-liam');
      fake.advance(1000);
      await el.updateComplete;
      expect(await announcement(el), 'not yet: the previous one is recent').to.equal(
        `Noah Schmidt: ${unread('c-noah')} unread`,
      );
      fake.advance(3500);
      await el.updateComplete;
      expect(await announcement(el)).to.equal(
        `Emma Laurent: ${unread('c-emma')} unread. Liam O’Connor: ${unread('c-liam')} unread`,
      );
    });

    it('names three conversations and counts the others', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      for (const id of ['c-noah', 'c-emma', 'c-liam', 'c-sofia', 'c-amara']) say(transport, id);
      fake.advance(1000);
      await el.updateComplete;
      expect(await announcement(el)).to.match(
        /^Noah Schmidt: \d+ unread\. Emma Laurent: \d+ unread\. Liam O’Connor: \d+ unread\. 2 more conversations with unread messages$/,
      );
    });

    it('says nothing for a conversation shown in a pane', async () => {
      const { store, transport } = setup();
      const fake = stubs();
      const el = await mount(store, fake);
      say(transport, store.state.panes[0]!);
      fake.advance(10000);
      await el.updateComplete;
      expect(await announcement(el)).to.equal('');
      expect(fake.tasks).to.have.length(0);
    });
  });

  it('stops following the store when the desk leaves the page', async () => {
    const { store, transport } = setup();
    const fake = stubs();
    const el = await mount(store, fake, 'sound');
    const details = notices(el);
    say(transport, 'c-noah');
    expect(fake.tasks.filter((task) => !task.cancelled)).to.have.length(1);
    el.remove();
    expect(
      fake.tasks.filter((task) => !task.cancelled),
      'the pending announcement is cancelled',
    ).to.have.length(0);
    expect((fake.adapters.sound.close as sinon.SinonSpy).callCount).to.equal(1);
    fake.advance(5000);
    say(transport, 'c-emma');
    newConversation(transport);
    expect(details).to.have.length(1);
    expect(fake.play.callCount).to.equal(1);
  });

  describe('the "Alerts" menu', () => {
    it('starts from the notify attribute and remembers the agent’s choice', async () => {
      const fake = stubs();
      const first = await mount(setup().store, fake, 'sound title');
      alertsButton(first).click();
      await first.updateComplete;
      expect(option(first, 'Sound').checked).to.equal(true);
      expect(option(first, 'Tab title').checked).to.equal(true);
      option(first, 'Sound').click();
      await first.updateComplete;
      expect(option(first, 'Sound').checked).to.equal(false);
      first.remove();

      const second = await mount(setup().store, stubs(), 'sound title');
      alertsButton(second).click();
      await second.updateComplete;
      expect(option(second, 'Sound').checked, 'the saved choice wins').to.equal(false);
      expect(option(second, 'Tab title').checked).to.equal(true);
    });

    it('is a disclosure closed by Escape (focus back on the button), accessible', async () => {
      const { store } = setup();
      const el = await mount(store, stubs());
      const button = alertsButton(el);
      expect(button.textContent!.trim()).to.equal('Alerts');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const panel = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(true);
      button.click();
      await el.updateComplete;
      expect(panel.hidden).to.equal(false);
      expect(panel.getAttribute('role')).to.equal('group');
      expect(panel.getAttribute('aria-label')).to.equal('Alerts');
      await expect(el).shadowDom.to.be.accessible();
      const sound = option(el, 'Sound');
      sound.focus();
      sound.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(panel.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('speaks French with lang="fr"', async () => {
      const { store } = setup();
      const { loadLocale } = await import('../../src/i18n/strings.js');
      await loadLocale('fr');
      const el = await fixture<ChatDesk>(
        html`<chat-desk .store=${store} .alertAdapters=${stubs().adapters} lang="fr"></chat-desk>`,
      );
      await el.updateComplete;
      expect(alertsButton(el).textContent!.trim()).to.equal('Alertes');
      alertsButton(el).click();
      await el.updateComplete;
      expect(option(el, 'Notifications du bureau')).to.exist;
    });
  });
});
