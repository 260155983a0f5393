import { createContext } from '@lit/context';
import type { DeskStore } from './store/desk-store.js';

/** The desk store, provided by `<chat-desk>` and `<desk-provider>`. */
export const deskContext = createContext<DeskStore | undefined>(Symbol.for('agent-desk:store'));

/** The conversation a pane shows; elements inside a pane follow it instead of the focused one. */
export const paneContext = createContext<string | undefined>(Symbol.for('agent-desk:pane'));
