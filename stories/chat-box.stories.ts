import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageFilter } from '../src/model/filter.js';
import type { ServerEvent } from '../src/model/types.js';
import { ago, inProvider, longThread, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<chat-box>`: one conversation thread whatever the channel. Visitor messages on the left, agent
 * and bot messages on the right, events in the middle; day separators, grouping, delivery status,
 * Retry for a message that was not sent. The header holds the visitor, the channel, a
 * `<message-filter>` for this thread and the tools "Open current page", "Take control" and
 * "Block visitor" (each fires its cancelable `desk-…` event first; see the Actions panel).
 * Long threads are virtualized. Every message kind has its own story under "Elements/Message kinds".
 */
const meta: Meta = {
  title: 'Elements/Chat box',
  component: 'chat-box',
  parameters: {
    layout: 'padded',
    actions: {
      handles: [
        'desk-open-page',
        'desk-take-control',
        'desk-block-visitor',
        'desk-filter-change',
        'desk-cobrowse',
        'desk-cobrowse-option',
      ],
    },
  },
  argTypes: {
    conversationId: {
      name: 'conversation-id',
      control: 'select',
      options: ['c-emma', 'c-liam', 'c-sofia', 'c-noah', 'c-4821', 'c-yuki', 'c-amara', 'c-emma-h1'],
    },
    filter: { control: 'inline-radio', options: ['all', 'visitor', 'agent', 'actions', 'navigation'] },
  },
  args: { conversationId: 'c-emma', filter: 'all' },
};
export default meta;

interface Args {
  conversationId: string;
  filter: MessageFilter;
}
type Story = StoryObj<Args>;

const frame =
  'display:flex;inline-size:min(900px,100%);block-size:640px;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

function render(options: StoryStoreOptions = {}, extra: { lang?: string; width?: string } = {}) {
  return (args: Args) => {
    const { store } = storyStore(options);
    return inProvider(
      store,
      html`<chat-box
        style="${frame}${extra.width ? `inline-size:${extra.width};` : ''}"
        conversation-id=${args.conversationId}
        filter=${args.filter}
        lang=${ifDefined(extra.lang)}
      ></chat-box>`,
    );
  };
}

/** Emma's thread: bot choice, transfer, link, navigation, image, offer. */
export const Default: Story = { render: render() };

/** Liam's thread: co-browsing and a message that was not sent (Retry). */
export const CoBrowsingAndRetry: Story = { args: { conversationId: 'c-liam' }, render: render() };

/** Sofía (Facebook): translations, unsupported sticker, file. */
export const TranslationsAndFile: Story = { args: { conversationId: 'c-sofia' }, render: render() };

/** 10,000 messages: only the rows in view are in the DOM; scroll up and older messages stay put. */
export const LongThread: Story = {
  args: { conversationId: 'c-noah' },
  render: render({ edit: (fixtures) => fixtures.messages.push(...longThread('c-noah', 10_000)) }),
};

/** Scroll-back: 40 messages loaded, 200 more on the server, fetched page by page at the top. */
export const LoadOlderAtTop: Story = {
  args: { conversationId: 'c-noah' },
  render: render({
    edit: (fixtures) => {
      const all = longThread('c-noah', 240, new Date(Date.now() - 3_600_000));
      fixtures.messages.push(...all.slice(200));
      fixtures.archive = { conversations: fixtures.archive?.conversations ?? [], messages: all.slice(0, 200) };
    },
  }),
};

/** A blocked visitor: banner, and "Block visitor" is unavailable. */
export const Blocked: Story = {
  args: { conversationId: 'c-noah' },
  render: render({
    edit: (fixtures) => (fixtures.visitors.find((visitor) => visitor.id === 'v-noah')!.blocked = true),
  }),
};

/** A closed conversation from the visitor's history: banner, "Take control" disabled. */
export const Closed: Story = { args: { conversationId: 'c-emma-h1' }, render: render() };

/** A filter that matches nothing: a friendly empty state with "Show all messages". */
export const EmptyFilter: Story = { args: { conversationId: 'c-noah', filter: 'navigation' }, render: render() };

/** An anonymous visitor ("Visitor #n") on SMS. */
export const AnonymousVisitor: Story = { args: { conversationId: 'c-4821' }, render: render() };

/** The visitor is typing (with a preview of the text). */
export const VisitorTyping: Story = {
  args: { conversationId: 'c-noah' },
  render: render({
    events: [{ type: 'visitor.typing', conversationId: 'c-noah', typing: true, preview: 'And for Switzerland?' }],
  }),
};

/** The visitor's current page is not a safe web address: "Open current page" is disabled. */
export const UnsafeCurrentPage: Story = {
  args: { conversationId: 'c-noah' },
  render: render({
    edit: (fixtures) => {
      fixtures.visitors.find((visitor) => visitor.id === 'v-noah')!.currentPage = {
        url: 'javascript:alert(1)',
        title: 'Evil',
      };
      fixtures.messages.push({
        id: 'n-unsafe',
        conversationId: 'c-noah',
        author: 'visitor',
        at: ago(5),
        kind: 'link',
        url: 'javascript:alert(1)',
        title: 'Click me',
      });
    },
  }),
};

/** Narrow (a quarter of a 4-pane desk): the header tools keep their names but show icons only. */
export const Narrow: Story = { render: render({}, { width: '420px' }) };

/** French (`lang="fr"`): every string and date. */
export const French: Story = { render: render({}, { lang: 'fr' }) };

/** Arabic (`lang="ar"`): right to left, the visitor's messages on the right, Arabic strings and dates. */
export const Arabic: Story = { render: render({}, { lang: 'ar' }) };

// ---- co-browsing lifecycle and tools that fit the channel (issue 16) ----------------------------

/** A line of Liam's thread, from the server. */
function cobrowseLine(id: string, state: 'started' | 'declined'): ServerEvent {
  return {
    type: 'message.added',
    message: {
      id,
      conversationId: 'c-liam',
      author: 'system',
      at: new Date().toISOString(),
      kind: 'cobrowsing',
      state,
    },
  };
}

/** Co-browsing with Liam in a given state: asked (then answered by `events`), or cancelled/expired. */
function cobrowsing(step: (desk: ReturnType<typeof storyStore>) => void) {
  return (args: Args) => {
    const desk = storyStore({ batching: 'sync' });
    step(desk);
    return inProvider(
      desk.store,
      html`<chat-box style=${frame} conversation-id=${args.conversationId} filter=${args.filter}></chat-box>`,
    );
  };
}

/** "Take control" asked: waiting for the visitor, "Cancel request" offered (it expires after 60 s). */
export const CoBrowsingRequested: Story = {
  args: { conversationId: 'c-liam' },
  render: cobrowsing(({ store }) => store.takeControl('c-liam')),
};

/** The visitor accepted: "Stop control" and the three switches (mouse, form input, scroll position). */
export const CoBrowsingInControl: Story = {
  args: { conversationId: 'c-liam' },
  render: cobrowsing(({ store, transport }) => {
    store.takeControl('c-liam');
    transport.emit(cobrowseLine('story-started', 'started'));
    store.setCobrowseOption('c-liam', 'input', true);
  }),
};

/** The visitor declined: a line in the thread, "Take control" available again. */
export const CoBrowsingDeclined: Story = {
  args: { conversationId: 'c-liam' },
  render: cobrowsing(({ store, transport }) => {
    store.takeControl('c-liam');
    transport.emit(cobrowseLine('story-declined', 'declined'));
  }),
};

/** The agent cancelled one request; another one expired (nobody answered within the store's `cobrowseTimeoutMs`). */
export const CoBrowsingCancelledAndExpired: Story = {
  args: { conversationId: 'c-liam' },
  render: cobrowsing(({ store, transport }) => {
    store.takeControl('c-liam');
    store.cancelControl('c-liam');
    // The store sends "expired" by itself after its timeout; the server's line looks like this.
    store.takeControl('c-liam');
    transport.emit({
      type: 'message.added',
      message: {
        id: 'story-expired',
        conversationId: 'c-liam',
        author: 'system',
        at: new Date(Date.now() + 1).toISOString(),
        kind: 'cobrowsing',
        state: 'expired',
      },
    });
  }),
};

/** WhatsApp: the visitor is not on the website, so "Open current page" and "Take control" are disabled, with the reason. */
export const NotOnTheWebsite: Story = { args: { conversationId: 'c-noah' }, render: render() };
