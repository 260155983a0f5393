/**
 * Shared story helpers: every story builds its desk the same way, so fixtures and options live here.
 *
 * ```ts
 * import { storyStore, inProvider } from './support/desk-store.js';
 * render: () => {
 *   const { store } = storyStore();
 *   return inProvider(store, html`<chat-box conversation-id="c-emma"></chat-box>`);
 * }
 * ```
 */
import { html, type TemplateResult } from 'lit';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import type { Agent, Fixtures, Layout, Message, ServerEvent } from '../../src/model/types.js';
import '../../src/define.js';

export interface StoryStoreOptions {
  /** Start from these fixtures instead of `demoFixtures(now)`. */
  fixtures?: Fixtures;
  /** Change the (copied) demo fixtures before the store is built: add messages, block a visitor… */
  edit?: (fixtures: Fixtures) => void;
  /** Clock used for the demo fixtures (default: the real now, so "time since" looks current). */
  now?: Date;
  /** Run the demo simulator (default false: stories stay still). */
  simulate?: boolean;
  agent?: Agent;
  layout?: Layout;
  /** Batching of server events (default 'sync': emit() shows at once, no frame wait). */
  batching?: 'frame' | 'sync';
  /** Echo agent messages as the server would (default true). */
  autoAck?: boolean;
  /** Server events to apply right after the snapshot (typing, navigation…). */
  events?: ServerEvent[];
}

export interface StoryDesk {
  store: DeskStore;
  transport: MemoryTransport;
  fixtures: Fixtures;
}

/** The agent the demo signs in as. */
export const storyAgent: Agent = { id: 'a1', name: 'Alex Martin', role: 'agent' };

/**
 * A DeskStore on a MemoryTransport with the demo fixtures and `batching: 'sync'`.
 * Returns the transport too, so a story (or a play function) can `transport.emit(...)` server events.
 */
export function storyStore(options: StoryStoreOptions = {}): StoryDesk {
  const fixtures = structuredClone(options.fixtures ?? demoFixtures(options.now ?? new Date()));
  options.edit?.(fixtures);
  const transport = new MemoryTransport({
    fixtures,
    simulate: options.simulate ?? false,
    autoAck: options.autoAck ?? true,
    seed: 7,
  });
  const store = new DeskStore({
    transport,
    agent: options.agent ?? storyAgent,
    layout: options.layout,
    batching: options.batching ?? 'sync',
    // Each story is one state: a draft typed in one must not show up in the next (same tab).
    draftStorage: null,
  });
  for (const event of options.events ?? []) transport.emit(event);
  store.flush();
  return { store, transport, fixtures };
}

/** A store whose transport has no data at all (empty states). */
export function emptyStore(options: Omit<StoryStoreOptions, 'fixtures' | 'edit'> = {}): StoryDesk {
  return storyStore({ ...options, fixtures: { visitors: [], conversations: [], messages: [] } });
}

/** Wraps story content in a `<desk-provider>` holding the store (elements find it through context). */
export function inProvider(store: DeskStore, content: TemplateResult): TemplateResult {
  return html`<desk-provider .store=${store}>${content}</desk-provider>`;
}

/** ISO time `secondsAgo` before now (for fixture edits). */
export function ago(secondsAgo: number, now: Date = new Date()): string {
  return new Date(now.getTime() - secondsAgo * 1000).toISOString();
}

/**
 * `count` alternating visitor/agent text messages for `conversationId`, oldest first, ending now
 * (long-thread and virtualization stories).
 */
export function longThread(conversationId: string, count: number, now: Date = new Date()): Message[] {
  const messages: Message[] = [];
  for (let i = 0; i < count; i += 1) {
    const visitor = i % 2 === 0;
    messages.push({
      id: `${conversationId}-long-${i + 1}`,
      conversationId,
      author: visitor ? 'visitor' : 'agent',
      ...(visitor ? {} : { authorName: storyAgent.name, status: 'read' as const }),
      at: ago((count - i) * 30, now),
      kind: 'text',
      text: visitor ? `Question ${i + 1}: is this available in another size?` : `Answer ${i + 1}: yes, it is in stock.`,
    });
  }
  return messages;
}

/** Every public DOM event, for `parameters.actions.handles` / `withActions`. */
export const DESK_EVENTS = [
  'desk-open-page',
  'desk-take-control',
  'desk-block-visitor',
  'desk-customer-record',
  'desk-conversation-select',
  'desk-send',
  'desk-error',
  'desk-filter-change',
  'desk-layout-change',
  'desk-notify',
  'desk-availability-change',
  'desk-cobrowse',
  'desk-cobrowse-option',
] as const;
