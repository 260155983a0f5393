/**
 * The Transfer and End conversation dialogs of `<chat-box>` (handover.ts), loaded the first time a
 * tool is used: most sessions never open them. Render functions: the tools' controller keeps what
 * the agent types and does what the dialogs ask. Their rules come with them (added to the box's
 * shadow root on load, after `dialogStyles`), so that no box pays for them up front.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TransferTarget } from '../../model/types.js';
import { isolateName } from '../shared/confirm-block-dialog.js';
import { keyOf, refusalText, targetName, type HandoverView } from './handover.js';

/** What the dialogs show and what they ask for: the tools' controller. */
export interface HandoverFields {
  readonly query: string;
  readonly selected: string | undefined;
  readonly comment: string;
  readonly note: string;
  readonly tags: readonly string[];
  readonly tagDraft: string;
  setQuery(value: string): void;
  choose(key: string): void;
  setComment(value: string): void;
  setNote(value: string): void;
  setTagDraft(value: string): void;
  addTag(raw: string, refocus: boolean): void;
  removeTag(tag: string): void;
  tagKey(event: KeyboardEvent): void;
  submitTransfer(event: SubmitEvent): void;
  submitEnd(event: SubmitEvent): void;
  cancel(which: 'transfer' | 'end'): void;
  onClosed(which: 'transfer' | 'end'): void;
}

/** On top of `dialogStyles`. */
export const handoverDialogStyles = css`
  .handover-dialog {
    inline-size: min(440px, calc(100vw - 32px));
  }
  .handover-dialog input[type='search'],
  .handover-dialog input[type='text'] {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    padding: var(--_space-1) var(--_space-2);
  }
  .handover-dialog .hint {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .handover-dialog .label {
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  .targets {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    max-block-size: 16rem;
    overflow: auto;
    padding-inline-end: var(--_space-1);
  }
  .targets fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .targets legend {
    padding: 0;
    margin-block-end: var(--_space-1);
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .handover-dialog label.target {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    font-weight: 400;
    font-size: inherit;
    cursor: pointer;
  }
  .handover-dialog label.target:hover,
  .handover-dialog label.target:has(input:checked) {
    border-color: var(--_color-border);
    background: var(--_color-surface-alt);
  }
  .target-name {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .target-detail {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .target-detail::before {
    content: '';
    display: inline-block;
    inline-size: 8px;
    block-size: 8px;
    margin-inline-end: var(--_space-1);
    border-radius: 50%;
    background: var(--_color-success);
  }
  .target[data-state='busy'] .target-detail::before {
    background: var(--_color-warning);
  }
  .target[data-state='unavailable'] .target-detail::before {
    background: var(--_color-text-muted);
  }
  .no-match,
  .dialog-progress {
    color: var(--_color-text-muted);
  }
  .handover-dialog .dialog-error {
    padding: var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_color-danger-surface);
    color: var(--_color-danger);
  }
  .dialog-actions .primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-contrast);
  }
  .dialog-actions .primary:hover {
    background: var(--_color-accent);
    filter: brightness(1.1);
  }
  .dialog-actions button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .chips,
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding-inline-start: var(--_space-2);
    border-radius: 999px;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    font-size: var(--_font-size-small);
  }
  .chip-remove {
    border: 0;
    background: none;
    color: inherit;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    font: inherit;
    cursor: pointer;
  }
  .suggestion {
    padding: 0 var(--_space-2);
    border: 1px dashed var(--_color-border);
    border-radius: 999px;
    background: none;
    color: inherit;
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  .suggestion:hover {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
`;

export function renderHandoverDialogs(c: HandoverFields, view: HandoverView): TemplateResult {
  return html`${renderTransferDialog(c, view)}${renderEndDialog(c, view)}`;
}

