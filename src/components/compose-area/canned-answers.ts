/**
 * The canned answers of `<compose-area>`: the search, the variables, and the list a "/" draft
 * opens (its active answer, its keys, its template). It gets the draft, the answers and the
 * variables' values when asked, and reports through its callbacks: no reference to the composer.
 */
import { html, type TemplateResult } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import { cannedQuery, type CannedAnswer } from './composer-model.js';

/** The canned answers listed for a "/" command, and the active one's index (-1 when none match). */
export interface CannedList {
  readonly matches: readonly CannedAnswer[];
  readonly index: number;
}

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Canned answers matching a query (every word must appear in the title, text or category, accents
 * and case ignored), titles that start with the query first, then by category and title.
 */
export function searchCanned(answers: readonly CannedAnswer[], query: string, lang = 'en'): CannedAnswer[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = answers.filter((answer) => {
    const haystack = fold(`${answer.title} ${answer.text} ${answer.category ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
  const first = words[0] ?? '';
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return matches.sort((a, b) => {
    const pa = first && fold(a.title).startsWith(first) ? 0 : 1;
    const pb = first && fold(b.title).startsWith(first) ? 0 : 1;
    return pa - pb || collator.compare(a.category ?? '', b.category ?? '') || collator.compare(a.title, b.title);
  });
}

/**
 * Fills `{name}` variables. Unknown variables and those without a value are left as written,
 * so the agent sees what is missing before sending.
 */
export function fillVariables(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\{\s*([\w.]+)\s*\}/g, (whole, name: string) => values[name] || whole);
}

export interface CannedCallbacks {
  /** The list changed (active answer, dismissed): render again. */
  changed(): void;
  /** The active answer moved: keep it in view once rendered. */
  moved(): void;
  /** The agent chose an answer. */
  choose(answer: CannedAnswer): void;
}

/** The list a "/" draft opens: which answer is active, and whether Escape closed it. */
export class CannedAnswers {
  /** The "/" query the list was built for: another query starts at the first answer again. */
  private query: string | undefined;
  private index = 0;
  /** Escape closed the list; it comes back with the next "/" command. */
  private dismissed = false;

  constructor(private readonly on: CannedCallbacks) {}

  /** The answers listed for `draft` when it is a "/" command (and Escape did not close them). */
  list(draft: string, answers: readonly CannedAnswer[], lang: string): CannedList | undefined {
    const query = cannedQuery(draft);
    if (query !== this.query) {
      this.query = query;
      this.index = 0;
      if (query === undefined) this.dismissed = false;
    }
    if (query === undefined || this.dismissed || answers.length === 0) return undefined;
    const matches = searchCanned(answers, query, lang);
    return { matches, index: Math.min(this.index, matches.length - 1) };
  }

  /** Another conversation: its "/" draft starts a fresh list. */
  reset(): void {
    this.query = undefined;
    this.dismissed = false;
  }

  /** Escape: closes the list; true when there was one. */
  dismiss(list: CannedList | undefined): boolean {
    if (!list) return false;
    this.dismissed = true;
    this.on.changed();
    return true;
  }

  /**
   * The keys of the list, from the text box or the list: arrows (and Ctrl+Home/End) move, Enter or
   * Tab chooses. True while the list has answers (Enter then never sends).
   */
  key(event: KeyboardEvent, list: CannedList | undefined): boolean {
    const count = list?.matches.length;
    if (!list || !count) return false;
    const { key } = event;
    const moves: Record<string, number> = { ArrowDown: list.index + 1, ArrowUp: list.index - 1 + count };
    if (event.ctrlKey) Object.assign(moves, { Home: 0, End: count - 1 });
    if (key in moves) {
      event.preventDefault();
      this.index = moves[key] % count;
      this.on.changed();
      this.on.moved();
    } else if ((key === 'Enter' || key === 'Tab') && !event.shiftKey) {
      event.preventDefault();
      this.on.choose(list.matches[list.index]);
    }
    return true;
  }

  render(
    list: CannedList,
    t: Strings['composer'],
    variables: Readonly<Record<string, string | undefined>>,
  ): TemplateResult {
    const { matches, index } = list;
    if (matches.length === 0) {
      return html`<div part="canned-list" class="canned empty" role="status">${t.cannedNone}</div>`;
    }
    // The list scrolls: it is focusable too (keyboard access to a scrolling region), with the same keys.
    return html`<div
      id="canned-list"
      part="canned-list"
      class="canned"
      role="listbox"
      aria-label=${t.canned}
      tabindex="0"
      aria-activedescendant="canned-${index}"
      @keydown=${(e: KeyboardEvent) => !e.isComposing && this.key(e, list)}
    >
      ${matches.map((answer, i) => {
        const selected = i === index;
        // Keyboard: the text box keeps focus and drives this list (aria-activedescendant); a click is the pointer path.
        /* eslint-disable-next-line lit-a11y/click-events-have-key-events */
        return html`<div
          id="canned-${i}"
          role="option"
          class="canned-option ${selected ? 'active' : ''}"
          aria-selected=${selected ? 'true' : 'false'}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => this.on.choose(answer)}
        >
          <span class="canned-title">${answer.title}</span>
          <span class="canned-meta"
            >${answer.category ?? t.cannedUncategorized} ·
            ${answer.scope === 'personal' ? t.cannedPersonal : t.cannedShared}</span
          >
          <span class="canned-text">${fillVariables(answer.text, variables)}</span>
        </div>`;
      })}
    </div>`;
  }
}
