/**
 * The attachments of `<compose-area>`: which files it takes (type, size, one at a time), the row
 * that shows the conversation's attachment from the store (preview, progress, Cancel / Remove) and
 * the drop target. The upload itself runs in the store (`store.startUpload`), so it goes on when
 * the agent focuses another pane. Nothing here refers to the composer: it gets what it shows and
 * reports through callbacks.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatFileSize } from '../../i18n/format.js';
import { formatList } from '../../i18n/list.js';
import { acceptedTypes, acceptsFile } from '../../model/attachments.js';
import type { Strings } from '../../i18n/strings.js';
import type { Upload } from '../../store/state.js';
import { icon } from './icons.js';

const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);
const fileIcon = icon(svg`<path d="M14 3H6v18h12V7z"/><path d="M14 3v4h4"/>`);

/** Why files were not attached. */
export type FileRefusal =
  | { readonly code: 'type'; readonly name: string }
  | { readonly code: 'too-large'; readonly name: string; readonly max: number };

/** The limits the host sets on attachments (`accept`, `max-file-size`). */
export interface FileLimits {
  readonly accept: string;
  readonly maxFileSize: number;
}

/** Why a file cannot be attached, if so: its type is not accepted, or it is too large. */
export function refuseFile(file: Pick<File, 'name' | 'type' | 'size'>, limits: FileLimits): FileRefusal | undefined {
  if (!acceptsFile(file, limits.accept)) return { code: 'type', name: file.name };
  if (limits.maxFileSize > 0 && file.size > limits.maxFileSize) {
    return { code: 'too-large', name: file.name, max: limits.maxFileSize };
  }
  return undefined;
}

/** The sentence that says why files were refused (a refused type names the accepted ones). */
export function refusalText(refusal: FileRefusal, t: Strings['composer'], lang: string, accept: string): string {
  switch (refusal.code) {
    case 'type': {
      const types = acceptedTypes(accept).map((type) => ('family' in type ? t.fileFamilies[type.family] : type.format));
      return t.fileType(refusal.name, formatList(lang, types));
    }
    case 'too-large':
      return t.fileTooLarge(refusal.name, formatFileSize(lang, refusal.max));
  }
}

/** The sentences that say why uploads failed, or '' while none did. */
export function uploadErrorText(uploads: readonly Upload[], t: Strings['composer']): string {
  return uploads
    .map((upload) =>
      upload.status !== 'failed'
        ? ''
        : upload.error.code === 'bad-url'
          ? t.uploadBadUrl(upload.name)
          : t.uploadFailed(upload.name, upload.error.reason),
    )
    .filter(Boolean)
    .join(' ');
}

/**
 * The attachment rows: preview or file icon, name and size, progress or "ready", Cancel / Remove.
 * With several, each group and button names its file.
 */
export function renderAttachments(
  uploads: readonly Upload[],
  t: Strings['composer'],
  lang: string,
  remove: (upload: Upload) => void,
): TemplateResult | typeof nothing {
  const shown = uploads.filter((upload) => upload.status !== 'failed');
  if (shown.length === 0) return nothing;
  return html`${shown.map((upload) => renderAttachment(upload, shown.length > 1, t, lang, () => remove(upload)))}`;
}

function renderAttachment(
  upload: Upload,
  several: boolean,
  t: Strings['composer'],
  lang: string,
  remove: () => void,
): TemplateResult {
  const uploading = upload.status === 'uploading';
  const label = several
    ? uploading
      ? t.cancelUploadOf(upload.name)
      : t.removeAttachmentOf(upload.name)
    : uploading
      ? t.cancelUpload
      : t.removeAttachment;
  const group = several ? t.attachmentOf(upload.name) : t.attachment;
  return html`<div part="attachment" class="attachment" role="group" aria-label=${group}>
    ${
      upload.previewUrl
        ? html`<img class="thumb" src=${upload.previewUrl} alt=${t.imagePreview(upload.name)} />`
        : html`<span class="thumb file">${fileIcon}</span>`
    }
    <div class="attachment-info">
      <span class="name">${upload.name}</span>
      <span class="muted">${formatFileSize(lang, upload.size)}</span>
      ${
        upload.status === 'uploading'
          ? html`<progress
              aria-label=${t.uploadProgress}
              max="100"
              value=${Math.round(upload.progress * 100)}
            ></progress>`
          : html`<span class="muted">${t.uploaded(upload.name)}</span>`
      }
    </div>
    <button type="button" class="tool" aria-label=${label} title=${label} @click=${remove}>${closeIcon}</button>
  </div>`;
}

export interface DropCallbacks {
  /** Whether files may be dropped now (an uploader is set, sending is possible). */
  accepts(): boolean;
  /** `dragging` changed: render again. */
  changed(): void;
  /** Files were dropped. */
  drop(files: readonly File[]): void;
}

/** The composer as a drop target for files: `dragging` while files are over it. */
export class FileDrop {
  dragging = false;
  private depth = 0;

  constructor(private readonly on: DropCallbacks) {}

  private accepts(event: DragEvent): boolean {
    return this.on.accepts() && !!event.dataTransfer?.types.includes('Files');
  }

  private set(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.on.changed();
  }

  readonly enter = (event: DragEvent): void => {
    if (!this.accepts(event)) return;
    event.preventDefault();
    this.depth += 1;
    this.set(true);
  };

  readonly over = (event: DragEvent): void => {
    if (!this.accepts(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  };

  readonly leave = (): void => {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.set(false);
  };

  readonly drop = (event: DragEvent): void => {
    this.depth = 0;
    this.set(false);
    if (!this.accepts(event)) return;
    event.preventDefault();
    this.on.drop([...(event.dataTransfer?.files ?? [])]);
  };
}
