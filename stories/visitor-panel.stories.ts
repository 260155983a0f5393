import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Conversation, Message } from '../src/model/types.js';
import { ago, inProvider, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<visitor-panel>`: everything about the visitor of the focused (or given) conversation —
 * Source, Navigation (live), Profile, Past messages, Custom data, Visitor history — and
 * block / unblock. Each story is one state; the Actions panel logs `desk-customer-record`,
 * `desk-block-visitor` and `desk-conversation-select`.
 */
const meta: Meta = {
  title: 'Elements/Visitor panel',
  component: 'visitor-panel',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

const frame =
  'display:block;inline-size:320px;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

function panel(conversationId: string, options: StoryStoreOptions = {}): TemplateResult {
  const { store } = storyStore(options);
  store.focus(conversationId);
  // The panel follows the focused conversation, as in <chat-desk>: opening a past conversation shows it here.
  return inProvider(store, html`<visitor-panel style=${frame}></visitor-panel>`);
}

/** Emma: a returning visitor (12 visits) with two recent closed conversations and many more on the server. */
export const ReturningVisitor: Story = {
  render: () =>
    panel('c-emma', {
      edit: (fixtures) => {
        // A long history: 20 more archived conversations, loaded three at a time with "Load older conversations".
        const archive = fixtures.archive ?? { conversations: [], messages: [] };
        for (let i = 0; i < 20; i += 1) {
          const id = `c-emma-old-${i + 1}`;
          const startedAt = ago(86400 * (220 + i * 30));
          const conversation: Conversation = {
            id,
            visitorId: 'v-emma',
            channel: ['chat', 'email', 'facebook'][i % 3],
            status: 'closed',
            startedAt,
            closedAt: ago(86400 * (220 + i * 30) - 600),
          };
          const message: Message = {
            id: `${id}-m1`,
            conversationId: id,
            author: 'visitor',
            at: startedAt,
            kind: 'text',
            text: `Order #${4000 + i}: could you check the delivery date? It was supposed to arrive last week.`,
          };
          archive.conversations.push(conversation);
          archive.messages.push(message);
        }
        fixtures.archive = archive;
        fixtures.visitors.find((v) => v.id === 'v-emma')!.visitCount = 31;
      },
    }),
};

/** Noah: first visit, arrived from a forum link, no past conversations. */
export const FirstTimeVisitor: Story = {
  render: () => panel('c-noah'),
};

/**
 * Noah says he visited before (4 visits) but none of his past conversations is loaded yet: the
 * history shows "Load older conversations" alone; after an empty answer, "No past conversations.".
 */
export const HistoryNotLoadedYet: Story = {
  render: () =>
    panel('c-noah', {
      edit: (fixtures) => void (fixtures.visitors.find((v) => v.id === 'v-noah')!.visitCount = 4),
    }),
};

/** A blocked visitor seen by a plain agent: only a manager can unblock, from customer management. */
export const BlockedVisitorAgent: Story = {
  render: () =>
    panel('c-emma', {
      edit: (fixtures) => void (fixtures.visitors.find((v) => v.id === 'v-emma')!.blocked = true),
    }),
};

/** The same blocked visitor seen by a manager: "Unblock visitor". */
export const BlockedVisitorManager: Story = {
  render: () =>
    panel('c-emma', {
      edit: (fixtures) => {
        // The snapshot's agent is the signed-in one: make it a manager.
        fixtures.agent = { id: 'a-manager', name: 'Morgan Lee', role: 'manager' };
        fixtures.visitors.find((v) => v.id === 'v-emma')!.blocked = true;
      },
    }),
};

/** A visitor the server knows almost nothing about: every field says so instead of showing blanks. */
export const MissingData: Story = {
  render: () =>
    panel('c-bare', {
      edit: (fixtures) => {
        fixtures.visitors.push({ id: 'v-bare', currentPage: { url: 'javascript:alert(1)' }, timeZone: 'Not/AZone' });
        fixtures.conversations.push({
          id: 'c-bare',
          visitorId: 'v-bare',
          channel: 'sms',
          status: 'ongoing',
          startedAt: ago(30),
        });
      },
    }),
};

/** Hostile integrator data and URLs stay text: no markup, no script, no link. */
export const HostileData: Story = {
  render: () =>
    panel('c-emma', {
      edit: (fixtures) => {
        const emma = fixtures.visitors.find((v) => v.id === 'v-emma')!;
        emma.customData = [
          { key: '<img src=x onerror=alert(1)>', value: '<img src=x onerror=alert(1)>' },
          { key: 'script', label: '<script>alert(2)</script>', value: '"><svg onload=alert(3)>' },
        ];
        emma.currentPage = { url: 'javascript:alert(document.cookie)', title: '<b>Free gift</b>' };
      },
    }),
};

/** Without a store: an accessible placeholder. */
export const NoStore: Story = {
  render: () => html`<visitor-panel style=${frame}></visitor-panel>`,
};

/** A past conversation of 450 lines: the transcript shows the last 200, with "Show all 450". */
export const LongPastTranscript: Story = {
  render: () =>
    panel('c-emma-h1', {
      edit: (fixtures) => {
        const start = Date.parse(fixtures.conversations.find((c) => c.id === 'c-emma-h1')!.startedAt);
        for (let i = 0; i < 450; i += 1) {
          fixtures.messages.push({
            id: `story-h1-${i}`,
            conversationId: 'c-emma-h1',
            author: i % 2 ? 'agent' : 'visitor',
            at: new Date(start + 60_000 + i * 1000).toISOString(),
            kind: 'text',
            text: `Line ${i + 1} of a long exchange`,
          });
        }
      },
    }),
};

/** "Load older conversations" for a visitor whose server has none: the page comes back empty, "No older conversations". */
export const NoOlderConversations: Story = {
  render: () =>
    panel('c-noah', { edit: (fixtures) => (fixtures.visitors.find((v) => v.id === 'v-noah')!.visitCount = 4) }),
};
