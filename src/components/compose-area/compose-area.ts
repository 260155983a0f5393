import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DeskController } from '../../controllers/desk-controller.js';
import { ObservableController } from '../../controllers/observable-controller.js';
import { DeskSendEvent } from '../../events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { channelLabel, visitorDisplayName } from '../../i18n/names.js';
import { hasName } from '../../model/thread.js';
import type { Agent, ConnectionState, Conversation, Draft, Visitor } from '../../model/types.js';
import type { DeskStore } from '../../store/desk-store.js';
import type { TypingState } from '../../store/state.js';
import { TypingThrottle } from '../../store/typing.js';
import { shared, tokens } from '../../styles/tokens.js';
import { composeAreaStyles } from './compose-area.styles.js';
import {
  cannedQuery,
  channelLimit,
  COUNTER_THRESHOLD,
  noteInterrupted,
  takeInterrupted,
  type CannedAnswer,
  type ComposerOffer,
  type Uploader,
} from './composer-model.js';
import type { ComposerTools, ToolPanel } from './compose-tools.js';
import { attachIcon, emojiIcon, linkIcon, offerIcon, sendIcon } from './icons.js';
import { loadTools, toolsChunk, type ToolsModule } from './tools-loader.js';

export type { CannedAnswer, ComposerOffer, Uploader, UploadResult } from './composer-model.js';

type Panel = 'none' | ToolPanel;

