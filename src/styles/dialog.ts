import { css } from 'lit';

/**
 * The in-page confirmation dialog (`<dialog class="confirm-dialog">`) and its scrim, shared by
 * every element that asks for a confirmation. Use after `tokens` and `shared`.
 */
export const dialogStyles = css`
  .confirm-dialog {
    box-sizing: border-box;
    max-inline-size: min(420px, calc(100vw - 32px));
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    color: var(--_color-text);
    box-shadow: var(--_shadow);
  }
  .confirm-dialog::backdrop {
    /* ::backdrop inherits custom properties in current engines; the fallback covers older ones. */
    background: var(--_color-scrim, rgb(0 0 0 / 0.45));
  }
  .confirm-dialog form {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    margin: 0;
  }
  .confirm-dialog h2,
  .confirm-dialog p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .confirm-dialog h2 {
    font-size: 1.1em;
    line-height: 1.3;
  }
  .confirm-dialog p {
    margin-block-end: var(--_space-2);
    color: var(--_color-text-muted);
  }
  .confirm-dialog label {
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  .confirm-dialog textarea {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding: var(--_space-2);
    resize: vertical;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
  }
  .dialog-actions button {
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
    font-weight: 550;
    cursor: pointer;
  }
  .dialog-actions button:hover {
    background: var(--_color-surface-alt);
  }
  /* Borders take the system colour in forced-colors mode: no rule needed there. */
  .dialog-actions .danger,
  .dialog-actions .danger:hover {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
    font-weight: 650;
  }
  .dialog-actions .danger:hover {
    filter: brightness(1.1);
  }
`;
