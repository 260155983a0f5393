import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Conversation, Fixtures, Message, Visitor } from '../src/model/types.js';
import { ago, emptyStore, inProvider, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<state-box>`: the agent's radar. Each row shows the visitor (or "Visitor #4821") with an online
 * dot, channel, short conversation ID, last message, unread count, the live "waiting for your reply"
 * time since the FIRST unanswered message ("Overdue" past `warning-threshold` seconds), the time since
 * the agent's last message, the conversation's duration, New / Transferred marks, blocked / closed
 * states, and "Not sent" / "Draft" marks. "Sort by": longest waiting (default), newest activity,
 * oldest conversation.
 * Click, Enter or Space shows a conversation; arrows, Home, End move; Alt+ArrowDown / Alt+ArrowUp
 * switch; Shift+Enter (or resting the pointer on a row for half a second) shows its last 3 messages,
 * Escape hides them; Ctrl+C copies the conversation ID. The Actions panel logs `desk-conversation-select`.
 */
const meta: Meta = {
  title: 'Elements/State box',
  component: 'state-box',
  parameters: { layout: 'padded', actions: { handles: ['desk-conversation-select'] } },
  argTypes: {
    sort: { control: 'inline-radio', options: ['waiting', 'activity', 'oldest'] },
    warningThreshold: { control: { type: 'number', min: 0, step: 10 }, name: 'warning-threshold' },
  },
  args: { sort: 'waiting', warningThreshold: 60 },
};
export default meta;

interface Args {
  sort: 'waiting' | 'activity' | 'oldest';
  warningThreshold: number;
}
type Story = StoryObj<Args>;

const frame =
  'display:block;inline-size:320px;block-size:640px;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

function render(options: StoryStoreOptions = {}, lang?: string) {
  return (args: Args) => {
    const { store } = storyStore(options);
    return inProvider(
      store,
      html`<state-box
        style=${frame}
        sort=${args.sort}
        warning-threshold=${args.warningThreshold}
        lang=${ifDefined(lang)}
      ></state-box>`,
    );
  };
}

const CHANNELS = ['chat', 'facebook', 'whatsapp', 'instagram', 'sms', 'email', 'apple-business-chat', 'line'];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farah', 'Gao', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lea'];
const LAST = ['Silva', 'Dupont', 'Novak', 'Yilmaz', 'Haddad', 'Wang', 'Moreau', 'Rossi', 'Berg', 'Kowalski'];

/** Adds `count` generated conversations: some unnamed, some waiting, some with unread messages. */
function manyConversations(count: number) {
  return (fixtures: Fixtures) => {
    for (let i = 0; i < count; i += 1) {
      const visitorId = `v-gen-${i}`;
      const conversationId = `c-gen-${i}`;
      const named = i % 5 !== 3;
      const visitor: Visitor = {
        id: visitorId,
        ...(named ? { name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}` } : {}),
      };
      if (i % 11 === 7) visitor.blocked = true;
      const startedSecondsAgo = 60 + ((i * 397) % 5400);
      const conversation: Conversation = {
        id: conversationId,
        visitorId,
        channel: CHANNELS[i % CHANNELS.length],
        status: 'ongoing',
        startedAt: ago(startedSecondsAgo),
        ...(i % 3 === 0 ? { unread: 1 + (i % 4) } : {}),
      };
      const waiting = i % 2 === 0;
      const messages: Message[] = [
        {
          id: `${conversationId}-1`,
          conversationId,
          author: 'visitor',
          at: ago(startedSecondsAgo),
          kind: 'text',
          text: 'Hello, I have a question about my order.',
        },
        {
          id: `${conversationId}-2`,
          conversationId,
          author: 'agent',
          authorName: 'Alex Martin',
          status: 'read',
          at: ago(startedSecondsAgo - 20),
          kind: 'text',
          text: 'Of course, what is your order number?',
        },
      ];
      if (waiting) {
        messages.push({
          id: `${conversationId}-3`,
          conversationId,
          author: 'visitor',
          at: ago(5 + ((i * 13) % 170)),
          kind: 'text',
          text: `It is ORD-${10000 + i * 17}, and it still has not shipped. Can you check what is going on with it?`,
        });
      }
      fixtures.visitors.push(visitor);
      fixtures.conversations.push(conversation);
      fixtures.messages.push(...messages);
    }
  };
}

