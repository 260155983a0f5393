import { parseServerEvent, rawType } from '../model/schema.js';
import type { AgentChannel, Conversation, Fixtures, Message, ServerEvent, Visitor } from '../model/types.js';

export interface DemoSimulatorOptions {
  fixtures: Fixtures;
  emit: (event: ServerEvent) => void;
  seed?: number;
  /** Multiplies every delay (tests run it fast). */
  speed?: number;
}

const VISITOR_LINES = [
  'Do you offer free shipping?',
  'How long does delivery take to my area?',
  'Can I pay in three instalments?',
  'Is this item true to size?',
  'I have a promo code but it says expired 😕',
  'Could you check if my order has shipped?',
  'Ok thanks!',
  'Is there a warranty on this?',
  'Can I pick it up in store today?',
  'One more question…',
];

const REPLIES = ['Thanks!', 'Great, that helps 👍', 'Perfect.', 'Ok, let me check.', 'Thank you so much!'];

const PAGES = [
  { url: 'https://shop.example.com/sale', title: 'Sale — up to 50% off' },
  { url: 'https://shop.example.com/jackets', title: 'Jackets' },
  { url: 'https://shop.example.com/boots', title: 'Boots' },
  { url: 'https://shop.example.com/basket', title: 'Your basket' },
  { url: 'https://shop.example.com/help/delivery', title: 'Delivery information' },
  { url: 'https://shop.example.com/tents', title: 'Tents' },
];

const NEWCOMERS: Array<Pick<Visitor, 'name' | 'country' | 'browser' | 'os'> & { channel: string }> = [
  { name: 'Olivia Brown', country: 'GB', browser: 'Safari 19', os: 'iOS 19', channel: 'chat' },
  { name: 'Mateo Rossi', country: 'IT', browser: 'WhatsApp', os: 'Android 15', channel: 'whatsapp' },
  { name: 'Chloé Dubois', country: 'BE', browser: 'Edge 141', os: 'Windows 11', channel: 'chat' },
  { country: 'US', browser: 'SMS', os: 'Unknown', channel: 'sms' },
  { name: 'Ines Moreau', country: 'FR', browser: 'Messages', os: 'iOS 19', channel: 'apple-business-chat' },
];

/** Small deterministic PRNG, so a seeded simulator behaves the same in every run (the benchmarks' data too). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Makes the demo desk feel alive: visitors type (with a live preview) and write, browse pages,
 * answer the agent, and new conversations arrive now and then. Every timer stops on `stop()`.
 */
export class DemoSimulator {
  private readonly emit: (event: ServerEvent) => void;
  private readonly random: () => number;
  private readonly speed: number;
  private readonly conversations = new Map<string, Conversation>();
  /** Blocked visitors write no more. */
  private readonly blocked = new Set<string>();
  /** Visitors the simulator made leave (they may come back). */
  private readonly away = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private running = false;
  private counter = 0;
  /** Newcomers who have not come yet (one on a busy or unavailable channel waits for a later turn). */
  private readonly newcomers = [...NEWCOMERS];
  /** The agent's channels: no new conversation on one that is busy, unavailable or at its limit. */
  private readonly channels = new Map<string, AgentChannel>();
  /** The co-browsing request waiting for the visitor's answer, per conversation (its line id). */
  private readonly cobrowseRequests = new Map<string, string>();

