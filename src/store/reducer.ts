import { parseMessage } from '../model/schema.js';
import { stringHash } from '../model/text.js';
import { byArrival, countUnanswered, insertionIndex, sortMessages, timeOf, waitingSince } from '../model/thread.js';
import { mergeChannels } from '../model/channels.js';
import type { DeskErrorInfo, Layout, Message, ServerEvent } from '../model/types.js';
import type { StoreAction } from './actions.js';
import { describeError } from '../transport/transport.js';
import { EMPTY_THREAD, NO_TRANSFER_TARGETS, type DeskState, type Thread, type Upload } from './state.js';

interface MutableThread {
  messages: Message[];
  ids: Set<string>;
  hasOlder: boolean | undefined;
  loadingOlder: boolean;
}

/** The maps of the state that actions change in place (threads have their own copy-on-write). */
type MapKey =
  | 'visitors'
  | 'conversations'
  | 'typing'
  | 'history'
  | 'drafts'
  | 'tools'
  | 'uploads'
  | 'filters'
  | 'transfers'
  | 'closing'
  | 'availabilityPending'
  | 'cobrowse'
  | 'cobrowseOptions';
type MutableMap<K extends MapKey> = DeskState[K] extends ReadonlyMap<string, infer V> ? Map<string, V> : never;

/**
 * Applies a batch of actions with copy-on-write: each map and each touched thread is
 * copied at most once per batch, so a burst of 1,000 events costs one copy, not 1,000.
 */
class Batch {
  private threads?: Map<string, Thread>;
  private readonly touchedThreads = new Map<string, MutableThread>();
  /** What changed; a map in here is this batch's own copy. */
  private patch: { -readonly [K in keyof DeskState]?: DeskState[K] } = {};
  readonly errors: DeskErrorInfo[] = [];

  constructor(private readonly base: DeskState) {}

  get<K extends keyof DeskState>(key: K): DeskState[K] {
    return (key in this.patch ? this.patch[key] : this.base[key]) as DeskState[K];
  }

  set<K extends keyof DeskState>(key: K, value: DeskState[K]): void {
    this.patch[key] = value;
  }

  /** A map of the state to change, copied on first use in this batch. */
  mutable<K extends MapKey>(key: K): MutableMap<K> {
    this.patch[key] ??= new Map(this.base[key] as ReadonlyMap<string, unknown>) as DeskState[K];
    return this.patch[key] as MutableMap<K>;
  }

  /** Read-only view of a thread, as it stands in this batch. */
  thread(id: string): Pick<Thread, 'messages' | 'ids'> | undefined {
    return this.touchedThreads.get(id) ?? (this.threads ?? this.base.threads).get(id);
  }

  /** Every thread as it stands in this batch (touched ones included). */
  *allThreads(): Iterable<Pick<Thread, 'messages'>> {
    for (const [id, thread] of this.threads ?? this.base.threads) {
      if (!this.touchedThreads.has(id)) yield thread;
    }
    yield* this.touchedThreads.values();
  }

  mutableThread(id: string): MutableThread {
    let thread = this.touchedThreads.get(id);
    if (!thread) {
      const current = (this.threads ?? this.base.threads).get(id) ?? EMPTY_THREAD;
      thread = {
        messages: current.messages.slice(),
        ids: new Set(current.ids),
        hasOlder: current.hasOlder,
        loadingOlder: current.loadingOlder,
      };
      this.touchedThreads.set(id, thread);
    }
    return thread;
  }

  replaceThreads(threads: Map<string, Thread>): void {
    this.touchedThreads.clear();
    this.threads = threads;
  }

  error(error: DeskErrorInfo): void {
    this.errors.push(error);
  }

  finish(): DeskState {
    const next: { -readonly [K in keyof DeskState]: DeskState[K] } = { ...this.base, ...this.patch };
    if (this.threads || this.touchedThreads.size > 0) {
      const threads = this.threads ?? new Map(this.base.threads);
      for (const [id, thread] of this.touchedThreads) threads.set(id, thread);
      next.threads = threads;
    } else if (Object.keys(this.patch).length === 0) {
      // Nothing touched (an ignored action): the same state, so nobody re-renders.
      return this.base;
    }
    return next;
  }
}

