import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DeskController } from '../../controllers/desk-controller.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import { DeskSendEvent } from '../../events.js';
import { formatFileSize } from '../../i18n/format.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { channelLabel, visitorDisplayName } from '../../i18n/names.js';
import { hasName } from '../../model/thread.js';
import type { Agent, ConnectionState, Conversation, Draft, OfferContent, Visitor } from '../../model/types.js';
import { safeUrl } from '../../model/url.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { TypingState } from '../../store/state.js';
import { TypingThrottle } from '../../store/typing.js';
import { shared, tokens } from '../../styles/tokens.js';
import { composeAreaStyles } from './compose-area.styles.js';
import {
  acceptsFile,
  cannedQuery,
  channelLimit,
  completeUrl,
  COUNTER_THRESHOLD,
  fillVariables,
  isPreviewableImage,
  searchCanned,
  type CannedAnswer,
  type ComposerOffer,
  type Uploader,
  type UploadResult,
} from './composer-model.js';
import { attachIcon, closeIcon, emojiIcon, fileIcon, linkIcon, offerIcon, sendIcon } from './icons.js';

export type { CannedAnswer, ComposerOffer, Uploader, UploadResult } from './composer-model.js';

type Panel = 'none' | 'link' | 'offer' | 'emoji';

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

const NO_TYPING: TypingState = { typing: false };
const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** Offered when the emoji data cannot be loaded (offline, blocked CDN). */
const COMMON_EMOJI = [...'😀😄😊🙂😉😍😂🤔😮😢🙏👍👎👏🙌👋💪🎉✅❌⭐🔥💡🎁📦🚚🛒💳📞⏰📅'].concat(['❤️', '✉️']);

/** Below this width (of the composer) the tools, the hint and the placeholder get compact. */
const COMPACT_BELOW = 480;

/**
 * Attachments a composer had to drop because the agent left the conversation (pane switch,
 * another conversation): per store, the file name by conversation id. The next composer of that
 * conversation says so, once.
 */
const interruptedUploads = new WeakMap<DeskStore, Map<string, string>>();

/** The element the emoji picker module defines (typed loosely: it is loaded on demand). */
interface EmojiPickerElement extends HTMLElement {
  dataSource: string;
  locale: string;
  i18n: unknown;
}

/**
 * The composer of the focused (or given) conversation: type and send, Enter sends and
 * Shift+Enter starts a new line; send a link or an offer; attach a file or image (drop or paste
 * too) through the host's uploader; "/" opens the canned answers; emoji picker loaded on first
 * use. The draft lives in the store, per conversation, so it survives switching conversations
 * and layouts. A blocked visitor or a closed conversation disables it, with the reason shown.
 *
 * @summary Message composer with drafts, links, offers, attachments, canned answers and emoji.
 *
 * @fires desk-send - Before each message is sent (cancelable: `preventDefault()` vetoes it;
 *   a listener may replace `event.detail.draft`). Detail: `{ conversationId, draft }`.
 *
 * @csspart base - The whole composer (drop target).
 * @csspart toolbar - The row of tool buttons.
 * @csspart textarea - The message text box.
 * @csspart send-button - The Send button.
 * @csspart counter - The character counter shown near the channel's limit.
 * @csspart typing - The "visitor is typing" line.
 * @csspart notice - The explanation shown when sending is not possible.
 * @csspart panel - The link form, offer picker or emoji picker.
 * @csspart canned-list - The canned answers list box.
 * @csspart attachment - The attachment being uploaded or ready to send.
 *
 * @cssprop --compose-area-max-height - Height the text box grows to before it scrolls (default 12em).
 * @cssprop --compose-area-bg - Background of the composer.
 */
