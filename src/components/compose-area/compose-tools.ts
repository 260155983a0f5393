/**
 * The part of `<compose-area>` its first paint does not need, loaded on first use (tools-loader.ts):
 * the link, offer and emoji panels, the attachment and its upload, the canned answers list (search,
 * keys, variables), and their styles. The element owns one ComposerTools once loaded and renders
 * its templates.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatFileSize } from '../../i18n/format.js';
import { formatList } from '../../i18n/list.js';
import type { LocaleController } from '../../i18n/locale-controller.js';
import { acceptedTypes, acceptsFile } from '../../model/attachments.js';
import type { Draft, OfferContent } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';
import { appendStyles } from '../../styles/append-styles.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { ComposeArea } from './compose-area.js';
import { toolsStyles } from './compose-tools.styles.js';
import {
  cannedQuery,
  noteInterrupted,
  type CannedAnswer,
  type ComposerOffer,
  type Uploader,
  type UploadResult,
} from './composer-model.js';
import { emojiDataUrl } from './emoji-data.js';
import { icon } from './icons.js';

export type ToolPanel = 'link' | 'offer' | 'emoji';

/** What the tools need from their composer. */
export interface ComposerHost {
  /** The element: its public properties (offers, uploader, limits…) and its render root. */
  readonly el: ComposeArea;
  readonly i18n: LocaleController;
  /** The text being written, and where it goes (the store's draft of the conversation). */
  draft(): string;
  setDraft(text: string): void;
  /** The character limit of the conversation's channel, if any. */
  limit(): number | undefined;
  /** The values of the canned answers' variables (`{visitor.name}`…). */
  variables(): Readonly<Record<string, string | undefined>>;
  /** Sends a message through `desk-send`; true when the store took it. */
  send(draft: Draft): boolean;
  closePanel(): void;
  setError(text: string): void;
  setStatus(text: string): void;
}

interface Attachment {
  readonly file: File;
  readonly kind: 'image' | 'file';
  /** blob: URL of an image preview, revoked when the attachment goes. */
  readonly previewUrl?: string;
  readonly status: 'uploading' | 'ready';
  readonly progress: number;
  readonly controller: AbortController;
  readonly result?: UploadResult & { url: string };
}

/** The element the emoji picker module defines (typed loosely: it is loaded on demand). */
interface EmojiPickerElement extends HTMLElement {
  dataSource: string;
  locale: string;
  i18n: unknown;
}

/** The natural size of an image attachment, from its preview. */
async function imageSize(attachment: Attachment): Promise<{ width?: number; height?: number }> {
  if (!attachment.previewUrl) return {};
  const img = new Image();
  img.src = attachment.previewUrl;
  try {
    await img.decode();
    return { width: img.naturalWidth || undefined, height: img.naturalHeight || undefined };
  } catch {
    return {};
  }
}

/** The picker drew itself with its styles (its root element carries its `--num-columns` default). */
function pickerRendered(picker: HTMLElement): boolean {
  const root = picker.shadowRoot?.querySelector('.picker');
  return !!root && getComputedStyle(root).getPropertyValue('--num-columns').trim() !== '';
}

const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);
const fileIcon = icon(svg`<path d="M14 3H6v18h12V7z"/><path d="M14 3v4h4"/>`);

type EmojiState = 'idle' | 'loading' | 'ready' | 'failed';

/** The canned answers listed for a "/" command, and the active one's index (-1 when none match). */
export interface CannedList {
  readonly matches: readonly CannedAnswer[];
  readonly index: number;
}

/** Offered when the emoji data cannot be loaded (offline, blocked address). */
const COMMON_EMOJI = [...'😀😄😊🙂😉😍😂🤔😮😢🙏👍👎👏🙌👋💪🎉✅❌⭐🔥💡🎁📦🚚🛒💳📞⏰📅'].concat(['❤️', '✉️']);

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

/** (Moved to the model; exported here too for code that imported it from the composer.) */
export { acceptsFile };

/** Images the thread can show inline; anything else is sent as a file. */
export function isPreviewableImage(file: Pick<File, 'type'>): boolean {
  return /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(file.type);
}

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

