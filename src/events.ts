import type { MessageFilter } from './model/filter.js';
import type { Availability, CobrowseOption, DeskErrorInfo, Draft, Layout } from './model/types.js';

/**
 * Public DOM events: bubbling, composed, `desk-` prefixed, with a typed readonly `detail`.
 * "Request" events are cancelable and fired before anything happens: call `preventDefault()`
 * to replace the default action with the host's own.
 */
abstract class DeskEvent<D> extends Event {
  readonly detail: D;

  protected constructor(type: string, detail: D, cancelable: boolean) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

export class DeskOpenPageEvent extends DeskEvent<{ url: string; visitorId: string }> {
  static readonly eventName = 'desk-open-page';
  constructor(detail: { url: string; visitorId: string }) {
    super(DeskOpenPageEvent.eventName, detail, true);
  }
}

export class DeskTakeControlEvent extends DeskEvent<{ visitorId: string; conversationId: string }> {
  static readonly eventName = 'desk-take-control';
  constructor(detail: { visitorId: string; conversationId: string }) {
    super(DeskTakeControlEvent.eventName, detail, true);
  }
}

export class DeskBlockVisitorEvent extends DeskEvent<{ visitorId: string }> {
  static readonly eventName = 'desk-block-visitor';
  constructor(detail: { visitorId: string }) {
    super(DeskBlockVisitorEvent.eventName, detail, true);
  }
}

export class DeskCustomerRecordEvent extends DeskEvent<{ visitorId: string }> {
  static readonly eventName = 'desk-customer-record';
  constructor(detail: { visitorId: string }) {
    super(DeskCustomerRecordEvent.eventName, detail, true);
  }
}

export class DeskConversationSelectEvent extends DeskEvent<{ conversationId: string }> {
  static readonly eventName = 'desk-conversation-select';
  constructor(detail: { conversationId: string }) {
    super(DeskConversationSelectEvent.eventName, detail, true);
  }
}

/** Cancelable; a listener may also replace `detail.draft` (e.g. to add a signature) before it is sent. */
export class DeskSendEvent extends DeskEvent<{ conversationId: string; draft: Draft }> {
  static readonly eventName = 'desk-send';
  constructor(detail: { conversationId: string; draft: Draft }) {
    super(DeskSendEvent.eventName, { ...detail }, true);
  }
}

/**
 * An error the store reported (`DeskStore.errors$`), dispatched on the element that provides the
 * store. `detail` is a `DeskErrorInfo`: narrow it on `detail.code` to read the member's fields.
 */
export class DeskErrorEvent extends DeskEvent<DeskErrorInfo> {
  static readonly eventName = 'desk-error';
  constructor(detail: DeskErrorInfo) {
    super(DeskErrorEvent.eventName, detail, false);
  }
}

/** Fired by `<message-filter>` when the agent picks a filter. */
export class DeskFilterChangeEvent extends DeskEvent<{ value: MessageFilter }> {
  static readonly eventName = 'desk-filter-change';
  constructor(detail: { value: MessageFilter }) {
    super(DeskFilterChangeEvent.eventName, detail, false);
  }
}

/** Fired by `<chat-desk>` when the split-screen layout changes. */
export class DeskLayoutChangeEvent extends DeskEvent<{ layout: Layout }> {
  static readonly eventName = 'desk-layout-change';
  constructor(detail: { layout: Layout }) {
    super(DeskLayoutChangeEvent.eventName, detail, false);
  }
}

/** What an alert is about: a new (or transferred) conversation, or a visitor message. */
export type DeskNotifyKind = 'conversation' | 'message';

export interface DeskNotifyDetail {
  kind: DeskNotifyKind;
  conversationId: string;
  /** One line for the agent, in the desk's language ("Noah Schmidt: Is it in stock?"). */
  text: string;
}

/**
 * Fired by `<chat-desk>` before each alert (sound, tab title, desktop notification), whatever the
 * channels the agent chose. Cancelable: `preventDefault()` suppresses the desk's own alert, so the
 * host can route it to its own system.
 */
export class DeskNotifyEvent extends DeskEvent<DeskNotifyDetail> {
  static readonly eventName = 'desk-notify';
  constructor(detail: DeskNotifyDetail) {
    super(DeskNotifyEvent.eventName, detail, true);
  }
}

// ---- the agent's shift (issue 16) ------------------------------------------------------------

/**
 * Fired by `<agent-status>` when the agent picks an availability, before it is set. `channel` is
 * the channel, or `null` for "All channels". Cancelable: `preventDefault()` leaves it unchanged.
 */
export class DeskAvailabilityChangeEvent extends DeskEvent<{ channel: string | null; availability: Availability }> {
  static readonly eventName = 'desk-availability-change';
  constructor(detail: { channel: string | null; availability: Availability }) {
    super(DeskAvailabilityChangeEvent.eventName, detail, true);
  }
}

/**
 * Fired by `<chat-box>` when the agent cancels a co-browsing request (`cancel`) or stops the
 * session (`stop`), before the store does. Cancelable.
 */
export class DeskCobrowseEvent extends DeskEvent<{
  conversationId: string;
  visitorId: string;
  action: 'cancel' | 'stop';
}> {
  static readonly eventName = 'desk-cobrowse';
  constructor(detail: { conversationId: string; visitorId: string; action: 'cancel' | 'stop' }) {
    super(DeskCobrowseEvent.eventName, detail, true);
  }
}

/**
 * Fired by `<chat-box>` when the agent switches what it sees of the visitor's screen while in control
 * (`mouse`, `input`, `scroll`), before the store sets it. Cancelable.
 */
export class DeskCobrowseOptionEvent extends DeskEvent<{
  conversationId: string;
  option: CobrowseOption;
  enabled: boolean;
}> {
  static readonly eventName = 'desk-cobrowse-option';
  constructor(detail: { conversationId: string; option: CobrowseOption; enabled: boolean }) {
    super(DeskCobrowseOptionEvent.eventName, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'desk-availability-change': DeskAvailabilityChangeEvent;
    'desk-cobrowse': DeskCobrowseEvent;
    'desk-cobrowse-option': DeskCobrowseOptionEvent;
    'desk-open-page': DeskOpenPageEvent;
    'desk-take-control': DeskTakeControlEvent;
    'desk-block-visitor': DeskBlockVisitorEvent;
    'desk-customer-record': DeskCustomerRecordEvent;
    'desk-conversation-select': DeskConversationSelectEvent;
    'desk-send': DeskSendEvent;
    'desk-error': DeskErrorEvent;
    'desk-filter-change': DeskFilterChangeEvent;
    'desk-layout-change': DeskLayoutChangeEvent;
    'desk-notify': DeskNotifyEvent;
  }
}
