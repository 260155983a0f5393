import type { Message, MessageKind } from './types.js';

/** The message filter values, in display order. */
export const MESSAGE_FILTERS = ['all', 'visitor', 'agent', 'actions', 'navigation'] as const;
export type MessageFilter = (typeof MESSAGE_FILTERS)[number];

/**
 * Kinds that count as "Actions": things that were done or shared rather than said —
 * links, offers, files, images, co-browsing, transfers and bot choices. Translations,
 * system lines and unsupported content are conversation, not actions.
 */
export const ACTION_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'link',
  'offer',
  'file',
  'image',
  'cobrowsing',
  'transfer',
  'choice',
]);

export function isMessageFilter(value: unknown): value is MessageFilter {
  return typeof value === 'string' && (MESSAGE_FILTERS as readonly string[]).includes(value);
}

/**
 * Visitor = authored by the visitor (any kind but navigation); Agent = authored by an agent or a
 * bot (their links, offers and files included); Actions = ACTION_KINDS; Navigation = pages visited.
 */
export function matchesFilter(message: Message, filter: MessageFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'visitor':
      return message.author === 'visitor' && message.kind !== 'navigation';
    case 'agent':
      return message.author === 'agent' || message.author === 'bot';
    case 'actions':
      return ACTION_KINDS.has(message.kind);
    case 'navigation':
      return message.kind === 'navigation';
  }
}

export function filterMessages(messages: readonly Message[], filter: MessageFilter): readonly Message[] {
  return filter === 'all' ? messages : messages.filter((message) => matchesFilter(message, filter));
}
