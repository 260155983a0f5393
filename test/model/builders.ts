/**
 * Small builders for model data used by the model, store and transport tests.
 * Not a test file itself (no `.test.ts`), so the runner does not pick it up.
 */
import type {
  Author,
  Conversation,
  Message,
  MessageContent,
  MessageKind,
  ServerEvent,
  Visitor,
} from '../../src/model/types.js';

/** A fixed clock origin: 2026-11-25T10:00:00.000Z. */
export const T0 = Date.parse('2026-11-25T10:00:00.000Z');

/** ISO time `seconds` after T0. */
export function iso(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

/** One valid content of every message kind. */
export const CONTENT_BY_KIND: { [K in MessageKind]: Extract<MessageContent, { kind: K }> } = {
  text: { kind: 'text', text: 'Hello' },
  link: { kind: 'link', url: 'https://shop.example.com/guide', title: 'Guide' },
  offer: {
    kind: 'offer',
    title: '10% off',
    description: 'Today only',
    url: 'https://shop.example.com/o',
    cta: 'Apply',
  },
  navigation: { kind: 'navigation', url: 'https://shop.example.com/boots', title: 'Boots' },
  system: { kind: 'system', text: 'Conversation started' },
  cobrowsing: { kind: 'cobrowsing', state: 'requested' },
  transfer: { kind: 'transfer', to: { type: 'skill', name: 'Footwear' }, from: { name: 'Bot' }, comment: 'Sizing' },
  file: {
    kind: 'file',
    name: 'label.pdf',
    url: 'https://files.example.com/label.pdf',
    size: 1200,
    mimeType: 'application/pdf',
  },
  image: { kind: 'image', url: 'https://images.example.com/a.jpg', alt: 'Boots', width: 10, height: 10 },
  translation: { kind: 'translation', text: 'Hello', original: 'Hola', sourceLang: 'es', targetLang: 'en' },
  unsupported: { kind: 'unsupported', originalType: 'sticker', text: 'A sticker' },
  choice: { kind: 'choice', question: 'Help with?', options: [{ id: 'a', label: 'An order' }], selectedId: 'a' },
};

export const ALL_KINDS = Object.keys(CONTENT_BY_KIND) as MessageKind[];
export const ALL_AUTHORS: Author[] = ['visitor', 'agent', 'bot', 'system'];

let sequence = 0;

export interface MessageOptions {
  id?: string;
  conversationId?: string;
  author?: Author;
  /** Seconds after T0. */
  at?: number;
  content?: MessageContent;
  extra?: Partial<Message>;
}

export function message(options: MessageOptions = {}): Message {
  sequence += 1;
  return {
    id: options.id ?? `m-${sequence}`,
    conversationId: options.conversationId ?? 'c1',
    author: options.author ?? 'visitor',
    at: iso(options.at ?? sequence),
    ...(options.content ?? { kind: 'text', text: `Message ${sequence}` }),
    ...options.extra,
  } as Message;
}

export function textMessage(id: string, author: Author, at: number, text = id, conversationId = 'c1'): Message {
  return message({ id, author, at, conversationId, content: { kind: 'text', text } });
}

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    visitorId: `v-${id}`,
    channel: 'chat',
    status: 'ongoing',
    startedAt: iso(0),
    ...overrides,
  };
}

export function visitor(id: string, overrides: Partial<Visitor> = {}): Visitor {
  return { id, name: `Visitor ${id}`, pagesViewed: 1, ...overrides };
}

/** A snapshot event with three ongoing conversations c1 < c2 < c3 (by start time), one visitor each. */
export function snapshot(
  overrides: Partial<Extract<ServerEvent, { type: 'snapshot' }>> = {},
): Extract<ServerEvent, { type: 'snapshot' }> {
  return {
    type: 'snapshot',
    visitors: [visitor('v-c1'), visitor('v-c2'), visitor('v-c3')],
    conversations: [
      conversation('c1', { startedAt: iso(0) }),
      conversation('c2', { startedAt: iso(10) }),
      conversation('c3', { startedAt: iso(20) }),
    ],
    messages: [],
    ...overrides,
  };
}
