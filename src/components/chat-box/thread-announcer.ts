/**
 * What `<chat-box>` says through the desk's announcer (never a live region of its own): visitor
 * messages (a burst in one announcement with its count), a failed send, transfer lines, the visitor
 * blocked, the conversation ended, the filter's result.
 */
import type { Strings } from '../../i18n/strings.js';
import { messagePreview } from '../../i18n/names.js';
import type { MessageFilter } from '../../model/filter.js';
import type { Conversation, Message, Visitor } from '../../model/types.js';
import { announce } from '../shared/announcer.js';
import { messageKey } from './thread-rows.js';

/** A burst ends after this long without a new visitor message… */
export const BURST_QUIET_MS = 300;
/** …or this long after its first message: a steady stream is still heard about once a second. */
export const BURST_MAX_MS = 1000;
/** How far back a status change (a failed send) is looked for: failures happen to recent messages. */
const RECENT = 50;

/** The part of the thread the announcements compare between two renders. */
export interface ThreadView {
  readonly conversationId: string | undefined;
  readonly conversation: Conversation | undefined;
  readonly visitor: Visitor | undefined;
  readonly filter: MessageFilter;
  /** The filtered messages (what the log shows). */
  readonly messages: readonly Message[];
  readonly allMessages: readonly Message[];
}

/** What the texts need at the moment they are said. */
export interface ThreadVoice {
  readonly t: Strings;
  /** The visitor's display name. */
  readonly name: string;
  /** Why a failed message cannot be retried, else undefined. */
  readonly retryUnavailable: string | undefined;
}

interface Burst {
  conversationId: string;
  name: string;
  count: number;
  latest: string;
  quiet: ReturnType<typeof setTimeout>;
  max: ReturnType<typeof setTimeout>;
}

export class ThreadAnnouncer {
  private burst: Burst | undefined;
  private latest: ThreadView | undefined;

  constructor(
    private readonly host: Element,
    private readonly voice: () => ThreadVoice,
  ) {}

  /** Compares the thread with its previous render and says what changed. */
  update(next: ThreadView, previous: ThreadView | undefined): void {
    this.latest = next;
    const id = next.conversationId;
    // Another conversation (or the first render): nothing "arrived", its history is just shown.
    if (!previous || !id || previous.conversationId !== id) {
      this.flush();
      return;
    }
    const voice = this.voice();
    const { t } = voice;
    if (next.allMessages !== previous.allMessages) this.messagesChanged(id, next.allMessages, previous.allMessages);
    if (next.visitor?.blocked && !previous.visitor?.blocked) {
      announce(this.host, t.thread.blockedBanner(voice.name), { key: `blocked:${id}` });
    }
    if (next.conversation?.status === 'closed' && previous.conversation && previous.conversation.status !== 'closed') {
      announce(this.host, t.a11y.conversationEnded(voice.name), { key: `ended:${id}` });
    }
    if (next.filter !== previous.filter) {
      // The filtered list follows the filter in the same task: count it once both are there.
      queueMicrotask(() => {
        const view = this.latest;
        if (view?.conversationId !== id) return;
        announce(this.host, t.a11y.filterResult[view.filter](view.messages.length), { key: `filter:${id}` });
      });
    }
  }

  /** The host left the page: a burst waiting to be said is said now. */
  disconnect(): void {
    this.flush();
  }

  private messagesChanged(id: string, next: readonly Message[], previous: readonly Message[]): void {
    const voice = this.voice();
    this.failures(next, previous, voice);
    if (previous.length === 0 || next.length <= previous.length) return;
    const lastKey = messageKey(previous[previous.length - 1]);
    let index = next.length - 1;
    while (index >= 0 && messageKey(next[index]) !== lastKey) index -= 1;
    if (index < 0) return; // a page of history was prepended or the thread was replaced
    for (const message of next.slice(index + 1)) {
      if (message.author === 'visitor' && message.kind !== 'navigation') {
        this.addToBurst(id, voice.name, messagePreview(voice.t, message, 300));
      } else if (message.kind === 'transfer') {
        // Co-browsing lines are not said here: the thread says each co-browsing state change itself.
        announce(this.host, messagePreview(voice.t, message), { key: `event:${id}` });
      }
    }
  }

  /** The agent's messages that became "failed" since the previous render. */
  private failures(next: readonly Message[], previous: readonly Message[], voice: ThreadVoice): void {
    const before = new Map(previous.slice(-RECENT).map((message) => [messageKey(message), message.status]));
    const failed = next
      .slice(-RECENT)
      .some(
        (message) =>
          message.status === 'failed' &&
          before.has(messageKey(message)) &&
          before.get(messageKey(message)) !== 'failed',
      );
    if (!failed) return;
    const text = voice.retryUnavailable ? voice.t.a11y.notSentNoRetry(voice.retryUnavailable) : voice.t.a11y.notSent;
    announce(this.host, text, { priority: 'assertive', key: 'not-sent' });
  }

  /** Visitor messages arriving close together are said once, with their count and the latest. */
  private addToBurst(conversationId: string, name: string, latest: string): void {
    if (this.burst && this.burst.conversationId !== conversationId) this.flush();
    const burst = this.burst;
    if (burst) {
      burst.count += 1;
      burst.latest = latest;
      clearTimeout(burst.quiet);
      burst.quiet = setTimeout(() => this.flush(), BURST_QUIET_MS);
      return;
    }
    this.burst = {
      conversationId,
      name,
      count: 1,
      latest,
      quiet: setTimeout(() => this.flush(), BURST_QUIET_MS),
      max: setTimeout(() => this.flush(), BURST_MAX_MS),
    };
  }

  private flush(): void {
    const burst = this.burst;
    if (!burst) return;
    this.burst = undefined;
    clearTimeout(burst.quiet);
    clearTimeout(burst.max);
    const { t } = this.voice();
    announce(this.host, t.a11y.newMessages(burst.name, burst.count, burst.latest), {
      key: `messages:${burst.conversationId}`,
    });
  }
}
