import { css } from 'lit';

/** The toolbar's "Alerts" menu (the button itself is a `.toggle` of the desk's toolbar). */
export const alertsMenuStyles = css`
  .alerts {
    position: relative;
  }
  .alerts-panel {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-end: 0;
    z-index: 5;
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 14rem;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
    box-shadow: var(--_shadow);
  }
  .alerts-panel[hidden] {
    display: none;
  }
  .alerts-option {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    cursor: pointer;
  }
  .alerts-option:has(input:disabled) {
    color: var(--_color-text-muted);
    cursor: default;
  }
  .alerts-option input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 1px;
  }
  .alerts-note {
    margin: 0 0 0 calc(13px + var(--_space-2));
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .alerts-mute {
    padding-block-start: var(--_space-1);
    border-block-start: 1px solid var(--_color-border);
  }
`;
