/**
 * The "Keyboard shortcuts" dialog of `<chat-desk>`: every shortcut of the desk, by area, opened from
 * the toolbar's button or the `?` key. A render function and its styles, loaded on first use; the
 * desk owns the dialog's element and gives focus back to where it was when the dialog closes.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Strings } from '../../i18n/strings.js';
import { heading } from '../shared/heading.js';

export const shortcutsDialogStyles = css`
  .shortcuts-dialog {
    max-inline-size: min(560px, calc(100vw - 32px));
    max-block-size: calc(100vh - 32px);
    overflow: auto;
  }
  /* Close first, beside the title: focus lands there without scrolling the list away. */
  .shortcuts-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    margin-block-start: 0;
  }
  .shortcuts-dialog table {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: collapse;
    margin-block-end: var(--_space-3);
  }
  .shortcuts-dialog caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--_space-2) var(--_space-1);
  }
  .shortcuts-dialog th,
  .shortcuts-dialog td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space-1) var(--_space-2);
    border-block-start: 1px solid var(--_color-border);
  }
  .shortcuts-dialog thead th:first-child {
    inline-size: 38%;
  }
  .shortcuts-dialog thead th {
    border: none;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .shortcuts-dialog kbd {
    font: inherit;
    font-weight: 600;
  }
`;

/** The dialog's markup; `headingLevel` is the level of its title (its areas are one below). */
export function renderShortcutsDialog(t: Strings, headingLevel: number, onClose: () => void): TemplateResult {
  const { a11y } = t;
  return html`<dialog
    class="confirm-dialog shortcuts-dialog"
    part="shortcuts-dialog"
    aria-labelledby="shortcuts-title"
    @close=${onClose}
  >
    <form method="dialog">
      <div class="dialog-actions shortcuts-header">
        ${heading(headingLevel, a11y.shortcuts, { id: 'shortcuts-title' })}
        <button type="submit">${t.common.close}</button>
      </div>
      ${a11y.shortcutGroups.map(
        (group) =>
          html`<table>
            <caption>
              ${group.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">${a11y.shortcutsKey}</th>
                <th scope="col">${a11y.shortcutsAction}</th>
              </tr>
            </thead>
            <tbody>
              ${group.items.map(
                (item) =>
                  html`<tr>
                    <th scope="row"><kbd>${item.keys}</kbd></th>
                    <td>${item.action}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
      )}
    </form>
  </dialog>`;
}
