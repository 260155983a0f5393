import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MessageFilter } from '../src/model/filter.js';
import { inProvider, storyStore } from './support/desk-store.js';

/**
 * `<message-filter>`: All / Visitor / Agent / Actions / Navigation, an accessible radio group
 * "Message filter" (arrow keys move). Inside a `<chat-box>` it filters that thread; on its own it
 * filters the conversation given by `conversation-id`, else the pane's, else the focused one.
 * Fires `desk-filter-change`.
 */
const meta: Meta = {
  title: 'Elements/Message filter',
  component: 'message-filter',
  parameters: { layout: 'padded', actions: { handles: ['desk-filter-change'] } },
  argTypes: { value: { control: 'inline-radio', options: ['all', 'visitor', 'agent', 'actions', 'navigation'] } },
  args: { value: 'all' },
};
export default meta;

interface Args {
  value: MessageFilter;
}
type Story = StoryObj<Args>;

/** On its own, without a store: it keeps its value and fires `desk-filter-change`. */
export const Standalone: Story = {
  render: (args) => html`<message-filter value=${args.value}></message-filter>`,
};

/** Next to a chat-box (outside it): it filters the focused conversation, which the chat-box shows. */
export const ControlsTheFocusedThread: Story = {
  args: { value: 'actions' },
  render: (args) => {
    const { store } = storyStore();
    return inProvider(
      store,
      html`<div style="display:grid;gap:12px">
        <message-filter value=${args.value}></message-filter>
        <chat-box
          style="display:flex;block-size:520px;inline-size:min(900px,100%);border:1px solid light-dark(#dde1e8,#3a4150);border-radius:10px;overflow:hidden"
        ></chat-box>
      </div>`,
    );
  },
};

/** French (`lang="fr"`). */
export const French: Story = {
  render: (args) => html`<message-filter lang="fr" value=${args.value}></message-filter>`,
};

/** Arabic (`lang="ar"`): right to left. */
export const Arabic: Story = {
  render: (args) => html`<message-filter lang="ar" value=${args.value}></message-filter>`,
};