/** The state, actions and templates of the composer's on-demand tools. */
export class ComposerTools {
  /** The files attached, in the order they came: uploading, or uploaded and ready to send. */
  attachments: readonly Attachment[] = [];
  private linkUrl = '';
  private linkTitle = '';
  private linkError = '';
  private offerId: string | undefined;
  private emojiState: EmojiState = 'idle';
  private emojiPicker: EmojiPickerElement | undefined;
  /** The "/" query the canned list was built for: another query starts at the first answer again. */
  private cannedQuery: string | undefined;
  private cannedIndex = 0;
  /** Escape closed the list; it comes back with the next "/" command. */
  private cannedDismissed = false;

  /** Whether the open panel may take the focus (see `opened`). */
  private mayFocus = (): boolean => true;
  /** The tools' styles were added to the element's. */
  private styled = false;

  constructor(private readonly host: ComposerHost) {}

  /** Adds the tools' styles after the element's, the first time the tools render something. */
  private style(): void {
    if (this.styled) return;
    this.styled = true;
    appendStyles(this.root as ShadowRoot, toolsStyles);
  }

  private get t() {
    return this.host.i18n.t.composer;
  }

  private changed(): void {
    this.host.el.requestUpdate();
  }

  /** Another conversation: forget the link, the offer and the canned answer being chosen. */
  reset(): void {
    this.linkUrl = this.linkTitle = this.linkError = '';
    this.offerId = this.cannedQuery = undefined;
    this.cannedDismissed = false;
    this.changed();
  }

  private get root(): HTMLElement | DocumentFragment {
    return this.host.el.renderRoot;
  }

  /** Once the element rendered, puts the text box's caret at `caret` (and focus there, with `focus`). */
  private caretAt(caret: number, focus = false): void {
    void this.host.el.updateComplete.then(() => {
      const textarea = this.root.querySelector('textarea');
      if (focus) textarea?.focus();
      textarea?.setSelectionRange(caret, caret);
    });
  }

  /** Inserts text at the caret (or replaces the selection) and keeps the draft in the store. */
  private insertText(insert: string): void {
    const current = this.host.draft();
    const textarea = this.root.querySelector('textarea');
    const start = textarea?.selectionStart ?? current.length;
    const next = current.slice(0, start) + insert + current.slice(textarea?.selectionEnd ?? current.length);
    const limit = this.host.limit();
    if (limit !== undefined && next.length > limit) return;
    this.host.setDraft(next);
    this.caretAt(start + insert.length);
  }

  // ---- panels ------------------------------------------------------------------------------

  /**
   * The panel was opened: load what it needs, then move focus into it, now and once the emoji
   * picker is ready, while `mayFocus()` (the agent did not put focus elsewhere meanwhile).
   */
  opened(panel: ToolPanel, mayFocus: () => boolean): void {
    this.linkError = '';
    this.mayFocus = mayFocus;
    if (panel === 'emoji') void this.loadEmojiPicker();
    void this.focus(panel);
  }

  /** Moves focus into the open panel (it sits above the text box, so Tab would not reach it first). */
  private async focus(panel: ToolPanel): Promise<void> {
    await this.host.el.updateComplete;
    if (!this.mayFocus()) return;
    const search =
      panel === 'emoji' && this.emojiPicker?.isConnected && this.emojiPicker.shadowRoot?.querySelector('input');
    (
      search ||
      this.root.querySelector<HTMLElement>(
        panel === 'emoji' ? '#panel .emoji-button' : '#panel input, #panel button.primary:not([disabled])',
      )
    )?.focus();
  }

