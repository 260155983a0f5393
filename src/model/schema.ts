import * as v from 'valibot';
import { digits, utcTimeMs } from './time.js';
import type { Agent, AgentChannel, Conversation, Message, ServerEvent, Visitor, VisitorPatch } from './types.js';

/**
 * Schemas for everything a transport delivers. Unknown fields are stripped, sizes are
 * bounded, and each schema's output type is proved, at compile time, to be exactly its model type
 * (`SchemaMatchesModel` below): a field added to a type and forgotten in its schema does not compile.
 */

const MAX_ID = 256;
const MAX_SHORT = 1_000;
/**
 * A message's long text: as much as a frame carries (WebSocketTransport's default limit, 4 MiB), so
 * an oversized message is kept, never refused whole; the thread shows its beginning and says so.
 */
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_URL = 8_192;
const MAX_ITEMS = 200_000;

/** Ids and other short required strings (also the protocol's stream and request ids). */
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));
const ShortText = v.pipe(v.string(), v.maxLength(MAX_SHORT));
/** Over `max` characters: the beginning, ended with "…" (it says it was shortened). */
const shortened = (max: number) => (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/**
 * Short text that is shown (names, titles, labels): an oversized one is kept, shortened to
 * MAX_SHORT characters with "…", rather than losing the whole message or visitor with it.
 */
const ShownText = v.pipe(v.string(), v.transform(shortened(MAX_SHORT)));
const LongText = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const UrlText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL));
const IsoTime = v.pipe(v.string(), v.maxLength(40), v.check(isIsoTime, 'Invalid ISO 8601 time'));

/**
 * An ISO 8601 date-time whose calendar date exists (Date.parse alone accepts 2026-02-30): it starts
 * with `YYYY-MM-DDTHH:MM` (what /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/ matched, read without a
 * regular expression: this runs for every message of a snapshot) and Date.parse reads it.
 */
function isIsoTime(s: string): boolean {
  // The shape servers write, read by hand (a subset of what the checks below accept).
  if (!Number.isNaN(utcTimeMs(s))) return true;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  // (digits is -1 where one is not a digit.)
  if (
    s.length < 16 ||
    s[4] !== '-' ||
    s[7] !== '-' ||
    s[10] !== 'T' ||
    s[13] !== ':' ||
    (year | digits(s, 11, 2) | digits(s, 14, 2)) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    Number.isNaN(Date.parse(s))
  ) {
    return false;
  }
  // Every month has 28 days: only later days need the calendar.
  return day <= 28 || day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** A non-negative integer (also the protocol's sequence numbers). */
export const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Size = v.pipe(v.number(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const DeliverySchema = v.picklist(['sending', 'sent', 'delivered', 'read', 'failed']);

const base = {
  id: Id,
  conversationId: Id,
  author: v.picklist(['visitor', 'agent', 'bot', 'system']),
  authorName: v.optional(ShownText),
  at: IsoTime,
  status: v.optional(DeliverySchema),
  clientId: v.optional(Id),
};

export const MessageSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('text'), text: LongText }),
  v.object({ ...base, kind: v.literal('link'), url: UrlText, title: v.optional(ShownText) }),
  v.object({
    ...base,
    kind: v.literal('offer'),
    title: ShownText,
    description: v.optional(LongText),
    imageUrl: v.optional(UrlText),
    url: v.optional(UrlText),
    cta: v.optional(ShownText),
  }),
  v.object({ ...base, kind: v.literal('navigation'), url: UrlText, title: v.optional(ShownText) }),
  v.object({ ...base, kind: v.literal('system'), text: LongText }),
  v.object({
    ...base,
    kind: v.literal('cobrowsing'),
    state: v.picklist(['requested', 'started', 'ended', 'declined', 'cancelled', 'expired']),
  }),
  v.object({
    ...base,
    kind: v.literal('transfer'),
    to: v.object({ type: v.picklist(['agent', 'skill']), name: ShownText }),
    from: v.optional(v.object({ name: ShownText })),
    comment: v.optional(LongText),
  }),
  v.object({
    ...base,
    kind: v.literal('file'),
    name: ShownText,
    url: UrlText,
    size: v.optional(Size),
    mimeType: v.optional(ShortText),
  }),
  v.object({
    ...base,
    kind: v.literal('image'),
    url: UrlText,
    alt: v.optional(ShownText),
    width: v.optional(Size),
    height: v.optional(Size),
  }),
  v.object({
    ...base,
    kind: v.literal('translation'),
    text: LongText,
    original: LongText,
    sourceLang: v.pipe(v.string(), v.maxLength(35)),
    targetLang: v.pipe(v.string(), v.maxLength(35)),
  }),
  v.object({ ...base, kind: v.literal('unsupported'), originalType: ShownText, text: v.optional(LongText) }),
  v.object({
    ...base,
    kind: v.literal('choice'),
    question: LongText,
    options: v.pipe(v.array(v.object({ id: Id, label: ShownText })), v.maxLength(100)),
    selectedId: v.optional(Id),
  }),
]);

