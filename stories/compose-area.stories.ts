import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import type { ComposeArea } from '../src/components/compose-area/compose-area.js';
import type { CannedAnswer, ComposerOffer, Uploader } from '../src/components/compose-area/composer-model.js';
import type { ServerEvent } from '../src/model/types.js';
import { inProvider, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<compose-area>`: the composer of the focused (or given) conversation. Enter sends, Shift+Enter
 * starts a new line, "/" opens the canned answers, Escape closes what is open. Each story is one
 * state; the Actions panel logs `desk-send`.
 */
const meta: Meta = {
  title: 'Elements/Compose area',
  component: 'compose-area',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

const frame =
  'display:block;inline-size:560px;max-inline-size:100%;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

const storyCannedAnswers: CannedAnswer[] = [
  {
    id: 'greet',
    title: 'Greeting',
    text: 'Hello {visitor.name}, I am {agent.name}. How can I help you today?',
    category: 'Openers',
    scope: 'shared',
  },
  {
    id: 'ship',
    title: 'Shipping times',
    text: 'Orders placed before 2 pm ship the same day; delivery takes 2–3 working days.',
    category: 'Orders',
    scope: 'shared',
  },
  {
    id: 'return',
    title: 'Returns',
    text: 'You can return any item within 30 days: here is how…',
    category: 'Orders',
    scope: 'shared',
  },
  {
    id: 'sizes',
    title: 'Size guide',
    text: 'Our boots run small: we recommend half a size up.',
    category: 'Products',
    scope: 'personal',
  },
  {
    id: 'bye',
    title: 'Goodbye',
    text: 'Thank you {visitor.name}, have a lovely day!',
    category: 'Closers',
    scope: 'personal',
  },
];

const storyOffers: ComposerOffer[] = [
  {
    id: 'boots10',
    title: '10% off waterproof boots',
    description: 'Use code BOOTS10 at checkout, until Sunday.',
    imageUrl: 'https://images.example.com/offers/boots.jpg',
    url: 'https://shop.example.com/offers/boots10',
    cta: 'Shop now',
  },
  { id: 'ship', title: 'Free express shipping', description: 'On every order over €50 this week.', cta: 'Get it' },
  { id: 'socks', title: 'Free hiking socks with any boots' },
];

/** Never finishes by itself: shows progress, then waits (cancel aborts it). */
const slowUploader: Uploader = (_file, { signal, onProgress }) =>
  new Promise((_resolve, reject) => {
    onProgress(0.45);
    signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });

/** Uploads in about two seconds, with progress. */
const demoUploader: Uploader = (file, { signal, onProgress }) =>
  new Promise((resolve, reject) => {
    let done = 0;
    const timer = setInterval(() => {
      done += 0.1;
      onProgress(done);
      if (done >= 1) {
        clearInterval(timer);
        resolve({ url: `https://files.example.com/uploads/${encodeURIComponent(file.name)}` });
      }
    }, 200);
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

interface ComposerOptions extends StoryStoreOptions {
  draft?: string;
  props?: Partial<ComposeArea>;
  lang?: string;
}

function composer(conversationId: string, options: ComposerOptions = {}): TemplateResult {
  const { store } = storyStore(options);
  store.focus(conversationId);
  if (options.draft !== undefined) store.setDraft(conversationId, options.draft);
  const props = { cannedAnswers: storyCannedAnswers, offers: storyOffers, uploader: demoUploader, ...options.props };
  return html`<div lang=${ifDefined(options.lang)}>
    ${inProvider(
      store,
      html`<compose-area
        style=${frame}
        conversation-id=${conversationId}
        .cannedAnswers=${props.cannedAnswers}
        .offers=${props.offers}
        .uploader=${props.uploader}
      ></compose-area>`,
    )}
  </div>`;
}

/** The compose-area a play function works on, once rendered. */
async function composeArea(canvas: HTMLElement): Promise<ComposeArea> {
  const el = canvas.querySelector<ComposeArea>('compose-area')!;
  await el.updateComplete;
  return el;
}

/** Opens a tool's panel. */
async function click(canvas: HTMLElement, name: string): Promise<ComposeArea> {
  const el = await composeArea(canvas);
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!.click();
  await waitFor(() => {
    if (!el.shadowRoot!.querySelector('[part="panel"]')) throw new Error(`${name}: no panel yet`);
  });
  await el.updateComplete;
  return el;
}

/** Nothing typed yet: Send is disabled; tools for emoji, link, offer and attachment. */
export const Empty: Story = {
  render: () => composer('c-emma'),
};