  renderPanel(panel: ToolPanel): TemplateResult {
    this.style();
    const t = this.t;
    const cancel = html`<button type="button" class="secondary" @click=${() => this.host.closePanel()}>
      ${this.host.i18n.t.common.cancel}
    </button>`;
    if (panel === 'link') {
      const completion = this.linkCompletion();
      const error = this.linkError;
      return html`<form
        id="panel"
        part="panel"
        class="panel"
        aria-label=${t.linkForm}
        novalidate
        @submit=${this.onLinkSubmit}
      >
        <label class="row">
          <span>${t.linkUrl}</span>
          <input
            name="url"
            type="text"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            placeholder="https://"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(error ? 'link-error' : completion ? 'link-completion' : undefined)}
            .value=${live(this.linkUrl)}
            @input=${(e: Event) => {
              this.linkUrl = (e.target as HTMLInputElement).value;
              this.linkError = '';
              this.changed();
            }}
          />
        </label>
        ${
          completion && !error
            ? html`<p id="link-completion" class="muted completion">${t.linkCompleted(completion)}</p>`
            : nothing
        }
        <label class="row">
          <span>${t.linkTitle}</span>
          <input
            name="title"
            type="text"
            .value=${live(this.linkTitle)}
            @input=${(e: Event) => (this.linkTitle = (e.target as HTMLInputElement).value)}
          />
        </label>
        ${error ? html`<p id="link-error" class="error" role="alert">${error}</p>` : nothing}
        <div class="actions">${cancel}<button type="submit" class="primary">${t.linkSend}</button></div>
      </form>`;
    }
    if (panel === 'offer') {
      const offers = this.host.el.offers;
      const selected = offers.find((offer) => offer.id === this.offerId);
      return html`<div id="panel" part="panel" class="panel" role="group" aria-label=${t.offers}>
        <div class="offer-list" role="radiogroup" aria-label=${t.offers}>
          ${offers.map(
            (offer) =>
              html`<label class="offer-option">
                <input
                  type="radio"
                  name="offer"
                  .checked=${live(offer.id === this.offerId)}
                  @change=${() => {
                    this.offerId = offer.id;
                    this.changed();
                  }}
                />
                <span>${offer.title}</span>
              </label>`,
          )}
        </div>
        ${selected ? this.renderOfferCard(selected) : nothing}
        <div class="actions">
          ${cancel}
          <button type="button" class="primary" ?disabled=${!selected} @click=${() => this.sendOffer(selected!)}>
            ${t.offerSend}
          </button>
        </div>
      </div>`;
    }
    const state = this.emojiState;
    return html`<div id="panel" part="panel" class="panel emoji" role="dialog" aria-label=${t.emojiPicker}>
      ${state === 'loading' ? html`<p role="status">${t.emojiLoading}</p>` : nothing}
      ${
        state === 'failed'
          ? html`<p class="muted">${t.emojiFailed}</p>
              <div class="emoji-grid">
                ${COMMON_EMOJI.map(
                  (emoji) =>
                    html`<button type="button" class="emoji-button" @click=${() => this.insertText(emoji)}>
                      ${emoji}
                    </button>`,
                )}
              </div>`
          : nothing
      }
      ${state === 'ready' ? this.emojiPicker : nothing}
    </div>`;
  }

  private renderOfferCard(offer: ComposerOffer): TemplateResult {
    const image = safeUrl(offer.imageUrl, 'image');
    const url = safeUrl(offer.url, 'link');
    return html`<figure class="offer-card" aria-label=${this.t.offerPreview}>
      ${
        image
          ? html`<img src=${image} alt="" @error=${(e: Event) => ((e.target as HTMLElement).hidden = true)} />`
          : nothing
      }
      <figcaption>
        <strong>${offer.title}</strong>
        ${offer.description ? html`<span>${offer.description}</span>` : nothing}
        ${url ? html`<span class="muted">${url}</span>` : nothing}
        ${offer.cta ? html`<span class="cta">${offer.cta}</span>` : nothing}
      </figcaption>
    </figure>`;
  }

  private readonly onLinkSubmit = (event: Event): void => {
    event.preventDefault();
    const raw = this.linkUrl.trim();
    const url = safeUrl(raw, 'link') ?? safeUrl(completeUrl(raw), 'link');
    if (!url) {
      this.linkError = raw ? this.t.linkInvalid : this.t.linkEmpty;
    } else {
      this.linkUrl = url;
      const title = this.linkTitle.trim();
      if (this.host.send({ kind: 'link', url, ...(title ? { title } : {}) })) {
        this.linkUrl = this.linkTitle = '';
        this.host.closePanel();
      }
    }
    this.changed();
  };

  /** "https://shop.example.com/tents" while the agent typed "shop.example.com/tents", else undefined. */
  private linkCompletion(): string | undefined {
    const raw = this.linkUrl.trim();
    if (!raw || safeUrl(raw, 'link')) return undefined;
    return safeUrl(completeUrl(raw), 'link') ?? undefined;
  }

