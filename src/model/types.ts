/**
 * The data shapes shared by fixtures, the store, the protocol and the elements.
 * Plain JSON: ids are strings, times are ISO 8601 strings, collections are arrays.
 */

export type Author = 'visitor' | 'agent' | 'bot' | 'system';
export type Delivery = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** Known channels; any other string is accepted and shown as-is. */
export type Channel =
  'chat' | 'facebook' | 'whatsapp' | 'instagram' | 'sms' | 'email' | 'apple-business-chat' | (string & {});

export interface Agent {
  id: string;
  name: string;
  role?: 'agent' | 'manager';
}

export interface MessageBase {
  id: string;
  conversationId: string;
  author: Author;
  authorName?: string;
  at: string;
  /** Delivery status, for agent messages. */
  status?: Delivery;
  /** Set by the sender; a server echo carrying it replaces the optimistic message. */
  clientId?: string;
}

export interface TextContent {
  kind: 'text';
  text: string;
}
export interface LinkContent {
  kind: 'link';
  url: string;
  title?: string;
}
export interface OfferContent {
  kind: 'offer';
  title: string;
  description?: string;
  imageUrl?: string;
  url?: string;
  cta?: string;
}
export interface NavigationContent {
  kind: 'navigation';
  url: string;
  title?: string;
}
export interface SystemContent {
  kind: 'system';
  text: string;
}
/**
 * A co-browsing line: `requested` by the agent, then `started` (the visitor accepted), `declined`,
 * `cancelled` (the agent withdrew the request), `expired` (nobody answered in time) or `ended`.
 */
export interface CobrowsingContent {
  kind: 'cobrowsing';
  state: CobrowsingState;
}
export type CobrowsingState = 'requested' | 'started' | 'ended' | 'declined' | 'cancelled' | 'expired';
export interface TransferContent {
  kind: 'transfer';
  to: { type: 'agent' | 'skill'; name: string };
  from?: { name: string };
  comment?: string;
}
export interface FileContent {
  kind: 'file';
  name: string;
  url: string;
  size?: number;
  mimeType?: string;
}
export interface ImageContent {
  kind: 'image';
  url: string;
  alt?: string;
  width?: number;
  height?: number;
}
export interface TranslationContent {
  kind: 'translation';
  text: string;
  original: string;
  sourceLang: string;
  targetLang: string;
}
/** Content the channel sent that the desk cannot show (a sticker, a location…). */
export interface UnsupportedContent {
  kind: 'unsupported';
  originalType: string;
  text?: string;
}
export interface ChoiceContent {
  kind: 'choice';
  question: string;
  options: { id: string; label: string }[];
  selectedId?: string;
}

export type MessageContent =
  | TextContent
  | LinkContent
  | OfferContent
  | NavigationContent
  | SystemContent
  | CobrowsingContent
  | TransferContent
  | FileContent
  | ImageContent
  | TranslationContent
  | UnsupportedContent
  | ChoiceContent;

export type MessageKind = MessageContent['kind'];
export type Message = MessageBase & MessageContent;

/** What an agent can send: the content of a new agent message. */
export type Draft = TextContent | LinkContent | OfferContent | FileContent | ImageContent;

export type SourceType = 'direct' | 'search' | 'campaign' | 'referral' | 'social';

export interface CustomDataEntry {
  key: string;
  label?: string;
  value: string | number | boolean;
  format?: 'text' | 'number' | 'currency' | 'date';
  currency?: string;
}

export interface Visitor {
  id: string;
  name?: string;
  source?: { type: SourceType; detail?: string };
  currentPage?: { url: string; title?: string };
  browsingStartedAt?: string;
  pagesViewed?: number;
  visitCount?: number;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  browser?: string;
  os?: string;
  language?: string;
  timeZone?: string;
  pastMessagesCount?: number;
  blocked?: boolean;
  /** Whether the visitor is still on the site / in the channel. */
  online?: boolean;
  /** When the visitor was last seen (when they left, while offline). */
  lastSeenAt?: string;
  customData?: CustomDataEntry[];
}

export interface Conversation {
  id: string;
  visitorId: string;
  channel: Channel;
  status: 'ongoing' | 'closed';
  startedAt: string;
  closedAt?: string;
  unread?: number;
}

