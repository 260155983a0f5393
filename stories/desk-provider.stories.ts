import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DESK_EVENTS, storyStore } from './support/desk-store.js';

/**
 * `<desk-provider>`: gives the desk store to any layout the host builds from the single elements
 * (`<state-box>`, `<chat-box>`, `<message-filter>`, `<compose-area>`, `<visitor-panel>`). It has no
 * box of its own (`display: contents`): the host page lays the elements out with its own CSS. Each
 * element finds the store through context; elements without a `conversation-id` follow the focused
 * conversation, so picking one in the list updates the thread, the composer and the panel together.
 *
 * ```html
 * <desk-provider .store=${store}>
 *   <state-box></state-box>
 *   <chat-box></chat-box>
 *   <compose-area></compose-area>
 *   <visitor-panel></visitor-panel>
 * </desk-provider>
 * ```
 */
const meta: Meta = {
  title: 'Elements/Desk provider',
  component: 'desk-provider',
  parameters: { layout: 'fullscreen', actions: { handles: [...DESK_EVENTS] } },
};
export default meta;

type Story = StoryObj;

const border = 'border: 1px solid light-dark(#dde1e8, #3a4150); border-radius: 10px; overflow: hidden;';

/**
 * A layout of our own: the conversation list on top as a strip, the thread (with its own message
 * filter) and its composer on the left, the visitor panel on the right. Pick another conversation
 * in the list: everything follows.
 */
export const CustomLayout: Story = {
  render: () => {
    const { store } = storyStore();
    store.focus('c-emma');
    return html`<desk-provider .store=${store}>
      <div
        style="display: grid; grid-template-columns: minmax(0, 1fr) 320px; grid-template-rows: 220px minmax(0, 1fr) auto;
          gap: 12px; padding: 12px; block-size: 100vh; min-block-size: 720px; box-sizing: border-box;"
      >
        <state-box style="grid-column: 1 / -1; ${border}"></state-box>
        <chat-box style="grid-column: 1; min-block-size: 0; ${border}"></chat-box>
        <compose-area style="grid-column: 1; ${border}"></compose-area>
        <visitor-panel style="grid-column: 2; grid-row: 2 / -1; overflow: auto; ${border}"></visitor-panel>
      </div>
    </desk-provider>`;
  },
};

/**
 * Two conversations pinned side by side with `conversation-id`, each with its own composer: the
 * same store drives both.
 */
export const PinnedConversations: Story = {
  render: () => {
    const { store } = storyStore();
    const column = (id: string) =>
      html`<div style="display: grid; grid-template-rows: minmax(0, 1fr) auto; gap: 8px; min-block-size: 0;">
        <chat-box conversation-id=${id} style="min-block-size: 0; ${border}"></chat-box>
        <compose-area conversation-id=${id} style=${border}></compose-area>
      </div>`;
    return html`<desk-provider .store=${store}>
      <div
        style="display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px; block-size: 100vh;
          min-block-size: 640px; box-sizing: border-box;"
      >
        ${column('c-emma')} ${column('c-liam')}
      </div>
    </desk-provider>`;
  },
};

/**
 * `<desk-provider demo>` builds its own store (MemoryTransport with the demo data and the
 * simulator: visitors type, browse and arrive), for a quick look without any code.
 */
export const Demo: Story = {
  render: () =>
    html`<desk-provider demo>
      <div
        style="display: grid; grid-template-columns: 300px minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) auto;
          gap: 12px; padding: 12px; block-size: 100vh; min-block-size: 640px; box-sizing: border-box;"
      >
        <state-box style="grid-row: 1 / -1; ${border}"></state-box>
        <chat-box style="min-block-size: 0; ${border}"></chat-box>
        <compose-area style=${border}></compose-area>
      </div>
    </desk-provider>`,
};

/** Without a store (and without `demo`), every element shows an empty, accessible placeholder. */
export const NoStore: Story = {
  render: () =>
    html`<desk-provider>
      <div style="display: grid; gap: 12px; padding: 12px; max-inline-size: 640px;">
        <state-box style=${border}></state-box>
        <chat-box style="block-size: 200px; ${border}"></chat-box>
        <compose-area style=${border}></compose-area>
      </div>
    </desk-provider>`,
};