  private sendOffer(offer: ComposerOffer): void {
    const { title, description, imageUrl, url, cta } = offer;
    const draft: OfferContent = { kind: 'offer', title };
    if (description) draft.description = description;
    if (imageUrl) draft.imageUrl = imageUrl;
    if (url) draft.url = url;
    if (cta) draft.cta = cta;
    if (this.host.send(draft)) {
      this.offerId = undefined;
      this.host.closePanel();
    }
  }

  private async loadEmojiPicker(): Promise<void> {
    if (this.emojiState === 'ready' || this.emojiState === 'loading') return;
    const setState = (state: EmojiState) => {
      this.emojiState = state;
      this.changed();
      if (state !== 'loading') void this.focus('emoji');
    };
    setState('loading');
    const locale = this.host.i18n.locale === 'fr' ? 'fr' : 'en';
    // The data shipped with agent-desk, from our own origin, unless the host gives another source.
    const source = this.host.el.emojiDataSource || emojiDataUrl(locale);
    try {
      const { Database } = await import('emoji-picker-element');
      // Check the data loads before showing the picker; if it cannot (offline), common emoji instead.
      const database = new Database({ locale, dataSource: source });
      try {
        await database.ready();
      } finally {
        void database.close().catch(() => undefined);
      }
      const picker = document.createElement('emoji-picker') as EmojiPickerElement;
      picker.dataSource = source;
      if (locale === 'fr') {
        const fr = await import('emoji-picker-element/i18n/fr.js');
        picker.locale = 'fr';
        picker.i18n = fr.default;
      }
      picker.addEventListener('emoji-click', (event) => {
        const unicode = (event as CustomEvent<{ unicode?: string }>).detail.unicode;
        if (unicode) this.insertText(unicode);
      });
      this.emojiPicker = picker;
      setState('ready');
      // emoji-picker-element parses HTML strings and inlines its styles: under a CSP that enforces
      // Trusted Types or forbids inline styles it does not render. Then, the common emoji instead.
      await this.host.el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (this.emojiPicker === picker && picker.isConnected && !pickerRendered(picker)) {
        this.emojiPicker = undefined;
        setState('failed');
      }
    } catch {
      setState('failed');
    }
  }

  // ---- attachments -------------------------------------------------------------------------

  /**
   * Checks each file against the limits and starts uploading those that pass, beside the
   * attachments already there (several files at once: picked, dropped or pasted together). Each
   * refused file says why, naming the accepted types.
   */
  attach(files: readonly File[]): void {
    const { t, host } = this;
    const { uploader, accept, maxFileSize } = host.el;
    if (!uploader || files.length === 0) return;
    const lang = host.i18n.lang;
    const errors: string[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      if (!acceptsFile(file, accept)) {
        const types = acceptedTypes(accept).map((type) =>
          'family' in type ? t.fileFamilies[type.family] : type.format,
        );
        errors.push(t.fileType(file.name, formatList(lang, types)));
      } else if (maxFileSize > 0 && file.size > maxFileSize) {
        errors.push(t.fileTooLarge(file.name, formatFileSize(lang, maxFileSize)));
      } else {
        accepted.push(file);
      }
    }
    host.setError(errors.join(' '));
    for (const file of accepted) {
      const kind = isPreviewableImage(file) ? 'image' : 'file';
      const attachment: Attachment = {
        file,
        kind,
        previewUrl: kind === 'image' ? URL.createObjectURL(file) : undefined,
        status: 'uploading',
        progress: 0,
        controller: new AbortController(),
      };
      this.attachments = [...this.attachments, attachment];
      void this.upload(uploader, attachment);
    }
    if (accepted.length)
      host.setStatus(
        t.uploading(
          formatList(
            lang,
            accepted.map((file) => file.name),
          ),
        ),
      );
    this.changed();
  }

  /** Some attachment is uploaded and ready to send. */
  hasReady(): boolean {
    return this.attachments.some((attachment) => attachment.status === 'ready');
  }

  /** Some attachment is still uploading. */
  isUploading(): boolean {
    return this.attachments.some((attachment) => attachment.status === 'uploading');
  }