function isVisible(batch: Batch, conversationId: string): boolean {
  return batch.get('panes').includes(conversationId);
}

function findIndex(messages: readonly Message[], id: string): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].id === id || messages[i].clientId === id) return i;
  }
  return -1;
}

/**
 * Follows a conversation's latest co-browsing line (the newest by time; a line replaced in place
 * by the server's copy too). Leaving control forgets the options chosen for it.
 */
function trackCobrowse(batch: Batch, message: Message): void {
  if (message.kind !== 'cobrowsing') return;
  const lineId = message.clientId ?? message.id;
  const current = batch.get('cobrowse').get(message.conversationId);
  if (current && current.lineId !== lineId && timeOf(current.at) > timeOf(message.at)) return;
  batch.mutable('cobrowse').set(message.conversationId, { state: message.state, at: message.at, lineId });
  if (message.state !== 'started' && batch.get('cobrowseOptions').has(message.conversationId)) {
    batch.mutable('cobrowseOptions').delete(message.conversationId);
  }
}

/** Adds a message, or replaces the one with the same id or client id in place. Returns true when new. */
function addMessage(batch: Batch, message: Message): boolean {
  trackCobrowse(batch, message);
  const existing = batch.thread(message.conversationId);
  const known =
    existing &&
    (existing.ids.has(message.id) || (message.clientId !== undefined && existing.ids.has(message.clientId)));
  const thread = batch.mutableThread(message.conversationId);
  if (known) {
    let index = findIndex(thread.messages, message.id);
    if (index < 0 && message.clientId) index = findIndex(thread.messages, message.clientId);
    if (index >= 0) {
      const previous = thread.messages[index];
      // A later copy without the client id (a replay) keeps the link to the optimistic message.
      let next = previous.clientId && !message.clientId ? { ...message, clientId: previous.clientId } : message;
      // A copy without an author name (an echo that does not repeat it) keeps the name shown.
      if (previous.authorName !== undefined && next.authorName === undefined) {
        next = { ...next, authorName: previous.authorName };
      }
      // A copy whose time still fits where the message is stays there: the server's copy of the
      // earlier of two lines written in the same millisecond keeps it before the later one.
      if (previous.at === next.at || fitsAt(thread.messages, index, next.at)) {
        thread.messages[index] = next;
      } else {
        thread.messages.splice(index, 1);
        thread.messages.splice(insertionIndex(thread.messages, next.at), 0, next);
      }
      thread.ids.add(message.id);
      return false;
    }
  }
  thread.messages.splice(insertionIndex(thread.messages, message.at), 0, message);
  thread.ids.add(message.id);
  if (message.clientId) thread.ids.add(message.clientId);
  return true;
}

/**
 * True when `b` is older than `a`. Two UTC times written alike (same length, both ending in Z,
 * validated ISO 8601) are in the order of their text: Date.parse only when not.
 */
function olderThan(b: string, a: string): boolean {
  const alike = a.length === b.length && a.endsWith('Z') && b.endsWith('Z');
  return alike ? a > b : timeOf(a) > timeOf(b);
}

/** Whether a message of time `at` can stay at `index`, the thread still in time order. */
function fitsAt(messages: readonly Message[], index: number, at: string): boolean {
  const before = messages[index - 1];
  const after = messages[index + 1];
  return (!before || !olderThan(at, before.at)) && (!after || !olderThan(after.at, at));
}

/** True when the messages are already ordered by time. */
function inOrder(messages: readonly Message[]): boolean {
  for (let i = 1; i < messages.length; i += 1) if (olderThan(messages[i].at, messages[i - 1].at)) return false;
  return true;
}

/**
 * Adds messages ordered by time: a new one is pushed at the end of its thread (where addMessage
 * would put it: every message there is older or as old); one already known goes through addMessage.
 */
