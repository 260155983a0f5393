import { css } from 'lit';

export const visitorPanelStyles = css`
  :host {
    display: block;
    --_padding: var(--visitor-panel-padding, var(--_space-3));
    --_label-width: var(--visitor-panel-label-width, 42%);
    background: var(--_color-surface);
  }
  .base {
    display: flex;
    flex-direction: column;
  }
  .header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2);
    padding: var(--_padding);
    border-block-end: 1px solid var(--_color-border);
  }
  .name,
  .section-heading,
  .subheading,
  p,
  dl,
  dd,
  ol {
    margin: 0;
  }
  .name {
    font-size: 1.15em;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font-size: var(--_font-size-small);
    font-weight: 600;
    background: var(--_color-surface-alt);
    color: var(--_color-text-muted);
    border: 1px solid var(--_color-border);
  }
  .badge-blocked {
    background: var(--_color-danger-surface);
    color: var(--_color-danger);
    border-color: currentColor;
  }

  /* Sections */
  .section {
    border-block-end: 1px solid var(--_color-border);
  }
  .section-heading {
    font-size: inherit;
  }
  .section-toggle {
    display: flex;
    align-items: center;
    justify-content: space-between;
    inline-size: 100%;
    padding: var(--_space-2) var(--_padding);
    border: 0;
    background: none;
    cursor: pointer;
    font-weight: 650;
    text-align: start;
  }
  .section-toggle:hover {
    background: var(--_color-surface-alt);
  }
  .section-toggle:focus-visible {
    outline-offset: -2px;
  }
  .section-toggle::after {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    /* Physical sides on purpose: rotated 45deg this draws a chevron pointing down in both directions. */
    border-right: 2px solid var(--_color-text-muted);
    border-bottom: 2px solid var(--_color-text-muted);
    transform: rotate(45deg);
    transition: transform 120ms ease;
    margin-inline-end: 2px;
  }
  .section-toggle[aria-expanded='false']::after {
    transform: rotate(-45deg);
  }
  .section-toggle[aria-expanded='false']:dir(rtl)::after {
    transform: rotate(135deg);
  }
  .section-body {
    padding: 0 var(--_padding) var(--_padding);
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .section-body[hidden] {
    display: none;
  }

  /* Key/value lists */
  dl {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_label-width) minmax(0, 1fr);
    gap: var(--_space-2);
    overflow-wrap: anywhere;
  }
  dd {
    min-inline-size: 0;
  }
  dt,
  .missing,
  .muted,
  .empty {
    color: var(--_color-text-muted);
  }
  .missing,
  .empty {
    font-style: italic;
  }
  .duration {
    font-variant-numeric: tabular-nums;
  }

  /* Pages */
  .subheading {
    font-size: var(--_font-size-small);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_color-text-muted);
    margin-block-start: var(--_space-2);
  }
  .pages {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .pages li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_space-2);
    align-items: baseline;
  }
  .pages time {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .page-title {
    display: block;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_color-accent);
  }
  .url,
  .note {
    display: block;
    font-size: var(--_font-size-small);
  }
  .url {
    /* URLs read left to right in every language; the ellipsis cuts the end, not the host. */
    text-align: start;
    color: var(--_color-text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* The URL itself is dir="ltr": its container's direction decides its side. */
  [dir='rtl'] .url {
    text-align: right;
  }
  .url.inert {
    white-space: normal;
    overflow-wrap: anywhere;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .note {
    color: var(--_color-warning);
  }

  /* Buttons */
  .button {
    align-self: flex-start;
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
    cursor: pointer;
    font-weight: 550;
  }
  .button:hover {
    background: var(--_color-surface-alt);
  }
  .button.danger {
    color: var(--_color-danger);
    border-color: currentColor;
  }
  .button.danger:hover {
    background: var(--_color-danger-surface);
  }
  .count {
    font-weight: 600;
  }

  /* History */
  .history {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .history button {
    display: flex;
    flex-direction: column;
    gap: 2px;
    inline-size: 100%;
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    text-align: start;
    cursor: pointer;
  }
  .history button:hover {
    background: var(--_color-surface-alt);
  }
  .history button[aria-current='true'] {
    border-color: var(--_color-accent);
    border-inline-start-width: 4px;
    padding-inline-start: calc(var(--_space-2) - 3px);
  }
  .history-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .history-meta time {
    color: var(--_color-text);
    font-weight: 600;
  }
  .preview {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }

  /* Block */
  .block {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_padding);
  }
  .blocked {
    margin: var(--_padding);
    padding: var(--_space-3);
    border: 1px solid var(--_color-danger);
    border-radius: var(--_radius-small);
    background: var(--_color-danger-surface);
  }
  .blocked-status {
    font-weight: 650;
    color: var(--_color-danger);
  }
  .blocked .muted {
    color: var(--_color-text);
  }
`;