const visitorFields = {
  name: v.optional(ShownText),
  source: v.optional(
    v.object({
      type: v.picklist(['direct', 'search', 'campaign', 'referral', 'social']),
      detail: v.optional(ShownText),
    }),
  ),
  currentPage: v.optional(v.object({ url: UrlText, title: v.optional(ShownText) })),
  browsingStartedAt: v.optional(IsoTime),
  pagesViewed: v.optional(Count),
  visitCount: v.optional(Count),
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/, 'Country must be an ISO 3166 code'))),
  browser: v.optional(ShownText),
  os: v.optional(ShownText),
  language: v.optional(v.pipe(v.string(), v.maxLength(35))),
  timeZone: v.optional(v.pipe(v.string(), v.maxLength(64))),
  pastMessagesCount: v.optional(Count),
  blocked: v.optional(v.boolean()),
  online: v.optional(v.boolean()),
  lastSeenAt: v.optional(IsoTime),
  customData: v.optional(
    v.pipe(
      v.array(
        v.object({
          key: ShortText,
          label: v.optional(ShownText),
          value: v.union([ShownText, v.pipe(v.number(), v.finite()), v.boolean()]),
          format: v.optional(v.picklist(['text', 'number', 'currency', 'date'])),
          currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{3}$/, 'Currency must be an ISO 4217 code'))),
        }),
      ),
      v.maxLength(200),
    ),
  ),
};

export const VisitorSchema = v.object({ id: Id, ...visitorFields });
const VisitorPatchSchema = v.object({ id: Id, ...visitorFields });

export const ConversationSchema = v.object({
  id: Id,
  visitorId: Id,
  channel: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  status: v.picklist(['ongoing', 'closed']),
  startedAt: IsoTime,
  closedAt: v.optional(IsoTime),
  unread: v.optional(Count),
});

const AvailabilitySchema = v.picklist(['available', 'busy', 'unavailable']);
export const AgentChannelSchema = v.object({
  channel: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  availability: AvailabilitySchema,
  maxConversations: v.optional(v.pipe(Count, v.maxValue(1000))),
});
/** A few channels per agent: more is not a desk any more, and would cost a render per item. */
const Channels = v.pipe(v.array(AgentChannelSchema), v.maxLength(50));

const AgentSchema = v.object({ id: Id, name: ShortText, role: v.optional(v.picklist(['agent', 'manager'])) });

/** An array of at most MAX_ITEMS items. */
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ITEMS));

/** The snapshot and history page events, with the given schemas for their collections. */
function collectionEvents<
  V extends v.GenericSchema,
  C extends v.GenericSchema,
  M extends v.GenericSchema,
  A extends v.GenericSchema,
>(visitors: V, conversations: C, messages: M, channels: A) {
  return [
    v.object({
      type: v.literal('snapshot'),
      agent: v.optional(AgentSchema),
      visitors,
      conversations,
      messages,
      channels: v.optional(channels),
    }),
    v.object({
      type: v.literal('history.page'),
      visitorId: Id,
      conversations,
      messages,
      hasMore: v.boolean(),
      conversationId: v.optional(Id),
    }),
  ] as const;
}

export const ServerEventSchema = v.variant('type', [
  ...collectionEvents(list(VisitorSchema), list(ConversationSchema), list(MessageSchema), Channels),
  v.object({ type: v.literal('agent.updated'), agentId: v.optional(Id), channels: Channels }),
  v.object({ type: v.literal('conversation.upserted'), conversation: ConversationSchema }),
  v.object({ type: v.literal('conversation.closed'), conversationId: Id, at: IsoTime }),
  v.object({ type: v.literal('message.added'), message: MessageSchema }),
  v.object({
    type: v.literal('message.updated'),
    // Any field may change; the merged message is validated against MessageSchema by the store.
    // (`status`, the one MessagePatch names, is checked here already: the types say it is a Delivery.)
    message: v.looseObject({ id: Id, conversationId: Id, status: v.optional(DeliverySchema) }),
  }),
  v.object({ type: v.literal('visitor.updated'), visitor: VisitorPatchSchema }),
  v.object({
    type: v.literal('visitor.navigated'),
    visitorId: Id,
    url: UrlText,
    title: v.optional(ShownText),
    at: IsoTime,
  }),
  v.object({
    type: v.literal('visitor.typing'),
    conversationId: Id,
    typing: v.boolean(),
    preview: v.optional(v.pipe(v.string(), v.transform(shortened(MAX_SHORT * 4)))),
  }),
]);

