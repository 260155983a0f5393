import { css } from 'lit';

export const composeAreaStyles = css`
  :host {
    display: block;
    /* Compact tools, hint and send button when the composer is narrow (a pane of a 4-pane desk). */
    container: compose-area / inline-size;
    --_max-height: var(--compose-area-max-height, 12em);
    --_bg: var(--compose-area-bg, var(--_color-surface));
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_bg);
    border-top: 1px solid var(--_color-border);
  }
  .base.dragging {
    outline: 2px dashed var(--_color-accent);
    outline-offset: -4px;
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    background: color-mix(in srgb, var(--_bg) 85%, transparent);
    color: var(--_color-accent);
    font-weight: 600;
    pointer-events: none;
  }

  /* Text box and send */
  .field {
    display: flex;
    align-items: flex-end;
    gap: var(--_space-2);
  }
  textarea {
    flex: 1;
    box-sizing: border-box;
    min-height: 2.6em;
    max-height: var(--_max-height);
    field-sizing: content;
    resize: none;
    overflow-y: auto;
    padding: var(--_space-2) var(--_space-3);
    font: inherit;
    line-height: var(--_line-height);
    color: var(--_color-text);
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
  }
  textarea::placeholder {
    color: var(--_color-text-muted);
  }
  textarea:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0;
    border-color: transparent;
  }
  textarea:disabled {
    opacity: 0.7;
    cursor: not-allowed;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .send {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    height: 2.6em;
    padding: 0 var(--_space-3);
    border: none;
    border-radius: var(--_radius);
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
    font-weight: 600;
    cursor: pointer;
  }
  /* The paper plane flies towards the reading direction. */
  .send svg:dir(rtl) {
    transform: scaleX(-1);
  }
  .send:disabled {
    background: var(--_color-surface-alt);
    color: var(--_color-text-muted);
    cursor: not-allowed;
  }

  /* Footer: tools, hint, counter */
  .footer {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: 2em;
  }
  .toolbar {
    display: flex;
    gap: 2px;
  }
  .tool {
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: none;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_color-text-muted);
    cursor: pointer;
  }
  .tool:hover:not(:disabled),
  .tool[aria-expanded='true'] {
    background: var(--_color-surface-alt);
    color: var(--_color-accent);
  }
  .tool:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .hint {
    flex: 1;
    min-width: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .counter {
    font-size: var(--_font-size-small);
    font-variant-numeric: tabular-nums;
    color: var(--_color-warning);
    padding: 0 var(--_space-1);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-surface);
  }
  .counter.over {
    color: var(--_color-danger);
    background: var(--_color-danger-surface);
  }

  /* Messages */
  .error,
  .notice,
  .offline {
    margin: 0;
    font-size: var(--_font-size-small);
  }
  .error {
    color: var(--_color-danger);
  }
  .error:empty {
    display: none;
  }
  .notice,
  .offline {
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius-small);
    background: var(--_color-warning-surface);
    color: var(--_color-text);
    border-inline-start: 3px solid var(--_color-warning);
  }

  /* Typing indicator */
  .typing {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .typing-label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .typing-preview {
    font-style: italic;
    color: var(--_color-text);
    overflow-wrap: anywhere;
    max-width: 100%;
  }
  .dots {
    display: inline-flex;
    gap: 3px;
  }
  .dots i {
    width: 5px;
    height: 5px;
    border-radius: 50%;
    background: currentColor;
    animation: blink 1.2s infinite ease-in-out both;
  }
  .dots i:nth-child(2) {
    animation-delay: 0.2s;
  }
  .dots i:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .dots i {
      animation: none;
      opacity: 0.6;
    }
  }

  @container compose-area (max-width: 479.98px) {
    .base {
      gap: var(--_space-1);
      padding: var(--_space-1) var(--_space-2);
    }
    .send {
      padding: 0 var(--_space-2);
    }
    /* The button keeps its name ("Send", aria-label); the icon says it. */
    .send-label {
      display: none;
    }
    /* Still the text box's description (aria-describedby), only not on screen. */
    .hint {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .footer {
      min-height: 0;
      justify-content: space-between;
    }
    .tool {
      width: 28px;
      height: 28px;
    }
  }
`;