export class ComposeArea extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, shared, composeAreaStyles];

  /** The store (else the nearest `<chat-desk>`/`<desk-provider>` provides it). */
  @property({ attribute: false }) store?: DeskStore;
  /** The conversation to write to (else the pane's, else the focused one). */
  @property({ attribute: 'conversation-id' }) conversationId?: string;
  /** Canned answers offered when the text starts with "/". */
  @property({ attribute: false }) cannedAnswers: readonly CannedAnswer[] = [];
  /** Offers the agent can send; the offer button shows only when there are some. */
  @property({ attribute: false }) offers: readonly ComposerOffer[] = [];
  /** Uploads an attachment and resolves with its URL; the attach button shows only when set. */
  @property({ attribute: false }) uploader?: Uploader;
  /** Largest attachment in bytes (default 10 MB). */
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize = DEFAULT_MAX_FILE_SIZE;
  /** Allowed attachment types, as the file input's `accept` (`image/*,.pdf`); empty allows all. */
  @property({ attribute: 'accept' }) accept = '';
  /** Character limit overriding the channel's (see CHANNEL_LIMITS: sms 1,600…). */
  @property({ type: Number, attribute: 'max-length' }) maxLength?: number;
  /**
   * Where the emoji picker loads its data (emojibase JSON). Default: the picker's own CDN; set
   * a URL on your origin for offline or strict-CSP deployments.
   */
  @property({ attribute: 'emoji-data-source' }) emojiDataSource?: string;
  /**
   * Hides the composer's own "Offline" notice (set by `<chat-desk>`, which shows the connection
   * state once for the whole desk). Without it, a standalone composer says when it is offline.
   */
  @property({ type: Boolean, reflect: true, attribute: 'hide-offline-notice' }) hideOfflineNotice = false;

  @state() private panel: Panel = 'none';
  @state() private cannedIndex = 0;
  @state() private cannedDismissed = false;
  @state() private attachment: Attachment | undefined;
  @state() private error = '';
  @state() private status = '';
  @state() private linkUrl = '';
  @state() private linkTitle = '';
  @state() private linkError = '';
  @state() private offerId: string | undefined;
  @state() private dragging = false;
  @state() private emojiState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  /** Narrower than COMPACT_BELOW: the short placeholder (the CSS compacts the rest). */
  @state() private compact = false;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly desk = new DeskController(this);
  private readonly i18n = new LocaleController(this);
  private readonly conversation = new ObservableController<Conversation | undefined>(this, undefined);
  private readonly visitor = new ObservableController<Visitor | undefined>(this, undefined);
  private readonly draft = new ObservableController<string>(this, '');
  private readonly visitorTyping = new ObservableController<TypingState>(this, NO_TYPING);
  private readonly agent = new ObservableController<Agent | undefined>(this, undefined);
  private readonly connection = new ObservableController<ConnectionState | undefined>(this, undefined);
  /** The conversation the agent's "typing" went to (so `false` goes there too). */
  private typingFor: { store: DeskStore; id: string } | undefined;
  private readonly typingThrottle = new TypingThrottle((typing) => {
    if (this.typingFor) this.typingFor.store.typing(this.typingFor.id, typing);
  });
  private activeId: string | undefined;
  private emojiPicker: EmojiPickerElement | undefined;
  private dragDepth = 0;
  private resizeObserver: ResizeObserver | undefined;

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        if (width <= 0) return; // not laid out: keep the current mode
        // Next frame: the new placeholder changes the text box's height, not within this observation.
        requestAnimationFrame(() => (this.compact = width < COMPACT_BELOW));
      });
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.typingThrottle.stop();
    this.noteInterruptedAttachment();
    this.discardAttachment();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.desk.store;
    const id = this.desk.conversationId;
    this.conversation.observe(id ? store?.conversation$(id) : undefined);
    this.draft.observe(id ? store?.draft$(id) : undefined);
    this.visitorTyping.observe(id ? store?.typing$(id) : undefined);
    const visitorId = this.conversation.value?.visitorId;
    this.visitor.observe(visitorId ? store?.visitor$(visitorId) : undefined);
    this.agent.observe(store?.agent$);
    this.connection.observe(store?.connection$);
    if (id !== this.activeId) {
      // Another conversation: what was going on belongs to the previous one.
      if (this.activeId !== undefined) this.resetForConversation();
      this.activeId = id;
    }
    // (A composer just removed still updates once: it must not take the notice meant for the next one.)
    const interrupted = store && id && this.isConnected ? interruptedUploads.get(store) : undefined;
    const dropped = id ? interrupted?.get(id) : undefined;
    if (dropped !== undefined && id) {
      interrupted!.delete(id);
      this.error = this.i18n.t.composer.uploadInterrupted(dropped);
    }
    if (this.cannedDismissed && cannedQuery(this.draft.value) === undefined) this.cannedDismissed = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Auto-grow where `field-sizing: content` is not supported.
    const textarea = this.textarea;
    if (textarea && typeof CSS !== 'undefined' && !CSS.supports('field-sizing', 'content')) {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    }
    // Arrow keys move the active canned answer: keep it in view inside the scrolling list.
    if ((changed as Map<PropertyKey, unknown>).has('cannedIndex')) {
      this.renderRoot.querySelector('#canned-list [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  private resetForConversation(): void {
    this.typingThrottle.stop();
    this.noteInterruptedAttachment();
    this.discardAttachment();
    this.panel = 'none';
    this.error = '';
    this.status = '';
    this.linkError = '';
    this.linkUrl = '';
    this.linkTitle = '';
    this.offerId = undefined;
    this.cannedIndex = 0;
    this.cannedDismissed = false;
  }

  /**
   * The agent leaves the conversation while an attachment is uploading (or uploaded, not sent): the
   * upload cannot go on without this composer, so it is dropped, and the conversation's next
   * composer says so (the store has no place for uploads in progress).
   */
  private noteInterruptedAttachment(): void {
    const store = this.desk.store;
    const id = this.activeId;
    const attachment = this.attachment;
    if (!store || !id || !attachment) return;
    let interrupted = interruptedUploads.get(store);
    if (!interrupted) interruptedUploads.set(store, (interrupted = new Map()));
    interrupted.set(id, attachment.file.name);
  }

  // ---- derived state -----------------------------------------------------------------------

  /** Why sending is impossible (blocked visitor, closed conversation), else ''. */
  private get blockedReason(): string {
    const t = this.i18n.t.composer;
    if (this.conversation.value?.status === 'closed') return t.closed;
    if (this.visitor.value?.blocked) return t.blocked;
    return '';
  }

  private get limit(): number | undefined {
    return channelLimit(this.conversation.value?.channel, this.maxLength);
  }

  private get visitorName(): string {
    return visitorDisplayName(this.i18n.t, this.visitor.value, this.conversation.value?.visitorId);
  }

  private get cannedMatches(): CannedAnswer[] | undefined {
    if (this.cannedDismissed || this.panel !== 'none' || this.cannedAnswers.length === 0) return undefined;
    const query = cannedQuery(this.draft.value);
    if (query === undefined) return undefined;
    return searchCanned(this.cannedAnswers, query, this.i18n.lang);
  }

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const t = this.i18n.t;
    const store = this.desk.store;
    if (!store) return html`<div class="placeholder" role="status">${t.common.noStore}</div>`;
    const id = this.desk.conversationId;
    if (!id || !this.conversation.value) {
      return html`<div class="placeholder" role="status">${id ? t.common.loading : t.composer.noConversation}</div>`;
    }
    const reason = this.blockedReason;
    const disabled = reason !== '';
    const text = this.draft.value;
    const limit = this.limit;
    const over = limit !== undefined && text.length > limit;
    const ready = this.attachment?.status === 'ready';
    const canSend = !disabled && ((text.trim() !== '' && !over) || ready);
    const matches = disabled ? undefined : this.cannedMatches;
    const cannedOpen = matches !== undefined;
    const active =
      cannedOpen && matches.length > 0 ? matches[Math.min(this.cannedIndex, matches.length - 1)] : undefined;
    const describedBy = ['hint', disabled ? 'notice' : '', limit !== undefined ? 'counter-label' : '']
      .filter(Boolean)
      .join(' ');

    return html`
      <div
        part="base"
        class="base ${this.dragging ? 'dragging' : ''}"
        lang=${this.i18n.lang}
        dir=${this.i18n.dir}
        @keydown=${this.onBaseKeydown}
        @dragenter=${this.onDragEnter}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        ${this.renderTyping()} ${disabled ? html`<p id="notice" part="notice" class="notice">${reason}</p>` : nothing}
        ${
          this.connection.value === 'offline' && !disabled && !this.hideOfflineNotice
            ? html`<p class="offline">${t.common.connection.offline}</p>`
            : nothing
        }
        ${this.renderPanel(disabled)} ${this.renderAttachment()}
        ${cannedOpen ? this.renderCanned(matches, active) : nothing}
        <div class="field">
          <textarea
            part="textarea"
            aria-label=${t.composer.message}
            aria-describedby=${describedBy}
            aria-controls=${ifDefined(cannedOpen ? 'canned-list' : undefined)}
            aria-activedescendant=${ifDefined(active && matches ? `canned-${matches.indexOf(active)}` : undefined)}
            aria-autocomplete=${ifDefined(this.cannedAnswers.length > 0 ? 'list' : undefined)}
            aria-invalid=${over ? 'true' : 'false'}
            placeholder=${
              this.cannedAnswers.length > 0 && !this.compact ? t.composer.placeholderCanned : t.composer.placeholder
            }
            rows="1"
            maxlength=${ifDefined(limit)}
            .value=${live(text)}
            ?disabled=${disabled}
            @input=${this.onInput}
            @keydown=${this.onTextKeydown}
            @paste=${this.onPaste}
          ></textarea>
          <button
            part="send-button"
            class="send"
            type="button"
            aria-label=${t.composer.send}
            title=${t.composer.send}
            ?disabled=${!canSend}
            @click=${() => {
              this.submit();
              this.textarea?.focus();
            }}
          >
            ${sendIcon}<span class="send-label" aria-hidden="true">${t.composer.send}</span>
          </button>
        </div>
        <div class="footer">
          ${this.renderToolbar(disabled)}
          <span id="hint" class="hint">${t.composer.hint}</span>
          ${this.renderCounter(text.length, limit)}
        </div>
        ${over ? html`<p class="error" role="alert">${t.composer.tooLong(limit!)}</p>` : nothing}
        <p class="error" role="alert">${this.error}</p>
        <p class="visually-hidden" role="status">${this.status}</p>
        ${this.dragging ? html`<div class="drop-hint" aria-hidden="true">${t.composer.dropHere}</div>` : nothing}
      </div>
    `;
  }

  /**
   * The live region stays in the DOM (a region inserted together with its text is often not
   * announced); only "<visitor> is typing…" is in it, not the preview that changes per keystroke.
   */
  private renderTyping(): TemplateResult {
    const typing = this.visitorTyping.value;
    const t = this.i18n.t.composer;
    return html`<div part="typing" class="typing ${typing.typing ? '' : 'visually-hidden'}">
      <span role="status" class="typing-label"
        >${
          typing.typing
            ? html`<span class="dots" aria-hidden="true"><i></i><i></i><i></i></span> ${t.typing(this.visitorName)}`
            : nothing
        }</span
      >
      ${
        typing.typing && typing.preview
          ? html`<q class="typing-preview" title=${t.typingPreview}>${typing.preview}</q>`
          : nothing
      }
    </div>`;
  }

  private renderCounter(used: number, limit: number | undefined): TemplateResult | typeof nothing {
    if (limit === undefined) return nothing;
    const t = this.i18n.t.composer;
    const near = used >= limit * COUNTER_THRESHOLD;
    return html`<span class="counter-wrap">
      ${
        near
          ? html`<span part="counter" class="counter ${used > limit ? 'over' : ''}" aria-hidden="true"
              >${t.counter(used, limit)}</span
            >`
          : nothing
      }
      <span id="counter-label" class="visually-hidden">${t.counterLabel(limit - used)}</span>
    </span>`;
  }

  private renderToolbar(disabled: boolean): TemplateResult {
    const t = this.i18n.t.composer;
    const tool = (name: Panel, label: string, icon: unknown, controls: string) =>
      html`<button
        type="button"
        class="tool"
        data-tool=${name}
        aria-label=${label}
        title=${label}
        aria-expanded=${this.panel === name ? 'true' : 'false'}
        aria-controls=${controls}
        ?disabled=${disabled}
        @click=${() => this.togglePanel(name)}
      >
        ${icon}
      </button>`;
    return html`<div part="toolbar" class="toolbar" role="group" aria-label=${t.toolbar}>
      ${tool('emoji', t.emoji, emojiIcon, 'panel')} ${tool('link', t.link, linkIcon, 'panel')}
      ${this.offers.length > 0 ? tool('offer', t.offer, offerIcon, 'panel') : nothing}
      ${
        this.uploader
          ? html`<button
                type="button"
                class="tool"
                data-tool="attach"
                aria-label=${t.attach}
                title=${t.attach}
                ?disabled=${disabled}
                @click=${() => this.fileInput?.click()}
              >
                ${attachIcon}
              </button>
              <input
                type="file"
                hidden
                tabindex="-1"
                aria-hidden="true"
                accept=${ifDefined(this.accept || undefined)}
                @change=${this.onFilePicked}
              />`
          : nothing
      }
    </div>`;
  }

  private renderPanel(disabled: boolean): TemplateResult | typeof nothing {
    if (disabled || this.panel === 'none') return nothing;
    const t = this.i18n.t.composer;
    if (this.panel === 'link') {
      const completion = this.linkCompletion();
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
            aria-invalid=${this.linkError ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.linkError ? 'link-error' : completion ? 'link-completion' : undefined)}
            .value=${live(this.linkUrl)}
            @input=${(e: Event) => {
              this.linkUrl = (e.target as HTMLInputElement).value;
              this.linkError = '';
            }}
          />
        </label>
        ${
          completion && !this.linkError
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
        ${this.linkError ? html`<p id="link-error" class="error" role="alert">${this.linkError}</p>` : nothing}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.closePanel()}>
            ${this.i18n.t.common.cancel}
          </button>
          <button type="submit" class="primary">${t.linkSend}</button>
        </div>
      </form>`;
    }
    if (this.panel === 'offer') {
      const selected = this.offers.find((offer) => offer.id === this.offerId);
      return html`<div id="panel" part="panel" class="panel offers" role="group" aria-label=${t.offers}>
        <div class="offer-list" role="radiogroup" aria-label=${t.offers}>
          ${this.offers.map(
            (offer) =>
              html`<label class="offer-option">
                <input
                  type="radio"
                  name="offer"
                  .checked=${live(offer.id === this.offerId)}
                  @change=${() => (this.offerId = offer.id)}
                />
                <span>${offer.title}</span>
              </label>`,
          )}
        </div>
        ${selected ? this.renderOfferCard(selected) : nothing}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.closePanel()}>
            ${this.i18n.t.common.cancel}
          </button>
          <button type="button" class="primary" ?disabled=${!selected} @click=${() => this.sendOffer()}>
            ${t.offerSend}
          </button>
        </div>
      </div>`;
    }
    // Emoji
    return html`<div id="panel" part="panel" class="panel emoji" role="dialog" aria-label=${t.emojiPicker}>
      ${this.emojiState === 'loading' ? html`<p role="status">${t.emojiLoading}</p>` : nothing}
      ${
        this.emojiState === 'failed'
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
      ${this.emojiState === 'ready' ? this.emojiPicker : nothing}
    </div>`;
  }

  private renderOfferCard(offer: ComposerOffer): TemplateResult {
    const t = this.i18n.t.composer;
    const image = safeUrl(offer.imageUrl, 'image');
    const url = safeUrl(offer.url, 'link');
    return html`<figure class="offer-card" aria-label=${t.offerPreview}>
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

  private renderAttachment(): TemplateResult | typeof nothing {
    const attachment = this.attachment;
    if (!attachment) return nothing;
    const t = this.i18n.t.composer;
    const name = attachment.file.name;
    const uploading = attachment.status === 'uploading';
    return html`<div part="attachment" class="attachment" role="group" aria-label=${t.attachment}>
      ${
        attachment.previewUrl
          ? html`<img class="thumb" src=${attachment.previewUrl} alt=${t.imagePreview(name)} />`
          : html`<span class="thumb file">${fileIcon}</span>`
      }
      <div class="attachment-info">
        <span class="name">${name}</span>
        <span class="muted">${formatFileSize(this.i18n.lang, attachment.file.size)}</span>
        ${
          uploading
            ? html`<progress
                aria-label=${t.uploadProgress}
                max="100"
                value=${Math.round(attachment.progress * 100)}
              ></progress>`
            : html`<span class="muted">${t.uploaded(name)}</span>`
        }
      </div>
      <button
        type="button"
        class="tool"
        aria-label=${uploading ? t.cancelUpload : t.removeAttachment}
        title=${uploading ? t.cancelUpload : t.removeAttachment}
        @click=${() => this.cancelAttachment()}
      >
        ${closeIcon}
      </button>
    </div>`;
  }

  private renderCanned(matches: readonly CannedAnswer[], active: CannedAnswer | undefined): TemplateResult {
    const t = this.i18n.t.composer;
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
      aria-activedescendant=${ifDefined(active ? `canned-${matches.indexOf(active)}` : undefined)}
      @keydown=${this.onTextKeydown}
    >
      ${matches.map((answer, index) => {
        const selected = answer === active;
        // Keyboard: the text box keeps focus and drives this list (aria-activedescendant); a click is the pointer path.
        /* eslint-disable-next-line lit-a11y/click-events-have-key-events */
        return html`<div
          id="canned-${index}"
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
          <span class="canned-text">${this.fill(answer.text)}</span>
        </div>`;
      })}
    </div>`;
  }

  // ---- typing and keyboard -----------------------------------------------------------------

  private onInput(event: Event): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id) return;
    const value = (event.target as HTMLTextAreaElement).value;
    store.setDraft(id, value);
    this.cannedIndex = 0;
    this.error = '';
    if (value.trim() === '' || cannedQuery(value) !== undefined) {
      this.typingThrottle.stop();
    } else if (this.connection.value === 'online') {
      // Offline, typing notices would only fail: none are sent (the idle timer still ends one in progress).
      this.typingFor = { store, id };
      this.typingThrottle.input();
    }
  }

  private onTextKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    const matches = this.cannedMatches;
    if (matches && matches.length > 0) {
      const count = matches.length;
      const index = Math.min(this.cannedIndex, count - 1);
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          this.cannedIndex = (index + 1) % count;
          return;
        case 'ArrowUp':
          event.preventDefault();
          this.cannedIndex = (index - 1 + count) % count;
          return;
        case 'Home':
        case 'End':
          if (!event.ctrlKey) return;
          event.preventDefault();
          this.cannedIndex = event.key === 'Home' ? 0 : count - 1;
          return;
        case 'Enter':
        case 'Tab':
          if (event.shiftKey) break;
          event.preventDefault();
          this.insertCanned(matches[index]);
          return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.submit();
    }
  }

  /** Escape cancels the current action: canned list, then panel, then an upload in progress. */
  private onBaseKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing) return;
    if (this.cannedMatches) {
      event.stopPropagation();
      this.cannedDismissed = true;
      return;
    }
    if (this.panel !== 'none') {
      event.stopPropagation();
      this.closePanel();
      return;
    }
    if (this.attachment?.status === 'uploading') {
      event.stopPropagation();
      this.cancelAttachment();
    }
  }

  // ---- sending -----------------------------------------------------------------------------

  /**
   * Sends what is ready: the uploaded attachment, then the text. Each goes through a cancelable
   * `desk-send` first. The text draft is cleared once it was sent.
   */
  submit(): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id || this.blockedReason) return;
    const attachment = this.attachment;
    if (attachment?.status === 'ready' && attachment.result) {
      const { result } = attachment;
      const draft: Draft =
        attachment.kind === 'image'
          ? {
              kind: 'image',
              url: result.url,
              alt: result.name ?? attachment.file.name,
              ...(result.width ? { width: result.width } : {}),
              ...(result.height ? { height: result.height } : {}),
            }
          : {
              kind: 'file',
              name: result.name ?? attachment.file.name,
              url: result.url,
              size: result.size ?? attachment.file.size,
              ...((result.mimeType ?? attachment.file.type)
                ? { mimeType: result.mimeType ?? attachment.file.type }
                : {}),
            };
      if (this.dispatchSend(store, id, draft)) this.discardAttachment();
    }
    const text = this.draft.value.trim();
    const limit = this.limit;
    if (!text || (limit !== undefined && text.length > limit)) return;
    if (this.dispatchSend(store, id, { kind: 'text', text })) {
      store.setDraft(id, '');
      this.typingThrottle.stop();
      this.cannedDismissed = false;
    }
  }

  /** Fires `desk-send`, then sends what the listeners left. True when the store took it. */
  private dispatchSend(store: DeskStore, conversationId: string, draft: Draft): boolean {
    const event = new DeskSendEvent({ conversationId, draft });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    const message = store.send(conversationId, event.detail.draft);
    if (!message) {
      this.error = this.i18n.t.composer.refused;
      return false;
    }
    this.error = '';
    return true;
  }

  private fill(text: string): string {
    const visitor = this.visitor.value;
    return fillVariables(text, {
      'visitor.name': hasName(visitor) ? visitor.name : undefined,
      'agent.name': this.agent.value?.name,
      'conversation.channel': this.conversation.value
        ? channelLabel(this.i18n.t, this.conversation.value.channel)
        : undefined,
    });
  }

  private insertCanned(answer: CannedAnswer): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id) return;
    const text = this.fill(answer.text);
    store.setDraft(id, text);
    this.cannedIndex = 0;
    void this.updateComplete.then(() => {
      const textarea = this.textarea;
      if (!textarea) return;
      textarea.focus();
      textarea.setSelectionRange(text.length, text.length);
    });
  }

  // ---- panels: link, offer, emoji ----------------------------------------------------------

  private togglePanel(panel: Panel): void {
    if (this.panel === panel) {
      this.closePanel();
      return;
    }
    this.panel = panel;
    this.linkError = '';
    if (panel === 'emoji') void this.loadEmojiPicker();
    void this.focusPanel();
  }

  /** Moves focus into the open panel (it sits above the text box, so Tab would not reach it first). */
  private async focusPanel(): Promise<void> {
    await this.updateComplete;
    if (this.panel === 'emoji') {
      const search = this.emojiPicker?.isConnected
        ? this.emojiPicker.shadowRoot?.querySelector<HTMLElement>('input')
        : null;
      (search ?? this.renderRoot.querySelector<HTMLElement>('#panel .emoji-button'))?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('#panel input, #panel button.primary:not([disabled])')?.focus();
  }

  /** Closes the open panel and gives focus back to the button that opened it. */
  private closePanel(): void {
    const panel = this.panel;
    if (panel === 'none') return;
    this.panel = 'none';
    this.linkError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${panel}"]`)?.focus());
  }

  private onLinkSubmit(event: Event): void {
    event.preventDefault();
    const t = this.i18n.t.composer;
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id) return;
    const raw = this.linkUrl.trim();
    if (!raw) {
      this.linkError = t.linkEmpty;
      return;
    }
    const url = safeUrl(raw, 'link') ?? safeUrl(completeUrl(raw), 'link');
    if (!url) {
      this.linkError = t.linkInvalid;
      return;
    }
    this.linkUrl = url;
    const title = this.linkTitle.trim();
    if (this.dispatchSend(store, id, { kind: 'link', url, ...(title ? { title } : {}) })) {
      this.linkUrl = '';
      this.linkTitle = '';
      this.closePanel();
    }
  }

  /** "https://shop.example.com/tents" while the agent typed "shop.example.com/tents", else undefined. */
  private linkCompletion(): string | undefined {
    const raw = this.linkUrl.trim();
    if (!raw || safeUrl(raw, 'link')) return undefined;
    return safeUrl(completeUrl(raw), 'link') ?? undefined;
  }

  private sendOffer(): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    const offer = this.offers.find((candidate) => candidate.id === this.offerId);
    if (!store || !id || !offer) return;
    const draft: OfferContent = { kind: 'offer', title: offer.title };
    if (offer.description) draft.description = offer.description;
    if (offer.imageUrl) draft.imageUrl = offer.imageUrl;
    if (offer.url) draft.url = offer.url;
    if (offer.cta) draft.cta = offer.cta;
    if (this.dispatchSend(store, id, draft)) {
      this.offerId = undefined;
      this.closePanel();
    }
  }

  private async loadEmojiPicker(): Promise<void> {
    if (this.emojiState === 'ready' || this.emojiState === 'loading') return;
    this.emojiState = 'loading';
    try {
      const { Database } = await import('emoji-picker-element');
      const locale = this.i18n.locale === 'fr' ? 'fr' : 'en';
      // Check the data loads (CDN by default) before showing the picker; offline, common emoji instead.
      const database = new Database({ locale, ...(this.emojiDataSource ? { dataSource: this.emojiDataSource } : {}) });
      try {
        await database.ready();
      } catch {
        this.emojiState = 'failed';
        void this.focusPanel();
        return;
      } finally {
        void database.close().catch(() => undefined);
      }
      const picker = document.createElement('emoji-picker') as EmojiPickerElement;
      if (this.emojiDataSource) picker.dataSource = this.emojiDataSource;
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
      this.emojiState = 'ready';
      void this.focusPanel();
    } catch {
      this.emojiState = 'failed';
    }
  }

  /** Inserts text at the caret (or replaces the selection) and keeps the draft in the store. */
  private insertText(insert: string): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id) return;
    const current = this.draft.value;
    const textarea = this.textarea;
    const start = textarea?.selectionStart ?? current.length;
    const end = textarea?.selectionEnd ?? current.length;
    const next = current.slice(0, start) + insert + current.slice(end);
    const limit = this.limit;
    if (limit !== undefined && next.length > limit) return;
    store.setDraft(id, next);
    void this.updateComplete.then(() => {
      const caret = start + insert.length;
      this.textarea?.setSelectionRange(caret, caret);
    });
  }

  // ---- attachments -------------------------------------------------------------------------

  private onFilePicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.attachFiles(files);
  }

  private onPaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.uploader || this.blockedReason) return;
    event.preventDefault();
    this.attachFiles(files);
  }

  private acceptsDrag(event: DragEvent): boolean {
    return !!this.uploader && !this.blockedReason && !!event.dataTransfer?.types.includes('Files');
  }

  private onDragEnter(event: DragEvent): void {
    if (!this.acceptsDrag(event)) return;
    event.preventDefault();
    this.dragDepth += 1;
    this.dragging = true;
  }

  private onDragOver(event: DragEvent): void {
    if (!this.acceptsDrag(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  }

  private onDragLeave(): void {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    this.dragDepth = 0;
    this.dragging = false;
    if (!this.acceptsDrag(event)) return;
    event.preventDefault();
    this.attachFiles([...(event.dataTransfer?.files ?? [])]);
  }

  /** Checks one file against the limits and starts uploading it. */
  attachFiles(files: readonly File[]): void {
    const t = this.i18n.t.composer;
    const uploader = this.uploader;
    if (!uploader || files.length === 0 || this.blockedReason) return;
    if (files.length > 1) {
      this.error = t.oneFile;
      return;
    }
    const file = files[0];
    if (!acceptsFile(file, this.accept)) {
      this.error = t.fileType(file.name);
      return;
    }
    if (this.maxFileSize > 0 && file.size > this.maxFileSize) {
      this.error = t.fileTooLarge(file.name, formatFileSize(this.i18n.lang, this.maxFileSize));
      return;
    }
    this.discardAttachment();
    this.error = '';
    const kind = isPreviewableImage(file) ? 'image' : 'file';
    const controller = new AbortController();
    const attachment: Attachment = {
      file,
      kind,
      previewUrl: kind === 'image' ? URL.createObjectURL(file) : undefined,
      status: 'uploading',
      progress: 0,
      controller,
    };
    this.attachment = attachment;
    this.status = t.uploading(file.name);
    void this.upload(uploader, attachment);
  }

  private async upload(uploader: Uploader, attachment: Attachment): Promise<void> {
    const t = this.i18n.t.composer;
    const { file, controller } = attachment;
    const current = () => this.attachment?.controller === controller && !controller.signal.aborted;
    try {
      const result = await uploader(file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (!current() || !Number.isFinite(fraction)) return;
          this.attachment = { ...this.attachment!, progress: Math.min(1, Math.max(0, fraction)) };
        },
      });
      if (!current()) return;
      const url = result && safeUrl(result.url, attachment.kind === 'image' ? 'image' : 'link');
      if (!url) {
        this.discardAttachment();
        this.error = t.uploadBadUrl(file.name);
        return;
      }
      let { width, height } = result;
      if (attachment.kind === 'image' && (!width || !height)) ({ width, height } = await this.imageSize(attachment));
      if (!current()) return;
      this.attachment = {
        ...this.attachment!,
        status: 'ready',
        progress: 1,
        result: { ...result, url, ...(width && height ? { width, height } : {}) },
      };
      this.status = t.uploaded(file.name);
    } catch (error) {
      if (!current()) return;
      this.discardAttachment();
      const reason = error instanceof Error && error.message ? error.message : String(error);
      this.error = t.uploadFailed(file.name, reason);
      this.status = '';
    }
  }

  private async imageSize(attachment: Attachment): Promise<{ width?: number; height?: number }> {
    const img = this.renderRoot.querySelector<HTMLImageElement>('.attachment img.thumb');
    if (!img || !attachment.previewUrl) return {};
    try {
      await img.decode();
      return { width: img.naturalWidth || undefined, height: img.naturalHeight || undefined };
    } catch {
      return {};
    }
  }

  /** Cancel (while uploading) or remove (when ready), from the button or Escape. */
  private cancelAttachment(): void {
    const uploading = this.attachment?.status === 'uploading';
    this.discardAttachment();
    this.status = uploading ? this.i18n.t.composer.uploadCancelled : '';
    void this.updateComplete.then(() => this.textarea?.focus());
  }

  private discardAttachment(): void {
    const attachment = this.attachment;
    if (!attachment) return;
    this.attachment = undefined;
    if (attachment.status === 'uploading') attachment.controller.abort();
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
  }
}
