/**
 * Deterministic data for the benchmarks: big conversations with a realistic mix of message kinds.
 * Every message that the harness looks for on screen carries a unique token `[<id>]` in its visible
 * text, so the harness finds it through any number of shadow roots without knowing the markup.
 */
import type { Conversation, Fixtures, Message, Visitor } from '../src/model/types.js';
import { mulberry32 } from '../src/transport/simulator.js';

const WORDS = (
  'the order parcel delivery refund size boots jacket tent colour stock warehouse tracking number ' +
  'payment card checkout discount code shipping return label please thanks could would tomorrow today ' +
  'week store pick up exchange warranty account email address phone yes no maybe sure great'
).split(' ');

/** The token the harness searches for in the rendered text. */
export function token(id: string): string {
  return `[${id}]`;
}

/** Message ids are `<conversationId>-<n>`; `n` counts from 1 (oldest) in each conversation. */
export function messageId(conversationId: string, n: number): string {
  return `${conversationId}-${n}`;
}

function sentence(random: () => number, min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(WORDS[Math.floor(random() * WORDS.length)]);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A text message carrying its token (what the harness looks for). */
export function textMessage(
  conversationId: string,
  n: number,
  at: string,
  author: 'visitor' | 'agent' = 'visitor',
  text = 'Message',
): Message {
  const id = messageId(conversationId, n);
  return {
    id,
    conversationId,
    author,
    at,
    kind: 'text',
    text: `${text} ${token(id)}`,
    ...(author === 'agent' ? { authorName: 'Alex Martin', status: 'read' as const } : {}),
  };
}

/**
 * One conversation's messages, oldest first, one every `spacingMs` ending at `end`. Mostly text
 * (one to three lines) from visitor and agent, with navigation, links, system lines, files,
 * offers, translations and a few images among them. Text messages and every tenth message of
 * any kind carry their token; the newest message is always a text message.
 */
export function conversationMessages(
  conversationId: string,
  count: number,
  options: { end: number; spacingMs?: number; seed?: number; firstN?: number },
): Message[] {
  const random = mulberry32(options.seed ?? 1);
  const spacing = options.spacingMs ?? 20_000;
  const first = options.firstN ?? 1;
  const messages: Message[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = first + i;
    const id = messageId(conversationId, n);
    const at = new Date(options.end - (count - 1 - i) * spacing).toISOString();
    const author = random() < 0.5 ? 'visitor' : 'agent';
    const agent = author === 'agent' ? { authorName: 'Alex Martin', status: 'read' as const } : {};
    const roll = i === count - 1 ? 0 : random();
    let message: Message;
    if (roll < 0.84) {
      const long = random() < 0.2;
      message = {
        id,
        conversationId,
        author,
        at,
        ...agent,
        kind: 'text',
        text: `${sentence(random, long ? 30 : 4, long ? 60 : 18)} ${token(id)}`,
      };
    } else if (roll < 0.89) {
      message = {
        id,
        conversationId,
        author: 'visitor',
        at,
        kind: 'navigation',
        url: `https://shop.example.com/p/${n}`,
        title: `Product page ${token(id)}`,
      };
    } else if (roll < 0.915) {
      message = {
        id,
        conversationId,
        author: 'agent',
        at,
        authorName: 'Alex Martin',
        status: 'read',
        kind: 'link',
        url: `https://shop.example.com/help/${n}`,
        title: `Help article ${token(id)}`,
      };
    } else if (roll < 0.94) {
      message = { id, conversationId, author: 'system', at, kind: 'system', text: `Visitor reconnected ${token(id)}` };
    } else if (roll < 0.96) {
      message = {
        id,
        conversationId,
        author: 'agent',
        at,
        authorName: 'Alex Martin',
        status: 'read',
        kind: 'file',
        name: `invoice-${n}.pdf`,
        url: `https://files.example.com/invoice-${n}.pdf`,
        size: 48_213,
        mimeType: 'application/pdf',
      };
    } else if (roll < 0.975) {
      message = {
        id,
        conversationId,
        author: 'agent',
        at,
        authorName: 'Alex Martin',
        status: 'read',
        kind: 'offer',
        title: `10% off today ${token(id)}`,
        description: 'Free returns for 60 days.',
        url: `https://shop.example.com/offer/${n}`,
        cta: 'Apply',
      };
    } else if (roll < 0.99) {
      message = {
        id,
        conversationId,
        author: 'visitor',
        at,
        kind: 'translation',
        text: `Where is my parcel? ${token(id)}`,
        original: '¿Dónde está mi paquete?',
        sourceLang: 'es',
        targetLang: 'en',
      };
    } else {
      message = {
        id,
        conversationId,
        author: 'visitor',
        at,
        kind: 'image',
        url: `https://images.invalid/photo-${n}.jpg`,
        alt: `Photo ${n}`,
        width: 640,
        height: 480,
      };
    }
    messages.push(message);
  }
  return messages;
}

export interface BigFixtureOptions {
  /** Number of ongoing conversations (ids c1…cN). */
  conversations: number;
  /** Messages per conversation in the snapshot. */
  messages: number;
  /** Older messages per conversation kept in the server's archive (served by loadMessages). */
  archived?: number;
  /** Time of the newest message. */
  now?: number;
}

/** Fixtures for MemoryTransport: N visitors, N ongoing conversations c1…cN of M messages each. */
export function bigFixtures(options: BigFixtureOptions): Fixtures {
  const now = options.now ?? Date.now();
  const archived = options.archived ?? 0;
  const visitors: Visitor[] = [];
  const conversations: Conversation[] = [];
  const messages: Message[] = [];
  const archive: Message[] = [];
  const spacing = 20_000;
  for (let c = 1; c <= options.conversations; c += 1) {
    const id = `c${c}`;
    visitors.push({
      id: `v${c}`,
      name: `Visitor ${c}`,
      source: { type: 'direct' },
      country: 'FR',
      browser: 'Firefox 140',
      os: 'Linux',
      currentPage: { url: 'https://shop.example.com/', title: 'Home' },
      pagesViewed: 3,
      visitCount: 2,
      pastMessagesCount: 0,
    });
    const total = options.messages + archived;
    const start = now - (total + c) * spacing;
    conversations.push({
      id,
      visitorId: `v${c}`,
      channel: 'chat',
      status: 'ongoing',
      startedAt: new Date(start).toISOString(),
    });
    const all = conversationMessages(id, total, { end: now - c * 1000, spacingMs: spacing, seed: c });
    archive.push(...all.slice(0, archived));
    messages.push(...all.slice(archived));
  }
  return {
    agent: { id: 'a1', name: 'Alex Martin' },
    visitors,
    conversations,
    messages,
    ...(archived ? { archive: { conversations: [], messages: archive } } : {}),
  };
}