/** A draft kept in the store for this conversation (switch away and back, or reload: it is still there). */
export const WithDraft: Story = {
  render: () =>
    composer('c-emma', { draft: 'Hi Emma, the Trailmaster boots are fully waterproof.\nThey come in sizes 36 to 47.' }),
};

const typing: ServerEvent = {
  type: 'visitor.typing',
  conversationId: 'c-emma',
  typing: true,
  preview: 'Do you also ship to Belg',
};

/** The visitor is typing, with the live preview their channel provides. */
export const VisitorTyping: Story = {
  render: () => composer('c-emma', { events: [typing] }),
};

/** The link form, after an address that cannot be sent. */
export const LinkForm: Story = {
  render: () => composer('c-emma'),
  play: async ({ canvasElement }) => {
    const el = await click(canvasElement, 'Send a link');
    const url = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="url"]')!;
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  },
};

/** The offer picker with an offer chosen and its preview card. */
export const OfferPicker: Story = {
  render: () => composer('c-emma'),
  play: async ({ canvasElement }) => {
    const el = await click(canvasElement, 'Send an offer');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
  },
};

function pngFile(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 96;
  canvas.height = 96;
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, 96, 96);
  gradient.addColorStop(0, '#2f5bd3');
  gradient.addColorStop(1, '#6fd6c9');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 96, 96);
  return new Promise((resolve) =>
    canvas.toBlob((blob) => resolve(new File([blob!], 'boots-photo.png', { type: 'image/png' })), 'image/png'),
  );
}

/** An image being uploaded: preview, progress, cancel. */
export const Uploading: Story = {
  render: () => composer('c-emma', { props: { uploader: slowUploader } }),
  play: async ({ canvasElement }) => {
    const el = await composeArea(canvasElement);
    el.attachFiles([await pngFile()]);
  },
};

/** "/" typed: the canned answers, filterable, with category and scope; arrows and Enter insert. */
export const CannedList: Story = {
  render: () => composer('c-emma', { draft: '/' }),
};

/** The visitor is blocked: the composer is disabled and says why. */
export const Blocked: Story = {
  render: () =>
    composer('c-liam', {
      edit: (fixtures) => {
        fixtures.visitors.find((v) => v.id === 'v-liam')!.blocked = true;
      },
    }),
};

/** The conversation is closed. */
export const Closed: Story = {
  render: () =>
    composer('c-emma', {
      edit: (fixtures) => {
        const conversation = fixtures.conversations.find((c) => c.id === 'c-emma')!;
        conversation.status = 'closed';
        conversation.closedAt = new Date().toISOString();
      },
    }),
};

/** An SMS conversation near its 1,600-character limit: the counter shows. */
export const NearCharacterLimit: Story = {
  render: () =>
    composer('c-4821', {
      draft: `${'Your order ORD-55120 has shipped and will arrive on Thursday. '.repeat(30)}`.slice(0, 1560),
    }),
};

/** The emoji picker, loaded on first use (its data comes from `emoji-data-source`, by default the copy shipped with agent-desk, same origin). */
export const EmojiPicker: Story = {
  render: () => composer('c-emma'),
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Insert emoji');
  },
};

/** An address typed without a scheme: the form offers (and sends) the https:// one. */
export const LinkCompletion: Story = {
  render: () => composer('c-emma'),
  play: async ({ canvasElement }) => {
    const el = await click(canvasElement, 'Send a link');
    const url = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="url"]')!;
    url.value = 'shop.example.com/tents';
    url.dispatchEvent(new Event('input'));
  },
};

/** In a narrow pane (360 px): short placeholder, hint kept for screen readers only, icon-only Send. */
export const Narrow: Story = {
  render: () => html`<div style="inline-size: 360px">${composer('c-emma')}</div>`,
};

/** Offline: messages are kept and sent when the connection is back. */
export const Offline: Story = {
  render: () => {
    const { store, transport } = storyStore();
    store.focus('c-emma');
    transport.setOnline(false);
    return inProvider(store, html`<compose-area style=${frame} conversation-id="c-emma"></compose-area>`);
  },
};

/** Without uploader or offers: the attach and offer buttons are hidden. */
export const Minimal: Story = {
  render: () => composer('c-emma', { props: { uploader: undefined, offers: [], cannedAnswers: [] } }),
};

/** In French (`lang="fr"` on an ancestor). */
export const French: Story = {
  render: () => composer('c-emma', { lang: 'fr', events: [typing] }),
};

/** In Arabic (`lang="ar"` on an ancestor): right to left, the send arrow mirrored. */
export const Arabic: Story = {
  render: () => composer('c-emma', { lang: 'ar', events: [typing] }),
};
