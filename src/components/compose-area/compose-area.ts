import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { of } from 'rxjs';
import { DeskSendEvent } from '../../events.js';
import { channelLabel, visitorDisplayName } from '../../i18n/names.js';
import { hasName } from '../../model/thread.js';
import type { Draft } from '../../model/types.js';
import type { ComposerState, DeskStore } from '../../store/desk-store.js';
import type { ComposerTool, TypingState, Upload } from '../../store/state.js';
import { TypingThrottle } from '../../store/typing.js';
import { attachmentDraft } from '../../store/uploads.js';
import { shared, tokens } from '../../styles/tokens.js';
import { DeskElement, select } from '../shared/desk-element.js';
import { FileDrop, refusalText, refuseFile, renderAttachments, uploadErrorText } from './attachments.js';
import { CannedAnswers, fillVariables, type CannedList } from './canned-answers.js';
import { composeAreaStyles } from './compose-area.styles.js';
import { toolsStyles } from './compose-tools.styles.js';
import {
  cannedQuery,
  channelLimit,
  COUNTER_THRESHOLD,
  type CannedAnswer,
  type ComposerOffer,
  type Uploader,
} from './composer-model.js';
import { announce } from '../shared/announcer.js';
import { EmojiPanel } from './emoji-panel.js';
import { attachIcon, emojiIcon, linkIcon, offerIcon, sendIcon } from './icons.js';
import { LinkPanel } from './link-panel.js';
import { OfferPanel } from './offer-panel.js';

export type { CannedAnswer, ComposerOffer, Uploader, UploadResult } from './composer-model.js';

const NO_TYPING: TypingState = { typing: false };
const NO_COMPOSER: ComposerState = { draft: '', tool: undefined, uploads: [] };
const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** Below this width (of the composer) the tools, the hint and the placeholder get compact. */
const COMPACT_BELOW = 480;

