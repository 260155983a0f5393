import { isPreviewableImage, type Uploader } from '../model/composer.js';
import type { Draft } from '../model/types.js';
import { safeUrl } from '../model/url.js';
import type { LocalAction } from './actions.js';
import type { Upload, UploadError } from './state.js';

/**
 * Runs the composer's uploads for the store, so that an upload goes on whatever the composer does
 * (another pane focused, the composer re-created): the state holds what the composer shows (name,
 * progress, result), this runner holds what cannot be state (the AbortController of each upload in
 * flight, the preview's `blob:` URL to revoke) and calls the integrator's uploader.
 */
export class UploadRunner {
  /** Uploads in flight, by upload id. */
  private readonly running = new Map<string, AbortController>();
  private count = 0;

  constructor(
    private readonly act: (action: LocalAction) => void,
    /** The conversation's uploads as the state has them now. */
    private readonly current: (conversationId: string) => readonly Upload[],
  ) {}

  private find(conversationId: string, uploadId: string): Upload | undefined {
    return this.current(conversationId).find((upload) => upload.id === uploadId);
  }

  /** Uploads `file` as one more attachment of the conversation. */
  start(conversationId: string, file: File, uploader: Uploader): void {
    this.count += 1;
    const id = `upload-${this.count}`;
    const kind = isPreviewableImage(file) ? 'image' : 'file';
    const controller = new AbortController();
    this.running.set(id, controller);
    this.act({
      type: 'local.upload.started',
      conversationId,
      upload: {
        id,
        name: file.name,
        size: file.size,
        mimeType: file.type,
        kind,
        ...(kind === 'image' ? { previewUrl: URL.createObjectURL(file) } : {}),
        status: 'uploading',
        progress: 0,
      },
    });
    void this.run(conversationId, id, file, uploader, controller.signal);
  }

  /** Cancels one of the conversation's uploads in flight, or drops its ready or failed attachment; every one without `uploadId`. */
  remove(conversationId: string, uploadId?: string): void {
    const uploads = this.current(conversationId).filter((upload) => uploadId === undefined || upload.id === uploadId);
    for (const upload of uploads) {
      this.running.get(upload.id)?.abort();
      this.running.delete(upload.id);
      if (upload.previewUrl) URL.revokeObjectURL(upload.previewUrl);
      this.act({ type: 'local.upload.removed', conversationId, uploadId: upload.id });
    }
  }

  /** The store is destroyed: every upload in flight stops, and the previews of `uploads` are revoked. */
  stop(uploads: Iterable<Upload>): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    for (const { previewUrl } of uploads) if (previewUrl) URL.revokeObjectURL(previewUrl);
  }

  private async run(
    conversationId: string,
    id: string,
    file: File,
    uploader: Uploader,
    signal: AbortSignal,
  ): Promise<void> {
    // Cancelled, or the store destroyed: what comes later is dropped.
    const live = () => !signal.aborted && !!this.find(conversationId, id);
    const kind = isPreviewableImage(file) ? 'image' : 'file';
    try {
      const result = await uploader(file, {
        signal,
        onProgress: (fraction) => {
          if (!live() || !Number.isFinite(fraction)) return;
          const progress = Math.min(1, Math.max(0, fraction));
          this.act({ type: 'local.upload.progress', conversationId, uploadId: id, progress });
        },
      });
      if (!live()) return;
      const url = result && safeUrl(result.url, kind === 'image' ? 'image' : 'link');
      if (!url) return this.fail(conversationId, id, { code: 'bad-url' });
      let { width, height } = result;
      if (kind === 'image' && (!width || !height)) ({ width, height } = await imageSize(file));
      if (!live()) return;
      this.running.delete(id);
      this.act({
        type: 'local.upload.ready',
        conversationId,
        uploadId: id,
        result: { ...result, url, ...(width && height ? { width, height } : {}) },
      });
    } catch (error) {
      if (!live()) return;
      const reason = error instanceof Error && error.message ? error.message : String(error);
      this.fail(conversationId, id, { code: 'upload-failed', reason });
    }
  }

  private fail(conversationId: string, id: string, error: UploadError): void {
    this.running.delete(id);
    const previewUrl = this.find(conversationId, id)?.previewUrl;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    this.act({ type: 'local.upload.failed', conversationId, uploadId: id, error });
  }
}

/** An image's size, when the uploader did not say (the thread reserves its space with it). */
async function imageSize(file: Blob): Promise<{ width?: number; height?: number }> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width || undefined, height: bitmap.height || undefined };
    bitmap.close();
    return size;
  } catch {
    return {};
  }
}

/** The message that sends a ready attachment: an image shown inline, or a file. */
export function attachmentDraft(upload: Upload & { status: 'ready' }): Draft {
  const { result } = upload;
  const name = result.name ?? upload.name;
  if (upload.kind === 'image') {
    return {
      kind: 'image',
      url: result.url,
      alt: name,
      ...(result.width ? { width: result.width } : {}),
      ...(result.height ? { height: result.height } : {}),
    };
  }
  const mimeType = result.mimeType ?? upload.mimeType;
  return { kind: 'file', name, url: result.url, size: result.size ?? upload.size, ...(mimeType ? { mimeType } : {}) };
}