function appendInOrder(batch: Batch, messages: readonly Message[]): void {
  let id: string | undefined;
  let thread: MutableThread | undefined;
  for (const message of messages) {
    if (message.conversationId !== id) {
      id = message.conversationId;
      thread = batch.mutableThread(id);
    }
    const ids = thread!.ids;
    if (message.clientId === undefined) {
      // One hash lookup for a new id: the set grows when it was not there.
      const size = ids.size;
      ids.add(message.id);
      if (ids.size > size) {
        thread!.messages.push(message);
        continue;
      }
    } else if (!ids.has(message.id) && !ids.has(message.clientId)) {
      thread!.messages.push(message);
      ids.add(message.id);
      ids.add(message.clientId);
      continue;
    }
    // Known already (listed twice, or the echo of a pending message): replaced in place.
    addMessage(batch, message);
  }
}

function bumpUnread(batch: Batch, message: Message): void {
  if (message.author !== 'visitor' || message.kind === 'navigation') return;
  const conversation = batch.get('conversations').get(message.conversationId);
  if (!conversation || isVisible(batch, conversation.id)) return;
  batch.mutable('conversations').set(conversation.id, { ...conversation, unread: (conversation.unread ?? 0) + 1 });
}

/** Fills empty panes with ongoing conversations not shown yet, in arrival order. */
function fillPanes(batch: Batch): void {
  const panes = batch.get('panes').slice();
  if (!panes.includes(null)) return;
  const shown = new Set(panes);
  const closing = batch.get('closing');
  const candidates = [...batch.get('conversations').values()]
    .filter(
      (conversation) =>
        conversation.status === 'ongoing' && !shown.has(conversation.id) && !closing.has(conversation.id),
    )
    .sort(byArrival);
  let changed = false;
  for (let i = 0; i < panes.length && candidates.length > 0; i += 1) {
    if (panes[i] === null) {
      panes[i] = candidates.shift()!.id;
      // A conversation on screen is being read, in any pane.
      clearUnread(batch, panes[i]!);
      changed = true;
    }
  }
  if (changed) batch.set('panes', panes);
}

function resizePanes(batch: Batch, layout: Layout): void {
  const panes = batch.get('panes');
  const focusedId = panes[batch.get('focusedPane')] ?? null;
  let next = panes.slice(0, layout);
  while (next.length < layout) next.push(null);
  // Keep the focused conversation on screen when shrinking.
  if (focusedId && !next.includes(focusedId))
    next = [focusedId, ...next.filter((id) => id !== focusedId)].slice(0, layout);
  batch.set('layout', layout);
  batch.set('panes', next);
  batch.set('focusedPane', focusedId ? next.indexOf(focusedId) : 0);
  fillPanes(batch);
}

function clearUnread(batch: Batch, conversationId: string): void {
  const conversation = batch.get('conversations').get(conversationId);
  if (conversation?.unread) batch.mutable('conversations').set(conversationId, { ...conversation, unread: 0 });
}

function navigationId(visitorId: string, conversationId: string, at: string, url: string): string {
  return `nav:${visitorId}:${conversationId}:${at}:${stringHash(url).toString(36)}`;
}