const NO_TYPING: TypingState = { typing: false };
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
 * use. The draft lives in the store, per conversation, so it survives switching conversations
 * and layouts. A blocked visitor or a closed conversation disables it, with the reason shown.
 * What the first paint does not need (the panels, attachments, the canned list) loads on first
 * use, or earlier once the composer has focus or the pointer.
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
   * Where the emoji picker loads its data (emojibase JSON). Default: the data shipped with
   * agent-desk (emoji-picker-element-data, English or French), fetched from the same origin as
   * the composer's code when the emoji panel is first opened; never a CDN.
   */
  @property({ attribute: 'emoji-data-source' }) emojiDataSource?: string;
  /**
   * Hides the composer's own "Offline" notice (set by `<chat-desk>`, which shows the connection
   * state once for the whole desk). Without it, a standalone composer says when it is offline.
   */
  @property({ type: Boolean, reflect: true, attribute: 'hide-offline-notice' }) hideOfflineNotice = false;

  @state() private panel: Panel = 'none';
  @state() private error = '';
  @state() private status = '';
  @state() private dragging = false;
  /** Narrower than COMPACT_BELOW: the short placeholder (the CSS compacts the rest). */
  @state() private compact = false;
  /** The panel to open once the tools' module arrives (its button is busy until then). */
  @state() private opening: ToolPanel | undefined;
  /** The files to attach once the tools' module arrives (the attach button is busy until then). */
  @state() private attaching: readonly File[] | undefined;

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
  /** The panels, attachment and canned list, once their module is loaded. */
  private tools: ComposerTools | undefined;
  /**
   * Bumped when what waits for the tools' module no longer applies (another conversation, the
   * composer removed, Escape): it is then dropped when the module arrives.
   */
  private generation = 0;
  /** The last load of the tools' module failed: only an explicit use ("/", a tool, Enter…) tries again. */
  private toolsFailed = false;
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
    this.leave();
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
    const dropped = store && id && this.isConnected ? takeInterrupted(store, id) : undefined;
    if (dropped !== undefined) this.error = this.i18n.t.composer.uploadInterrupted(dropped);
    const canned = cannedQuery(this.draft.value) !== undefined;
    // A "/" draft (typed, or coming back with its conversation) lists the canned answers: they need the tools.
    if (canned && this.cannedAnswers.length > 0 && !this.tools) {
      if (toolsChunk.module) this.createTools(toolsChunk.module);
      else if (!this.toolsFailed) this.prefetchTools();
    }
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
    this.leave();
    this.tools?.reset();
    this.panel = 'none';
    this.error = '';
    this.status = '';
  }

  /**
   * The agent leaves the conversation (another one, or the composer is removed): an attachment,
   * uploading or waiting for the tools, is dropped, and the conversation's next composer says so.
   */
  private leave(): void {
    const store = this.desk.store;
    const id = this.activeId;
    const waiting = this.attaching;
    if (store && id && waiting?.length) {
      noteInterrupted(store, id, waiting.map((file) => file.name).join(', '));
    }
    this.cancelWaiting();
    this.tools?.leave(store, id);
  }

  /** Drops what waits for the tools' module: the panel to open and, unless `panelOnly`, all the rest. */
  private cancelWaiting(panelOnly = false): void {
    this.opening = undefined;
    if (!panelOnly) {
      this.generation += 1;
      this.attaching = undefined;
    }
    if (!this.attaching && this.status === this.i18n.t.common.loading) this.status = '';
  }

  // ---- on-demand tools ---------------------------------------------------------------------

  private createTools(module: ToolsModule): ComposerTools {
    return (this.tools ??= new module.ComposerTools({
      el: this,
      i18n: this.i18n,
      draft: () => this.draft.value,
      setDraft: (text) => {
        const id = this.desk.conversationId;
        if (id) this.desk.store?.setDraft(id, text);
      },
      limit: () => this.limit,
      variables: () => {
        const visitor = this.visitor.value;
        const conversation = this.conversation.value;
        return {
          'visitor.name': hasName(visitor) ? visitor.name : undefined,
          'agent.name': this.agent.value?.name,
          'conversation.channel': conversation ? channelLabel(this.i18n.t, conversation.channel) : undefined,
        };
      },
      send: (draft) => this.send(draft),
      closePanel: () => this.closePanel(),
      setError: (text) => (this.error = text),
      setStatus: (text) => (this.status = text),
    }));
  }

  /**
   * Runs `use` with the tools: at once when their module is loaded, else as soon as it arrives
   * ("Loading…" is said meanwhile), unless the composer was removed, changed conversation or
   * Escape was pressed since. A failed load says so in the composer, and the next explicit use
   * loads again. Resolves once `use` ran or was dropped.
   */
  private withTools(use: (tools: ComposerTools) => void): Promise<void> {
    const t = this.i18n.t;
    const run = (module: ToolsModule) => {
      if (this.error === t.composer.toolsFailed) this.error = '';
      use(this.createTools(module));
    };
    if (toolsChunk.module) {
      run(toolsChunk.module);
      return Promise.resolve();
    }
    const { generation } = this;
    const id = this.desk.conversationId;
    const stale = () => !this.isConnected || generation !== this.generation || id !== this.desk.conversationId;
    this.toolsFailed = false;
    this.status = t.common.loading;
    return loadTools().then(
      (module) => {
        if (stale()) return;
        if (this.status === t.common.loading) this.status = '';
        run(module);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.toolsFailed = true;
        if (stale()) return;
        console.warn('agent-desk: the composer tools could not be loaded.', error);
        this.opening = this.attaching = undefined;
        this.status = '';
        this.error = t.composer.toolsFailed;
      },
    );
  }

  /**
   * Focus is where it was when a tool was pressed, or in the toolbar or the panel: the agent did
   * not go elsewhere while the panel (or the emoji picker) was loading.
   */
  private focusStayed(before: Element | null): boolean {
    const inner = this.shadowRoot?.activeElement;
    const inside = (selector: string) => !!inner && !!this.renderRoot.querySelector(selector)?.contains(inner);
    return deepActiveElement() === before || inside('[part="toolbar"]') || inside('#panel');
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

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const t = this.i18n.t;
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id || !this.conversation.value) {
      const text = !store ? t.common.noStore : id ? t.common.loading : t.composer.noConversation;
      return html`<div class="placeholder" role="status">${text}</div>`;
    }
    const tools = this.tools;
    const reason = this.blockedReason;
    const disabled = reason !== '';
    const text = this.draft.value;
    const limit = this.limit;
    const over = limit !== undefined && text.length > limit;
    const canSend = !disabled && ((text.trim() !== '' && !over) || !!tools?.hasReady());
    // "/" lists the canned answers (once the tools are here), unless a panel is open.
    const canned = disabled || this.panel !== 'none' ? undefined : tools?.canned();
    const describedBy = ['hint', disabled ? 'notice' : '', limit !== undefined ? 'counter-label' : '']
      .filter(Boolean)
      .join(' ');

    return html`
      <div
        part="base"
        class="base ${this.dragging ? 'dragging' : ''}"
        lang=${this.i18n.lang}
        dir=${this.i18n.dir}
        @focusin=${this.prefetchTools}
        @pointerenter=${this.prefetchTools}
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
        ${disabled || this.panel === 'none' ? nothing : tools?.renderPanel(this.panel)} ${tools?.renderAttachment()}
        ${canned ? tools?.renderCanned(canned) : nothing}
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
        ${over ? html`<p class="error" role="alert">${t.composer.tooLong(limit)}</p>` : nothing}
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

  private renderToolbar(disabled: boolean): TemplateResult {
    const t = this.i18n.t.composer;
    const tool = (name: Panel | 'attach', label: string, icon: unknown, onClick: () => void) =>
      html`<button
        type="button"
        class="tool"
        data-tool=${name}
        aria-label=${label}
        title=${label}
        aria-expanded=${ifDefined(name === 'attach' ? undefined : String(this.panel === name))}
        aria-controls=${ifDefined(name === 'attach' ? undefined : 'panel')}
        aria-busy=${ifDefined((name === 'attach' ? this.attaching : this.opening === name) ? 'true' : undefined)}
        ?disabled=${disabled}
        @click=${onClick}
      >
        ${icon}
      </button>`;
    const panel = (name: ToolPanel, label: string, icon: unknown) =>
      tool(name, label, icon, () => this.togglePanel(name));
    return html`<div part="toolbar" class="toolbar" role="group" aria-label=${t.toolbar}>
      ${panel('emoji', t.emoji, emojiIcon)} ${panel('link', t.link, linkIcon)}
      ${this.offers.length > 0 ? panel('offer', t.offer, offerIcon) : nothing}
      ${
        this.uploader
          ? html`${tool('attach', t.attach, attachIcon, () => this.fileInput?.click())}
              <input
                type="file"
                hidden
                multiple
                tabindex="-1"
                aria-hidden="true"
                accept=${ifDefined(this.accept || undefined)}
                @change=${this.onFilePicked}
              />`
          : nothing
      }
    </div>`;
  }

  // ---- typing and keyboard -----------------------------------------------------------------

  private onInput(event: Event): void {
    const store = this.desk.store;
    const id = this.desk.conversationId;
    if (!store || !id) return;
    const value = (event.target as HTMLTextAreaElement).value;
    const wasCanned = cannedQuery(this.draft.value) !== undefined;
    store.setDraft(id, value);
    this.error = '';
    const canned = cannedQuery(value) !== undefined;
    // "/" lists the canned answers: their list comes with the tools (after a failed load, tried
    // again when a "/" command starts, not on every key).
    if (canned && this.cannedAnswers.length > 0 && !(this.toolsFailed && wasCanned))
      void this.withTools(() => undefined);
    if (value.trim() === '' || canned) {
      this.typingThrottle.stop();
    } else if (this.connection.value === 'online') {
      // Offline, typing notices would only fail: none are sent (the idle timer still ends one in progress).
      this.typingFor = { store, id };
      this.typingThrottle.input();
    }
  }

  private onTextKeydown(event: KeyboardEvent): void {
    if (event.isComposing || (this.panel === 'none' && this.tools?.cannedKey(event))) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      // A "/" query is for the canned answers: while their list is still loading, Enter waits for it
      // rather than sending the query as a message (once their load failed, it sends it).
      const waitForCanned = !this.tools && !this.toolsFailed && this.cannedAnswers.length > 0;
      if (waitForCanned && cannedQuery(this.draft.value) !== undefined) {
        void this.withTools(() => undefined);
        return;
      }
      this.submit();
    }
  }

  /**
   * Escape cancels the current action: a tool still loading, the canned list, then panel, then an
   * upload in progress.
   */
  private onBaseKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing) return;
    if (this.opening || this.attaching) {
      event.stopPropagation();
      const file = this.attaching;
      this.cancelWaiting();
      if (file) this.status = this.i18n.t.composer.uploadCancelled;
      return;
    }
    if (this.panel === 'none' && this.tools?.dismissCanned()) {
      event.stopPropagation();
      return;
    }
    if (this.panel !== 'none') {
      event.stopPropagation();
      this.closePanel();
      return;
    }
    if (this.tools?.isUploading()) {
      event.stopPropagation();
      this.tools.cancel();
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
    this.tools?.sendAttachment();
    const text = this.draft.value.trim();
    const limit = this.limit;
    if (!text || (limit !== undefined && text.length > limit)) return;
    if (this.send({ kind: 'text', text })) {
      store.setDraft(id, '');
      this.typingThrottle.stop();
    }
  }

  /** Fires `desk-send`, then sends what the listeners left. True when the store took it. */
  private send(draft: Draft): boolean {
    const store = this.desk.store;
    const conversationId = this.desk.conversationId;
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

  /**
   * Opens a panel (as soon as the tools are loaded) or closes it; a second press while it loads
   * cancels it. Focus moves into the panel unless the agent put it elsewhere meanwhile.
   */
  private togglePanel(panel: ToolPanel): void {
    if (this.panel === panel) return this.closePanel();
    if (this.opening === panel) return this.cancelWaiting(true);
    const focused = deepActiveElement();
    this.opening = panel;
    void this.withTools((tools) => {
      if (this.opening !== panel) return; // cancelled, or another tool was pressed since
      this.opening = undefined;
      this.panel = panel;
      tools.opened(panel, () => this.focusStayed(focused));
    });
  }

  /** Closes the open panel and gives focus back to the button that opened it. */
  private closePanel(): void {
    const panel = this.panel;
    if (panel === 'none') return;
    this.panel = 'none';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${panel}"]`)?.focus());
  }

  /**
   * Loads the tools' module ahead of use (the composer has focus or the pointer, or a "/" draft is
   * shown); a failure is only reported when a tool is used.
   */
  private prefetchTools(): void {
    if (!toolsChunk.module && !this.toolsFailed)
      loadTools().then(
        () => this.requestUpdate(),
        () => (this.toolsFailed = true),
      );
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
    // A file dragged from the desktop brings no pointer event: fetch the tools for its drop now.
    this.prefetchTools();
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

  /**
   * Checks the files against the limits and starts uploading those that pass (several at once,
   * beside the attachments already there; each refused file says why). The checks and the upload need
   * the composer's tools, loaded on first use: the returned promise resolves once the file is
   * attached (its upload started) or refused (the reason is shown in the composer), or dropped
   * (the composer was removed, changed conversation, or Escape was pressed before the tools
   * arrived; none of these attaches it elsewhere). A composer not in the document attaches
   * nothing. It never rejects.
   */
  attachFiles(files: readonly File[]): Promise<void> {
    // (A removed composer could never cancel the upload, nor show it.)
    if (!this.uploader || files.length === 0 || this.blockedReason || !this.isConnected) return Promise.resolve();
    // Files that come while the tools load join those already waiting.
    const waiting = [...(this.attaching ?? []), ...files];
    this.attaching = waiting;
    return this.withTools((tools) => {
      if (this.attaching !== waiting) return; // more came since: attached with them
      this.attaching = undefined;
      tools.attach(waiting);
    });
  }
}
