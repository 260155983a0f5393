// Type-level test, checked by `tsc --noEmit -p tsconfig.json` (npm test runs it), never executed:
// a field a model type has and its schema lacks (or the other way round) does not compile, however
// deep or optional it is. Each `@ts-expect-error` fails the compilation if its line DOES compile.
import * as v from 'valibot';
import {
  VisitorSchema,
  type Assert,
  type ConversationSchema,
  type MessageSchema,
  type SameShape,
} from '../../src/model/schema.js';
import type { Conversation, Message, MessageBase, SourceType, TextContent, Visitor } from '../../src/model/types.js';

type Output<S extends v.GenericSchema> = v.InferOutput<S>;

/** The check schema.ts had before: the schema's output assignable to the type, one way only. */
type OneWay<T, _U extends T> = true;

// A field added to the type and forgotten in the schema: validation would strip it at run time.
type VisitorWithNickname = Visitor & { nickname?: string };

// The same field added to the schema only.
const _VisitorWithNicknameSchema = v.object({ ...VisitorSchema.entries, nickname: v.optional(v.string()) });

// A field added to a nested object of the type (the visitor's source).
type VisitorWithCampaign = Omit<Visitor, 'source'> & {
  source?: { type: SourceType; detail?: string; campaign?: string };
};

// A field added to one message kind (one member of the union), and to the items of an array.
type MessageWithHtml = Exclude<Message, { kind: 'text' }> | (MessageBase & TextContent & { html?: string });
type VisitorWithEntryNote = Omit<Visitor, 'customData'> & {
  customData?: (NonNullable<Visitor['customData']>[number] & { note?: string })[];
};

// A field optional in the schema but required in the type.
type ConversationAlwaysCounted = Omit<Conversation, 'unread'> & { unread: number };

export type Checks = [
  // The model and its schemas match.
  Assert<SameShape<Visitor, Output<typeof VisitorSchema>>>,
  Assert<SameShape<Message, Output<typeof MessageSchema>>>,
  Assert<SameShape<Conversation, Output<typeof ConversationSchema>>>,

  // What the one-way check let through.
  OneWay<VisitorWithNickname, Output<typeof VisitorSchema>>,
  OneWay<Visitor, Output<typeof _VisitorWithNicknameSchema>>,

  // What the two-way check refuses.
  // @ts-expect-error the type has a field the schema would strip
  Assert<SameShape<VisitorWithNickname, Output<typeof VisitorSchema>>>,
  // @ts-expect-error the schema has a field the type does not declare
  Assert<SameShape<Visitor, Output<typeof _VisitorWithNicknameSchema>>>,
  // @ts-expect-error a nested object of the type has a field its schema lacks
  Assert<SameShape<VisitorWithCampaign, Output<typeof VisitorSchema>>>,
  // @ts-expect-error one member of a union has a field its schema lacks
  Assert<SameShape<MessageWithHtml, Output<typeof MessageSchema>>>,
  // @ts-expect-error the items of an array have a field their schema lacks
  Assert<SameShape<VisitorWithEntryNote, Output<typeof VisitorSchema>>>,
  // @ts-expect-error a field required in the type is optional in the schema
  Assert<SameShape<ConversationAlwaysCounted, Output<typeof ConversationSchema>>>,
];
