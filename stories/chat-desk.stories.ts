import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DESK_EVENTS, storyStore, type StoryStoreOptions } from './support/desk-store.js';

/**
 * `<chat-desk>`: the assembled desk — state box, one, two or four panes (only the focused one has a
 * composer) and the visitor panel. It fills its container: below 900 px of its own width the list and
 * the visitor panel become drawers. Keyboard: Alt+ArrowDown / Alt+ArrowUp switch conversation, F6 /
 * Shift+F6 move round the regions (list, each pane's thread and composer, visitor panel), `?` or the
 * toolbar's "Keyboard shortcuts" lists every shortcut, Escape closes a drawer.
 */
const meta: Meta = {
  title: 'Elements/Chat desk',
  component: 'chat-desk',
  parameters: { layout: 'fullscreen', actions: { handles: [...DESK_EVENTS] } },
  argTypes: {
    layout: { control: 'inline-radio', options: [1, 2, 4] },
    sort: { control: 'inline-radio', options: ['arrival', 'waiting'] },
    warningThreshold: { control: { type: 'number', min: 0, step: 10 }, name: 'warning-threshold' },
    width: { control: 'text', description: 'Width of the desk’s container (drawers below 900px).' },
  },
  args: { layout: 1, sort: 'arrival', warningThreshold: 60, width: '100%' },
};
export default meta;

interface Args {
  layout: 1 | 2 | 4;
  sort: 'arrival' | 'waiting';
  warningThreshold: number;
  width: string;
}
type Story = StoryObj<Args>;

function render(options: StoryStoreOptions = {}, setup?: (desk: ReturnType<typeof storyStore>) => void, lang?: string) {
  return (args: Args) => {
    const desk = storyStore(options);
    setup?.(desk);
    return html`<div
      style="block-size: 100vh; min-block-size: 640px; inline-size: ${args.width}; max-inline-size: 100%;"
    >
      <chat-desk
        .store=${desk.store}
        layout=${args.layout}
        sort=${args.sort}
        warning-threshold=${args.warningThreshold}
        lang=${ifDefined(lang)}
      ></chat-desk>
    </div>`;
  };
}

/** One conversation at a time. */
export const SinglePane: Story = { args: { layout: 1 }, render: render() };

/** Two conversations side by side; the focused one has the composer. */
export const TwoPanes: Story = { args: { layout: 2 }, render: render() };

/** Four conversations in a 2×2 grid. */
export const FourPanes: Story = { args: { layout: 4 }, render: render() };

/** An 800px container: the list and the visitor panel are drawers opened from the toolbar. */
export const NarrowDesk: Story = { args: { width: '800px' }, render: render() };

/** Four panes on an 800 px desk: the focused pane's composer goes compact (icon Send, hint off screen). */
export const NarrowFourPanes: Story = { args: { width: '800px', layout: 4 }, render: render() };

/** 320 CSS px wide (400 % zoom of 1280 px): one toolbar row of icon buttons, the thread keeps its height. */
export const Reflow320: Story = { args: { width: '320px' }, render: render() };

/** Two panes in a 600px container: the panes stack. */
export const NarrowTwoPanes: Story = { args: { width: '600px', layout: 2 }, render: render() };

/** The connection is lost: a status banner says so; messages wait in the outbox. */
export const Offline: Story = { render: render({}, ({ transport }) => transport.setOnline(false)) };

/** The demo simulator runs: visitors type, browse and new conversations arrive (announced politely). */
export const Live: Story = { args: { layout: 2 }, render: render({ simulate: true, batching: 'frame' }) };

/** `lang="fr"`. */
export const French: Story = { args: { layout: 2 }, render: render({}, undefined, 'fr') };

/** `lang="ar"`: the whole desk right to left (conversations on the right, visitor information on the left). */
export const Arabic: Story = { args: { layout: 2 }, render: render({}, undefined, 'ar') };

/**
 * Alerts on: `notify="sound title desktop"`. While the simulator runs, new conversations and messages
 * in conversations not in a pane ding (at most every 1.5 s), count in the tab title while the tab is
 * hidden and, once allowed from the "Alerts" menu, show desktop notifications; each fires
 * `desk-notify` first (see Actions). The agent's choice in the menu is remembered.
 */
export const Alerts: Story = {
  render: (args) =>
    html`<div style="block-size: 100vh; min-block-size: 640px; inline-size: ${args.width};">
      <chat-desk
        .store=${storyStore({ simulate: true, batching: 'frame' }).store}
        layout=${args.layout}
        notify="sound title desktop"
      ></chat-desk>
    </div>`,
};
