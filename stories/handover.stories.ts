import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ago, inProvider, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<chat-box>`'s "Transfer" and "End conversation" tools, one story per state. "Transfer" opens a
 * dialog to search and choose a colleague or a skill and write a comment; the server accepts (the
 * transfer line, the conversation leaves the list) or refuses (said in the dialog, the comment
 * kept). "End conversation" asks for an optional closing note and tags, then offers "Undo" while
 * the pane shows the next conversation. Both fire a cancelable event first (see the Actions panel).
 */
const meta: Meta = {
  title: 'Elements/Chat box/Transfer and end',
  component: 'chat-box',
  parameters: { layout: 'padded', actions: { handles: ['desk-transfer', 'desk-close-conversation'] } },
};
export default meta;

type Story = StoryObj;

const frame =
  'display:flex;inline-size:min(900px,100%);block-size:640px;border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden;';

/** Steps run on the rendered box, in order, once it is on the page (opening a dialog, choosing…). */
type Step = (box: ShadowRoot) => void | Promise<void>;

const click =
  (selector: string): Step =>
  (box) =>
    box.querySelector<HTMLElement>(selector)?.click();
/** A tool's button; its dialog is loaded on first use, so the next step waits for it to open. */
const openTool =
  (selector: string): Step =>
  async (box) => {
    box.querySelector<HTMLElement>(selector)?.click();
    for (let i = 0; i < 100 && !box.querySelector('dialog[open]'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
const fill =
  (selector: string, value: string): Step =>
  (box) => {
    const field = box.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) return;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
const radio =
  (name: string): Step =>
  (box) =>
    [...box.querySelectorAll<HTMLLabelElement>('label.target')]
      .find((label) => label.textContent?.includes(name))
      ?.querySelector('input')
      ?.click();

function render(options: StoryStoreOptions = {}, conversationId = 'c-emma', steps: Step[] = []) {
  return () => {
    const { store } = storyStore(options);
    const id = `handover-${Math.random().toString(36).slice(2)}`;
    // Each step after the box (and what the previous step changed) rendered.
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const box = document.getElementById(id) as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      if (!box?.shadowRoot) return;
      for (const step of steps) {
        await box.updateComplete;
        await step(box.shadowRoot);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    return inProvider(
      store,
      html`<chat-box id=${id} style=${frame} conversation-id=${conversationId || nothing} lang="en"></chat-box>`,
    );
  };
}

/** The header's two tools ("Transfer" and "End conversation"). */
export const Tools: Story = { render: render() };

/** A colleague handed this conversation over: their comment stays at the top of the thread. */
export const TransferredToYou: Story = {
  render: render(
    {
      edit: (fixtures) =>
        fixtures.messages.push({
          id: 'story-transfer-in',
          conversationId: 'c-noah',
          author: 'system',
          at: ago(30),
          kind: 'transfer',
          to: { type: 'agent', name: 'Alex Martin' },
          from: { name: 'Sam Okafor' },
          comment: 'He ordered the wrong size; the exchange label is ready in the back office.',
        }),
    },
    'c-noah',
  ),
};

/** "Transfer conversation": colleagues with their availability, skills with their free agents. */
export const TransferDialog: Story = { render: render({}, 'c-emma', [openTool('.tool-transfer')]) };

/** The search narrows the list. */
export const TransferSearch: Story = {
  render: render({}, 'c-emma', [openTool('.tool-transfer'), fill('#transfer-search', 'foot')]),
};

/** Sent, waiting for the server (here: one that does not answer). */
export const TransferPending: Story = {
  render: render({ autoAck: false }, 'c-emma', [
    openTool('.tool-transfer'),
    radio('Billing'),
    fill('#transfer-comment', 'Refund for order 88412'),
    click('.transfer-dialog button[type="submit"]'),
  ]),
};

/** Refused (Kenji is unavailable): said in the dialog, the comment kept. */
export const TransferRefused: Story = {
  render: render({}, 'c-emma', [
    openTool('.tool-transfer'),
    radio('Kenji'),
    fill('#transfer-comment', 'She needs the waterproofing specs'),
    click('.transfer-dialog button[type="submit"]'),
  ]),
};

/** Accepted: the transfer line closes the thread; the conversation left the list. */
export const Transferred: Story = {
  render: render({}, 'c-emma', [
    openTool('.tool-transfer'),
    radio('Billing'),
    fill('#transfer-comment', 'Refund question'),
    click('.transfer-dialog button[type="submit"]'),
  ]),
};

/** "End conversation": closing note and tags (typed, or from the suggestions). */
export const EndDialog: Story = {
  render: render({}, 'c-emma', [
    openTool('.tool-end'),
    fill('#end-note', 'Recommended the Trail Pro, size 39.5'),
    click('.suggestion'),
  ]),
};

/** Ended (the box follows the focused pane): it shows the conversation waiting longest, with "Conversation ended · Undo". */
export const Ended: Story = {
  render: render({ closeUndoMs: 3_600_000 }, '', [openTool('.tool-end'), click('.end-dialog button[type="submit"]')]),
};

/** In French. */
export const French: Story = {
  render: () => {
    const { store } = storyStore();
    return inProvider(store, html`<chat-box style=${frame} conversation-id="c-emma" lang="fr"></chat-box>`);
  },
};