function applySnapshot(batch: Batch, event: Extract<ServerEvent, { type: 'snapshot' }>): void {
  if (event.agent) batch.set('agent', event.agent);
  // A snapshot replaces the closed conversations that history pages brought, so their paging starts over.
  batch.set('history', new Map());
  batch.set('visitors', new Map(event.visitors.map((visitor) => [visitor.id, visitor])));
  const conversations = new Map(event.conversations.map((conversation) => [conversation.id, conversation]));
  batch.set('conversations', conversations);

  // Keep optimistic messages that the server has not seen yet (they are in the outbox).
  const pending: Message[] = [];
  for (const thread of batch.allThreads()) {
    for (const message of thread.messages) {
      if (message.clientId && (message.status === 'sending' || message.status === 'failed')) pending.push(message);
      // The agent's own co-browsing line not confirmed yet (its command is resent): kept too.
      else if (message.kind === 'cobrowsing' && message.clientId === message.id) pending.push(message);
    }
  }
  batch.replaceThreads(new Map());
  batch.set('cobrowse', new Map());
  if (event.channels) batch.set('channels', event.channels);
  // A snapshot carries no typing state: indicators from before it would never be turned off.
  if (batch.get('typing').size > 0) batch.set('typing', new Map());
  // Sorted first (stable: ties keep arrival order) so each message appends: a thread listed
  // newest-first would otherwise cost one array shift per message. (Skipped when already in order.)
  appendInOrder(batch, inOrder(event.messages) ? event.messages : sortMessages(event.messages));
  for (const message of event.messages) if (message.kind === 'cobrowsing') trackCobrowse(batch, message);
  for (const message of pending) {
    if (!batch.thread(message.conversationId)?.ids.has(message.clientId!)) addMessage(batch, message);
  }
  // Unread: the server's count, else the visitor messages since the last reply.
  for (const conversation of event.conversations) {
    if (conversation.unread === undefined && conversation.status === 'ongoing') {
      const unread = countUnanswered(batch.thread(conversation.id)?.messages ?? []);
      if (unread > 0) conversations.set(conversation.id, { ...conversation, unread });
    }
  }
  batch.set('transferTargets', event.transferTargets ?? NO_TRANSFER_TARGETS);
  batch.set('tagSuggestions', event.tagSuggestions ?? []);
  // An end the server already applied is done; one it has not seen stays off the desk (it is resent).
  for (const id of batch.get('closing').keys()) {
    if (conversations.get(id)?.status !== 'ongoing') batch.mutable('closing').delete(id);
  }
  const closing = batch.get('closing');
  const panes = batch.get('panes').map((id) => (id && conversations.has(id) && !closing.has(id) ? id : null));
  batch.set('panes', panes);
  batch.set('loaded', true);
  fillPanes(batch);
  const focused = batch.get('panes')[batch.get('focusedPane')];
  if (focused) clearUnread(batch, focused);
}