// ---- the schemas are the model types, exactly ---------------------------------------------

/** `true` when each of A and B is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Every field made required, at every depth (through arrays and each member of a union). */
export type DeepRequired<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T // (before `object`: `string & {}`, an open string union's member, counts as an object)
  : T extends readonly (infer Item)[]
    ? DeepRequired<Item>[]
    : { [K in keyof T]-?: DeepRequired<T[K]> };

/**
 * `true` when a model type and a schema's output have the same fields at every depth, with the same
 * types and the same optionality. Mutual assignability alone misses an optional field that only one
 * side has (`{ a: string; b?: string }` and `{ a: string }` are assignable both ways), so a field added
 * to a type and forgotten in its schema would be stripped at run time: with every field made
 * required, the side lacking it is no longer assignable to the other.
 */
export type SameShape<Model, Output> =
  Mutual<Model, Output> extends true ? Mutual<DeepRequired<Model>, DeepRequired<Output>> : false;

/**
 * Compiles only when its argument is `true`. When a `SameShape` below fails, the type and its schema
 * differ: a field only one has, optional on one side only, or another type. To have the compiler name
 * the field, assign one side to the other in a scratch line, e.g.
 * `const x: DeepRequired<Visitor> = {} as DeepRequired<v.InferOutput<typeof VisitorSchema>>` (and back).
 */
export type Assert<_T extends true> = true;

// Compile-time proof that validated data is exactly the model's data, in both directions.
export type SchemaMatchesModel = [
  Assert<SameShape<Message, v.InferOutput<typeof MessageSchema>>>,
  Assert<SameShape<Visitor, v.InferOutput<typeof VisitorSchema>>>,
  Assert<SameShape<VisitorPatch, v.InferOutput<typeof VisitorPatchSchema>>>,
  Assert<SameShape<Conversation, v.InferOutput<typeof ConversationSchema>>>,
  Assert<SameShape<Agent, v.InferOutput<typeof AgentSchema>>>,
  Assert<SameShape<AgentChannel, v.InferOutput<typeof AgentChannelSchema>>>,
  Assert<SameShape<ServerEvent, v.InferOutput<typeof ServerEventSchema>>>,
];

/**
 * `dropped`: for a snapshot or history page whose envelope is sound, the malformed items left
 * out (one description each), so that one bad message does not cost the agent the whole desk.
 */
export type ValidationResult<T> = { ok: true; value: T; dropped?: string[] } | { ok: false; error: string };

/**
 * A collection in the envelope: an array of at most MAX_ITEMS items, passed on as is (each item is
 * then validated on its own); not copied item by item as v.array(v.unknown()) would.
 */
// (Its message is never shown: when the envelope fails, the full schema's issue is reported.)
const Items = v.custom<unknown[]>((input) => Array.isArray(input) && input.length <= MAX_ITEMS);
const CollectionEnvelopeSchema = v.variant('type', collectionEvents(Items, Items, Items, Items));

// ---- a fast path for the hot message shapes ---------------------------------------------------

/** Checks of the fast path, by code (one switch: cheaper than a call through a closure per field). */
const ID = 0;
const SHORT = 1;
const LONG = 2;
const URL_TEXT = 3;
const LANG = 4;
const SIZE = 5;
const TIME = 6;
const AUTHOR = 7;
const DELIVERY = 8;
type C = number;
/** One field of a message shape: its name, its check, and whether it is optional. */
type Field = readonly [key: string, check: C, optional?: 1];

const AUTHORS: readonly unknown[] = ['visitor', 'agent', 'bot', 'system'];
const DELIVERIES: readonly unknown[] = ['sending', 'sent', 'delivered', 'read', 'failed'];

function check(code: C, value: unknown): boolean {
  if (code === AUTHOR) return AUTHORS.includes(value);
  if (code === DELIVERY) return DELIVERIES.includes(value);
  // (NaN fails both comparisons, as valibot's number() refuses it.)
  if (code === SIZE) return typeof value === 'number' && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'string') return false;
  const length = value.length;
  switch (code) {
    case ID:
      return length >= 1 && length <= MAX_ID;
    case SHORT:
      return length <= MAX_SHORT;
    case LONG:
      return length <= MAX_TEXT;
    case URL_TEXT:
      return length >= 1 && length <= MAX_URL;
    case LANG:
      return length <= 35;
    default:
      return length <= 40 && isIsoTime(value);
  }
}