function renderTransferDialog(c: HandoverFields, view: HandoverView): TemplateResult {
  const { t, targets, transfer } = view;
  const h = t.handover;
  const query = c.query.trim().toLocaleLowerCase();
  const matches = (name: string) => !query || name.toLocaleLowerCase().includes(query);
  const agents = targets.agents.filter((agent) => matches(agent.name));
  const skills = targets.skills.filter((skill) => matches(skill.name));
  const pending = transfer?.status === 'pending';
  const refused = transfer?.status === 'refused' ? transfer : undefined;
  const option = (target: TransferTarget, name: string, detail: string, state: string) =>
    html`<label class="target" data-state=${state}>
      <input
        type="radio"
        name="transfer-target"
        .checked=${live(c.selected === keyOf(target))}
        ?disabled=${pending}
        @change=${() => c.choose(keyOf(target))}
      />
      <span class="target-name" dir="auto">${name}</span>
      <span class="target-detail">${detail}</span>
    </label>`;
  return html`<dialog
    class="confirm-dialog handover-dialog transfer-dialog"
    part="dialog transfer-dialog"
    aria-modal="true"
    aria-labelledby="transfer-title"
    aria-describedby="transfer-description"
    @close=${() => c.onClosed('transfer')}
  >
    <form method="dialog" @submit=${(event: SubmitEvent) => c.submitTransfer(event)}>
      <h2 id="transfer-title">${h.transferTitle}</h2>
      <p id="transfer-description">${isolateName(h.transferDescription, view.name)}</p>
      <label for="transfer-search">${h.search}</label>
      <input
        id="transfer-search"
        type="search"
        autocomplete="off"
        .value=${live(c.query)}
        @input=${(event: InputEvent) => c.setQuery((event.target as HTMLInputElement).value)}
      />
      <div class="targets">
        ${
          agents.length
            ? html`<fieldset>
                <legend>${h.agents}</legend>
                ${agents.map((agent) =>
                  option(
                    { type: 'agent', id: agent.id },
                    agent.name,
                    h.availability[agent.availability],
                    agent.availability,
                  ),
                )}
              </fieldset>`
            : nothing
        }
        ${
          skills.length
            ? html`<fieldset>
                <legend>${h.skills}</legend>
                ${skills.map((skill) =>
                  option(
                    { type: 'skill', id: skill.id },
                    skill.name,
                    h.skillAgents(skill.availableAgents),
                    skill.availableAgents > 0 ? 'available' : 'unavailable',
                  ),
                )}
              </fieldset>`
            : nothing
        }
        ${agents.length + skills.length === 0 ? html`<p class="no-match">${h.noMatch}</p>` : nothing}
      </div>
      <label for="transfer-comment">${h.comment}</label>
      <textarea
        id="transfer-comment"
        rows="3"
        maxlength="1000"
        aria-describedby="transfer-comment-hint"
        .value=${live(c.comment)}
        ?readonly=${pending}
        @input=${(event: InputEvent) => c.setComment((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span id="transfer-comment-hint" class="hint">${h.commentHint}</span>
      ${
        refused
          ? html`<p class="dialog-error" id="transfer-error">
              ${refusalText(t, refused, targetName(targets, refused.target))}
            </p>`
          : nothing
      }
      ${pending ? html`<p class="dialog-progress">${h.transferring}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" class="cancel" @click=${() => c.cancel('transfer')}>${t.common.cancel}</button>
        <button
          type="submit"
          class="primary"
          ?disabled=${pending || !c.selected}
          aria-describedby=${refused ? 'transfer-error' : nothing}
        >
          ${h.confirmTransfer}
        </button>
      </div>
    </form>
  </dialog>`;
}

function renderEndDialog(c: HandoverFields, view: HandoverView): TemplateResult {
  const { t, tagSuggestions } = view;
  const h = t.handover;
  const chosen = new Set(c.tags.map((tag) => tag.toLocaleLowerCase()));
  const draft = c.tagDraft.trim().toLocaleLowerCase();
  const suggestions = tagSuggestions
    .filter((tag) => !chosen.has(tag.toLocaleLowerCase()) && (!draft || tag.toLocaleLowerCase().includes(draft)))
    .slice(0, 8);
  return html`<dialog
    class="confirm-dialog handover-dialog end-dialog"
    part="dialog end-dialog"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="end-title"
    aria-describedby="end-description"
    @close=${() => c.onClosed('end')}
  >
    <form method="dialog" @submit=${(event: SubmitEvent) => c.submitEnd(event)}>
      <h2 id="end-title">${isolateName(h.endTitle, view.name)}</h2>
      <p id="end-description">${h.endDescription}</p>
      <label for="end-note">${h.note}</label>
      <textarea
        id="end-note"
        rows="3"
        maxlength="2000"
        .value=${live(c.note)}
        @input=${(event: InputEvent) => c.setNote((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span class="label" id="end-tags-label">${h.tags}</span>
      ${
        c.tags.length
          ? html`<ul class="chips" aria-labelledby="end-tags-label">
              ${c.tags.map(
                (tag) =>
                  html`<li class="chip" part="tag">
                    <span dir="auto">${tag}</span>
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label=${h.removeTag(tag)}
                      title=${h.removeTag(tag)}
                      @click=${() => c.removeTag(tag)}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <input
        id="end-tag-input"
        type="text"
        autocomplete="off"
        maxlength="60"
        aria-label=${h.tagInput}
        aria-describedby="end-tag-hint"
        placeholder=${h.tagInput}
        .value=${live(c.tagDraft)}
        @input=${(event: InputEvent) => c.setTagDraft((event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => c.tagKey(event)}
      />
      <span id="end-tag-hint" class="hint">${h.tagInputHint}</span>
      ${
        suggestions.length
          ? html`<div class="suggestions" role="group" aria-label=${h.suggestions}>
              ${suggestions.map(
                (tag) =>
                  html`<button
                    type="button"
                    class="suggestion"
                    aria-label=${h.addTag(tag)}
                    @click=${() => c.addTag(tag, true)}
                  >
                    <span aria-hidden="true">+</span> <span dir="auto">${tag}</span>
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <div class="dialog-actions">
        <button type="button" class="cancel" @click=${() => c.cancel('end')}>${t.common.cancel}</button>
        <button type="submit" class="danger">${h.confirmEnd}</button>
      </div>
    </form>
  </dialog>`;
}
