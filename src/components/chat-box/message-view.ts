/**
 * Rendering of one thread row (a day separator or a message of any kind). Private to <chat-box>.
 * Everything untrusted is rendered as text; every URL goes through `safeUrl` and a refused one is
 * shown as inert text. Templates stay small: a 10,000-message thread re-renders only the rows in view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatDay, formatFileSize, formatTime, languageName } from '../../i18n/format.js';
import { channelLabel, messagePreview } from '../../i18n/names.js';
import type { Strings } from '../../i18n/strings.js';
import type {
  ChoiceContent,
  FileContent,
  ImageContent,
  LinkContent,
  Message,
  MessageBase,
  NavigationContent,
  OfferContent,
  TranslationContent,
} from '../../model/types.js';
import { neutralizeBidi } from '../../model/text.js';
import { displayUrl, safeUrl } from '../../model/url.js';
import { COLLAPSE_AT, SHOWN_AT_MOST, fileBadge, initials, type MessageRow, type ThreadRow } from './thread-rows.js';

export interface MessageViewContext {
  readonly t: Strings;
  readonly lang: string;
  readonly now: Date;
  /** The visitor's display name (name or "Visitor #n"). */
  readonly visitorName: string;
  /** Keys of oversized messages the agent expanded. */
  readonly expanded: ReadonlySet<string>;
  /** Keys of translations showing their original. */
  readonly originals: ReadonlySet<string>;
  /** Keys of images that failed to load. */
  readonly brokenImages: ReadonlySet<string>;
  /** Why a failed message cannot be retried (visitor blocked, conversation closed); undefined when it can. */
  readonly retryUnavailable: string | undefined;
  /** `aria-setsize` of the message items: -1 while older pages may exist. */
  readonly setSize: number;
  /** The message item in the thread's Tab order (the last one focused), if any. */
  readonly activeKey: string | undefined;
  /** Focus is inside the thread: the active item and its links and buttons are Tab stops. */
  readonly focusWithin: boolean;
  /** `tabindex` of the links and buttons of the message being rendered (set per row). */
  readonly tab: number;
  toggleExpanded(key: string): void;
  toggleOriginal(key: string): void;
  imageFailed(key: string): void;
  retry(messageId: string): void;
}

/** Untrusted short text (names, titles, file names, URLs) as shown: no bidi overrides. */
const plain = (text: string): string => neutralizeBidi(text);

const ICON_IMAGE = html`<svg class="image-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <rect x="2.5" y="3.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
  <circle cx="7.5" cy="8" r="1.6" fill="currentColor" />
  <path
    d="M3 15l4.5-4.5 3 3 2.5-2.5 4 4"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linejoin="round"
  />
</svg>`;