function apply(batch: Batch, action: StoreAction): void {
  switch (action.type) {
    case 'snapshot':
      applySnapshot(batch, action);
      return;
    case 'conversation.upserted': {
      const previous = batch.get('conversations').get(action.conversation.id);
      const conversation =
        action.conversation.unread === undefined && previous?.unread !== undefined
          ? { ...action.conversation, unread: previous.unread }
          : action.conversation;
      batch.mutable('conversations').set(conversation.id, conversation);
      fillPanes(batch);
      return;
    }
    case 'conversation.closed': {
      const conversation = batch.get('conversations').get(action.conversationId);
      if (!conversation) {
        batch.error({
          code: 'invalid-event',
          eventType: action.type,
          message: `conversation.closed: unknown conversation ${action.conversationId}`,
        });
        return;
      }
      batch.mutable('conversations').set(conversation.id, {
        ...conversation,
        status: 'closed',
        closedAt: action.at,
        ...(action.note ? { note: action.note } : {}),
        ...(action.tags?.length ? { tags: action.tags } : {}),
      });
      batch.mutable('typing').delete(conversation.id);
      if (batch.get('closing').has(conversation.id)) batch.mutable('closing').delete(conversation.id);
      return;
    }
    case 'conversation.transferred':
      applyTransferred(batch, action);
      return;
    case 'message.added':
      if (addMessage(batch, action.message)) bumpUnread(batch, action.message);
      return;
    case 'message.updated': {
      const thread = batch.thread(action.message.conversationId);
      // Not found by index either when the id was replaced (a second echo under the same client id
      // carried another server id).
      const index = thread?.ids.has(action.message.id) ? findIndex(thread.messages, action.message.id) : -1;
      if (index < 0) {
        batch.error({
          code: 'invalid-event',
          eventType: action.type,
          message: `message.updated: unknown message ${action.message.id}`,
        });
        return;
      }
      const existing = thread!.messages[index];
      // A patch may address the message by its client id: the stored (server) id stays.
      const merged = parseMessage({ ...existing, ...action.message, id: existing.id });
      if (!merged.ok) {
        batch.error({ code: 'invalid-event', eventType: action.type, message: `message.updated: ${merged.error}` });
        return;
      }
      addMessage(batch, merged.value);
      return;
    }
    case 'visitor.updated': {
      const previous = batch.get('visitors').get(action.visitor.id);
      batch.mutable('visitors').set(action.visitor.id, { ...previous, ...action.visitor });
      return;
    }
    case 'visitor.navigated': {
      // A replayed navigation (same visitor, page and time) is already in a thread: count it once.
      let replayed = false;
      for (const conversation of batch.get('conversations').values()) {
        if (conversation.visitorId !== action.visitorId || conversation.status !== 'ongoing') continue;
        const id = navigationId(action.visitorId, conversation.id, action.at, action.url);
        if (batch.thread(conversation.id)?.ids.has(id)) {
          replayed = true;
          continue;
        }
        addMessage(batch, {
          id,
          conversationId: conversation.id,
          author: 'visitor',
          at: action.at,
          kind: 'navigation',
          url: action.url,
          title: action.title,
        });
      }
      if (replayed) return;
      const previous = batch.get('visitors').get(action.visitorId) ?? { id: action.visitorId };
      batch.mutable('visitors').set(action.visitorId, {
        ...previous,
        currentPage: { url: action.url, title: action.title },
        pagesViewed: (previous.pagesViewed ?? 0) + 1,
      });
      return;
    }
    case 'visitor.typing':
      if (action.typing) batch.mutable('typing').set(action.conversationId, { typing: true, preview: action.preview });
      else batch.mutable('typing').delete(action.conversationId);
      return;
    case 'history.page': {
      const conversations = batch.mutable('conversations');
      for (const conversation of action.conversations) {
        if (!conversations.has(conversation.id)) conversations.set(conversation.id, conversation);
      }
      for (const message of action.messages) addMessage(batch, message);
      if (action.conversationId) {
        const thread = batch.mutableThread(action.conversationId);
        thread.hasOlder = action.hasMore;
        thread.loadingOlder = false;
      } else {
        batch.mutable('history').set(action.visitorId, { hasMore: action.hasMore, loading: false });
      }
      return;
    }
    case 'local.message.sending':
      addMessage(batch, action.message);
      return;
    case 'local.message.status': {
      const thread = batch.thread(action.conversationId);
      if (!thread?.ids.has(action.clientId)) return;
      const mutable = batch.mutableThread(action.conversationId);
      const index = findIndex(mutable.messages, action.clientId);
      if (index < 0) return;
      const message = mutable.messages[index];
      // Local statuses only move an unconfirmed message (sending ⇄ failed, sending → sent); once the
      // server said sent/delivered/read, a late local "failed" or "sending" never walks it back.
      if (message.status !== 'sending' && message.status !== 'failed') return;
      if (action.status === 'sent' && message.status !== 'sending') return;
      mutable.messages[index] = { ...message, status: action.status };
      return;
    }
    case 'local.focus': {
      const panes = batch.get('panes');
      const index = panes.indexOf(action.conversationId);
      if (index >= 0) {
        batch.set('focusedPane', index);
      } else {
        const next = panes.slice();
        next[batch.get('focusedPane')] = action.conversationId;
        batch.set('panes', next);
      }
      clearUnread(batch, action.conversationId);
      return;
    }
    case 'local.focusPane': {
      const panes = batch.get('panes');
      if (action.index < 0 || action.index >= panes.length) return;
      batch.set('focusedPane', action.index);
      const id = panes[action.index];
      if (id) clearUnread(batch, id);
      return;
    }
    case 'local.layout':
      if (action.layout !== batch.get('layout')) resizePanes(batch, action.layout);
      return;
    case 'local.sort':
      batch.set('sort', action.sort);
      return;
    case 'local.draft':
      if (action.text) batch.mutable('drafts').set(action.conversationId, action.text);
      else batch.mutable('drafts').delete(action.conversationId);
      return;
    case 'local.tool':
      if (action.tool) batch.mutable('tools').set(action.conversationId, action.tool);
      else if (batch.get('tools').has(action.conversationId)) batch.mutable('tools').delete(action.conversationId);
      return;
    case 'local.upload.started': {
      const uploads = batch.get('uploads').get(action.conversationId) ?? [];
      batch.mutable('uploads').set(action.conversationId, [...uploads, action.upload]);
      return;
    }
    case 'local.upload.progress':
    case 'local.upload.ready':
    case 'local.upload.failed':
    case 'local.upload.removed':
      updateUpload(batch, action);
      return;
    case 'local.filter':
      batch.mutable('filters').set(action.conversationId, action.filter);
      return;
    case 'local.connection':
      batch.set('connection', action.state);
      return;
    case 'local.history.loading': {
      const previous = batch.get('history').get(action.visitorId);
      batch.mutable('history').set(action.visitorId, { hasMore: previous?.hasMore ?? true, loading: true });
      return;
    }
    case 'local.older.loading':
      batch.mutableThread(action.conversationId).loadingOlder = action.loading;
      return;
    case 'local.visitor.blocked': {
      const previous = batch.get('visitors').get(action.visitorId) ?? { id: action.visitorId };
      batch.mutable('visitors').set(action.visitorId, { ...previous, blocked: action.blocked });
      return;
    }
    case 'local.transfer':
      if (action.transfer) batch.mutable('transfers').set(action.conversationId, action.transfer);
      else if (batch.get('transfers').has(action.conversationId))
        batch.mutable('transfers').delete(action.conversationId);
      return;
    case 'local.closing':
      applyClosing(batch, action);
      return;
    case 'agent.updated':
    case 'local.availability':
    case 'local.cobrowse.options':
    case 'local.cobrowse.withdrawn':
      applyShift(batch, action);
      return;
  }
}