  constructor(options: DemoSimulatorOptions) {
    this.emit = options.emit;
    this.random = mulberry32(options.seed ?? Date.now());
    this.speed = options.speed ?? 1;
    for (const conversation of options.fixtures.conversations) this.conversations.set(conversation.id, conversation);
    for (const visitor of options.fixtures.visitors) if (visitor.blocked) this.blocked.add(visitor.id);
    for (const channel of options.fixtures.channels ?? []) this.channels.set(channel.channel, channel);
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop(() => this.visitorWrites(), 6000, 11000);
    this.loop(() => this.visitorBrowses(), 8000, 16000);
    this.loop(() => this.newConversation(), 40000, 70000);
    this.loop(() => this.visitorComesAndGoes(), 20000, 40000);
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Keeps track of conversations the server (or a test) announced. */
  observe(event: unknown): void {
    // Only valid events are tracked: raw input may be malformed or hostile (throwing getters).
    const type = rawType(event);
    if (
      type !== 'conversation.upserted' &&
      type !== 'conversation.closed' &&
      type !== 'visitor.updated' &&
      type !== 'agent.updated' &&
      type !== 'message.added'
    )
      return;
    const parsed = parseServerEvent(event);
    if (!parsed.ok) return;
    const typed = parsed.value;
    if (typed.type === 'agent.updated' || typed.type === 'message.added') {
      this.observeShift(typed);
    } else if (typed.type === 'conversation.upserted') {
      this.conversations.set(typed.conversation.id, typed.conversation);
    } else if (typed.type === 'conversation.closed') {
      this.conversations.delete(typed.conversationId);
    } else if (typed.type === 'visitor.updated' && typed.visitor.blocked !== undefined) {
      if (typed.visitor.blocked) this.blocked.add(typed.visitor.id);
      else this.blocked.delete(typed.visitor.id);
    }
  }

  /** The agent wrote: the message is delivered, read, and often answered. */
  agentMessage(message: Message): void {
    if (!this.running) return;
    const patch = (status: 'delivered' | 'read') => () =>
      this.emit({
        type: 'message.updated',
        message: { id: message.id, conversationId: message.conversationId, status },
      });
    this.later(patch('delivered'), 700);
    this.later(patch('read'), 2200);
    if (this.random() < 0.6) {
      this.later(() => this.write(message.conversationId, this.pick(REPLIES)), 4000 + this.random() * 5000);
    }
  }

  private ongoing(): Conversation[] {
    return [...this.conversations.values()].filter((c) => c.status === 'ongoing');
  }

  /** The visitor may still write there: the conversation is ongoing and the visitor not blocked. */
  private canWrite(conversationId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    return conversation?.status === 'ongoing' && !this.blocked.has(conversation.visitorId);
  }

  private visitorWrites(): void {
    const conversation = this.pick(this.ongoing().filter((c) => !this.blocked.has(c.visitorId)));
    if (conversation) this.write(conversation.id, this.pick(VISITOR_LINES));
  }

  /** Types with a growing preview, then sends. */
  private write(conversationId: string, text: string): void {
    const steps = 3;
    for (let i = 1; i <= steps; i += 1) {
      this.later(() => {
        if (!this.canWrite(conversationId)) return;
        this.emit({
          type: 'visitor.typing',
          conversationId,
          typing: true,
          preview: text.slice(0, Math.ceil((text.length * i) / (steps + 1))),
        });
      }, i * 600);
    }
    this.later(
      () => {
        // Closed or blocked meanwhile: the indicator stops and nothing is sent.
        if (this.conversations.get(conversationId)?.status === 'ongoing') {
          this.emit({ type: 'visitor.typing', conversationId, typing: false });
        }
        if (!this.canWrite(conversationId)) return;
        this.emit({
          type: 'message.added',
          message: {
            id: `sim-${(this.counter += 1)}`,
            conversationId,
            author: 'visitor',
            at: new Date().toISOString(),
            kind: 'text',
            text,
          },
        });
      },
      (steps + 1) * 600,
    );
  }

  private visitorBrowses(): void {
    // Visitors writing by email or SMS are not on the site: they do not browse.
    const browsing = this.ongoing().filter((c) => c.channel !== 'email' && c.channel !== 'sms');
    if (browsing.length === 0) return;
    const conversation = this.pick(browsing);
    const page = this.pick(PAGES);
    this.emit({
      type: 'visitor.navigated',
      visitorId: conversation.visitorId,
      url: page.url,
      title: page.title,
      at: new Date().toISOString(),
    });
  }

  /** A visitor leaves the site, or one who left comes back. */
  private visitorComesAndGoes(): void {
    const ongoing = this.ongoing();
    if (ongoing.length === 0) return;
    const conversation = this.pick(ongoing);
    const visitorId = conversation.visitorId;
    const away = this.away.has(visitorId);
    if (away) this.away.delete(visitorId);
    else this.away.add(visitorId);
    this.emit({
      type: 'visitor.updated',
      visitor: away
        ? { id: visitorId, online: true }
        : { id: visitorId, online: false, lastSeenAt: new Date().toISOString() },
    });
  }

  // ---- the agent's shift (issue 16) ---------------------------------------------------------

  private observeShift(event: Extract<ServerEvent, { type: 'agent.updated' | 'message.added' }>): void {
    if (event.type === 'agent.updated') {
      for (const channel of event.channels) this.channels.set(channel.channel, channel);
      return;
    }
    const message = event.message;
    if (message.kind !== 'cobrowsing') return;
    if (message.state !== 'requested') {
      this.cobrowseRequests.delete(message.conversationId);
      return;
    }
    const lineId = message.clientId ?? message.id;
    if (this.cobrowseRequests.get(message.conversationId) === lineId) return;
    this.cobrowseRequests.set(message.conversationId, lineId);
    // The visitor answers after a few seconds, most often yes; a request withdrawn meanwhile gets no answer.
    const accepted = this.random() < 0.65;
    this.later(
      () => {
        if (this.cobrowseRequests.get(message.conversationId) !== lineId) return;
        if (this.conversations.get(message.conversationId)?.status !== 'ongoing') return;
        this.cobrowseRequests.delete(message.conversationId);
        this.emit({
          type: 'message.added',
          message: {
            id: `sim-cob-${(this.counter += 1)}`,
            conversationId: message.conversationId,
            author: 'system',
            at: new Date().toISOString(),
            kind: 'cobrowsing',
            state: accepted ? 'started' : 'declined',
          },
        });
      },
      3000 + this.random() * 5000,
    );
  }

  /** A channel takes a new conversation: not busy nor unavailable, and under its limit (unknown channels do). */
  private accepts(channel: string): boolean {
    const entry = this.channels.get(channel);
    if (!entry) return true;
    if (entry.availability !== 'available') return false;
    const ongoing = this.ongoing().filter((c) => c.channel === channel).length;
    return entry.maxConversations === undefined || ongoing < entry.maxConversations;
  }

  private newConversation(): void {
    if (this.ongoing().length >= 10) return;
    const index = this.newcomers.findIndex((newcomer) => this.accepts(newcomer.channel));
    if (index < 0) return;
    const [profile] = this.newcomers.splice(index, 1);
    const n = (this.counter += 1);
    const now = new Date().toISOString();
    const visitorId = `sim-v${n}`;
    const conversation: Conversation = {
      id: `sim-c${n}`,
      visitorId,
      channel: profile.channel,
      status: 'ongoing',
      startedAt: now,
    };
    const { channel: _channel, ...visitorProfile } = profile;
    this.emit({
      type: 'visitor.updated',
      visitor: {
        id: visitorId,
        ...visitorProfile,
        source: { type: 'direct' },
        visitCount: 1,
        pagesViewed: 1,
        browsingStartedAt: now,
        currentPage: PAGES[0],
        pastMessagesCount: 0,
        online: true,
      },
    });
    this.emit({ type: 'conversation.upserted', conversation });
    this.conversations.set(conversation.id, conversation);
    this.emit({
      type: 'message.added',
      message: {
        id: `sim-${n}-first`,
        conversationId: conversation.id,
        author: 'visitor',
        at: now,
        kind: 'text',
        text: this.pick(VISITOR_LINES),
      },
    });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private loop(step: () => void, min: number, max: number): void {
    this.later(
      () => {
        step();
        this.loop(step, min, max);
      },
      min + this.random() * (max - min),
    );
  }

  private later(callback: () => void, delay: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) callback();
    }, delay / this.speed);
    this.timers.add(timer);
  }
}
