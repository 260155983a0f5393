/** What a host hands the composer: canned answers, offers and an uploader (plain types, no DOM). */
import type { OfferContent } from './types.js';

/** A canned answer the host provides (`cannedAnswers` property). */
export interface CannedAnswer {
  id: string;
  title: string;
  /** May contain variables: `{visitor.name}`, `{agent.name}`, `{conversation.channel}`. */
  text: string;
  category?: string;
  scope: 'shared' | 'personal';
}

/** An offer the host provides (`offers` property): the content of an offer message, with an id. */
export interface ComposerOffer extends Omit<OfferContent, 'kind'> {
  id: string;
}

/** What an uploader resolves with: the uploaded file's address, and optionally better metadata. */
export interface UploadResult {
  url: string;
  name?: string;
  size?: number;
  mimeType?: string;
  width?: number;
  height?: number;
}

/**
 * Uploads a file for the composer (`uploader` property). Call `onProgress(fraction 0..1)` as it
 * goes; stop and reject when `signal` aborts (the agent pressed Cancel).
 */
export type Uploader = (
  file: File,
  options: { signal: AbortSignal; onProgress: (fraction: number) => void },
) => Promise<UploadResult>;

/** Images the thread can show inline; anything else is sent as a file. */
export function isPreviewableImage(file: { readonly type: string }): boolean {
  return /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(file.type);
}
