/**
 * agent-desk/react: React wrappers for every element, made with @lit/react.
 *
 * Properties (`store`, `layout`, `conversationId`…) are set as element properties; every public
 * `desk-` DOM event is available as an `onDesk…` prop with its typed event (`onDeskOpenPage`,
 * `onDeskSend`…). The events bubble, so a container (`ChatDesk`, `DeskProvider`) hears the events of
 * everything inside it.
 *
 * Like the classes, this module registers nothing: import `agent-desk/define` once in the app.
 *
 * ```tsx
 * import 'agent-desk/define';
 * import { ChatDesk } from 'agent-desk/react';
 * <ChatDesk store={store} onDeskCustomerRecord={(e) => { e.preventDefault(); openCrm(e.detail.visitorId); }} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AgentStatus as AgentStatusElement } from './components/agent-status/agent-status.js';
import { ChatBox as ChatBoxElement } from './components/chat-box/chat-box.js';
import { ChatDesk as ChatDeskElement } from './components/chat-desk/chat-desk.js';
import { ComposeArea as ComposeAreaElement } from './components/compose-area/compose-area.js';
import { DeskProvider as DeskProviderElement } from './components/desk-provider/desk-provider.js';
import { MessageFilterElement } from './components/message-filter/message-filter.js';
import { StateBox as StateBoxElement } from './components/state-box/state-box.js';
import { VisitorPanel as VisitorPanelElement } from './components/visitor-panel/visitor-panel.js';
import {
  DeskAvailabilityChangeEvent,
  DeskBlockVisitorEvent,
  DeskCloseConversationEvent,
  DeskCobrowseEvent,
  DeskCobrowseOptionEvent,
  DeskConversationSelectEvent,
  DeskCustomerRecordEvent,
  DeskErrorEvent,
  DeskFilterChangeEvent,
  DeskLayoutChangeEvent,
  DeskNotifyEvent,
  DeskOpenPageEvent,
  DeskSendEvent,
  DeskTakeControlEvent,
  DeskTransferEvent,
} from './events.js';

/** The React event props: `onDesk…` → the `desk-` DOM event, typed with its event class. */
export const deskEvents = {
  onDeskOpenPage: DeskOpenPageEvent.eventName as EventName<DeskOpenPageEvent>,
  onDeskTakeControl: DeskTakeControlEvent.eventName as EventName<DeskTakeControlEvent>,
  onDeskBlockVisitor: DeskBlockVisitorEvent.eventName as EventName<DeskBlockVisitorEvent>,
  onDeskCustomerRecord: DeskCustomerRecordEvent.eventName as EventName<DeskCustomerRecordEvent>,
  onDeskConversationSelect: DeskConversationSelectEvent.eventName as EventName<DeskConversationSelectEvent>,
  onDeskSend: DeskSendEvent.eventName as EventName<DeskSendEvent>,
  onDeskError: DeskErrorEvent.eventName as EventName<DeskErrorEvent>,
  onDeskFilterChange: DeskFilterChangeEvent.eventName as EventName<DeskFilterChangeEvent>,
  onDeskLayoutChange: DeskLayoutChangeEvent.eventName as EventName<DeskLayoutChangeEvent>,
  onDeskNotify: DeskNotifyEvent.eventName as EventName<DeskNotifyEvent>,
  onDeskAvailabilityChange: DeskAvailabilityChangeEvent.eventName as EventName<DeskAvailabilityChangeEvent>,
  onDeskCobrowse: DeskCobrowseEvent.eventName as EventName<DeskCobrowseEvent>,
  onDeskCobrowseOption: DeskCobrowseOptionEvent.eventName as EventName<DeskCobrowseOptionEvent>,
  onDeskTransfer: DeskTransferEvent.eventName as EventName<DeskTransferEvent>,
  onDeskCloseConversation: DeskCloseConversationEvent.eventName as EventName<DeskCloseConversationEvent>,
};

/** `<chat-desk>`: the assembled desk. */
export const ChatDesk = createComponent({
  react: React,
  tagName: 'chat-desk',
  elementClass: ChatDeskElement,
  events: deskEvents,
  displayName: 'ChatDesk',
});

/** `<desk-provider>`: provides the store to a layout built from the single elements. */
export const DeskProvider = createComponent({
  react: React,
  tagName: 'desk-provider',
  elementClass: DeskProviderElement,
  events: deskEvents,
  displayName: 'DeskProvider',
});

/** `<chat-box>`: one conversation thread with its header tools. */
export const ChatBox = createComponent({
  react: React,
  tagName: 'chat-box',
  elementClass: ChatBoxElement,
  events: deskEvents,
  displayName: 'ChatBox',
});

/** `<message-filter>`: All / Visitor / Agent / Actions / Navigation. */
export const MessageFilter = createComponent({
  react: React,
  tagName: 'message-filter',
  elementClass: MessageFilterElement,
  events: deskEvents,
  displayName: 'MessageFilter',
});

/** `<compose-area>`: the composer of the focused (or given) conversation. */
export const ComposeArea = createComponent({
  react: React,
  tagName: 'compose-area',
  elementClass: ComposeAreaElement,
  events: deskEvents,
  displayName: 'ComposeArea',
});

/** `<state-box>`: the ongoing conversations. */
export const StateBox = createComponent({
  react: React,
  tagName: 'state-box',
  elementClass: StateBoxElement,
  events: deskEvents,
  displayName: 'StateBox',
});

/** `<visitor-panel>`: the visitor information panel. */
export const VisitorPanel = createComponent({
  react: React,
  tagName: 'visitor-panel',
  elementClass: VisitorPanelElement,
  events: deskEvents,
  displayName: 'VisitorPanel',
});

/** `<agent-status>`: the agent's availability per channel. */
export const AgentStatus = createComponent({
  react: React,
  tagName: 'agent-status',
  elementClass: AgentStatusElement,
  events: deskEvents,
  displayName: 'AgentStatus',
});