  /** Replaces one attachment (found by its controller) with a changed copy; false when it is gone. */
  private update(controller: AbortController, change: Partial<Attachment>): boolean {
    const index = this.attachments.findIndex((attachment) => attachment.controller === controller);
    if (index < 0) return false;
    const next = [...this.attachments];
    next[index] = { ...next[index], ...change };
    this.attachments = next;
    this.changed();
    return true;
  }

  private async upload(uploader: Uploader, attachment: Attachment): Promise<void> {
    const { t, host } = this;
    const { file, controller } = attachment;
    const current = () => this.attachments.some((a) => a.controller === controller) && !controller.signal.aborted;
    try {
      const result = await uploader(file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (!current() || !Number.isFinite(fraction)) return;
          this.update(controller, { progress: Math.min(1, Math.max(0, fraction)) });
        },
      });
      if (!current()) return;
      const url = result && safeUrl(result.url, attachment.kind === 'image' ? 'image' : 'link');
      if (!url) {
        this.discard(attachment);
        host.setError(t.uploadBadUrl(file.name));
        return;
      }
      let { width, height } = result;
      if (attachment.kind === 'image' && (!width || !height)) ({ width, height } = await imageSize(attachment));
      if (!current()) return;
      this.update(controller, {
        status: 'ready',
        progress: 1,
        result: { ...result, url, ...(width && height ? { width, height } : {}) },
      });
      host.setStatus(t.uploaded(file.name));
    } catch (error) {
      if (!current()) return;
      this.discard(attachment);
      const reason = error instanceof Error && error.message ? error.message : String(error);
      host.setError(t.uploadFailed(file.name, reason));
      host.setStatus('');
    }
  }

  /** Sends the uploaded attachments, each through `desk-send` (which may veto it); uploads in progress stay. */
  sendAttachment(): void {
    for (const attachment of this.attachments) {
      const result = attachment.status === 'ready' ? attachment.result : undefined;
      if (!result) continue;
      const { file } = attachment;
      const name = result.name ?? file.name;
      const mimeType = result.mimeType ?? file.type;
      const draft: Draft =
        attachment.kind === 'image'
          ? {
              kind: 'image',
              url: result.url,
              alt: name,
              ...(result.width ? { width: result.width } : {}),
              ...(result.height ? { height: result.height } : {}),
            }
          : { kind: 'file', name, url: result.url, size: result.size ?? file.size, ...(mimeType ? { mimeType } : {}) };
      if (this.host.send(draft)) this.discard(attachment);
    }
  }

  /**
   * Cancel (while uploading) or remove (when ready) one attachment, from its button; without one,
   * Escape: every upload in progress.
   */
  cancel(attachment?: Attachment): void {
    const targets = attachment ? [attachment] : this.attachments.filter((a) => a.status === 'uploading');
    const uploading = targets.some((a) => a.status === 'uploading');
    for (const target of targets) this.discard(target);
    this.host.setStatus(uploading ? this.t.uploadCancelled : '');
    void this.host.el.updateComplete.then(() => this.host.el.renderRoot.querySelector('textarea')?.focus());
  }

  /**
   * The agent leaves the conversation while attachments are uploading (or uploaded, not sent): the
   * uploads cannot go on without this composer, so they are dropped, and the conversation's next
   * composer says so (the store has no place for uploads in progress).
   */
  leave(store: DeskStore | undefined, id: string | undefined): void {
    const attachments = this.attachments;
    if (store && id && attachments.length) {
      noteInterrupted(
        store,
        id,
        formatList(
          this.host.i18n.lang,
          attachments.map((a) => a.file.name),
        ),
      );
    }
    for (const attachment of attachments) this.discard(attachment);
  }

  private discard(attachment: Attachment): void {
    const index = this.attachments.findIndex((a) => a.controller === attachment.controller);
    if (index < 0) return;
    const gone = this.attachments[index];
    this.attachments = this.attachments.filter((_, i) => i !== index);
    this.changed();
    if (gone.status === 'uploading') gone.controller.abort();
    if (gone.previewUrl) URL.revokeObjectURL(gone.previewUrl);
  }

  renderAttachment(): TemplateResult | typeof nothing {
    if (this.attachments.length === 0) return nothing;
    this.style();
    const several = this.attachments.length > 1;
    return html`${this.attachments.map((attachment) => this.renderOne(attachment, several))}`;
  }

  private renderOne(attachment: Attachment, several: boolean): TemplateResult {
    const t = this.t;
    const { file, previewUrl } = attachment;
    const uploading = attachment.status === 'uploading';
    // One attachment keeps the short names; among several, each names its file.
    const label = several
      ? uploading
        ? t.cancelUploadOf(file.name)
        : t.removeAttachmentOf(file.name)
      : uploading
        ? t.cancelUpload
        : t.removeAttachment;
    return html`<div
      part="attachment"
      class="attachment"
      role="group"
      aria-label=${several ? t.attachmentOf(file.name) : t.attachment}
    >
      ${
        previewUrl
          ? html`<img class="thumb" src=${previewUrl} alt=${t.imagePreview(file.name)} />`
          : html`<span class="thumb file">${fileIcon}</span>`
      }
      <div class="attachment-info">
        <span class="name">${file.name}</span>
        <span class="muted">${formatFileSize(this.host.i18n.lang, file.size)}</span>
        ${
          uploading
            ? html`<progress
                aria-label=${t.uploadProgress}
                max="100"
                value=${Math.round(attachment.progress * 100)}
              ></progress>`
            : html`<span class="muted">${t.uploaded(file.name)}</span>`
        }
      </div>
      <button type="button" class="tool" aria-label=${label} title=${label} @click=${() => this.cancel(attachment)}>
        ${closeIcon}
      </button>
    </div>`;
  }

  // ---- canned answers ----------------------------------------------------------------------

  /** The canned answers listed for the draft when it is a "/" command (and Escape did not close them). */
  canned(): CannedList | undefined {
    const query = cannedQuery(this.host.draft());
    if (query !== this.cannedQuery) {
      this.cannedQuery = query;
      this.cannedIndex = 0;
      if (query === undefined) this.cannedDismissed = false;
    }
    const answers = this.host.el.cannedAnswers;
    if (query === undefined || this.cannedDismissed || answers.length === 0) return undefined;
    const matches = searchCanned(answers, query, this.host.i18n.lang);
    return { matches, index: Math.min(this.cannedIndex, matches.length - 1) };
  }

  /** Escape: closes the canned list; true when there was one. */
  dismissCanned(): boolean {
    if (!this.canned()) return false;
    this.cannedDismissed = true;
    this.changed();
    return true;
  }

  /**
   * The keys of the canned list, from the text box or the list: arrows (and Ctrl+Home/End) move,
   * Enter or Tab inserts. True while the list has answers (Enter then never sends).
   */
  cannedKey(event: KeyboardEvent): boolean {
    const list = this.canned();
    const count = list?.matches.length;
    if (!list || !count) return false;
    const { key } = event;
    const moves: Record<string, number> = { ArrowDown: list.index + 1, ArrowUp: list.index - 1 + count };
    if (event.ctrlKey) Object.assign(moves, { Home: 0, End: count - 1 });
    if (key in moves) {
      event.preventDefault();
      this.cannedIndex = moves[key] % count;
      this.changed();
      // Keep the active answer in view inside the scrolling list.
      void this.host.el.updateComplete.then(() =>
        this.root.querySelector('#canned-list [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }),
      );
    } else if ((key === 'Enter' || key === 'Tab') && !event.shiftKey) {
      event.preventDefault();
      this.insertCanned(list.matches[list.index]);
    }
    return true;
  }

  private insertCanned(answer: CannedAnswer): void {
    const text = fillVariables(answer.text, this.host.variables());
    this.host.setDraft(text);
    this.caretAt(text.length, true);
  }

  renderCanned({ matches, index }: CannedList): TemplateResult {
    this.style();
    const t = this.t;
    if (matches.length === 0) {
      return html`<div part="canned-list" class="canned empty" role="status">${t.cannedNone}</div>`;
    }
    const variables = this.host.variables();
    // The list scrolls: it is focusable too (keyboard access to a scrolling region), with the same keys.
    return html`<div
      id="canned-list"
      part="canned-list"
      class="canned"
      role="listbox"
      aria-label=${t.canned}
      tabindex="0"
      aria-activedescendant="canned-${index}"
      @keydown=${(e: KeyboardEvent) => !e.isComposing && this.cannedKey(e)}
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
          @click=${() => this.insertCanned(answer)}
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
