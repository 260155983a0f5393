import { css } from 'lit';

export const agentStatusStyles = css`
  :host {
    display: inline-block;
    position: relative;
    /* Colours that keep AA contrast on the surface (the text and icon say the same thing). */
    --_available: var(--agent-status-available-color, var(--_color-success));
    --_busy: var(--agent-status-busy-color, var(--_color-warning));
    --_unavailable: var(--agent-status-unavailable-color, var(--_color-danger));
  }
  .base {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-2);
    font-size: var(--_font-size-small);
    color: var(--_color-text);
  }
  .name {
    font-weight: 600;
  }
  .summary {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .channel {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .badge {
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    color: var(--_color-surface);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1;
  }
  [data-availability='available'] .badge {
    background: var(--_available);
  }
  [data-availability='busy'] .badge {
    background: var(--_busy);
  }
  [data-availability='unavailable'] .badge {
    background: var(--_unavailable);
  }
  .status {
    font-weight: 600;
  }
  /*
   * Compact (a toolbar): one line that gives way to the toolbar's other controls. A chip that does
   * not fit whole wraps onto a second line, which is clipped, rather than showing cut in the middle
   * of its name (each chip stays in the accessible tree, and the panel lists them all); a first
   * chip that cannot fit alone is shortened with an ellipsis.
   */
  :host([compact]) {
    --_chip-height: 1.75rem;
    /* Takes the room the toolbar has left (a zero basis: the chips never push a control onto a new line). */
    flex: 1 1 0;
  }
  :host([compact]) .base {
    display: flex;
    flex-wrap: nowrap;
  }
  :host([compact]) .summary {
    /* No width of its own: the name and the button set the element's narrowest size. */
    flex: 1 1 0;
    inline-size: 0;
    block-size: var(--_chip-height);
    justify-content: safe flex-end;
    overflow: hidden;
  }
  :host([compact]) .chip {
    box-sizing: border-box;
    block-size: var(--_chip-height);
    /* A first chip wider than the room shortens its name with an ellipsis. */
    min-inline-size: 0;
  }
  :host([compact]) .badge {
    flex: none;
  }
  :host([compact]) .chip-name {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  :host([compact]) .name,
  :host([compact]) .toggle {
    flex: none;
    white-space: nowrap;
  }
  .chip {
    padding: 1px var(--_space-2) 1px 2px;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    white-space: nowrap;
  }
  [data-availability='available'] .status {
    color: var(--_available);
  }
  [data-availability='busy'] .status {
    color: var(--_busy);
  }
  [data-availability='unavailable'] .status {
    color: var(--_unavailable);
  }
  .reason {
    color: var(--_color-text-muted);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font: inherit;
    padding: 2px var(--_space-2);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
  }
  .toggle svg {
    inline-size: 16px;
    block-size: 16px;
    flex: none;
  }
  .toggle:focus-visible,
  input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 1px;
  }
  .panel {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + var(--_space-1));
    z-index: 20;
    display: grid;
    gap: var(--_space-3);
    min-width: 18rem;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    box-shadow: var(--_shadow);
  }
  .panel[hidden] {
    display: none;
  }
  .group {
    display: grid;
    gap: var(--_space-1);
  }
  .group-name {
    font-weight: 600;
  }
  .all {
    padding-bottom: var(--_space-2);
    border-bottom: 1px solid var(--_color-border);
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
