import { createContext } from '@lit/context';
import type { MessageFilter } from './model/filter.js';
import type { DeskStore } from './store/desk-store.js';

/** The desk store, provided by `<chat-desk>` and `<desk-provider>`. */
export const deskContext = createContext<DeskStore | undefined>(Symbol.for('agent-desk:store'));

/** The conversation a pane shows; elements inside a pane follow it instead of the focused one. */
export const paneContext = createContext<string | undefined>(Symbol.for('agent-desk:pane'));

/** Lets a `<message-filter>` inside a `<chat-box>` control that thread's filter. */
export interface ThreadFilterControl {
  readonly value: MessageFilter;
  set(filter: MessageFilter): void;
}
export const threadFilterContext = createContext<ThreadFilterControl | undefined>(
  Symbol.for('agent-desk:thread-filter'),
);
