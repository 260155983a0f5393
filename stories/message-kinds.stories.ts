import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Fixtures, Message, MessageContent, MessageBase, Visitor } from '../src/model/types.js';
import { ago, inProvider, storyAgent, storyStore } from './support/desk-store.js';

/**
 * Every message kind of the unified thread, each in its own story, as `<chat-box>` renders it:
 * text, system, co-browsing, transfer, a message that was not sent (Retry), file, image,
 * translation, unsupported content, bot choice, link, offer, navigation, delivery states, and what
 * happens to unsafe URLs and oversized messages.
 */
const meta: Meta = {
  title: 'Elements/Message kinds',
  component: 'chat-box',
  parameters: { layout: 'padded', actions: { handles: ['desk-open-page', 'desk-take-control', 'desk-block-visitor'] } },
};
export default meta;

type Story = StoryObj;

const frame =
  'display:flex;inline-size:min(760px,100%);block-size:420px;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

type Line = Partial<MessageBase> & MessageContent;

let counter = 0;

/** A thread with Kim Park on WhatsApp made of `lines` (oldest first, a minute apart). */
function thread(lines: Line[], visitor: Partial<Visitor> = {}) {
  return () => {
    const messages = lines.map((line, index) => {
      counter += 1;
      const author = line.author ?? 'visitor';
      return {
        id: `kind-${counter}`,
        conversationId: 'c-kind',
        at: ago((lines.length - index) * 60),
        ...(author === 'agent' ? { authorName: storyAgent.name, status: 'read' } : {}),
        ...(author === 'bot' ? { authorName: 'Ava (bot)' } : {}),
        ...line,
        author,
      } as Message;
    });
    const fixtures: Fixtures = {
      agent: storyAgent,
      visitors: [
        {
          id: 'v-kind',
          name: 'Kim Park',
          currentPage: { url: 'https://shop.example.com/returns', title: 'Returns' },
          ...visitor,
        },
      ],
      conversations: [
        { id: 'c-kind', visitorId: 'v-kind', channel: 'whatsapp', status: 'ongoing', startedAt: ago(3600) },
      ],
      messages,
    };
    const { store } = storyStore({ fixtures });
    return inProvider(store, html`<chat-box style=${frame} conversation-id="c-kind"></chat-box>`);
  };
}

export const Text: Story = {
  render: thread([
    { kind: 'text', text: 'Hi! Do you ship to Canada?' },
    { kind: 'text', text: 'And how long does it take?\nI need it before the 20th.' },
    { author: 'agent', kind: 'text', text: 'Hello Kim — yes, we ship to Canada in 3 to 5 working days.' },
  ]),
};

export const System: Story = {
  render: thread([
    { author: 'system', kind: 'system', text: 'Conversation started from the Returns page' },
    { kind: 'text', text: 'Hello?' },
  ]),
};

export const CoBrowsing: Story = {
  render: thread([
    { author: 'agent', kind: 'cobrowsing', state: 'requested' },
    { author: 'system', kind: 'cobrowsing', state: 'started' },
    { author: 'system', kind: 'cobrowsing', state: 'ended' },
    { author: 'system', kind: 'cobrowsing', state: 'declined' },
  ]),
};

export const Transfer: Story = {
  render: thread([
    {
      author: 'system',
      kind: 'transfer',
      to: { type: 'skill', name: 'Returns' },
      from: { name: 'Ava (bot)' },
      comment: 'Wants to return a jacket bought in store',
    },
    { author: 'system', kind: 'transfer', to: { type: 'agent', name: 'Alex Martin' } },
  ]),
};

export const NotSentWithRetry: Story = {
  render: thread([
    { kind: 'text', text: 'Is my refund on its way?' },
    {
      author: 'agent',
      kind: 'text',
      text: 'Yes — it was issued this morning.',
      status: 'failed',
      clientId: 'cid-story-failed',
    },
  ]),
};

export const DeliveryStatus: Story = {
  render: thread([
    { author: 'agent', kind: 'text', text: 'Sending…', status: 'sending', clientId: 'cid-story-sending' },
    { author: 'agent', kind: 'text', text: 'Sent to the channel', status: 'sent' },
    { author: 'agent', kind: 'text', text: 'Delivered to the phone', status: 'delivered' },
    { author: 'agent', kind: 'text', text: 'Read by Kim', status: 'read' },
  ]),
};

/** A failed message when the visitor is blocked (or the conversation closed): "Not sent" with the reason, no Retry. */
export const NotSentVisitorBlocked: Story = {
  render: thread(
    [
      { kind: 'text', text: 'Is my refund on its way?' },
      { author: 'agent', kind: 'text', text: 'Yes — it was issued.', status: 'failed', clientId: 'cid-story-blocked' },
    ],
    { blocked: true },
  ),
};

/** The co-browsing request is pending: "Take control" shows "Control requested…" and cannot ask again. */
export const CoBrowsingRequested: Story = {
  render: thread([
    { kind: 'text', text: 'I cannot find the promo code field.' },
    { author: 'agent', kind: 'cobrowsing', state: 'requested' },
  ]),
};

