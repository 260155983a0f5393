import { css } from 'lit';

/** Transfer and End conversation (handover.ts): on top of `dialogStyles`. */
export const handoverStyles = css`
  .tool-end:not(:disabled):hover {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .handover-dialog {
    inline-size: min(440px, calc(100vw - 32px));
  }
  .handover-dialog input[type='search'],
  .handover-dialog input[type='text'] {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding: var(--_space-1) var(--_space-2);
  }
  .handover-dialog .hint {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .handover-dialog .label {
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  .targets {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    max-block-size: 16rem;
    overflow: auto;
    padding-inline-end: var(--_space-1);
  }
  .targets fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .targets legend {
    padding: 0;
    margin-block-end: var(--_space-1);
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .handover-dialog label.target {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    font-weight: 400;
    font-size: inherit;
    cursor: pointer;
  }
  .handover-dialog label.target:hover,
  .handover-dialog label.target:has(input:checked) {
    border-color: var(--_color-border);
    background: var(--_color-surface-alt);
  }
  .target-name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .target-detail {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .target-detail::before {
    content: '';
    display: inline-block;
    inline-size: 8px;
    block-size: 8px;
    margin-inline-end: var(--_space-1);
    border-radius: 50%;
    background: var(--_color-success);
  }
  .target[data-state='busy'] .target-detail::before {
    background: var(--_color-warning);
  }
  .target[data-state='unavailable'] .target-detail::before {
    background: var(--_color-text-muted);
  }
  .no-match,
  .dialog-progress {
    color: var(--_color-text-muted);
  }
  .handover-dialog .dialog-error {
    padding: var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_color-danger-surface);
    color: var(--_color-danger);
  }
  .dialog-actions .primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .dialog-actions .primary:hover {
    background: var(--_color-accent);
    filter: brightness(1.1);
  }
  .dialog-actions button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .chips,
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding-inline-start: var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    font-size: var(--_font-size-small);
  }
  .chip-remove {
    border: 0;
    background: none;
    color: inherit;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font: inherit;
    cursor: pointer;
  }
  .suggestion {
    padding: 0 var(--_space-2);
    border: 1px dashed var(--_color-border);
    border-radius: 999px;
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  .suggestion:hover {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  .banner.transfer-note {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    background: var(--_color-surface-alt);
    color: var(--_color-text);
    border-inline-start: 3px solid var(--_color-action-transfer);
  }
  .transfer-note q {
    overflow-wrap: anywhere;
  }
  .undo-bar {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-text);
    color: var(--_color-surface);
    box-shadow: var(--_shadow);
    font-size: var(--_font-size-small);
  }
  .undo {
    padding: 2px var(--_space-2);
    border: 1px solid currentColor;
    border-radius: var(--_radius-small);
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 650;
  }
  /* Five tools in a narrow pane: tighter icon buttons keep them on the title's row (a taller header
     would leave a split-screen thread little room). */
  @container (max-width: 640px) {
    .tool {
      padding-inline: 5px;
    }
    .tools {
      gap: 2px;
    }
  }
`;
