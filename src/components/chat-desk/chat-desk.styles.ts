import { css } from 'lit';

export const chatDeskStyles = css`
  :host {
    display: block;
    block-size: 100%;
    min-block-size: 0;
    background: var(--_color-surface-alt);
    --_sidebar-width: var(--chat-desk-sidebar-width, 300px);
    --_info-width: var(--chat-desk-info-width, 320px);
  }
  :host([theme='light']) {
    --desk-color-scheme: light;
  }
  :host([theme='dark']) {
    --desk-color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  .desk {
    position: relative;
    display: grid;
    grid-template-columns: var(--_sidebar-width) minmax(0, 1fr) var(--_info-width);
    grid-template-rows: minmax(0, 1fr);
    block-size: 100%;
    min-block-size: 0;
    overflow: hidden;
  }
  .column {
    min-block-size: 0;
    overflow: auto;
    background: var(--_color-surface);
  }
  .column:focus,
  .pane:focus {
    outline: none;
  }
  /* Above the outline: none of :focus (the shared :focus-visible rule is less specific). */
  .column:focus-visible,
  .pane:focus-visible {
    outline: var(--_focus-ring);
  }
  .column:focus-visible {
    outline-offset: -2px;
  }
  .sidebar {
    overflow: hidden;
    border-inline-end: 1px solid var(--_color-border);
  }
  .info {
    border-inline-start: 1px solid var(--_color-border);
  }
  .center {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    min-block-size: 0;
  }

  /* ---- toolbar ---- */
  .toolbar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    min-block-size: 44px;
    padding: var(--_space-1) var(--_space-3);
    border-block-end: 1px solid var(--_color-border);
    background: var(--_color-surface);
    box-sizing: border-box;
  }
  .layout {
    display: inline-flex;
    padding: 2px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-alt);
  }
  .segment,
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
    font-weight: 600;
  }
  .segment {
    position: relative;
    padding: 3px 10px;
    border-radius: 4px;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .segment input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segment:hover {
    color: var(--_color-text);
  }
  .segment:has(input:checked) {
    background: var(--_color-surface-raised);
    color: var(--_color-accent);
    box-shadow: var(--_shadow);
  }
  .segment:has(input:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 1px;
  }
  .toggle {
    padding: 5px 10px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
  }
  .shortcuts .key {
    min-inline-size: 1ch;
    font-weight: 700;
  }
  .toggle:hover {
    background: var(--_color-surface-alt);
  }
  .toggle-badge {
    min-inline-size: 18px;
    padding: 0 5px;
    border-radius: 999px;
    background: var(--_color-warning-surface);
    color: var(--_color-warning);
    border: 1px solid color-mix(in srgb, var(--_color-warning) 45%, transparent);
    font-size: var(--_font-size-small);
    line-height: 16px;
    text-align: center;
  }
  .toggle[aria-expanded='true'] {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }

  /* ---- connection banner (collapsed while online; the desk's announcer says each change) ---- */
  .connection:not([data-state='online']) {
    padding: var(--_space-1) var(--_space-3);
    border-block-end: 1px solid color-mix(in srgb, var(--_color-warning) 35%, transparent);
    background: var(--_color-warning-surface);
    color: var(--_color-warning);
    font-weight: 600;
    text-align: center;
  }
  .connection[data-state='offline'] {
    border-color: color-mix(in srgb, var(--_color-danger) 35%, transparent);
    background: var(--_color-danger-surface);
    color: var(--_color-danger);
  }

  /* ---- panes ---- */
  .panes {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    gap: var(--_space-2);
    padding: var(--_space-2);
    min-block-size: 0;
  }
  .panes[data-layout='2'] {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .panes[data-layout='4'] {
    grid-template-columns: repeat(2, minmax(0, 1fr));
    grid-template-rows: repeat(2, minmax(0, 1fr));
  }
  .pane {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    min-inline-size: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow: hidden;
    transition:
      border-color 120ms ease,
      box-shadow 120ms ease;
  }
  .pane[data-focused] {
    border-color: var(--_color-accent);
    box-shadow: 0 0 0 1px var(--_color-accent);
  }
  .panes[data-layout='1'] .pane[data-focused] {
    border-color: var(--_color-border);
    box-shadow: none;
  }
  .pane chat-box {
    flex: 1;
    min-block-size: 0;
    /* A wide desk's panes have a fixed height that nothing scrolls: a minimum would push the newest
       messages under the composer. The narrow desk scrolls, and keeps it. */
    --chat-box-thread-min-height: 0px;
  }
  .pane compose-area {
    flex: none;
  }
  .empty-pane {
    flex: 1;
    align-content: center;
  }
  .empty-pane p {
    margin: 0;
  }
  .empty-pane .hint {
    font-size: var(--_font-size-small);
  }

  /* ---- narrow desk: side columns become drawers ---- */
  .desk[data-narrow] {
    grid-template-columns: minmax(0, 1fr);
  }
  .desk[data-narrow] .column {
    position: absolute;
    inset-block: 0;
    z-index: 3;
    inline-size: min(var(--_info-width), 88%);
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.28);
  }
  .desk[data-narrow] .sidebar {
    inset-inline-start: 0;
    inline-size: min(var(--_sidebar-width), 88%);
  }
  .desk[data-narrow] .info {
    inset-inline-end: 0;
  }
  /* Reflow (1.4.10, down to 320 × 256 CSS px): one toolbar row of icon buttons (their words stay
     their names), a thread that keeps a usable height, and the desk's middle scrolling rather than
     squeezing the thread away. */
  .desk[data-narrow] .toolbar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    flex-wrap: nowrap;
    gap: 2px;
    padding-inline: var(--_space-1);
  }
  .desk[data-narrow] .toolbar .toggle > span:not(.toggle-badge, .key),
  .desk[data-narrow] agent-status::part(name),
  .desk[data-narrow] agent-status::part(button-label),
  /* "?" is the help's glyph on screen; its words stay its name (the toolbar keeps one row). */
  .shortcuts .label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .desk[data-narrow] .toolbar {
    overflow-x: auto;
  }
  /* The channel chips would be cut to nothing: the Availability panel lists them. */
  .desk[data-narrow] agent-status::part(summary) {
    display: none;
  }
  .desk[data-narrow] .toolbar .toggle,
  .desk[data-narrow] .segment {
    padding-inline: 6px;
  }
  .desk[data-narrow] .segment > span[aria-hidden='true'] {
    display: none;
  }
  .desk[data-narrow] .center {
    overflow-y: auto;
  }
  .desk[data-narrow] .panes {
    flex: 1 0 auto;
  }
  .desk[data-narrow] .pane chat-box {
    min-block-size: auto;
    --chat-box-thread-min-height: initial;
  }
  .scrim {
    position: absolute;
    inset: 0;
    z-index: 2;
    background: rgb(0 0 0 / 0.32);
  }
  /* Very narrow desk: split panes stack. */
  .desk[data-compact] .panes[data-layout='2'],
  .desk[data-compact] .panes[data-layout='4'] {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: none;
    grid-auto-rows: minmax(0, 1fr);
  }
  @media (prefers-reduced-motion: reduce) {
    .pane {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .pane[data-focused] {
      border: 2px solid Highlight;
    }
    .segment:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
