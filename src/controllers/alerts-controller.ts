import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import { DeskConversationSelectEvent, DeskNotifyEvent, type DeskNotifyKind } from '../events.js';
import { channelLabel, messagePreview, visitorDisplayName } from '../i18n/names.js';
import type { Strings } from '../i18n/strings.js';
import type { Message } from '../model/types.js';
import type { DeskStore } from '../store/desk-store.js';
import type { DeskState, Thread } from '../store/state.js';
import { defaultAlertAdapters, type AlertAdapters } from './alert-adapters.js';
import { announce } from '../components/shared/announcer.js';

/** The ways an alert reaches an agent who looks elsewhere (the `notify` attribute's words). */
export type AlertChannel = 'sound' | 'title' | 'desktop';
export const ALERT_CHANNELS: readonly AlertChannel[] = ['sound', 'title', 'desktop'];
/** Where the agent's choice of channels is kept. */
export const ALERTS_STORAGE_KEY = 'agent-desk:alerts';

export interface AlertPreferences {
  readonly channels: readonly AlertChannel[];
  /** Silences every channel without forgetting which ones were chosen. */
  readonly muted: boolean;
}

/** The channels named in a space-separated list (`"sound title"`); unknown words are ignored. */
export function parseChannels(value: string | null | undefined): AlertChannel[] {
  const words = new Set((value ?? '').toLowerCase().split(/\s+/));
  return ALERT_CHANNELS.filter((channel) => words.has(channel));
}

function isChannel(value: unknown): value is AlertChannel {
  return typeof value === 'string' && (ALERT_CHANNELS as readonly string[]).includes(value);
}

