/** agent-desk: classes, types, store and transports. No side effects: import 'agent-desk/define' to register the tags. */
export * from './model/index.js';
export { DeskStore } from './store/desk-store.js';
export { DEFAULT_COBROWSE_OPTIONS, type CobrowseState } from './store/desk-store.js';
export type { ComposerState, DeskStoreOptions, PastRequest, ThreadInfo } from './store/desk-store.js';
export type { DraftStorage } from './store/drafts.js';
export type { ConversationSummary, VisitorHistory } from './store/selectors.js';
export type { ComposerTool, DeskState, Thread, TypingState, HistoryState, Upload, UploadError } from './store/state.js';
export { MemoryOutbox } from './store/outbox.js';
export type { Outbox } from './store/outbox.js';
export { IndexedDbOutbox, type IndexedDbOutboxOptions } from './store/outbox-idb.js';
export { TypingThrottle, type TypingThrottleOptions } from './store/typing.js';
export type { CannedAnswer, ComposerOffer, Uploader, UploadResult } from './model/composer.js';
export type { Transport, TransportSink } from './transport/transport.js';
export { TransportError } from './transport/transport.js';
export { MemoryTransport } from './transport/memory-transport.js';
export type { MemoryTransportOptions } from './transport/memory-transport.js';
export {
  WebSocketTransport,
  type WebSocketTransportOptions,
  type WebSocketTransportStats,
} from './transport/websocket-transport.js';
export { DemoSimulator } from './transport/simulator.js';
export { demoFixtures, type DemoFixturesOptions } from './transport/demo-fixtures.js';
export { deskContext, paneContext } from './context.js';
export { DeskElement, select, Selection, type DeskTarget, type Selectors } from './components/shared/desk-element.js';
export * from './events.js';
export type {
  AlertAdapters,
  AlertClock,
  NotificationAdapter,
  PageAdapter,
  SoundPlayer,
} from './controllers/alert-adapters.js';
export type { AlertChannel } from './controllers/alerts-controller.js';
export { loadLocale, type Strings, type Locale } from './i18n/strings.js';
export { ChatDesk } from './components/chat-desk/chat-desk.js';
export { DeskProvider } from './components/desk-provider/desk-provider.js';
export { ChatBox } from './components/chat-box/chat-box.js';
export { MessageFilterElement } from './components/message-filter/message-filter.js';
export { ComposeArea } from './components/compose-area/compose-area.js';
export { StateBox } from './components/state-box/state-box.js';
export { VisitorPanel } from './components/visitor-panel/visitor-panel.js';
export { AgentStatus } from './components/agent-status/agent-status.js';
