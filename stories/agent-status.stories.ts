import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { inProvider, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<agent-status>`: the agent's name and availability on each channel it serves. A channel whose
 * ongoing conversations reach its `maxConversations` shows Busy with "Limit reached (n/n)" until one
 * ends; a Busy or Unavailable the agent chose is never overridden. The button "Availability" opens
 * radio groups ("All channels", then one per channel); each choice fires the cancelable
 * `desk-availability-change` first. `compact` is how `<chat-desk>`'s toolbar shows it.
 */
const meta: Meta = {
  title: 'Elements/Agent status',
  component: 'agent-status',
  parameters: { layout: 'padded', actions: { handles: ['desk-availability-change'] } },
  argTypes: { compact: { control: 'boolean' } },
  args: { compact: false },
};
export default meta;

interface Args {
  compact: boolean;
}
type Story = StoryObj<Args>;

function render(options: StoryStoreOptions = {}, lang = 'en') {
  return (args: Args) => {
    const { store } = storyStore(options);
    return inProvider(
      store,
      html`<div style="min-block-size: 420px">
        <agent-status ?compact=${args.compact} lang=${lang}></agent-status>
      </div>`,
    );
  };
}

/** The demo's channels: Live chat available, WhatsApp at its limit (1/1), Facebook busy by choice, Email unavailable. */
export const Default: Story = { render: render() };

/** As in the desk's toolbar: chips (the status in each chip's tooltip and accessible text). */
export const Compact: Story = { args: { compact: true }, render: render() };

/** The panel open: "All channels", then one radio group per channel (arrow keys, Escape closes). */
export const PanelOpen: Story = {
  render: render(),
  play: async ({ canvasElement }) => {
    const status = canvasElement.querySelector('agent-status')!;
    await status.updateComplete;
    status.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  },
};

/** Live chat at its limit too: a third live-chat visitor arrived. */
export const LimitReached: Story = {
  render: render({
    events: [
      { type: 'visitor.updated', visitor: { id: 'v-story', name: 'Olivia Brown' } },
      {
        type: 'conversation.upserted',
        conversation: {
          id: 'c-story',
          visitorId: 'v-story',
          channel: 'chat',
          status: 'ongoing',
          startedAt: new Date().toISOString(),
        },
      },
    ],
  }),
};

/** Everything available (no channel at its limit). */
export const AllAvailable: Story = {
  render: render({
    edit: (fixtures) => {
      fixtures.channels = fixtures.channels?.map((channel) => ({ ...channel, availability: 'available' }));
      fixtures.conversations = fixtures.conversations.filter((c) => c.channel !== 'whatsapp');
    },
  }),
};

/** An agent who serves no channel (the server sent none). */
export const NoChannels: Story = {
  render: render({
    edit: (fixtures) => {
      delete fixtures.channels;
    },
  }),
};

/** French. */
export const French: Story = { render: render({}, 'fr') };
