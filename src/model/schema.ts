import * as v from 'valibot';
import type { Agent, Conversation, Message, ServerEvent, Visitor, VisitorPatch } from './types.js';

/**
 * Schemas for everything a transport delivers. Unknown fields are stripped, sizes are
 * bounded, and each schema's output type is proved, at compile time, to be exactly its model type
 * (`SchemaMatchesModel` below): a field added to a type and forgotten in its schema does not compile.
 */

const MAX_ID = 256;
const MAX_SHORT = 1_000;
const MAX_TEXT = 200_000;
const MAX_URL = 8_192;
const MAX_ITEMS = 200_000;

/** Ids and other short required strings (also the protocol's stream and request ids). */
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));
const ShortText = v.pipe(v.string(), v.maxLength(MAX_SHORT));
const LongText = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const UrlText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL));
const IsoTime = v.pipe(v.string(), v.maxLength(40), v.check(isIsoTime, 'Invalid ISO 8601 time'));

/** An ISO 8601 date-time whose calendar date exists (Date.parse alone accepts 2026-02-30). */
function isIsoTime(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/.exec(s);
  if (!match || Number.isNaN(Date.parse(s))) return false;
  const [, year, month, day] = match.map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** A non-negative integer (also the protocol's sequence numbers). */
export const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Size = v.pipe(v.number(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const DeliverySchema = v.picklist(['sending', 'sent', 'delivered', 'read', 'failed']);

const base = {
  id: Id,
  conversationId: Id,
  author: v.picklist(['visitor', 'agent', 'bot', 'system']),
  authorName: v.optional(ShortText),
  at: IsoTime,
  status: v.optional(DeliverySchema),
  clientId: v.optional(Id),
};

export const MessageSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('text'), text: LongText }),
  v.object({ ...base, kind: v.literal('link'), url: UrlText, title: v.optional(ShortText) }),
  v.object({
    ...base,
    kind: v.literal('offer'),
    title: ShortText,
    description: v.optional(LongText),
    imageUrl: v.optional(UrlText),
    url: v.optional(UrlText),
    cta: v.optional(ShortText),
  }),
  v.object({ ...base, kind: v.literal('navigation'), url: UrlText, title: v.optional(ShortText) }),
  v.object({ ...base, kind: v.literal('system'), text: LongText }),
  v.object({
    ...base,
    kind: v.literal('cobrowsing'),
    state: v.picklist(['requested', 'started', 'ended', 'declined']),
  }),
  v.object({
    ...base,
    kind: v.literal('transfer'),
    to: v.object({ type: v.picklist(['agent', 'skill']), name: ShortText }),
    from: v.optional(v.object({ name: ShortText })),
    comment: v.optional(LongText),
  }),
  v.object({
    ...base,
    kind: v.literal('file'),
    name: ShortText,
    url: UrlText,
    size: v.optional(Size),
    mimeType: v.optional(ShortText),
  }),
  v.object({
    ...base,
    kind: v.literal('image'),
    url: UrlText,
    alt: v.optional(ShortText),
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
  v.object({ ...base, kind: v.literal('unsupported'), originalType: ShortText, text: v.optional(LongText) }),
  v.object({
    ...base,
    kind: v.literal('choice'),
    question: LongText,
    options: v.pipe(v.array(v.object({ id: Id, label: ShortText })), v.maxLength(100)),
    selectedId: v.optional(Id),
  }),
]);

const visitorFields = {
  name: v.optional(ShortText),
  source: v.optional(
    v.object({
      type: v.picklist(['direct', 'search', 'campaign', 'referral', 'social']),
      detail: v.optional(ShortText),
    }),
  ),
  currentPage: v.optional(v.object({ url: UrlText, title: v.optional(ShortText) })),
  browsingStartedAt: v.optional(IsoTime),
  pagesViewed: v.optional(Count),
  visitCount: v.optional(Count),
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/, 'Country must be an ISO 3166 code'))),
  browser: v.optional(ShortText),
  os: v.optional(ShortText),
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
          label: v.optional(ShortText),
          value: v.union([ShortText, v.pipe(v.number(), v.finite()), v.boolean()]),
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

const AgentSchema = v.object({ id: Id, name: ShortText, role: v.optional(v.picklist(['agent', 'manager'])) });

/** An array of at most MAX_ITEMS items. */
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ITEMS));

/** The snapshot and history page events, with the given schemas for their collections. */
function collectionEvents<V extends v.GenericSchema, C extends v.GenericSchema, M extends v.GenericSchema>(
  visitors: V,
  conversations: C,
  messages: M,
) {
  return [
    v.object({ type: v.literal('snapshot'), agent: v.optional(AgentSchema), visitors, conversations, messages }),
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
  ...collectionEvents(list(VisitorSchema), list(ConversationSchema), list(MessageSchema)),
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
    title: v.optional(ShortText),
    at: IsoTime,
  }),
  v.object({
    type: v.literal('visitor.typing'),
    conversationId: Id,
    typing: v.boolean(),
    preview: v.optional(v.pipe(v.string(), v.maxLength(MAX_SHORT * 4))),
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
  Assert<SameShape<ServerEvent, v.InferOutput<typeof ServerEventSchema>>>,
];

/**
 * `dropped`: for a snapshot or history page whose envelope is sound, the malformed items left
 * out (one description each), so that one bad message does not cost the agent the whole desk.
 */
export type ValidationResult<T> = { ok: true; value: T; dropped?: string[] } | { ok: false; error: string };

const Items = list(v.unknown());
const CollectionEnvelopeSchema = v.variant('type', collectionEvents(Items, Items, Items));

/** Keeps the valid items of a collection; describes each one left out. */
function validItems<T>(schema: v.GenericSchema<unknown, T>, items: unknown[], name: string, dropped: string[]): T[] {
  const kept: T[] = [];
  items.forEach((item, index) => {
    const parsed = v.safeParse(schema, item);
    if (parsed.success) {
      kept.push(parsed.output);
      return;
    }
    dropped.push(describeIssue(parsed.issues, `${name}.${index}`));
  });
  return kept;
}

/** Second chance for a snapshot or history page: a sound envelope keeps its valid items. */
function parseCollections(raw: unknown): ValidationResult<ServerEvent> | undefined {
  const envelope = v.safeParse(CollectionEnvelopeSchema, raw);
  if (!envelope.success) return undefined;
  const event = envelope.output;
  const dropped: string[] = [];
  const conversations = validItems(ConversationSchema, event.conversations, 'conversations', dropped);
  const messages = validItems(MessageSchema, event.messages, 'messages', dropped);
  if (event.type === 'snapshot') {
    const visitors = validItems(VisitorSchema, event.visitors, 'visitors', dropped);
    return { ok: true, value: { ...event, visitors, conversations, messages }, dropped };
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

/** Validates a raw server event; never throws. */
export function parseServerEvent(raw: unknown): ValidationResult<ServerEvent> {
  return guarded(() => {
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
  return validate(MessageSchema as v.GenericSchema<unknown, Message>, raw, 'Unreadable message');
}
