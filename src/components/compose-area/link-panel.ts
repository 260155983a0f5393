/**
 * The link form of `<compose-area>`: the address (completed with https:// when typed without a
 * scheme, refused when unsafe) and an optional title. It reports through its callbacks: no
 * reference to the composer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Strings } from '../../i18n/strings.js';
import type { Draft } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';

/** "shop.example.com/tents", "www.example.fr:8080?q=1": a host name with a dot (and a letter TLD), then a path. */
const BARE_HOST =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*\.?(?::\d{1,5})?(?:[/?#]\S*)?$/u;
/**
 * The address the agent most likely meant when they typed one without a scheme:
 * "shop.example.com/tents" → "https://shop.example.com/tents". Undefined when the text does not
 * start with a host name: an address with a scheme is checked as typed (`javascript:`, `data:`…
 * stay refused). The result still has to pass `safeUrl()`.
 */
export function completeUrl(raw: string): string | undefined {
  const text = raw.trim().replace(/^\/\//, '');
  // The host must come first and end before any ":", so nothing here can carry a scheme of its own.
  return BARE_HOST.test(text) ? `https://${text}` : undefined;
}

export interface PanelCallbacks {
  /** The panel's fields changed: render again. */
  changed(): void;
  /** Sends a message (through the composer's `desk-send`); true when the store took it. */
  send(draft: Draft): boolean;
  /** Closes the panel (Cancel, or after sending). */
  close(): void;
}

/** The link being written. */
export class LinkPanel {
  private url = '';
  private title = '';
  private error = '';

  constructor(private readonly on: PanelCallbacks) {}

  /** Another conversation, or the panel opened again: an empty form. */
  reset(): void {
    this.url = this.title = this.error = '';
  }

  /** "https://shop.example.com/tents" while the agent typed "shop.example.com/tents", else undefined. */
  private completion(): string | undefined {
    const raw = this.url.trim();
    if (!raw || safeUrl(raw, 'link')) return undefined;
    return safeUrl(completeUrl(raw), 'link') ?? undefined;
  }

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    const raw = this.url.trim();
    const url = safeUrl(raw, 'link') ?? safeUrl(completeUrl(raw), 'link');
    this.error = '';
    if (!url) {
      this.error = raw ? 'invalid' : 'empty';
    } else {
      this.url = url;
      const title = this.title.trim();
      if (this.on.send({ kind: 'link', url, ...(title ? { title } : {}) })) {
        this.reset();
        this.on.close();
      }
    }
    this.on.changed();
  };

  render(c: Strings['composer'], cancel: TemplateResult): TemplateResult {
    const completion = this.completion();
    const error = this.error === 'empty' ? c.linkEmpty : this.error === 'invalid' ? c.linkInvalid : '';
    return html`<form id="panel" part="panel" class="panel" aria-label=${c.linkForm} novalidate @submit=${this.submit}>
      <label class="row">
        <span>${c.linkUrl}</span>
        <input
          name="url"
          type="text"
          inputmode="url"
          autocomplete="url"
          spellcheck="false"
          placeholder="https://"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? 'link-error' : completion ? 'link-completion' : undefined)}
          .value=${live(this.url)}
          @input=${(e: Event) => {
            this.url = (e.target as HTMLInputElement).value;
            this.error = '';
            this.on.changed();
          }}
        />
      </label>
      ${
        completion && !error
          ? html`<p id="link-completion" class="muted completion">${c.linkCompleted(completion)}</p>`
          : nothing
      }
      <label class="row">
        <span>${c.linkTitle}</span>
        <input
          name="title"
          type="text"
          .value=${live(this.title)}
          @input=${(e: Event) => (this.title = (e.target as HTMLInputElement).value)}
        />
      </label>
      ${error ? html`<p id="link-error" class="error" role="alert">${error}</p>` : nothing}
      <div class="actions">${cancel}<button type="submit" class="primary">${c.linkSend}</button></div>
    </form>`;
  }
}