const LINK: readonly Field[] = [
  ['url', URL_TEXT],
  ['title', SHORT, 1],
];
/** The kinds a busy thread is made of; the others (choice, transfer…) always go through valibot. */
const KINDS = new Map<unknown, readonly Field[]>([
  ['text', [['text', LONG]]],
  ['system', [['text', LONG]]],
  ['link', LINK],
  ['navigation', LINK],
  [
    'offer',
    [
      ['title', SHORT],
      ['description', LONG, 1],
      ['imageUrl', URL_TEXT, 1],
      ['url', URL_TEXT, 1],
      ['cta', SHORT, 1],
    ],
  ],
  [
    'file',
    [
      ['name', SHORT],
      ['url', URL_TEXT],
      ['size', SIZE, 1],
      ['mimeType', SHORT, 1],
    ],
  ],
  [
    'image',
    [
      ['url', URL_TEXT],
      ['alt', SHORT, 1],
      ['width', SIZE, 1],
      ['height', SIZE, 1],
    ],
  ],
  [
    'translation',
    [
      ['text', LONG],
      ['original', LONG],
      ['sourceLang', LANG],
      ['targetLang', LANG],
    ],
  ],
]);

/** Copies `fields` from `input` to `out` as valibot's object() does (schema order, `in` for presence); false at the first doubt. */
function copyFields(input: Record<string, unknown>, fields: readonly Field[], out: Record<string, unknown>): boolean {
  for (let i = 0; i < fields.length; i += 1) {
    const [key, code, optional] = fields[i];
    if (key in input) {
      // Read once: a getter is not asked twice.
      const value = input[key];
      if ((optional && value === undefined) || check(code, value)) out[key] = value;
      else return false;
    } else if (!optional) return false;
  }
  return true;
}

/**
 * The message valibot's MessageSchema would output for `raw` (same fields, same order, unknown
 * fields stripped), for the common kinds; `undefined` when the input is not one of them or
 * anything is off — then valibot decides (and describes the issue). It only ever accepts what
 * MessageSchema accepts (test/model/fast-message.test.ts compares both on valid, malformed and
 * hostile input). It may throw on hostile input (a throwing getter): callers fall back to valibot.
 */
export function fastMessage(raw: unknown): Message | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const input = raw as Record<string, unknown>;
  if (!('kind' in input)) return undefined;
  const kind = input.kind;
  const fields = KINDS.get(kind);
  if (!fields) return undefined;
  // The base fields written out (named property reads: this runs for every message of a snapshot).
  if (!('id' in input && 'conversationId' in input && 'author' in input && 'at' in input)) return undefined;
  const id = input.id;
  const conversationId = input.conversationId;
  const author = input.author;
  if (!check(ID, id) || !check(ID, conversationId) || !check(AUTHOR, author)) return undefined;
  const hasName = 'authorName' in input;
  const authorName = hasName ? input.authorName : undefined;
  if (authorName !== undefined && !check(SHORT, authorName)) return undefined;
  const at = input.at;
  if (typeof at !== 'string') return undefined;
  if (!check(TIME, at)) return undefined;
  const hasStatus = 'status' in input;
  const status = hasStatus ? input.status : undefined;
  if (status !== undefined && !check(DELIVERY, status)) return undefined;
  const hasClientId = 'clientId' in input;
  const clientId = hasClientId ? input.clientId : undefined;
  if (clientId !== undefined && !check(ID, clientId)) return undefined;
  if ((kind === 'text' || kind === 'system') && !hasClientId) {
    if (!('text' in input)) return undefined;
    const text = input.text;
    if (!check(LONG, text)) return undefined;
    // The two common shapes as one literal each: one allocation per message, not a property
    // store grown field by field.
    if (!hasName && !hasStatus) return { id, conversationId, author, at, kind, text } as Message;
    if (hasName && hasStatus) return { id, conversationId, author, authorName, at, status, kind, text } as Message;
  }
  const out: Record<string, unknown> = { id, conversationId, author };
  if (hasName) out.authorName = authorName;
  out.at = at;
  if (hasStatus) out.status = status;
  if (hasClientId) out.clientId = clientId;
  out.kind = kind;
  return copyFields(input, fields, out) ? (out as unknown as Message) : undefined;
}

/** The fast path, never throwing: undefined sends the item to valibot. */
function tryFastMessage(raw: unknown): Message | undefined {
  try {
    return fastMessage(raw);
  } catch {
    return undefined;
  }
}