export interface Fixtures {
  agent?: Agent;
  visitors: Visitor[];
  conversations: Conversation[];
  messages: Message[];
  /**
   * Older closed conversations the server holds but does not put in the snapshot;
   * MemoryTransport serves them page by page on `loadHistory`.
   */
  archive?: { conversations: Conversation[]; messages: Message[] };
  /** The channels the agent serves (the snapshot's `channels`). */
  channels?: AgentChannel[];
}

// ---- the agent's availability per channel, co-browsing (issue 16) ---------------------------

/** The agent's availability on one channel. */
export type Availability = 'available' | 'busy' | 'unavailable';

/**
 * One channel the agent serves, as the server has it. `availability` is what the agent chose
 * (or the server set); "Busy" because of `maxConversations` is worked out on top of it, never stored.
 */
export interface AgentChannel {
  channel: Channel;
  availability: Availability;
  /** How many ongoing conversations of this channel the agent takes at once (no limit when absent). */
  maxConversations?: number;
}

/** What the agent sees of the visitor's screen while in control. */
export interface CobrowseOptions {
  mouse: boolean;
  input: boolean;
  scroll: boolean;
}
export type CobrowseOption = keyof CobrowseOptions;

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'reconnecting';

/** Server events, transport → store. */
export type ServerEvent =
  | {
      type: 'snapshot';
      agent?: Agent;
      visitors: Visitor[];
      conversations: Conversation[];
      messages: Message[];
      /** The channels the agent serves, with its availability on each. */
      channels?: AgentChannel[];
    }
  /**
   * Availability or limits changed: each channel listed replaces the one of the same name.
   * `agentId`: whose channels (a desk ignores another agent's; without it, the desk's own).
   */
  | { type: 'agent.updated'; agentId?: string; channels: AgentChannel[] }
  | { type: 'conversation.upserted'; conversation: Conversation }
  | { type: 'conversation.closed'; conversationId: string; at: string }
  | { type: 'message.added'; message: Message }
  | { type: 'message.updated'; message: MessagePatch }
  | { type: 'visitor.updated'; visitor: VisitorPatch }
  | { type: 'visitor.navigated'; visitorId: string; url: string; title?: string; at: string }
  | { type: 'visitor.typing'; conversationId: string; typing: boolean; preview?: string }
  | {
      type: 'history.page';
      visitorId: string;
      conversations: Conversation[];
      messages: Message[];
      hasMore: boolean;
      /** When set, the page holds older messages of this conversation (thread scroll-back). */
      conversationId?: string;
    };

export type ServerEventType = ServerEvent['type'];

/** Changed fields of a known message; the merged result is validated again. */
export interface MessagePatch {
  id: string;
  conversationId: string;
  status?: Delivery;
  [field: string]: unknown;
}
export type VisitorPatch = { id: string } & Partial<Omit<Visitor, 'id'>>;

/** Client commands, store → transport. */
export type ClientCommand =
  | { type: 'send'; clientId: string; conversationId: string; at: string; content: Draft }
  | { type: 'typing'; conversationId: string; typing: boolean; preview?: string }
  | { type: 'block'; visitorId: string; reason?: string }
  | { type: 'unblock'; visitorId: string }
  /** `clientId`: of the optimistic "requested" line, which the server's line replaces. */
  | { type: 'cobrowse'; conversationId: string; visitorId: string; clientId?: string }
  /** Ends the request or the session: the line `reason` (`clientId`: of its optimistic line). */
  | { type: 'cobrowseEnd'; conversationId: string; clientId: string; reason: 'cancelled' | 'expired' | 'ended' }
  | { type: 'cobrowseOptions'; conversationId: string; options: CobrowseOptions }
  /** Sets the agent's availability on these channels. */
  | { type: 'availability'; channels: string[]; availability: Availability }
  /** The visitor's answer to a co-browsing request (visitor connections; the demo simulator). */
  | { type: 'cobrowseAnswer'; conversationId: string; accepted: boolean }
  | { type: 'markRead'; conversationId: string }
  | { type: 'loadHistory'; visitorId: string; before?: string }
  | { type: 'loadMessages'; conversationId: string; before?: string };

export type ClientCommandType = ClientCommand['type'];

/** Errors are declared in errors.ts (a closed union on `code`); re-exported here, where they always were. */
export type { DeskErrorInfo, DeskErrorCode } from './errors.js';

export type Layout = 1 | 2 | 4;