/** The demo's seven conversations. */
export const Default: Story = { render: render() };

/** Fifty conversations on every channel: the list scrolls, the header counts them. */
export const ManyConversations: Story = { render: render({ edit: manyConversations(43) }) };

/** `sort="waiting"` (the default): visitors waiting for a reply first, longest wait first. */
export const SortedByWaiting: Story = { args: { sort: 'waiting' }, render: render({ edit: manyConversations(12) }) };

/** `sort="activity"`: the conversation with the newest message first. */
export const SortedByActivity: Story = { args: { sort: 'activity' }, render: render({ edit: manyConversations(12) }) };

/** `sort="oldest"`: the order conversations arrived in. */
export const SortedByOldest: Story = { args: { sort: 'oldest' }, render: render() };

/** Presence: every visitor left the site at a different time ("Left 2 minutes ago"…), one came back. */
export const VisitorsLeft: Story = {
  render: render({
    edit: (fixtures) => {
      fixtures.visitors.forEach((visitor, i) => {
        visitor.online = i === 0;
        if (i > 0) visitor.lastSeenAt = ago(60 * i + 30);
      });
    },
  }),
};

/** The mini view of a row (Shift+Enter on the focused row, or the pointer resting on it). */
export const MiniView: Story = {
  render: render(),
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('state-box');
    await box?.updateComplete;
    const row = box?.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]')[1];
    row?.focus();
    row?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true }));
  },
};

/** A low `warning-threshold` (10 s): every waiting row shows the overdue warning. */
export const WarningThreshold: Story = { args: { warningThreshold: 10 }, render: render() };

/** A blocked visitor, one typing, and the focused conversation closed while still on screen. */
export const BlockedClosedTyping: Story = {
  render: render({
    events: [
      { type: 'visitor.updated', visitor: { id: 'v-liam', blocked: true } },
      { type: 'visitor.typing', conversationId: 'c-noah', typing: true, preview: 'Does it ship' },
      { type: 'conversation.closed', conversationId: 'c-yuki', at: new Date().toISOString() },
    ],
  }),
};

/**
 * Previews of every kind of last message, localized ("Co-browsing requested", "Transferred to…",
 * "File: …", "Unsupported content (sticker)"), a failed send ("Not sent", Liam) and an unsent draft
 * in a conversation that is not the focused one ("Draft", Emma).
 */
export const PreviewsAndMarks: Story = {
  render: (args) => {
    const at = new Date().toISOString();
    const base = { at, author: 'visitor' as const };
    const { store } = storyStore({
      events: [
        {
          type: 'message.added',
          message: { ...base, id: 's-1', conversationId: 'c-yuki', kind: 'cobrowsing', state: 'requested' },
        },
        {
          type: 'message.added',
          message: {
            ...base,
            id: 's-2',
            conversationId: 'c-sofia',
            author: 'system',
            kind: 'transfer',
            to: { type: 'skill', name: 'Returns' },
          },
        },
        {
          type: 'message.added',
          message: {
            ...base,
            id: 's-3',
            conversationId: 'c-amara',
            kind: 'file',
            name: 'receipt.pdf',
            url: 'https://files.example.com/receipt.pdf',
          },
        },
        {
          type: 'message.added',
          message: { ...base, id: 's-4', conversationId: 'c-noah', kind: 'unsupported', originalType: 'sticker' },
        },
        {
          type: 'message.added',
          message: {
            ...base,
            id: 's-5',
            conversationId: 'c-4821',
            kind: 'image',
            url: 'https://files.example.com/p.png',
          },
        },
      ],
    });
    store.setDraft('c-emma', 'Let me check the size chart for you');
    return inProvider(
      store,
      html`<state-box style=${frame} sort=${args.sort} warning-threshold=${args.warningThreshold}></state-box>`,
    );
  },
};

/** No ongoing conversation. */
export const Empty: Story = {
  render: (args) =>
    inProvider(
      emptyStore().store,
      html`<state-box style=${frame} sort=${args.sort} warning-threshold=${args.warningThreshold}></state-box>`,
    ),
};

/** `lang="fr"`: French strings, durations and generated names. */
export const French: Story = { render: render({}, 'fr') };

/** `lang="ar"`: Arabic strings, plural forms and durations, right to left. */
export const Arabic: Story = { render: render({}, 'ar') };