type ShiftAction = Extract<
  StoreAction,
  { type: 'agent.updated' | 'local.availability' | 'local.cobrowse.options' | 'local.cobrowse.withdrawn' }
>;

/** The agent's shift (issue 16): availability per channel and co-browsing. */
function applyShift(batch: Batch, action: ShiftAction): void {
  switch (action.type) {
    case 'agent.updated':
      // A manager's desk may hear of other agents' channels: only its own are shown.
      if (action.agentId !== undefined && action.agentId !== batch.get('agent').id) return;
      batch.set('channels', mergeChannels(batch.get('channels'), action.channels));
      return;
    case 'local.availability': {
      const pending = batch.mutable('availabilityPending');
      for (const channel of action.channels) {
        if (action.availability) pending.set(channel, action.availability);
        else pending.delete(channel);
      }
      return;
    }
    case 'local.cobrowse.options':
      batch.mutable('cobrowseOptions').set(action.conversationId, action.options);
      return;
    case 'local.cobrowse.withdrawn': {
      const thread = batch.thread(action.conversationId);
      if (!thread?.ids.has(action.clientId)) return;
      const mutable = batch.mutableThread(action.conversationId);
      const index = findIndex(mutable.messages, action.clientId);
      if (index < 0) return;
      mutable.messages.splice(index, 1);
      mutable.ids.delete(action.clientId);
      // The line before it (if any) is the conversation's latest again.
      batch.mutable('cobrowse').delete(action.conversationId);
      for (let i = mutable.messages.length - 1; i >= 0; i -= 1) {
        const message = mutable.messages[i];
        if (message.kind === 'cobrowsing') {
          trackCobrowse(batch, message);
          break;
        }
      }
      return;
    }
  }
}

// ---- handover: transfer and end (issue 16) -----------------------------------------------

/** Another agent or skill has the conversation now: it leaves this desk (the transfer line stays in its thread). */
function applyTransferred(batch: Batch, action: Extract<StoreAction, { type: 'conversation.transferred' }>): void {
  // Transferred to this agent: the conversation arrives by `conversation.upserted` instead.
  if (action.to.type === 'agent' && action.to.id === batch.get('agent').id) return;
  // Unknown here: a transfer between others that a server let this agent see (a skill's queue); nothing to do.
  const conversation = batch.get('conversations').get(action.conversationId);
  if (!conversation) return;
  batch.mutable('conversations').set(conversation.id, { ...conversation, status: 'closed', closedAt: action.at });
  batch.mutable('typing').delete(conversation.id);
  const transfer = batch.get('transfers').get(conversation.id);
  if (transfer && transfer.status !== 'accepted')
    batch.mutable('transfers').set(conversation.id, { ...transfer, status: 'accepted' });
}

