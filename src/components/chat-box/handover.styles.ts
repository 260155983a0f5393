import { css } from 'lit';

/**
 * Transfer and End conversation (handover.ts): the tools, the transfer note and the undo bar. The
 * dialogs' own rules come with them (handover-dialogs.ts).
 */
export const handoverStyles = css`
  .tool-end:not(:disabled):hover {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
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