function readSaved(): AlertPreferences | undefined {
  try {
    const raw = localStorage.getItem(ALERTS_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { channels, muted } = parsed as Record<string, unknown>;
    if (!Array.isArray(channels) || typeof muted !== 'boolean') return undefined;
    return { channels: channels.filter(isChannel), muted };
  } catch {
    return undefined; // storage blocked or a value from elsewhere: the attribute's channels apply
  }
}

function save(preferences: AlertPreferences): void {
  try {
    localStorage.setItem(ALERTS_STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // not persisted; the choice holds until the page is left
  }
}

/** At most one sound in this time: a burst of messages dings once. */
const SOUND_GAP_MS = 1500;
/** A summary waits this long for the rest of a burst… */
const ANNOUNCE_DELAY_MS = 1000;
/** …and follows the previous one by at least this much. */
const ANNOUNCE_GAP_MS = 5000;
/** Conversations named in one summary; the others are counted. */
const ANNOUNCE_MAX = 3;

interface Alert {
  readonly kind: DeskNotifyKind;
  readonly conversationId: string;
  readonly text: string;
  /** The desktop notification's title and body. */
  readonly title: string;
  readonly body: string;
  /** New visitor messages and conversations it stands for (the tab title's count). */
  readonly count: number;
}

export interface AlertsOptions {
  strings: () => Strings;
  /** The page's channels (the `notify` attribute), used until the agent chooses. */
  channels: () => string | undefined;
  /** Replacements for the browser's side effects (tests, an app's own sound). */
  adapters: () => Partial<AlertAdapters> | undefined;
}

const isVisitorMessage = (message: Message) => message.author === 'visitor' && message.kind !== 'navigation';

const isTo = (message: Extract<Message, { kind: 'transfer' }>, agentName: string) =>
  message.to.type === 'agent' && message.to.name === agentName;

/**
 * The messages that `next` adds to `previous` (a thread of the same conversation). New messages are
 * at the end, so the scan stops once it found as many as the thread grew by; messages older than the
 * previous first one are a page of scroll-back, not news.
 */
function newMessages(previous: Thread | undefined, next: Thread): readonly Message[] {
  if (!previous) return next.messages;
  let missing = next.messages.length - previous.messages.length;
  const oldest = previous.messages.length ? Date.parse(previous.messages[0].at) : -Infinity;
  const fresh: Message[] = [];
  for (let i = next.messages.length - 1; i >= 0 && missing > 0; i -= 1) {
    const message = next.messages[i];
    if (previous.ids.has(message.id) || (message.clientId && previous.ids.has(message.clientId))) continue;
    missing -= 1;
    if (!(Date.parse(message.at) < oldest)) fresh.unshift(message);
  }
  return fresh;
}

/**
 * The desk's alerts, for an agent who looks elsewhere. It follows the store and raises an alert for
 * each new ongoing conversation (`conversation`) and for new visitor messages in a conversation not
 * shown in any pane, or in any conversation while the tab is hidden (`message`); the first state of a
 * store is not news. Each alert first fires the cancelable `desk-notify` on the host, then goes to
 * the channels the agent chose (sound, tab title while hidden, desktop notification) unless muted.
 *
 * Independently of the channels, screen readers hear a summary of the conversations not in a pane
 * that received messages ("Noah Schmidt: 2 unread"), at most one every few seconds.
 */
export class AlertsController implements ReactiveController {
  private store: DeskStore | undefined;
  private subscription: Subscription | undefined;
  private connected = false;
  private saved: AlertPreferences | undefined;
  private defaults: AlertAdapters | undefined;
  private stopWatching: (() => void) | undefined;
  /** The last state seen (undefined until the store has loaded: the first one is not news). */
  private previous: DeskState | undefined;
  /** Conversations seen ongoing. */
  private readonly known = new Set<string>();
  private lastSound = -Infinity;
  private hiddenCount = 0;
  private originalTitle = '';
  /** The title this controller set, while it shows a count. */
  private shownTitle: string | undefined;
  private readonly pending = new Set<string>();
  private cancelAnnouncement: (() => void) | undefined;
  private lastAnnouncement = -Infinity;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AlertsOptions,
  ) {
    host.addController(this);
  }

  /** The channels in use: the agent's saved choice, else the page's. */
  get preferences(): AlertPreferences {
    return this.saved ?? { channels: parseChannels(this.options.channels()), muted: false };
  }

  /** The desktop notification permission (`unsupported` without the API). */
  get permission(): NotificationPermission | 'unsupported' {
    return this.adapters.notifications.permission();
  }

  /** True when alerts go to `channel` (desktop: chosen and permitted). */
  isOn(channel: AlertChannel): boolean {
    return this.preferences.channels.includes(channel) && (channel !== 'desktop' || this.permission === 'granted');
  }

  /**
   * The agent turns a channel on or off (call it from the click: turning desktop notifications on
   * asks for the permission, and the sound is unlocked). The choice is remembered.
   */
  async setChannel(channel: AlertChannel, on: boolean): Promise<void> {
    if (on && channel === 'desktop') {
      const { notifications } = this.adapters;
      const permission = notifications.permission();
      const granted =
        permission === 'granted' ||
        (permission === 'default' && (await notifications.requestPermission()) === 'granted');
      if (!granted) {
        this.host.requestUpdate();
        return;
      }
    }
    if (on && channel === 'sound') this.adapters.sound.unlock?.();
    if (!on && channel === 'title') this.restoreTitle();
    const { channels, muted } = this.preferences;
    const next = ALERT_CHANNELS.filter((c) => (c === channel ? on : channels.includes(c)));
    this.choose({ channels: next, muted });
  }

  setMuted(muted: boolean): void {
    if (muted) this.restoreTitle();
    this.choose({ ...this.preferences, muted });
  }

  /** The store to follow (the desk's); a new one starts over. */
  setStore(store: DeskStore | undefined): void {
    if (store === this.store) return;
    this.store = store;
    this.stop();
    if (this.connected) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    this.saved = readSaved();
    this.stopWatching = this.adapters.page.watchVisibility(() => {
      if (!this.adapters.page.hidden) this.restoreTitle();
    });
    this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.restoreTitle();
    this.adapters.sound.close?.();
  }

  private get adapters(): AlertAdapters {
    this.defaults ??= defaultAlertAdapters();
    return { ...this.defaults, ...this.options.adapters() };
  }

  private choose(preferences: AlertPreferences): void {
    this.saved = preferences;
    save(preferences);
    this.host.requestUpdate();
  }

  private start(): void {
    this.subscription = this.store?.state$.subscribe((state) => this.onState(state));
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.previous = undefined;
    this.known.clear();
    this.pending.clear();
    this.cancelAnnouncement?.();
    this.cancelAnnouncement = undefined;
  }

  private onState(state: DeskState): void {
    if (!state.loaded) return;
    const previous = this.previous;
    this.previous = state;
    const arrived: string[] = [];
    for (const conversation of state.conversations === previous?.conversations ? [] : state.conversations.values()) {
      if (conversation.status !== 'ongoing' || this.known.has(conversation.id)) continue;
      this.known.add(conversation.id);
      arrived.push(conversation.id);
    }
    if (!previous) return;
    for (const id of arrived) this.raise(this.conversationAlert(state, id));
    if (state.threads === previous.threads) return;
    const hidden = this.adapters.page.hidden;
    for (const [id, thread] of state.threads) {
      const before = previous.threads.get(id);
      // A conversation's first messages come with its own alert.
      if (thread === before || arrived.includes(id) || state.conversations.get(id)?.status !== 'ongoing') continue;
      const fresh = newMessages(before, thread);
      // Handed over to this agent by name: like a new conversation.
      if (fresh.some((message) => message.kind === 'transfer' && isTo(message, state.agent.name))) {
        this.raise(this.conversationAlert(state, id));
        continue;
      }
      const messages = fresh.filter(isVisitorMessage);
      if (messages.length === 0) continue;
      const onScreen = state.panes.includes(id);
      if (!onScreen) this.queueAnnouncement(id);
      if (!onScreen || hidden) this.raise(this.messageAlert(state, id, messages));
    }
  }

  private names(state: DeskState, conversationId: string): { name: string; channel: string } {
    const t = this.options.strings();
    const conversation = state.conversations.get(conversationId);
    const visitorId = conversation?.visitorId ?? conversationId;
    return {
      name: visitorDisplayName(t, state.visitors.get(visitorId), visitorId),
      channel: channelLabel(t, conversation?.channel ?? ''),
    };
  }

  private conversationAlert(state: DeskState, conversationId: string): Alert {
    const t = this.options.strings();
    const { name, channel } = this.names(state, conversationId);
    const messages = state.threads.get(conversationId)?.messages ?? [];
    const text = messages.some((message) => message.kind === 'transfer')
      ? t.alerts.transferred(name, channel)
      : t.alerts.newConversation(name, channel);
    const opening = [...messages].reverse().find(isVisitorMessage);
    return {
      kind: 'conversation',
      conversationId,
      text,
      title: text,
      body: opening ? messagePreview(t, opening) : '',
      count: 1,
    };
  }

  private messageAlert(state: DeskState, conversationId: string, messages: readonly Message[]): Alert {
    const t = this.options.strings();
    const { name } = this.names(state, conversationId);
    const preview = messagePreview(t, messages[messages.length - 1]);
    return {
      kind: 'message',
      conversationId,
      text: t.alerts.message(name, preview),
      title: name,
      body: preview,
      count: messages.length,
    };
  }

  private raise(alert: Alert): void {
    const { kind, conversationId, text } = alert;
    const event = new DeskNotifyEvent({ kind, conversationId, text });
    this.host.dispatchEvent(event);
    if (event.defaultPrevented || this.preferences.muted) return;
    const { sound, notifications, clock } = this.adapters;
    if (this.isOn('sound')) {
      const now = clock.now();
      if (now - this.lastSound >= SOUND_GAP_MS) {
        this.lastSound = now;
        sound.play();
      }
    }
    if (this.isOn('title')) this.countInTitle(alert.count);
    if (this.isOn('desktop')) {
      notifications.show(alert.title, {
        body: alert.body,
        // One notification per conversation: a newer one replaces it.
        tag: `agent-desk:${conversationId}`,
        onClick: () => this.select(conversationId),
      });
    }
  }

  /** A click on a notification shows its conversation (after the cancelable select event). */
  private select(conversationId: string): void {
    const store = this.store;
    if (!store) return;
    const event = new DeskConversationSelectEvent({ conversationId });
    this.host.dispatchEvent(event);
    if (!event.defaultPrevented) store.focus(conversationId);
  }

  private countInTitle(count: number): void {
    const { page } = this.adapters;
    if (!page.hidden) return;
    // The page may have changed its own title meanwhile: that one gets the count.
    if (page.title !== this.shownTitle) this.originalTitle = page.title;
    this.hiddenCount += count;
    this.shownTitle = this.options.strings().alerts.pageTitle(this.hiddenCount, this.originalTitle);
    page.title = this.shownTitle;
  }

  private restoreTitle(): void {
    this.hiddenCount = 0;
    if (this.shownTitle === undefined) return;
    const { page } = this.adapters;
    if (page.title === this.shownTitle) page.title = this.originalTitle;
    this.shownTitle = undefined;
  }

  private queueAnnouncement(conversationId: string): void {
    this.pending.add(conversationId);
    if (this.cancelAnnouncement) return;
    const { clock } = this.adapters;
    const delay = Math.max(ANNOUNCE_DELAY_MS, this.lastAnnouncement + ANNOUNCE_GAP_MS - clock.now());
    this.cancelAnnouncement = clock.schedule(() => this.announce(), delay);
  }

  private announce(): void {
    this.cancelAnnouncement = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    const state = this.store?.state;
    if (!state) return;
    const t = this.options.strings();
    const parts: string[] = [];
    for (const id of ids) {
      const unread = state.conversations.get(id)?.unread ?? 0;
      // Opened meanwhile (read) or on screen now: nothing to tell.
      if (unread > 0 && !state.panes.includes(id)) parts.push(t.alerts.unread(this.names(state, id).name, unread));
    }
    if (parts.length === 0) return;
    const shown = parts.slice(0, ANNOUNCE_MAX);
    if (parts.length > ANNOUNCE_MAX) shown.push(t.alerts.more(parts.length - ANNOUNCE_MAX));
    announce(this.host, shown.join(t.alerts.separator), { key: 'alerts' });
    this.lastAnnouncement = this.adapters.clock.now();
  }
}
