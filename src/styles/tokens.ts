import { css } from 'lit';

/**
 * The design tokens. Public tokens are `--desk-*` custom properties that a host sets on any
 * ancestor (or on `<chat-desk>`); every element maps them to private `--_*` properties with
 * light/dark defaults through `light-dark()`. The scheme follows `prefers-color-scheme` unless
 * `--desk-color-scheme` (set by `<chat-desk theme="light|dark">`) says otherwise.
 */
export const tokens = css`
  :host {
    color-scheme: var(--desk-color-scheme, light dark);
    --_font: var(--desk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--desk-font-size, 0.875rem);
    --_font-size-small: var(--desk-font-size-small, 0.75rem);
    --_line-height: var(--desk-line-height, 1.45);
    --_radius: var(--desk-radius, 10px);
    --_radius-small: var(--desk-radius-small, 6px);
    --_space-1: var(--desk-space-1, 4px);
    --_space-2: var(--desk-space-2, 8px);
    --_space-3: var(--desk-space-3, 12px);
    --_space-4: var(--desk-space-4, 16px);

    --_color-text: var(--desk-color-text, light-dark(#1d2330, #e6e9ef));
    --_color-text-muted: var(--desk-color-text-muted, light-dark(#5b6475, #a3abba));
    --_color-surface: var(--desk-color-surface, light-dark(#ffffff, #1b1f27));
    --_color-surface-alt: var(--desk-color-surface-alt, light-dark(#f4f6f9, #232833));
    --_color-surface-raised: var(--desk-color-surface-raised, light-dark(#ffffff, #2a303c));
    --_color-border: var(--desk-color-border, light-dark(#dde1e8, #3a4150));
    /* Borders that outline a control (the message box): at least 3:1 against the surfaces. */
    --_color-border-strong: var(--desk-color-border-strong, light-dark(#767f8f, #8a93a3));
    --_color-accent: var(--desk-color-accent, light-dark(#2f5bd3, #8fb0ff));
    --_color-accent-contrast: var(--desk-color-accent-contrast, light-dark(#ffffff, #0f1420));
    --_color-focus-ring: var(--desk-color-focus-ring, light-dark(#2f5bd3, #9ab8ff));
    --_color-danger: var(--desk-color-danger, light-dark(#b42318, #ff8a80));
    --_color-danger-surface: var(--desk-color-danger-surface, light-dark(#fdecea, #3b1d1b));
    --_color-warning: var(--desk-color-warning, light-dark(#9a5b00, #ffc56b));
    --_color-warning-surface: var(--desk-color-warning-surface, light-dark(#fff4e0, #3a2c12));
    --_color-success: var(--desk-color-success, light-dark(#1b7f3b, #7ddc9b));
    --_color-scrim: var(--desk-color-scrim, light-dark(rgb(15 20 32 / 0.45), rgb(0 0 0 / 0.65)));

    --_color-visitor-bubble: var(--desk-color-visitor-bubble, light-dark(#eef1f6, #2b3140));
    --_color-visitor-text: var(--desk-color-visitor-text, var(--_color-text));
    --_color-agent-bubble: var(--desk-color-agent-bubble, light-dark(#2f5bd3, #3b5fc4));
    --_color-agent-text: var(--desk-color-agent-text, light-dark(#ffffff, #f5f7ff));
    --_color-bot-bubble: var(--desk-color-bot-bubble, light-dark(#e6f4f1, #1f3a35));
    --_color-bot-text: var(--desk-color-bot-text, var(--_color-text));
    --_color-system: var(--desk-color-system, light-dark(#5b6475, #a3abba));

    --_color-action-link: var(--desk-color-action-link, light-dark(#2f5bd3, #8fb0ff));
    --_color-action-offer: var(--desk-color-action-offer, light-dark(#8a3ffc, #c4a3ff));
    --_color-action-file: var(--desk-color-action-file, light-dark(#0f766e, #6fd6c9));
    --_color-action-cobrowsing: var(--desk-color-action-cobrowsing, light-dark(#b45309, #ffb86b));
    --_color-action-transfer: var(--desk-color-action-transfer, light-dark(#7c3aed, #c4b5fd));
    --_color-action-navigation: var(--desk-color-action-navigation, light-dark(#64748b, #94a3b8));
    --_color-action-translation: var(--desk-color-action-translation, light-dark(#0369a1, #7dd3fc));
    --_color-action-error: var(--desk-color-action-error, var(--_color-danger));

    --_shadow: var(--desk-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 8px rgb(0 0 0 / 0.06));
    --_focus-ring: 2px solid var(--_color-focus-ring);

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_color-text);
  }
`;

/** Pieces every element shares: focus ring, hidden text for screen readers, quiet buttons. */
export const shared = css`
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .placeholder {
    display: grid;
    place-items: center;
    padding: var(--_space-4);
    color: var(--_color-text-muted);
    text-align: center;
  }
`;