/** An end applied at once: the conversation's pane moves on to the next one waiting (or stays empty). */
function applyClosing(batch: Batch, action: Extract<StoreAction, { type: 'local.closing' }>): void {
  if (!action.closing) {
    if (batch.get('closing').has(action.conversationId)) batch.mutable('closing').delete(action.conversationId);
    return;
  }
  batch.mutable('closing').set(action.conversationId, action.closing);
  const panes = batch.get('panes');
  const index = panes.indexOf(action.conversationId);
  if (index < 0) return;
  const next = panes.slice();
  next[index] = nextWaiting(batch, new Set(panes));
  batch.set('panes', next);
  if (next[index]) clearUnread(batch, next[index]);
  else fillPanes(batch);
}

/** The ongoing conversation not on screen whose visitor has waited longest for a reply, if any. */
function nextWaiting(batch: Batch, shown: ReadonlySet<string | null>): string | null {
  const closing = batch.get('closing');
  let best: { id: string; since: number } | undefined;
  for (const conversation of batch.get('conversations').values()) {
    if (conversation.status !== 'ongoing' || shown.has(conversation.id) || closing.has(conversation.id)) continue;
    const since = waitingSince(batch.thread(conversation.id)?.messages ?? []);
    if (since !== undefined && (!best || timeOf(since) < best.since))
      best = { id: conversation.id, since: timeOf(since) };
  }
  return best?.id ?? null;
}

type UploadAction = Extract<
  StoreAction,
  { type: 'local.upload.progress' | 'local.upload.ready' | 'local.upload.failed' | 'local.upload.removed' }
>;

/** Moves one of the conversation's uploads on; an action about an upload no longer there (cancelled) is ignored. */
function updateUpload(batch: Batch, action: UploadAction): void {
  const list = batch.get('uploads').get(action.conversationId) ?? [];
  const index = list.findIndex((upload) => upload.id === action.uploadId);
  if (index < 0) return;
  const upload = list[index];
  const { id, name, size, mimeType, kind, previewUrl } = upload;
  const base = { id, name, size, mimeType, kind };
  let next: Upload | undefined;
  switch (action.type) {
    case 'local.upload.progress':
      if (upload.status !== 'uploading') return;
      next = { ...upload, progress: action.progress };
      break;
    case 'local.upload.ready':
      next = { ...base, ...(previewUrl ? { previewUrl } : {}), status: 'ready', result: action.result };
      break;
    case 'local.upload.failed':
      // The preview is revoked with the failure: a failed upload shows its message, not its image.
      next = { ...base, status: 'failed', error: action.error };
      break;
    case 'local.upload.removed':
      next = undefined;
      break;
  }
  const rest = next ? list.map((item, i) => (i === index ? next : item)) : list.filter((_, i) => i !== index);
  const uploads = batch.mutable('uploads');
  if (rest.length > 0) uploads.set(action.conversationId, rest);
  else uploads.delete(action.conversationId);
}

/** The one reducer: a batch of actions → the next state, plus any errors met on the way. */
export function reduce(
  state: DeskState,
  actions: readonly StoreAction[],
): { state: DeskState; errors: DeskErrorInfo[] } {
  if (actions.length === 0) return { state, errors: [] };
  const batch = new Batch(state);
  for (const action of actions) {
    // One action that cannot be applied is reported and skipped; it never costs the rest of the batch.
    try {
      apply(batch, action);
    } catch (error) {
      batch.error({
        code: 'internal',
        action: action.type,
        message: `${action.type} could not be applied: ${describeError(error)}`,
      });
    }
  }
  return { state: batch.finish(), errors: batch.errors };
}