const STATUS_GLYPH = { sending: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' } as const;

export function authorName(message: MessageBase, ctx: MessageViewContext): string {
  const { thread } = ctx.t;
  if (message.author === 'system') return thread.systemName;
  const fallback =
    message.author === 'visitor'
      ? ctx.visitorName
      : message.author === 'agent'
        ? thread.agentFallbackName
        : thread.botFallbackName;
  return plain(message.authorName?.trim() ?? '') || fallback;
}

export function renderRow(row: ThreadRow, ctx: MessageViewContext): TemplateResult {
  if (row.type === 'day') {
    return html`<div class="day" part="day-separator" data-key=${row.key}>
      <span>${capitalize(formatDay(ctx.lang, row.at, ctx.now), ctx.lang)}</span>
    </div>`;
  }
  if (row.type === 'conversation') {
    const { conversation } = row;
    const closer = row.closedBy ? plain(row.closedBy) : undefined;
    const label = ctx.t.history.conversationOf(
      formatDate(ctx.lang, conversation.startedAt),
      channelLabel(ctx.t, conversation.channel),
      conversation.status === 'closed',
      closer,
    );
    // A heading: a screen reader jumps from one of the visitor's conversations to the next.
    return html`<div
      class="conversation-start"
      part="conversation-separator"
      role="heading"
      aria-level="3"
      data-key=${row.key}
      data-status=${conversation.status}
    >
      <span>${label}</span>
    </div>`;
  }
  return renderMessage(row, ctx);
}

/** "today" → "Today" (Intl's relative days are lower case in most languages). */
function capitalize(text: string, lang: string): string {
  return text ? text.charAt(0).toLocaleUpperCase(lang) + text.slice(1) : text;
}

function renderMessage(row: MessageRow, rowsCtx: MessageViewContext): TemplateResult {
  const { message, side, first, key } = row;
  const failed = message.status === 'failed';
  const name = authorName(message, rowsCtx);
  const active = key === rowsCtx.activeKey;
  // The thread is one Tab stop: only the focused message's links and buttons follow it in the Tab order.
  const ctx: MessageViewContext = { ...rowsCtx, tab: active && rowsCtx.focusWithin ? 0 : -1 };
  const { t } = ctx;
  const status = failed && message.author === 'agent' ? t.thread.notSent : undefined;
  const label = t.history.item(name, t.history.kind[message.kind], formatDateTime(ctx.lang, message.at), status);
  const classes = `row ${side}${first ? ' first' : ''}${failed ? ' failed' : ''} kind-${message.kind} by-${message.author}`;
  return html`<div
    class=${classes}
    role="article"
    aria-label=${label}
    aria-posinset=${row.position}
    aria-setsize=${ctx.setSize}
    tabindex=${ctx.tab}
    data-key=${key}
    data-kind=${message.kind}
    data-side=${side}
  >
    ${
      side === 'center'
        ? renderEvent(message, ctx)
        : message.kind === 'navigation'
          ? renderNavigation(message, ctx)
          : html`${
              first
                ? html`<span class="avatar" part="avatar" aria-hidden="true">${initials(name)}</span
                    ><bdi class="author" part="author">${name}</bdi>`
                : html`<span class="visually-hidden">${name}</span>`
            }
            ${renderBody(message, key, ctx)} ${renderMeta(message, ctx)}`
    }
  </div>`;
}

function renderMeta(message: Message, ctx: MessageViewContext): TemplateResult {
  const { t } = ctx;
  const status = message.author === 'agent' ? message.status : undefined;
  return html`<span class="meta" part="meta"
    >${renderTime(message, ctx)}${
      status === 'failed'
        ? ctx.retryUnavailable
          ? html`<span class="status" data-status="failed" part="status"
              >${t.thread.notSent}<span class="status-reason"> · ${ctx.retryUnavailable}</span></span
            >`
          : html`<span class="status" data-status="failed" part="status">${t.thread.notSent}</span
              ><button
                class="retry"
                part="retry"
                tabindex=${ctx.tab}
                aria-label=${t.a11y.retryMessage(messagePreview(t, message, 80))}
                @click=${() => ctx.retry(message.id)}
              >
                ${t.thread.retry}
              </button>`
        : status
          ? html`<span class="status" data-status=${status} part="status"
              ><span aria-hidden="true">${STATUS_GLYPH[status]}</span> ${t.thread.status[status]}</span
            >`
          : nothing
    }</span
  >`;
}

/**
 * Oversized text is cut at COLLAPSE_AT characters behind "Show more"; beyond SHOWN_AT_MOST, only
 * that much is shown even expanded, with a notice and the full text as a download.
 */
function clip(text: string, key: string, ctx: MessageViewContext): TemplateResult {
  if (text.length <= COLLAPSE_AT) return html`<span class="text" dir="auto">${text}</span>`;
  const open = ctx.expanded.has(key);
  const cut = text.length > SHOWN_AT_MOST;
  const more = html`<button
    class="more"
    tabindex=${ctx.tab}
    aria-expanded=${open ? 'true' : 'false'}
    @click=${() => ctx.toggleExpanded(key)}
  >
    ${open ? ctx.t.thread.showLess : ctx.t.thread.showMore}
  </button>`;
  const shown = open ? (cut ? `${text.slice(0, SHOWN_AT_MOST)}…` : text) : `${text.slice(0, COLLAPSE_AT)}…`;
  // Only .text keeps the message's own line breaks (pre-wrap); template whitespace elsewhere collapses.
  return html`<span class="text" dir="auto">${shown}</span> ${more} ${cut ? renderTruncated(text, key, ctx) : nothing}`;
}

/** "Message truncated: 1 MB, first 200 kB shown" and the full text as a file. */
function renderTruncated(text: string, key: string, ctx: MessageViewContext): TemplateResult {
  const { history } = ctx.t;
  const size = formatFileSize(ctx.lang, utf8Length(text, key));
  const shown = formatFileSize(ctx.lang, utf8Length(text.slice(0, SHOWN_AT_MOST), `${key}:shown`));
  return html`<span class="truncated" part="truncated"
    ><span class="truncated-note">${history.truncated(size, shown)}</span>
    <button class="download-full" tabindex=${ctx.tab} @click=${() => downloadText(text, key)}>
      ${history.downloadFull}
    </button></span
  >`;
}

/** UTF-8 sizes of the few oversized texts, by key (a megabyte is not encoded again at each render). */
const sizes = new Map<string, { length: number; bytes: number }>();

function utf8Length(text: string, key: string): number {
  const known = sizes.get(key);
  if (known?.length === text.length) return known.bytes;
  const bytes = new TextEncoder().encode(text).length;
  if (sizes.size > 50) sizes.clear();
  sizes.set(key, { length: text.length, bytes });
  return bytes;
}

/** Saves the full text as a .txt file (made on demand: no object URL is held by the thread). */
function downloadText(text: string, key: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `message-${key.replace(/^m:/, '').replace(/[^\w.-]+/g, '_')}.txt`;
  link.click();
  // The download has started from the URL by the next task; then it can go.
  setTimeout(() => URL.revokeObjectURL(url));
}

function renderTime(message: MessageBase, ctx: MessageViewContext): TemplateResult {
  return html`<time datetime=${message.at}>${formatTime(ctx.lang, message.at)}</time>`;
}

function renderBody(message: Message, key: string, ctx: MessageViewContext): TemplateResult {
  switch (message.kind) {
    case 'text':
      return html`<div class="bubble" part="bubble">${clip(message.text, key, ctx)}</div>`;
    case 'translation':
      return renderTranslation(message, key, ctx);
    case 'unsupported':
      return html`<div class="bubble unsupported" part="bubble">
        <span class="notice"><span aria-hidden="true">⚠ </span>${ctx.t.thread.unsupported(message.originalType)}</span>
        ${message.text ? html`<span class="quote">${clip(message.text, key, ctx)}</span>` : nothing}
      </div>`;
    case 'link':
      return renderLink(message, ctx);
    case 'offer':
      return renderOffer(message, ctx);
    case 'file':
      return renderFile(message, ctx);
    case 'image':
      return renderImage(message, key, ctx);
    case 'choice':
      return renderChoice(message, ctx);
    case 'navigation':
      return renderNavigation(message, ctx);
    // System lines, co-browsing and transfers are centred (`sideOf`) and never reach here.
    default:
      return renderEvent(message, ctx);
  }
}

function renderEvent(message: Message, ctx: MessageViewContext): TemplateResult {
  const { t } = ctx;
  const time = renderTime(message, ctx);
  switch (message.kind) {
    case 'cobrowsing':
      return html`<div class="event cobrowsing" part="event" data-state=${message.state}>
        <span class="icon screen" aria-hidden="true"></span
        ><span
          >${
            message.state === 'cancelled' || message.state === 'expired'
              ? t.shift.line[message.state]
              : t.thread.cobrowsing[message.state]
          }</span
        >${time}
      </div>`;
    case 'transfer':
      return html`<div class="event transfer" part="event">
        <span class="icon" aria-hidden="true">⇄</span
        ><span
          >${t.thread.transfer(plain(message.to.name), message.to.type, plain(message.from?.name ?? '') || undefined)}</span
        >${time}
        ${
          message.comment
            ? html`<q class="comment" title=${t.thread.transferComment}>${clip(message.comment, message.id, ctx)}</q>`
            : nothing
        }
      </div>`;
    case 'system':
      return html`<div class="event system" part="event">
        <span class="icon" aria-hidden="true">ℹ</span><span>${clip(message.text, message.id, ctx)}</span>${time}
      </div>`;
    default:
      return html`<div class="event system" part="event">
        <span>${renderBody(message, message.id, ctx)}</span>${time}
      </div>`;
  }
}

function renderNavigation(message: NavigationContent & MessageBase, ctx: MessageViewContext): TemplateResult {
  const href = safeUrl(message.url, 'link');
  const shown = plain(displayUrl(message.url));
  const title = plain(message.title ?? '');
  return html`<div class="navigation" part="navigation">
    <span class="icon" aria-hidden="true">↳</span><span class="label">${ctx.t.thread.visited}</span>
    ${
      href
        ? html`<a href=${href} tabindex=${ctx.tab} target="_blank" rel="noopener noreferrer" dir="auto"
            >${title || shown}</a
          >`
        : html`<span class="inert" dir="auto">${title || plain(message.url)}</span>`
    }
    ${title || !href ? html`<span class="url" dir="ltr">${href ? shown : plain(message.url)}</span>` : nothing}
    ${renderTime(message, ctx)}
  </div>`;
}

function renderLink(message: LinkContent, ctx: MessageViewContext): TemplateResult {
  const href = safeUrl(message.url, 'link');
  return html`<div class="bubble card link" part="bubble card">
    <span class="card-kind">${ctx.t.thread.link}</span>
    ${
      href
        ? html`<a class="title" href=${href} tabindex=${ctx.tab} target="_blank" rel="noopener noreferrer" dir="auto"
              >${plain(message.title ?? '') || plain(displayUrl(href))}</a
            ><span class="url" dir="ltr">${plain(displayUrl(href))}</span>`
        : html`${message.title ? html`<span class="title" dir="auto">${plain(message.title)}</span>` : nothing}<span
              class="url inert"
              dir="ltr"
              >${plain(message.url)}</span
            ><span class="blocked">${ctx.t.thread.blockedLink}</span>`
    }
  </div>`;
}

function renderOffer(message: OfferContent, ctx: MessageViewContext): TemplateResult {
  const href = message.url === undefined ? null : safeUrl(message.url, 'link');
  const image = message.imageUrl === undefined ? null : safeUrl(message.imageUrl, 'image');
  return html`<div class="bubble card offer" part="bubble card">
    ${
      image
        ? html`<img class="offer-image" src=${image} alt="" loading="lazy" decoding="async" @error=${hideBroken} />`
        : nothing
    }
    <span class="card-kind">${ctx.t.thread.offer}</span>
    <strong class="title" dir="auto">${plain(message.title)}</strong>
    ${message.description ? html`<span class="description" dir="auto">${message.description}</span>` : nothing}
    ${
      href
        ? html`<a class="cta" href=${href} tabindex=${ctx.tab} target="_blank" rel="noopener noreferrer" dir="auto"
            >${message.cta || ctx.t.thread.offerCta}</a
          >`
        : message.url !== undefined
          ? html`<span class="url inert" dir="ltr">${plain(message.url)}</span
              ><span class="blocked">${ctx.t.thread.blockedLink}</span>`
          : nothing
    }
  </div>`;
}

/** A decorative offer picture that fails to load is hidden rather than shown broken. */
function hideBroken(event: Event): void {
  (event.target as HTMLElement).hidden = true;
}

function renderFile(message: FileContent, ctx: MessageViewContext): TemplateResult {
  const href = safeUrl(message.url, 'link');
  // A right-to-left override can show "gnp.exe" as "exe.png": the name is shown (and typed) without them.
  const name = plain(message.name);
  const badge = fileBadge(name, message.mimeType);
  const details = [badge.label, message.size !== undefined ? formatFileSize(ctx.lang, message.size) : '']
    .filter(Boolean)
    .join(' · ');
  return html`<div class="bubble card file" part="bubble card">
    <span class="file-icon" data-type=${badge.type} aria-hidden="true">${badge.label}</span>
    ${
      href
        ? html`<a
            class="title"
            href=${href}
            tabindex=${ctx.tab}
            download=${name}
            target="_blank"
            rel="noopener noreferrer"
            dir="auto"
            aria-label=${ctx.t.thread.download(name)}
            >${name}</a
          >`
        : html`<span class="title" dir="auto">${name}</span>`
    }
    <span class="file-details">${details}</span>
    ${
      href
        ? nothing
        : html`<span class="url inert" dir="ltr">${plain(message.url)}</span
            ><span class="blocked">${ctx.t.thread.blockedLink}</span>`
    }
  </div>`;
}

function renderImage(message: ImageContent, key: string, ctx: MessageViewContext): TemplateResult {
  const src = safeUrl(message.url, 'image');
  const alt = plain(message.alt?.trim() ?? '') || ctx.t.thread.image;
  if (!src) {
    return html`<div class="bubble card image blocked-image" part="bubble card">
      <span class="blocked">${ctx.t.thread.blockedImage}</span><span class="title" dir="auto">${alt}</span
      ><span class="url inert" dir="ltr">${plain(message.url)}</span>
    </div>`;
  }
  // width/height give the browser the aspect ratio before the image loads (no jump in the virtualizer).
  const sized = !!(message.width && message.height);
  if (ctx.brokenImages.has(key)) {
    // The thumbnail's box (same size, so nothing around it moves) with a card in it, rather than
    // the browser's broken-image glyph. An empty SVG with the image's proportions holds the size.
    const link = safeUrl(message.url, 'link');
    return html`<div class="bubble image-fallback" part="bubble card" data-image="broken">
      <svg
        class="image-box"
        viewBox=${sized ? `0 0 ${message.width} ${message.height}` : '0 0 4 3'}
        aria-hidden="true"
        focusable="false"
      ></svg>
      <span class="fallback-body">
        ${ICON_IMAGE}
        <span class="fallback-text"
          ><span class="title" dir="auto">${alt}</span
          ><span class="fallback-note">${ctx.t.thread.imageUnavailable}</span></span
        >
        ${
          link
            ? html`<a class="fallback-open" href=${link} tabindex=${ctx.tab} target="_blank" rel="noopener noreferrer"
                >${ctx.t.thread.openImageLink}</a
              >`
            : nothing
        }
      </span>
    </div>`;
  }
  return html`<a
    class="bubble image"
    tabindex=${ctx.tab}
    part="bubble image"
    href=${src}
    target="_blank"
    rel="noopener noreferrer"
    title=${ctx.t.thread.openImage(alt)}
    ><img
      class=${sized ? '' : 'unsized'}
      src=${src}
      alt=${alt}
      loading="lazy"
      decoding="async"
      width=${sized ? String(message.width) : nothing}
      height=${sized ? String(message.height) : nothing}
      @error=${() => ctx.imageFailed(key)}
  /></a>`;
}

function renderTranslation(message: TranslationContent, key: string, ctx: MessageViewContext): TemplateResult {
  const { t } = ctx;
  const open = ctx.originals.has(key);
  const language = languageName(ctx.lang, message.sourceLang);
  return html`<div class="bubble translation" part="bubble">
    <span lang=${message.targetLang}>${clip(message.text, key, ctx)}</span>
    <span class="translation-meta"
      ><span>${t.thread.translatedFrom(language)}</span>
      <button
        class="toggle-original"
        tabindex=${ctx.tab}
        aria-expanded=${open ? 'true' : 'false'}
        @click=${() => ctx.toggleOriginal(key)}
      >
        ${open ? t.thread.hideOriginal : t.thread.showOriginal}
      </button></span
    >
    ${
      open
        ? html`<span class="original" part="original"
            ><span class="original-label">${t.thread.original(language)}</span
            ><span lang=${message.sourceLang}>${clip(message.original, `${key}:original`, ctx)}</span></span
          >`
        : nothing
    }
  </div>`;
}

function renderChoice(message: ChoiceContent, ctx: MessageViewContext): TemplateResult {
  const selected = message.options.find((option) => option.id === message.selectedId);
  return html`<div class="bubble card choice" part="bubble card">
    <span class="question" dir="auto">${message.question}</span>
    <ul class="options" aria-label=${ctx.t.thread.choiceOptions}>
      ${message.options.map(
        (option) =>
          html`<li
            class=${option === selected ? 'selected' : ''}
            aria-current=${option === selected ? 'true' : 'false'}
            dir="auto"
          >
            ${option.label}
          </li>`,
      )}
    </ul>
    <span class="choice-result"
      >${selected ? ctx.t.thread.choiceSelected(selected.label) : ctx.t.thread.choiceWaiting}</span
    >
  </div>`;
}
