import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokens } from '../src/styles/tokens.js';
import { inProvider, storyStore } from './support/desk-store.js';

/**
 * Theming: every colour, radius, spacing and font is a `--desk-*` custom property set on any
 * ancestor; the main pieces expose `::part()`; `theme="light|dark"` (or `--desk-color-scheme`)
 * forces a scheme, otherwise the desk follows `prefers-color-scheme`.
 */
const meta: Meta = {
  title: 'Guides/Theming',
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

const frame = 'display:block;block-size:640px;';

/** The defaults, following the Storybook theme toolbar (light/dark). */
export const Default: Story = {
  render: () => {
    const { store } = storyStore();
    return html`<chat-desk style=${frame} .store=${store}></chat-desk>`;
  },
};

/** A brand override: tokens on the host element, and `::part()` for finer changes. */
export const BrandOverride: Story = {
  render: () => {
    const { store } = storyStore();
    return html`
      <style>
        .brand-desk {
          --desk-font-family: Georgia, 'Times New Roman', serif;
          --desk-radius: 18px;
          --desk-radius-small: 12px;
          --desk-color-accent: light-dark(#0b6e4f, #7fe0bd);
          --desk-color-focus-ring: light-dark(#0b6e4f, #7fe0bd);
          --desk-color-agent-bubble: light-dark(#0b6e4f, #15553f);
          --desk-color-agent-text: #ffffff;
          --desk-color-visitor-bubble: light-dark(#f1ece2, #33302a);
          --desk-color-bot-bubble: light-dark(#fdf3d8, #3b3320);
          --desk-color-surface-alt: light-dark(#f7f5f0, #1a1916);
        }
        .brand-desk::part(toolbar) {
          border-block-end: 3px solid light-dark(#0b6e4f, #7fe0bd);
        }
      </style>
      <chat-desk class="brand-desk" style=${frame} .store=${store}></chat-desk>
    `;
  },
};

/** `theme="dark"` forces the dark scheme whatever the system says. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  render: () => {
    const { store } = storyStore();
    return html`<chat-desk theme="dark" style=${frame} .store=${store}></chat-desk>`;
  },
};

/** French strings and formats: `lang="fr"` on the desk (or any ancestor, or `<html>`). */
export const French: Story = {
  render: () => {
    const { store } = storyStore();
    return html`<chat-desk lang="fr" style=${frame} .store=${store}></chat-desk>`;
  },
};

/**
 * Right to left: `dir="rtl"` (or a right-to-left `lang` such as `ar`) mirrors the layout, visitor and
 * agent sides included. Strings fall back to English for languages without a translation.
 */
export const RightToLeft: Story = {
  render: () => {
    const { store } = storyStore();
    return html`<chat-desk lang="ar" dir="rtl" style=${frame} .store=${store}></chat-desk>`;
  },
};

/**
 * `::part()` on every piece: a layout built with `<desk-provider>` reaches each element's parts
 * directly (`chat-box::part(bubble)`, `state-box::part(option)`…).
 */
export const PartsInACustomLayout: Story = {
  render: () => {
    const { store } = storyStore();
    return html`
      <style>
        .parts-layout {
          display: grid;
          grid-template-columns: 280px minmax(0, 1fr);
          block-size: 600px;
          gap: 12px;
          padding: 12px;
        }
        .parts-layout .thread {
          display: flex;
          flex-direction: column;
          min-block-size: 0;
        }
        .parts-layout chat-box {
          flex: 1;
          min-block-size: 0;
        }
        .parts-layout chat-box::part(bubble) {
          border-radius: 4px 18px 18px 18px;
        }
        .parts-layout state-box::part(option) {
          border-inline-start: 4px solid light-dark(#0b6e4f, #7fe0bd);
        }
        .parts-layout compose-area::part(send-button) {
          text-transform: uppercase;
          letter-spacing: 0.04em;
        }
      </style>
      ${inProvider(
        store,
        html`<div class="parts-layout">
          <state-box></state-box>
          <div class="thread">
            <chat-box></chat-box>
            <compose-area></compose-area>
          </div>
        </div>`,
      )}
    `;
  },
};

/** Every public token with its default (light and dark), read from the tokens stylesheet. */
export const TokenReference: Story = {
  parameters: { layout: 'padded' },
  render: () => {
    const rows = [...tokens.cssText.matchAll(/var\((--desk-[a-z0-9-]+),\s*([^;]+)\);/g)].map(([, name, value]) => ({
      name,
      value: value.trim(),
    }));
    return html`
      <table style="border-collapse:collapse;font:14px/1.5 system-ui,sans-serif">
        <caption style="text-align:start;font-weight:600;padding-block-end:8px">
          Public design tokens
        </caption>
        <thead>
          <tr>
            <th scope="col" style="text-align:start;padding:4px 12px">Token</th>
            <th scope="col" style="text-align:start;padding:4px 12px">Default</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ name, value }) =>
              html`<tr>
                <td style="padding:4px 12px"><code>${name}</code></td>
                <td style="padding:4px 12px"><code>${value}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  },
};
