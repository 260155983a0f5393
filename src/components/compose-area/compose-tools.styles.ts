import { css } from 'lit';

/** Styles of the composer's panels, attachment and canned answers list. */
export const toolsStyles = css`
  .muted,
  .row,
  .canned-meta,
  .canned-text {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .completion {
    margin: calc(-1 * var(--_space-1)) 0 0;
    overflow-wrap: anywhere;
  }

  /* Panels and the canned answers list */
  .panel,
  .canned {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-raised);
    box-shadow: var(--_shadow);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_space-3);
  }
  .row {
    display: grid;
    gap: 2px;
  }
  input[type='text'] {
    font: inherit;
    font-size: var(--_font-size);
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding: var(--_space-1) var(--_space-2);
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  .primary,
  .secondary {
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: transparent;
    cursor: pointer;
    font-weight: 600;
  }
  .primary {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .primary:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  /* Offers */
  .offer-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .offer-option {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    cursor: pointer;
  }
  .offer-option:has(input:checked) {
    border-color: var(--_color-action-offer);
    color: var(--_color-action-offer);
  }
  .offer-option input {
    accent-color: var(--_color-action-offer);
    margin: 0;
  }
  .offer-card,
  .attachment {
    display: flex;
    gap: var(--_space-3);
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-action-offer);
    border-radius: var(--_radius-small);
  }
  .offer-card {
    margin: 0;
    background: var(--_color-surface);
  }
  .offer-card img,
  .thumb {
    flex: none;
    object-fit: cover;
    border-radius: var(--_radius-small);
  }
  .offer-card img {
    background: var(--_color-surface-alt);
    width: 72px;
    height: 72px;
  }
  .offer-card figcaption,
  .attachment-info {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .offer-card figcaption {
    align-content: start;
    overflow-wrap: anywhere;
  }
  .cta {
    justify-self: start;
    margin-top: var(--_space-1);
    padding: 2px var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_color-action-offer);
    color: var(--_color-surface);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  /* Emoji */
  .emoji {
    padding: 0;
    overflow: hidden;
  }
  .emoji > p {
    margin: var(--_space-3);
  }
  .emoji-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(36px, 1fr));
    gap: 2px;
    padding: 0 var(--_space-2) var(--_space-2);
  }
  .emoji-button {
    height: 36px;
    border: none;
    border-radius: var(--_radius-small);
    background: transparent;
    font-size: 1.25rem;
    cursor: pointer;
  }
  .emoji-button:hover {
    background: var(--_color-surface-alt);
  }
  emoji-picker {
    width: 100%;
    height: 300px;
    --border-size: 0;
    --background: var(--_color-surface-raised);
  }

  /* Attachment */
  .attachment {
    align-items: center;
    border-inline-start-color: var(--_color-action-file);
    background: var(--_color-surface-alt);
  }
  .thumb {
    width: 48px;
    height: 48px;
  }
  .thumb.file {
    display: grid;
    place-items: center;
    background: var(--_color-surface);
    color: var(--_color-action-file);
  }
  .attachment-info {
    flex: 1;
  }
  .name,
  .canned-text {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  progress {
    width: 100%;
    height: 6px;
    accent-color: var(--_color-action-file);
  }

  /* Canned answers */
  .canned {
    max-height: 14em;
    overflow-y: auto;
    padding: var(--_space-1);
  }
  .canned.empty {
    padding: var(--_space-2) var(--_space-3);
    color: var(--_color-text-muted);
  }
  .canned-option {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  .canned-option.active {
    background: var(--_color-surface-alt);
    outline: 2px solid var(--_color-focus-ring);
    outline-offset: -2px;
  }
  .canned-title {
    font-weight: 600;
  }
  .canned-text {
    grid-column: 1 / -1;
  }
`;