/** Keeps the valid items of a collection; describes each one left out. `fast` may accept an item first. */
function validItems<T>(
  schema: v.GenericSchema<unknown, T>,
  items: unknown[],
  name: string,
  dropped: string[],
  fast?: (item: unknown) => T | undefined,
): T[] {
  const kept: T[] = [];
  // By index, not forEach: a hole in a sparse array is an item (undefined, dropped), not skipped.
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    const quick = fast?.(item);
    if (quick !== undefined) {
      kept.push(quick);
      continue;
    }
    const parsed = v.safeParse(schema, item);
    if (parsed.success) kept.push(parsed.output);
    else dropped.push(describeIssue(parsed.issues, `${name}.${index}`));
  }
  return kept;
}

/** Second chance for a snapshot or history page: a sound envelope keeps its valid items. */
function parseCollections(raw: unknown): ValidationResult<ServerEvent> | undefined {
  const envelope = v.safeParse(CollectionEnvelopeSchema, raw);
  if (!envelope.success) return undefined;
  const event = envelope.output;
  const dropped: string[] = [];
  const conversations = validItems(ConversationSchema, event.conversations, 'conversations', dropped);
  const messages = validItems(MessageSchema, event.messages, 'messages', dropped, tryFastMessage);
  if (event.type === 'snapshot') {
    const visitors = validItems(VisitorSchema, event.visitors, 'visitors', dropped);
    const { channels: rawChannels, ...rest } = event;
    const channels = rawChannels && validItems(AgentChannelSchema, rawChannels, 'channels', dropped);
    const value = { ...rest, visitors, conversations, messages, ...(channels ? { channels } : {}) };
    return { ok: true, value, dropped };
  }
  return { ok: true, value: { ...event, conversations, messages }, dropped };
}

/** The first issue, after the path of what it is about (`messages.3.author: Invalid type…`). */
function describeIssue(issues: readonly v.BaseIssue<unknown>[], prefix?: string): string {
  const where = [prefix, issues[0].path?.map((item) => String(item.key)).join('.')].filter(Boolean).join('.');
  return where ? `${where}: ${issues[0].message}` : issues[0].message;
}

function result<T>(parsed: v.SafeParseResult<v.GenericSchema<unknown, T>>): ValidationResult<T> {
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, error: describeIssue(parsed.issues) };
}

/** The `type` of raw input when it is a string, read without trusting the input (a getter may throw). */
export function rawType(raw: unknown): string | undefined {
  try {
    const type: unknown = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a validation that hostile input (throwing getters, proxies) cannot escape. */
function guarded<T>(parse: () => ValidationResult<T>, unreadable: string): ValidationResult<T> {
  try {
    return parse();
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : unreadable };
  }
}

/**
 * Validates a raw server event; never throws. Snapshots and history pages are validated item by
 * item (the common message kinds by `fastMessage`, the rest by valibot), so a malformed item is
 * dropped and described while the others are kept; a `message.added` takes the fast path too.
 * Whatever the fast path does not accept, valibot's ServerEventSchema decides.
 */
export function parseServerEvent(raw: unknown): ValidationResult<ServerEvent> {
  return guarded(() => {
    const type = rawType(raw);
    if (type === 'snapshot' || type === 'history.page') {
      const collections = parseCollections(raw);
      if (collections?.ok && !collections.dropped?.length) return { ok: true, value: collections.value };
      if (collections) return collections;
    } else if (type === 'message.added' && 'message' in (raw as object)) {
      const message = tryFastMessage((raw as { message: unknown }).message);
      if (message) return { ok: true, value: { type, message } };
    }
    const parsed = result(
      v.safeParse(ServerEventSchema, raw) as v.SafeParseResult<v.GenericSchema<unknown, ServerEvent>>,
    );
    return parsed.ok ? parsed : (parseCollections(raw) ?? parsed);
  }, 'Unreadable event');
}

/** Validates untrusted input against a schema; never throws. */
export function validate<T>(
  schema: v.GenericSchema<unknown, T>,
  raw: unknown,
  unreadable: string,
): ValidationResult<T> {
  return guarded(() => result(v.safeParse(schema, raw)), unreadable);
}

/** Validates a message, e.g. the result of applying a `message.updated` patch. */
export function parseMessage(raw: unknown): ValidationResult<Message> {
  const message = tryFastMessage(raw);
  if (message) return { ok: true, value: message };
  return validate(MessageSchema as v.GenericSchema<unknown, Message>, raw, 'Unreadable message');
}