/** A file name with a right-to-left override ("invoice‮fdp.exe" would show as "invoiceexe.pdf"): shown as it really is. */
export const SpoofedFileName: Story = {
  render: thread([
    {
      kind: 'file',
      name: 'invoice\u202Efdp.exe',
      url: 'https://files.example.com/invoice.exe',
      size: 120_000,
    },
    { kind: 'link', url: 'https://example.com/\u202Egpj.exe', title: 'Photo \u202Egpj.exe' },
  ]),
};

export const File: Story = {
  render: thread([
    {
      author: 'agent',
      kind: 'file',
      name: 'return-label.pdf',
      url: 'https://files.example.com/return-label.pdf',
      size: 48213,
      mimeType: 'application/pdf',
    },
    {
      kind: 'file',
      name: 'receipt.jpg',
      url: 'https://files.example.com/receipt.jpg',
      size: 1_234_567,
      mimeType: 'image/jpeg',
    },
    { kind: 'file', name: 'order-history.xlsx', url: 'https://files.example.com/orders.xlsx', size: 20480 },
  ]),
};

export const Image: Story = {
  render: thread([
    {
      kind: 'image',
      url: 'https://images.example.com/uploads/jacket-tear.jpg',
      alt: 'Photo of a torn jacket sleeve',
      width: 640,
      height: 480,
    },
    { kind: 'text', text: 'It tore on the first day.' },
  ]),
};

/** An image that fails to load: a compact card with an icon, the description and "Open image". */
export const ImageFailedToLoad: Story = {
  render: thread([
    {
      kind: 'image',
      url: 'https://images.invalid/uploads/parcel.jpg',
      alt: 'Photo of the damaged parcel, taken at the door',
    },
    { kind: 'image', url: 'https://images.invalid/uploads/no-alt.jpg' },
    { kind: 'text', text: 'Here are the photos.' },
  ]),
};

export const Translation: Story = {
  render: thread([
    {
      kind: 'translation',
      text: 'Hello, the jacket is too small.',
      original: 'Hola, la chaqueta me queda pequeña.',
      sourceLang: 'es',
      targetLang: 'en',
    },
    {
      author: 'agent',
      kind: 'translation',
      text: '¿Quiere una talla más grande?',
      original: 'Would you like a bigger size?',
      sourceLang: 'en',
      targetLang: 'es',
    },
  ]),
};

export const Unsupported: Story = {
  render: thread([
    { kind: 'unsupported', originalType: 'sticker', text: 'A thumbs-up sticker' },
    { kind: 'unsupported', originalType: 'location' },
  ]),
};

export const BotChoice: Story = {
  render: thread([
    {
      author: 'bot',
      kind: 'choice',
      question: 'What can I help you with?',
      options: [
        { id: 'order', label: 'An order' },
        { id: 'return', label: 'A return' },
        { id: 'other', label: 'Something else' },
      ],
      selectedId: 'return',
    },
    {
      author: 'bot',
      kind: 'choice',
      question: 'Which order?',
      options: [
        { id: 'a', label: 'ORD-55120' },
        { id: 'b', label: 'ORD-55121' },
      ],
    },
  ]),
};

export const Link: Story = {
  render: thread([
    { author: 'agent', kind: 'link', url: 'https://shop.example.com/help/returns', title: 'How returns work' },
    { kind: 'link', url: 'https://www.example.org/a/very/long/path/that/keeps/going/and/going?with=query&and=more' },
  ]),
};

export const Offer: Story = {
  render: thread([
    {
      author: 'agent',
      kind: 'offer',
      title: 'Free return shipping',
      description: 'Loyalty members return for free for 60 days.',
      imageUrl: 'https://images.example.com/offers/returns.jpg',
      url: 'https://shop.example.com/offers/free-returns',
      cta: 'Use the offer',
    },
    { author: 'agent', kind: 'offer', title: '10% off your next order' },
  ]),
};

export const Navigation: Story = {
  render: thread([
    { kind: 'navigation', url: 'https://shop.example.com/jackets/storm-shell', title: 'Storm Shell jacket' },
    { kind: 'navigation', url: 'https://shop.example.com/returns' },
    { kind: 'text', text: 'I am looking at your returns page.' },
  ]),
};

/** Unsafe URLs are shown as inert text, never as links or image sources. */
export const UnsafeUrls: Story = {
  render: thread([
    { kind: 'link', url: 'javascript:alert(1)', title: 'Click me' },
    { kind: 'image', url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'Sneaky image' },
    { author: 'agent', kind: 'file', name: 'invoice.html', url: 'data:text/html,<script>alert(1)</script>' },
    { kind: 'text', text: '<img src=x onerror=alert(1)> is shown as text' },
  ]),
};

/** Messages over 4,000 characters collapse behind "Show more". */
export const Oversized: Story = {
  render: thread([{ kind: 'text', text: `${'This is a very long message. '.repeat(160)}The end.` }]),
};