/** The focused element, inside shadow roots too. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The composer of the focused (or given) conversation: type and send, Enter sends and
 * Shift+Enter starts a new line; send a link or an offer; attach a file or image (drop or paste
 * too) through the host's uploader; "/" opens the canned answers; emoji picker loaded on first
 * use. The draft, the open panel and the attachment live in the store, per conversation: they
 * survive switching conversations, panes and layouts, an upload goes on meanwhile, and the draft
 * survives a page reload (see the store's `draftStorage`). A blocked visitor or a closed
 * conversation disables it, with the reason shown.
 *
 * @customElement compose-area
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
export class ComposeArea extends DeskElement {
  static override shadowRootOptions: ShadowRootInit = { ...DeskElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, shared, composeAreaStyles, toolsStyles];

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
   * Where the emoji picker loads its data (emojibase JSON). Default: the data shipped with the
   * package (`emoji-picker-element-data`), fetched from the same origin as this code when the emoji
   * panel first opens; never a CDN.
   */
  @property({ attribute: 'emoji-data-source' }) emojiDataSource?: string;
  /**
   * Hides the composer's own "Offline" notice (set by `<chat-desk>`, which shows the connection
   * state once for the whole desk). Without it, a standalone composer says when it is offline.
   */
  @property({ type: Boolean, reflect: true, attribute: 'hide-offline-notice' }) hideOfflineNotice = false;

  @state() private error = '';
  /** Narrower than COMPACT_BELOW: the short placeholder (the CSS compacts the rest). */
  @state() private compact = false;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly data = select(
    this,
    (store, id) => ({
      conversation: id ? store.conversation$(id) : of(undefined),
      visitor: id ? store.visitorOf$(id) : of(undefined),
      composer: id ? store.composer$(id) : of(NO_COMPOSER),
      typing: id ? store.typing$(id) : of(NO_TYPING),
      agent: store.agent$,
      connection: store.connection$,
    }),
    (next, previous) => {
      this.announceUploads(next.composer.uploads, previous?.composer.uploads);
      // "<visitor> is typing…" once when it starts (never the preview, which changes per keystroke).
      if (next.typing.typing && previous && !previous.typing.typing && next.conversation === previous.conversation) {
        const name = visitorDisplayName(this.i18n.t, next.visitor, next.conversation?.visitorId);
        announce(this, this.i18n.t.composer.typing(name), { key: `typing:${next.conversation?.id}` });
      }
    },
  );

  private readonly changed = (): void => this.requestUpdate();
  private readonly canned = new CannedAnswers({
    changed: this.changed,
    moved: () =>
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector('#canned-list [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }),
      ),
    choose: (answer) => {
      const text = fillVariables(answer.text, this.variables());
      this.setDraft(text);
      this.caretAt(text.length, true);
    },
  });
  private readonly panelCallbacks = {
    changed: this.changed,
    send: (draft: Draft) => this.send(draft),
    close: () => this.closePanel(),
  };
  private readonly link = new LinkPanel(this.panelCallbacks);
  private readonly offer = new OfferPanel(this.panelCallbacks);
  private readonly emoji = new EmojiPanel({
    changed: () => {
      this.requestUpdate();
      void this.focusPanel();
    },
    pick: (emoji) => this.insertText(emoji),
  });
  private readonly drop = new FileDrop({
    accepts: () => !!this.uploader && !this.blockedReason,
    changed: this.changed,
    drop: (files) => void this.attachFiles(files),
  });

  /** The conversation the agent's "typing" went to (so `false` goes there too). */
  private typingFor: { store: DeskStore; id: string } | undefined;
  private readonly typingThrottle = new TypingThrottle((typing) => {
    if (this.typingFor) this.typingFor.store.typing(this.typingFor.id, typing);
  });
  private activeId: string | undefined;
  /**
   * Set when a panel opens: whether focus may still move into it (the agent did not put it
   * elsewhere meanwhile), checked again when the emoji picker arrives.
   */
  private mayFocusPanel: (() => boolean) | undefined;
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
    this.emoji.abort();
  }

  protected override explicitConversationId(): string | undefined {
    return this.conversationId;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.target.conversationId;
    if (id !== this.activeId) {
      // Another conversation: what was being written in the panels belongs to the previous one.
      if (this.activeId !== undefined) this.resetForConversation();
      this.activeId = id;
    }
    // The emoji panel open (now, or when the agent comes back to it) needs its picker.
    if (this.composer.tool === 'emoji' && !this.blockedReason) this.emoji.load(this.emojiDataSource, this.i18n.locale);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Auto-grow where `field-sizing: content` is not supported.
    const textarea = this.textarea;
    if (textarea && typeof CSS !== 'undefined' && !CSS.supports('field-sizing', 'content')) {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight + 2}px`;
    }
  }

  private resetForConversation(): void {
    this.typingThrottle.stop();
    this.link.reset();
    this.offer.reset();
    this.canned.reset();
    this.mayFocusPanel = undefined;
    this.error = '';
    // This conversation's attachments, if any, are said again.
    this.announceUploads(this.composer.uploads, undefined);
  }

  /** Says when an attachment starts uploading and when it is ready. */
  private announceUploads(next: readonly Upload[], previous: readonly Upload[] | undefined): void {
    const t = this.i18n.t.composer;
    for (const upload of next) {
      const before = previous?.find((item) => item.id === upload.id);
      if (before?.status === upload.status) continue;
      if (upload.status === 'uploading') announce(this, t.uploading(upload.name), { key: `upload:${upload.id}` });
      else if (upload.status === 'ready') announce(this, t.uploaded(upload.name), { key: `upload:${upload.id}` });
    }
  }

  // ---- derived state -----------------------------------------------------------------------

  private get composer(): ComposerState {
    return this.data.value?.composer ?? NO_COMPOSER;
  }

  /** Why sending is impossible (blocked visitor, closed conversation), else ''. */
  private get blockedReason(): string {
    const t = this.i18n.t.composer;
    if (this.data.value?.conversation?.status === 'closed') return t.closed;
    if (this.data.value?.visitor?.blocked) return t.blocked;
    return '';
  }

  private get limit(): number | undefined {
    return channelLimit(this.data.value?.conversation?.channel, this.maxLength);
  }

  /** The canned answers listed for a "/" draft, unless a panel is open or sending is impossible. */
  private cannedList(): CannedList | undefined {
    if (this.blockedReason || this.composer.tool) return undefined;
    return this.canned.list(this.composer.draft, this.cannedAnswers, this.i18n.lang);
  }

  /** The values of the canned answers' variables (`{visitor.name}`…). */
  private variables(): Readonly<Record<string, string | undefined>> {
    const { visitor, conversation, agent } = this.data.value ?? {};
    return {
      'visitor.name': hasName(visitor) ? visitor.name : undefined,
      'agent.name': agent?.name,
      'conversation.channel': conversation ? channelLabel(this.i18n.t, conversation.channel) : undefined,
    };
  }

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const t = this.i18n.t;
    const { store, conversationId: id } = this.target;
    const data = this.data.value;
    if (!store || !id || !data?.conversation) {
      const text = !store ? t.common.noStore : id ? t.common.loading : t.composer.noConversation;
      return html`<div class="placeholder" role="status">${text}</div>`;
    }
    const { draft: text, tool, uploads } = data.composer;
    const reason = this.blockedReason;
    const disabled = reason !== '';
    const limit = this.limit;
    const over = limit !== undefined && text.length > limit;
    const canSend = !disabled && ((text.trim() !== '' && !over) || uploads.some((u) => u.status === 'ready'));
    const canned = this.cannedList();
    const describedBy = ['hint', disabled ? 'notice' : '', limit !== undefined ? 'counter-label' : '']
      .filter(Boolean)
      .join(' ');

    return html`
      <div
        part="base"
        class="base ${this.drop.dragging ? 'dragging' : ''}"
        dir=${this.i18n.dir}
        @keydown=${this.onBaseKeydown}
        @dragenter=${this.drop.enter}
        @dragover=${this.drop.over}
        @dragleave=${this.drop.leave}
        @drop=${this.drop.drop}
      >
        ${this.renderTyping()} ${disabled ? html`<p id="notice" part="notice" class="notice">${reason}</p>` : nothing}
        ${
          data.connection === 'offline' && !disabled && !this.hideOfflineNotice
            ? html`<p class="offline">${t.common.connection.offline}</p>`
            : nothing
        }
        ${disabled || !tool ? nothing : this.renderPanel(tool)}
        ${renderAttachments(uploads, t.composer, this.i18n.lang, (upload) => this.removeAttachment(upload))}
        ${canned ? this.canned.render(canned, t.composer, this.variables()) : nothing}
        <div class="field">
          <textarea
            part="textarea"
            aria-label=${t.composer.message}
            aria-describedby=${describedBy}
            aria-controls=${ifDefined(canned ? 'canned-list' : undefined)}
            aria-activedescendant=${ifDefined(canned?.matches.length ? `canned-${canned.index}` : undefined)}
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
          ${this.renderToolbar(disabled, tool)}
          <span id="hint" class="hint">${t.composer.hint}</span>
          ${this.renderCounter(text.length, limit)}
        </div>
        ${over ? html`<p class="error" role="alert">${t.composer.tooLong(limit)}</p>` : nothing}
        <p class="error" role="alert">${this.error || uploadErrorText(uploads, t.composer)}</p>
        ${this.drop.dragging ? html`<div class="drop-hint" aria-hidden="true">${t.composer.dropHere}</div>` : nothing}
      </div>
    `;
  }

  private renderPanel(tool: ComposerTool): TemplateResult | typeof nothing {
    const t = this.i18n.t;
    const cancel = html`<button type="button" class="secondary" @click=${() => this.closePanel()}>
      ${t.common.cancel}
    </button>`;
    switch (tool) {
      case 'link':
        return this.link.render(t.composer, cancel);
      case 'offer':
        return this.offers.length > 0 ? this.offer.render(this.offers, t.composer, cancel) : nothing;
      case 'emoji':
        return this.emoji.render(t.composer);
    }
  }

  /**
   * "<visitor> is typing…" for screen readers only (the thread above shows the visible line, and the
   * desk's announcer says when it starts): never the preview, which changes per keystroke.
   */
  private renderTyping(): TemplateResult {
    const typing = this.data.value?.typing ?? NO_TYPING;
    const t = this.i18n.t.composer;
    const { visitor, conversation } = this.data.value ?? {};
    return html`<div part="typing" class="typing visually-hidden">
      <span class="typing-label"
        >${
          typing.typing
            ? html`<span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>
                ${t.typing(visitorDisplayName(this.i18n.t, visitor, conversation?.visitorId))}`
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
    return html`<span class="counter-wrap">
      ${
        used >= limit * COUNTER_THRESHOLD
          ? html`<span part="counter" class="counter ${used > limit ? 'over' : ''}" aria-hidden="true"
              >${t.counter(used, limit)}</span
            >`
          : nothing
      }
      <span id="counter-label" class="visually-hidden">${t.counterLabel(limit - used)}</span>
    </span>`;
  }

  private renderToolbar(disabled: boolean, open: ComposerTool | undefined): TemplateResult {
    const t = this.i18n.t.composer;
    const tool = (name: ComposerTool | 'attach', label: string, icon: unknown, onClick: () => void) =>
      html`<button
        type="button"
        class="tool"
        data-tool=${name}
        aria-label=${label}
        aria-expanded=${ifDefined(name === 'attach' ? undefined : String(open === name))}
        aria-controls=${ifDefined(name === 'attach' ? undefined : 'panel')}
        ?disabled=${disabled}
        @click=${onClick}
      >
        ${icon}
      </button>`;
    const panel = (name: ComposerTool, label: string, icon: unknown) =>
      tool(name, label, icon, () => this.togglePanel(name));
    return html`<div part="toolbar" class="toolbar" role="group" aria-label=${t.toolbar}>
      ${panel('emoji', t.emoji, emojiIcon)} ${panel('link', t.link, linkIcon)}
      ${this.offers.length > 0 ? panel('offer', t.offer, offerIcon) : nothing}
      ${
        this.uploader
          ? html`${tool('attach', t.attach, attachIcon, () => this.fileInput?.click())}
              <input
                type="file"
                multiple
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

  // ---- the text ----------------------------------------------------------------------------

  private setDraft(text: string): void {
    const { store, conversationId: id } = this.target;
    if (store && id) store.setDraft(id, text);
  }

  /** Once rendered, puts the text box's caret at `caret` (and focus there, with `focus`). */
  private caretAt(caret: number, focus = false): void {
    void this.updateComplete.then(() => {
      if (focus) this.textarea?.focus();
      this.textarea?.setSelectionRange(caret, caret);
    });
  }

  /** Inserts text at the caret (or replaces the selection), within the channel's limit. */
  private insertText(insert: string): void {
    const current = this.composer.draft;
    const textarea = this.textarea;
    const start = textarea?.selectionStart ?? current.length;
    const next = current.slice(0, start) + insert + current.slice(textarea?.selectionEnd ?? current.length);
    const limit = this.limit;
    if (limit !== undefined && next.length > limit) return;
    this.setDraft(next);
    this.caretAt(start + insert.length);
  }

  private onInput(event: Event): void {
    const { store, conversationId: id } = this.target;
    if (!store || !id) return;
    const value = (event.target as HTMLTextAreaElement).value;
    store.setDraft(id, value);
    this.error = '';
    // Failed uploads were said; the agent moved on.
    for (const upload of this.composer.uploads) if (upload.status === 'failed') store.removeUpload(id, upload.id);
    if (value.trim() === '' || cannedQuery(value) !== undefined) {
      this.typingThrottle.stop();
    } else if (this.data.value?.connection === 'online') {
      // Offline, typing notices would only fail: none are sent (the idle timer still ends one in progress).
      this.typingFor = { store, id };
      this.typingThrottle.input();
    }
  }

  private onTextKeydown(event: KeyboardEvent): void {
    if (event.isComposing || this.canned.key(event, this.cannedList())) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.submit();
    }
  }

  /** Escape closes what is open: the canned list, then the panel, then cancels the last upload in progress. */
  private onBaseKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing) return;
    if (this.canned.dismiss(this.cannedList())) {
      event.stopPropagation();
    } else if (this.composer.tool) {
      event.stopPropagation();
      this.closePanel();
    } else {
      const uploading = [...this.composer.uploads].reverse().find((upload) => upload.status === 'uploading');
      if (!uploading) return;
      event.stopPropagation();
      this.removeAttachment(uploading);
    }
  }

  // ---- sending -----------------------------------------------------------------------------

  /**
   * Sends what is ready: the uploaded attachments (one message each), then the text. Each goes through a cancelable
   * `desk-send` first. The text draft is cleared once it was sent.
   */
  submit(): void {
    const { store, conversationId: id } = this.target;
    if (!store || !id || this.blockedReason) return;
    for (const upload of this.composer.uploads) {
      if (upload.status === 'ready' && this.send(attachmentDraft(upload))) store.removeUpload(id, upload.id);
    }
    const text = this.composer.draft.trim();
    const limit = this.limit;
    if (!text || (limit !== undefined && text.length > limit)) return;
    if (this.send({ kind: 'text', text })) {
      store.setDraft(id, '');
      this.typingThrottle.stop();
    }
  }

  /** Fires `desk-send`, then sends what the listeners left. True when the store took it. */
  private send(draft: Draft): boolean {
    const { store, conversationId } = this.target;
    if (!store || !conversationId) return false;
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

  // ---- panels: link, offer, emoji ----------------------------------------------------------

  /** Opens a panel, with focus inside, or closes it. */
  private togglePanel(tool: ComposerTool): void {
    const { store, conversationId: id } = this.target;
    if (!store || !id) return;
    if (this.composer.tool === tool) return this.closePanel();
    const before = deepActiveElement();
    this.mayFocusPanel = () => this.focusStayed(before);
    if (tool === 'emoji') this.emoji.retry();
    store.setTool(id, tool);
    void this.focusPanel();
  }

  /**
   * Moves focus into the open panel (it sits above the text box, so Tab would not reach it first),
   * unless the agent put it elsewhere since the panel was opened (the emoji picker loads meanwhile).
   */
  private async focusPanel(): Promise<void> {
    await this.updateComplete;
    if (!this.mayFocusPanel?.()) return;
    const panel = this.renderRoot.querySelector('#panel');
    const search = panel?.querySelector('emoji-picker')?.shadowRoot?.querySelector('input');
    const selector = this.composer.tool === 'emoji' ? '.emoji-button' : 'input, button.primary:not([disabled])';
    (search ?? panel?.querySelector<HTMLElement>(selector))?.focus();
  }

  /** Focus is where it was when the tool was pressed, or in the toolbar or the panel. */
  private focusStayed(before: Element | null): boolean {
    const inner = this.shadowRoot?.activeElement;
    const inside = (selector: string) => !!inner && !!this.renderRoot.querySelector(selector)?.contains(inner);
    return deepActiveElement() === before || inside('[part="toolbar"]') || inside('#panel');
  }

  /** Closes the open panel and gives focus back to the button that opened it. */
  private closePanel(): void {
    const { store, conversationId: id } = this.target;
    const tool = this.composer.tool;
    if (!store || !id || !tool) return;
    this.mayFocusPanel = undefined;
    store.setTool(id, undefined);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${tool}"]`)?.focus());
  }

  // ---- attachments -------------------------------------------------------------------------

  private onFilePicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.attachFiles(files);
  }

  private onPaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.uploader || this.blockedReason) return;
    event.preventDefault();
    void this.attachFiles(files);
  }

  /** Cancel (while uploading) or remove (when ready), from its button or Escape. */
  private removeAttachment(upload: Upload): void {
    const { store, conversationId: id } = this.target;
    if (!store || !id) return;
    const uploading = upload.status === 'uploading';
    store.removeUpload(id, upload.id);
    if (uploading) announce(this, this.i18n.t.composer.uploadCancelled, { key: `upload:${upload.id}` });
    void this.updateComplete.then(() => this.textarea?.focus());
  }

  /**
   * Checks the files against the limits and starts uploading those that pass through the store with
   * the `uploader`, beside the attachments already there: an upload goes on while the agent works in
   * another pane or conversation, and shows in this conversation's composer. Each refused file is
   * said in the composer. Resolves once the uploads started or the files were refused; never rejects.
   */
  attachFiles(files: readonly File[]): Promise<void> {
    const { store, conversationId: id } = this.target;
    const uploader = this.uploader;
    if (!store || !id || !uploader || files.length === 0 || this.blockedReason) return Promise.resolve();
    const limits = { accept: this.accept, maxFileSize: this.maxFileSize };
    const refusals: string[] = [];
    for (const file of files) {
      const refusal = refuseFile(file, limits);
      if (refusal) refusals.push(refusalText(refusal, this.i18n.t.composer, this.i18n.lang, this.accept));
      else store.startUpload(id, file, uploader);
    }
    this.error = refusals.join(' ');
    return Promise.resolve();
  }
}
