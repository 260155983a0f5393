import { css } from 'lit';

export const chatBoxStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    /* Bubble and avatar colours: the visitor's here; agent and bot rows, cards and notices override them. */
    --_bubble-bg: var(--chat-box-visitor-bubble-bg, var(--_color-visitor-bubble));
    --_bubble-fg: var(--chat-box-visitor-bubble-color, var(--_color-visitor-text));
    --_bubble-max: var(--chat-box-bubble-max-width, 72%);
    --_avatar: 28px;
  }

  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    background: var(--_color-surface);
  }

  .placeholder {
    flex: 1;
    background: var(--_color-surface);
  }

  button {
    cursor: pointer;
  }

  /* ---- header ---- */
  .header {
    container-type: inline-size;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .header-avatar {
    flex: none;
  }
  .title {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 8rem;
  }
  .name {
    margin: 0;
    font-size: inherit;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .channel {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .filter {
    flex: none;
  }
  .tools {
    display: flex;
    gap: var(--_space-1);
    flex: none;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-raised);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  .tool-status {
    align-self: center;
    padding: 2px var(--_space-2);
    border-radius: 999px;
    background: var(--_color-warning-surface);
    color: var(--_color-action-cobrowsing);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  .tool svg {
    width: 16px;
    height: 16px;
    flex: none;
  }
  .tool:hover:not(:disabled):not([aria-disabled='true']) {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  .tool:disabled,
  .tool[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .tool-block:not([aria-disabled='true']):hover {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  /* ---- co-browsing and channel fit (issue 16) ---- */
  .tools {
    /* The note under "Open current page" must not stretch the other tools. */
    align-items: flex-start;
  }
  .tool-with-note {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
  }
  .tool-note {
    max-width: 11rem;
    font-size: 11px;
    line-height: 1.2;
    color: var(--_color-text-muted);
    text-align: center;
  }
  @container (max-width: 640px) {
    /* Icons only in a narrow header: the note goes with the labels (the description keeps it). */
    .tool-note {
      display: none;
    }
  }
  .cobrowse {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    padding: var(--_space-1) var(--_space-3);
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-warning-surface);
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    padding: 2px var(--_space-1);
    border: none;
    border-radius: var(--_radius-small);
    background: none;
    color: var(--_color-text);
    font: inherit;
    font-size: var(--_font-size-small);
  }
  .switch:focus-visible {
    outline: var(--_focus-ring);
  }
  .switch-track {
    position: relative;
    width: 28px;
    height: 16px;
    border: 1px solid var(--_color-border-strong);
    border-radius: 999px;
    background: var(--_color-surface);
  }
  .switch-track::after {
    content: '';
    position: absolute;
    top: 2px;
    inset-inline-start: 2px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_color-border-strong);
  }
  .switch[aria-checked='true'] .switch-track {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
  }
  .switch[aria-checked='true'] .switch-track::after {
    inset-inline-start: 14px;
    background: var(--_color-accent-contrast);
  }
  @media (forced-colors: active) {
    .switch[aria-checked='true'] .switch-track {
      background: Highlight;
    }
  }
  @container (max-width: 640px) {
    .tools {
      order: 1;
    }
    .filter {
      order: 2;
      flex-basis: 100%;
    }
    .tool .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }

  /* ---- banners ---- */
  .banner {
    padding: var(--_space-2) var(--_space-3);
    font-size: var(--_font-size-small);
    border-bottom: 1px solid var(--_color-border);
  }
  .banner.blocked {
    background: var(--_color-danger-surface);
    color: var(--_color-danger);
  }
  .banner.closed {
    background: var(--_color-surface-alt);
    color: var(--_color-text-muted);
  }

  /* ---- log ---- */
  .log-area {
    position: relative;
    flex: 1;
    /* The messages keep a readable height (reflow at 400 % zoom); the page scrolls instead. */
    min-height: var(--chat-box-thread-min-height, min(8rem, 40vh));
    display: flex;
    flex-direction: column;
  }
  /* The virtualizer sets the scroller's overflow and minimum height (inline). Its 150 px minimum
     would overflow a squeezed log area and put the newest messages under what follows; the area's
     own minimum is the one that applies. */
  .scroller {
    flex: 1;
    min-height: 0 !important;
    overscroll-behavior: contain;
    background: var(--_color-surface-alt);
  }
  .scroller:focus-visible {
    outline-offset: -2px;
  }
  .empty {
    position: absolute;
    inset: 0 0 auto;
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
    padding: var(--_space-4) var(--_space-3);
    color: var(--_color-text-muted);
    text-align: center;
  }
  .show-all,
  .new-messages {
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    padding: var(--_space-1) var(--_space-3);
    background: var(--_color-surface-raised);
  }
  .older,
  .new-messages {
    position: absolute;
    inset-inline: 0;
    margin-inline: auto;
    width: max-content;
    box-shadow: var(--_shadow);
  }
  .older {
    top: var(--_space-2);
    padding: var(--_space-1) var(--_space-3);
    border-radius: 999px;
    background: var(--_color-surface-raised);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .new-messages {
    bottom: var(--_space-3);
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
    border-color: transparent;
    font-weight: 600;
  }

  /* ---- rows ---- */
  /* Rows are the virtualizer's children: it makes them border-box. */
  .day,
  .row {
    width: 100%;
  }
  .day {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-3) var(--_space-1);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .day::before,
  .day::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_color-border);
  }
  /* The start of one of the visitor's conversations (past ones continue above the current one). */
  .conversation-start {
    box-sizing: border-box;
    width: 100%;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-4) var(--_space-3) var(--_space-2);
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-text);
    text-align: center;
  }
  .conversation-start::before,
  .conversation-start::after {
    content: '';
    flex: 1;
    border-top: 2px solid var(--_color-border);
  }
  .conversation-start > span {
    padding: 2px var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface-raised);
  }

  .row {
    display: grid;
    padding: 2px var(--_space-3);
    column-gap: var(--_space-2);
    align-items: end;
  }
  .row.first {
    padding-top: var(--_space-2);
  }
  .row.left {
    grid-template-columns: var(--_avatar) minmax(0, 1fr);
    grid-template-areas: 'avatar author' 'avatar body' 'avatar meta';
    justify-items: start;
  }
  .row.right {
    grid-template-columns: minmax(0, 1fr) var(--_avatar);
    grid-template-areas: 'author avatar' 'body avatar' 'meta avatar';
    justify-items: end;
  }
  .row.center {
    display: flex;
    justify-content: center;
    padding: var(--_space-1) var(--_space-3);
  }
  .row.kind-navigation {
    display: block;
    padding: 2px var(--_space-3);
    padding-inline-start: calc(var(--_space-3) + var(--_avatar) + var(--_space-2));
  }

  .avatar {
    grid-area: avatar;
    align-self: end;
    display: grid;
    place-items: center;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    font-size: 0.6875rem;
    font-weight: 700;
    background: var(--_bubble-bg);
    color: var(--_bubble-fg);
    border: 1px solid var(--_color-border);
    box-sizing: border-box;
  }
  .by-agent {
    --_bubble-bg: var(--chat-box-agent-bubble-bg, var(--_color-agent-bubble));
    --_bubble-fg: var(--chat-box-agent-bubble-color, var(--_color-agent-text));
  }
  .by-bot {
    --_bubble-bg: var(--chat-box-bot-bubble-bg, var(--_color-bot-bubble));
    --_bubble-fg: var(--chat-box-bot-bubble-color, var(--_color-bot-text));
  }
  .by-agent .avatar {
    border-color: transparent;
  }
  .by-bot .avatar {
    border-radius: 8px;
  }
  .author {
    grid-area: author;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    padding-inline: var(--_space-1);
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    grid-area: meta;
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    font-size: 0.6875rem;
    color: var(--_color-text-muted);
    padding-inline: var(--_space-1);
  }
  .status[data-status='read'] {
    color: var(--_color-accent);
  }
  .status[data-status='failed'] {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .retry {
    border: 1px solid var(--_color-danger);
    color: var(--_color-danger);
    background: var(--_color-surface-raised);
    border-radius: 999px;
    padding: 0 var(--_space-2);
    font-size: 0.6875rem;
    font-weight: 600;
  }

  /* ---- bubbles ---- */
  .bubble {
    grid-area: body;
    max-width: var(--_bubble-max);
    box-sizing: border-box;
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    background: var(--_bubble-bg);
    color: var(--_bubble-fg);
  }
  .left .bubble {
    border-end-start-radius: 4px;
  }
  .right .bubble {
    border-end-end-radius: 4px;
  }
  .failed .bubble {
    outline: 2px solid var(--_color-action-error);
    outline-offset: -2px;
  }
  .text {
    white-space: pre-wrap;
  }
  /* A block: a message aligns to its own start (dir="auto"), not the desk's, in either direction. */
  .bubble > .text,
  .translation .text {
    display: block;
  }
  /* A message item reached with the arrow keys. */
  .row:focus-visible {
    outline: 2px solid var(--_color-focus-ring);
    outline-offset: -2px;
    border-radius: var(--_radius);
  }
  .truncated {
    display: block;
    margin-top: var(--_space-1);
    font-size: var(--_font-size-small);
    font-style: italic;
  }
  .bubble button {
    margin-inline-start: var(--_space-2);
    margin-top: var(--_space-1);
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
    padding: 0 var(--_space-2);
    font-size: var(--_font-size-small);
  }
  /* In a coloured bubble the ring takes the text colour (the accent ring would vanish on an agent
     bubble); a card is a light surface again, so its buttons and links get the accent ring back. */
  .bubble :focus-visible,
  .event :focus-visible {
    outline-color: currentColor;
  }
  .card :focus-visible {
    outline-color: var(--_color-focus-ring);
    outline-offset: 2px;
  }

  .unsupported {
    --_bubble-bg: var(--_color-warning-surface);
    --_bubble-fg: var(--_color-text);
    border: 1px dashed var(--_color-warning);
    display: grid;
    gap: var(--_space-1);
  }
  .unsupported .notice {
    color: var(--_color-warning);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .quote {
    font-style: italic;
  }

  .translation {
    display: grid;
    gap: var(--_space-1);
    border-inline-start: 3px solid var(--_color-action-translation);
  }
  .translation-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_font-size-small);
  }
  .translation-meta button {
    margin: 0;
  }
  .original {
    display: grid;
    gap: 2px;
    padding: var(--_space-1) var(--_space-2);
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, currentColor 10%, transparent);
    font-style: italic;
  }
  .original-label {
    font-size: 0.6875rem;
    font-style: normal;
  }

  /* Cards: actions look the same whoever sent them, with a colour per kind. */
  .card {
    display: grid;
    gap: 2px;
    min-width: min(220px, 100%);
    --_bubble-bg: var(--_color-surface-raised);
    --_bubble-fg: var(--_color-text);
    --_card-accent: var(--_color-action-link);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_card-accent);
  }
  .card a {
    color: var(--_color-action-link);
  }
  .card-kind {
    font-size: 0.6875rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_card-accent);
  }
  .card .title {
    font-weight: 600;
  }
  .url {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  .inert {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .blocked {
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-danger);
  }
  .offer {
    --_card-accent: var(--_color-action-offer);
    max-width: min(var(--_bubble-max), 320px);
  }
  .offer-image {
    width: 100%;
    height: 120px;
    object-fit: cover;
    border-radius: var(--_radius-small);
    background: var(--_color-surface-alt);
    margin-bottom: var(--_space-1);
  }
  .description {
    font-size: var(--_font-size-small);
  }
  .cta {
    justify-self: start;
    margin-top: var(--_space-1);
    padding: var(--_space-1) var(--_space-3);
    border-radius: 999px;
    background: var(--_color-action-offer);
    color: var(--_color-surface) !important;
    text-decoration: none;
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  .file {
    --_card-accent: var(--_color-action-file);
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--_space-2);
    align-items: center;
  }
  .file-icon {
    grid-row: span 2;
    display: grid;
    place-items: center;
    width: 38px;
    height: 46px;
    border-radius: 4px;
    background: var(--_color-action-file);
    color: var(--_color-surface);
    font-size: 0.625rem;
    font-weight: 800;
    clip-path: polygon(0 0, 72% 0, 100% 22%, 100% 100%, 0 100%);
  }
  .file-icon[data-type='pdf'] {
    background: var(--_color-danger);
  }
  .file-icon[data-type='image'] {
    background: var(--_color-action-offer);
  }
  .file-details {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .file .url,
  .file .blocked {
    grid-column: 1 / -1;
  }
  .choice {
    --_card-accent: var(--_color-action-translation);
  }
  .question {
    font-weight: 600;
  }
  .options {
    list-style: none;
    margin: var(--_space-1) 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .options li {
    padding: 2px var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    font-size: var(--_font-size-small);
  }
  .options li.selected {
    border-color: var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-accent-contrast);
    font-weight: 600;
  }
  .options li.selected::before {
    content: '✓ ';
  }
  .choice-result {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  a.image {
    display: block;
    padding: 0;
    overflow: hidden;
    --_bubble-bg: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    line-height: 0;
  }
  a.image img {
    display: block;
    /* A fixed width (not a percentage) so the link shrinks to the thumbnail. */
    width: 240px;
    max-width: 100%;
    height: auto;
    max-height: 320px;
    object-fit: cover;
  }
  a.image img.unsized {
    aspect-ratio: 4 / 3;
  }
  .blocked-image {
    --_card-accent: var(--_color-danger);
  }
  /* An image that failed to load: its thumbnail's box (so nothing moves), with a card inside. */
  .image-fallback {
    position: relative;
    padding: 0;
    overflow: hidden;
    --_bubble-bg: var(--_color-surface-raised);
    --_bubble-fg: var(--_color-text);
    border: 1px solid var(--_color-border);
  }
  .image-fallback .image-box {
    display: block;
    /* The thumbnail's own rules (a.image img): the same box, whatever the image's proportions. */
    width: 240px;
    max-width: 100%;
    height: auto;
    max-height: 320px;
  }
  .fallback-body {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-content: center;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    padding: var(--_space-2);
    overflow: hidden;
  }
  .fallback-body .fallback-open {
    grid-column: 2;
  }
  .image-icon {
    width: 20px;
    height: 20px;
    color: var(--_color-text-muted);
  }
  .fallback-text {
    display: grid;
    min-width: 0;
  }
  .image-fallback .title {
    /* The whole description, wrapped; at most three lines. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .fallback-note {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .fallback-open {
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }

  /* ---- events ---- */
  .event {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_space-1) var(--_space-2);
    max-width: 85%;
    padding: var(--_space-1) var(--_space-3);
    border-radius: 999px;
    font-size: var(--_font-size-small);
    text-align: center;
    color: var(--_color-system);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .event time,
  .navigation time {
    font-size: 0.6875rem;
  }
  .event .icon {
    font-weight: 700;
  }
  .event .screen {
    width: 12px;
    height: 9px;
    border: 1.5px solid;
    border-radius: 2px;
    box-shadow: 0 3px 0 -1px currentColor;
  }
  .event.cobrowsing,
  .event.transfer {
    border-color: currentColor;
  }
  .event.cobrowsing {
    color: var(--_color-action-cobrowsing);
  }
  .event.transfer {
    color: var(--_color-action-transfer);
    border-radius: var(--_radius);
  }
  .comment {
    flex-basis: 100%;
    font-style: italic;
    color: var(--_color-text-muted);
  }
  .event.system {
    border-style: dashed;
  }

  .navigation {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-2);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    border-inline-start: 2px solid var(--_color-action-navigation);
    padding-inline-start: var(--_space-2);
  }
  .navigation .label {
    font-weight: 600;
  }
  .navigation .icon {
    color: var(--_color-action-navigation);
  }
  /* The ↳ arrow points into the line, which starts on the right in right-to-left. */
  .navigation .icon:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  .navigation a {
    color: inherit;
    font-weight: 600;
  }

  /* ---- typing ---- */
  .typing {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-3);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    border-top: 1px solid var(--_color-border);
    background: var(--_color-surface);
    min-width: 0;
  }
  .typing .preview {
    font-style: italic;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .dots {
    display: inline-flex;
    gap: 2px;
  }
  .dots span {
    width: 5px;
    height: 5px;
    border-radius: 50%;
    background: currentColor;
    animation: blink 1.2s infinite ease-in-out;
  }
  .dots span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .dots span:nth-child(3) {
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
    .dots span {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .bubble,
    .event,
    .new-messages {
      border: 1px solid CanvasText;
    }
  }
`;
