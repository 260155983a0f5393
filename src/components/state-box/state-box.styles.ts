import { css } from 'lit';

export const stateBoxStyles = css`
  :host {
    display: block;
    block-size: 100%;
    min-block-size: 0;
    --_selected-bg: var(--state-box-selected-bg, color-mix(in srgb, var(--_color-accent) 13%, var(--_color-surface)));
    --_hover-bg: color-mix(in srgb, var(--_color-text) 5%, transparent);
    --_warning-bg: var(--state-box-warning-bg, var(--_color-warning-surface));
  }
  [hidden] {
    display: none !important;
  }
  /* Line glyphs (the chips', the empty state's, the channels'); a shape that is filled says so. */
  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.4;
  }
  .base {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    background: var(--_color-surface);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4) var(--_space-2);
    font-weight: 600;
  }
  .title {
    margin: 0;
    font-size: 0.9375rem;
  }
  .count {
    min-inline-size: 22px;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  ul {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    margin: 0;
    padding: var(--_space-1) var(--_space-2) var(--_space-2);
    list-style: none;
  }
  .row {
    position: relative;
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
    padding: var(--_space-2) var(--_space-3);
    margin-block-end: 2px;
    border-radius: var(--_radius-small);
    cursor: pointer;
    user-select: none;
  }
  .row:hover {
    background: var(--_hover-bg);
  }
  .row[aria-selected='true'] {
    background: var(--_selected-bg);
  }
  .row[aria-selected='true']::before {
    content: '';
    position: absolute;
    inset-block: 8px;
    inset-inline-start: 0;
    inline-size: 3px;
    border-radius: 3px;
    background: var(--_color-accent);
  }
  .row:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }
  .channel-icon {
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 34px;
    block-size: 34px;
    margin-block-start: 2px;
    border-radius: 50%;
    color: var(--_channel);
    background: color-mix(in srgb, var(--_channel) 14%, var(--_color-surface));
    --_channel: var(--_color-accent);
  }
  .row[data-channel='facebook'] .avatar {
    --_channel: light-dark(#1461c9, #7fb2ff);
  }
  .row[data-channel='whatsapp'] .avatar {
    --_channel: light-dark(#127a52, #5fd49b);
  }
  .row[data-channel='instagram'] .avatar {
    --_channel: light-dark(#b0266f, #ff8cc6);
  }
  .row[data-channel='sms'] .avatar {
    --_channel: light-dark(#5b6475, #b4bccb);
  }
  .row[data-channel='email'] .avatar {
    --_channel: light-dark(#9a5b00, #ffc56b);
  }
  .row[data-channel='apple-business-chat'] .avatar {
    --_channel: light-dark(#0a6fc2, #7cc4ff);
  }
  /* DOM order is the spoken order (name, state, preview, duration); the grid places them. */
  .main {
    flex: 1;
    min-inline-size: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'name duration'
      'preview badge'
      'state state';
    gap: 2px var(--_space-2);
    align-items: baseline;
  }
  .name,
  .preview {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .line {
    grid-area: name;
    display: flex;
    align-items: baseline;
    gap: var(--_space-1);
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
  }
  .conversation-id {
    flex: none;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-family: ui-monospace, monospace;
  }
  .times {
    grid-area: duration;
    display: inline-flex;
    gap: var(--_space-2);
    justify-self: end;
  }
  .replied {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .avatar {
    position: relative;
  }
  .presence {
    position: absolute;
    inset-block-end: -1px;
    inset-inline-end: -1px;
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    border: 2px solid var(--_color-surface);
    background: var(--_color-text-muted);
  }
  .presence[data-online] {
    background: light-dark(#15803d, #4ade80);
  }
  .overdue {
    font-weight: 700;
  }
  .new,
  .transferred {
    color: var(--_color-accent);
    border-color: currentColor;
  }
  .toolbar {
    display: flex;
    padding: 0 var(--_space-4) var(--_space-2);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 400;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .sort select {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding: 2px var(--_space-1);
  }
  .sort select:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 1px;
  }
  .mini-view {
    position: fixed;
    z-index: 20;
    inline-size: 320px;
    max-inline-size: calc(100vw - 16px);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    font-size: var(--_font-size-small);
  }
  .mini-view ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .mini-title {
    margin: 0 0 var(--_space-2);
    font-weight: 600;
  }
  .mini-meta {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    color: var(--_color-text-muted);
  }
  .mini-text {
    display: block;
    overflow-wrap: anywhere;
  }
  .row[data-waiting] .name {
    font-weight: 700;
  }
  .duration {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .preview {
    grid-area: preview;
    color: var(--_color-text-muted);
  }
  .row[data-waiting] .preview {
    color: var(--_color-text);
  }
  .preview[data-typing] {
    font-style: italic;
    color: var(--_color-accent);
  }
  .state {
    grid-area: state;
    display: flex;
    align-items: center;
    min-inline-size: 0;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-small);
  }
  .channel {
    color: var(--_color-text-muted);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid transparent;
    font-weight: 600;
    line-height: 18px;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .waiting {
    color: var(--_color-accent);
    border-color: color-mix(in srgb, var(--_color-accent) 40%, transparent);
  }
  .row[data-overdue] .waiting {
    color: var(--_color-warning);
    background: var(--_warning-bg);
    border-color: color-mix(in srgb, var(--_color-warning) 45%, transparent);
  }
  .blocked,
  .failed {
    color: var(--_color-danger);
    background: var(--_color-danger-surface);
  }
  .failed {
    border-color: color-mix(in srgb, var(--_color-danger) 45%, transparent);
  }
  .draft,
  .closed,
  .pane-mark {
    color: var(--_color-text-muted);
    border-color: var(--_color-border);
  }
  .draft {
    border-style: dashed;
    font-style: italic;
  }
  .row[data-closed] .name,
  .row[data-closed] .preview {
    color: var(--_color-text-muted);
  }
  .pane-mark {
    border-radius: 4px;
  }
  .badge {
    grid-area: badge;
    justify-self: end;
    min-inline-size: 20px;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
    font-weight: 700;
    line-height: 20px;
    text-align: center;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-4);
    margin-block-start: var(--_space-4);
    color: var(--_color-text-muted);
    text-align: center;
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    color: var(--_color-text);
    font-weight: 600;
  }
  .empty-hint {
    font-size: var(--_font-size-small);
  }
  @media (forced-colors: active) {
    .row[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
    .badge,
    .chip {
      border: 1px solid CanvasText;
    }
  }
`;
