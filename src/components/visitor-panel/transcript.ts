/**
 * The text of a past conversation under its history entry (the customer record, or the past
 * conversation shown).
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDateTime, formatNumber, formatTime } from '../../i18n/format.js';
import { messagePreview } from '../../i18n/names.js';
import type { Strings } from '../../i18n/strings.js';
import { neutralizeBidi } from '../../model/text.js';
import type { Conversation, Message } from '../../model/types.js';

/** Longest message text kept in a transcript line (the thread has the full text). */
const TRANSCRIPT_CHARS = 1000;
/** Lines of a past conversation shown at first (the last ones); "Show all N" shows the rest. */
export const TRANSCRIPT_LINES = 200;

export interface TranscriptOptions {
  readonly t: Strings;
  readonly lang: string;
  /** The visitor's display name (already neutralized). */
  readonly visitorName: string;
  readonly conversation: Conversation;
  readonly messages: readonly Message[];
  /** The agent asked for every line ("Show all N"). */
  readonly expanded: boolean;
  onShowAll(): void;
}

/** The whole past exchange as text; a long one shows its last lines first, the rest on demand. */
export function transcript(options: TranscriptOptions) {
  const { t, lang, conversation } = options;
  const vp = t.visitorPanel;
  const all = options.messages.filter((m) => m.kind !== 'navigation');
  if (all.length === 0) return nothing;
  const full = options.expanded || all.length <= TRANSCRIPT_LINES;
  const lines = full ? all : all.slice(-TRANSCRIPT_LINES);
  const author = (m: Message) =>
    m.author === 'visitor'
      ? options.visitorName
      : m.author === 'system'
        ? vp.system
        : neutralizeBidi(m.authorName?.trim() ?? '') || vp.agentFallback;
  const total = formatNumber(lang, all.length);
  return html`${
      full
        ? nothing
        : html`<p class="transcript-cap">
            <span>${vp.transcriptCapped(formatNumber(lang, TRANSCRIPT_LINES), total)}</span>
            <button type="button" class="button show-all-lines" @click=${options.onShowAll}>
              ${vp.showAllLines(total)}
            </button>
          </p>`
    }
    <ol
      class="transcript"
      part="transcript"
      tabindex="-1"
      aria-label=${vp.transcriptOf(formatDateTime(lang, conversation.startedAt))}
    >
      ${repeat(
        lines,
        (m) => m.id,
        (m) =>
          html`<li data-author=${m.author}>
            <span class="line-meta"
              ><bdi class="line-author">${author(m)}</bdi> <time datetime=${m.at}>${formatTime(lang, m.at)}</time></span
            >
            <span class="line-text" dir="auto">${messagePreview(t, m, TRANSCRIPT_CHARS)}</span>
          </li>`,
      )}
    </ol>`;
}

/** Added to the panel's styles when the chunk arrives. */
export const transcriptStyles = css`
  .transcript {
    list-style: none;
    margin: var(--_space-1) 0 var(--_space-2);
    padding: var(--_space-2);
    padding-inline-start: var(--_space-3);
    border-inline-start: 2px solid var(--_color-border);
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .transcript,
  .transcript-cap {
    font-size: var(--_font-size-small);
  }
  .transcript li {
    display: flex;
    flex-direction: column;
  }
  .line-meta,
  .transcript-cap {
    color: var(--_color-text-muted);
  }
  .line-author {
    font-weight: 600;
    color: var(--_color-text);
  }
  [data-author='agent'] .line-author,
  [data-author='bot'] .line-author {
    color: var(--_color-accent);
  }
  .line-text {
    overflow-wrap: anywhere;
  }
  .transcript-cap {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin: var(--_space-2) 0 0;
  }
`;
