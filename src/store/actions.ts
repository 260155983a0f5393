import type { UploadResult } from '../model/composer.js';
import type { ConversationSort } from './order.js';
import type { MessageFilter } from '../model/filter.js';
import type {
  Availability,
  CobrowseOptions,
  ConnectionState,
  Delivery,
  Layout,
  Message,
  ServerEvent,
} from '../model/types.js';
import type { ComposerTool, Upload, UploadError } from './state.js';

/** What the agent did locally; applied by the same reducer as server events. */
export type LocalAction =
  | { type: 'local.message.sending'; message: Message }
  | { type: 'local.message.status'; conversationId: string; clientId: string; status: Delivery }
  | { type: 'local.focus'; conversationId: string }
  | { type: 'local.focusPane'; index: number }
  | { type: 'local.layout'; layout: Layout }
  | { type: 'local.sort'; sort: ConversationSort }
  | { type: 'local.draft'; conversationId: string; text: string }
  | { type: 'local.tool'; conversationId: string; tool: ComposerTool | undefined }
  | { type: 'local.upload.started'; conversationId: string; upload: Upload }
  | { type: 'local.upload.progress'; conversationId: string; uploadId: string; progress: number }
  | { type: 'local.upload.ready'; conversationId: string; uploadId: string; result: UploadResult }
  | { type: 'local.upload.failed'; conversationId: string; uploadId: string; error: UploadError }
  | { type: 'local.upload.removed'; conversationId: string; uploadId: string }
  | { type: 'local.filter'; conversationId: string; filter: MessageFilter }
  | { type: 'local.connection'; state: ConnectionState }
  | { type: 'local.history.loading'; visitorId: string }
  | { type: 'local.older.loading'; conversationId: string; loading: boolean }
  | { type: 'local.visitor.blocked'; visitorId: string; blocked: boolean }
  // The agent's shift (issue 16): `availability` undefined drops what was pending on those channels.
  | { type: 'local.availability'; channels: readonly string[]; availability: Availability | undefined }
  | { type: 'local.cobrowse.options'; conversationId: string; options: CobrowseOptions }
  /** A co-browsing line the server refused: taken out of the thread. */
  | { type: 'local.cobrowse.withdrawn'; conversationId: string; clientId: string };

export type StoreAction = ServerEvent | LocalAction;
