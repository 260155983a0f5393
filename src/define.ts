/**
 * Registers every element. The only module with side effects; each definition is guarded so that
 * a second copy of the library on the page never throws.
 */
import { ChatBox } from './components/chat-box/chat-box.js';
import { ChatDesk } from './components/chat-desk/chat-desk.js';
import { ComposeArea } from './components/compose-area/compose-area.js';
import { DeskProvider } from './components/desk-provider/desk-provider.js';
import { MessageFilterElement } from './components/message-filter/message-filter.js';
import { StateBox } from './components/state-box/state-box.js';
import { VisitorPanel } from './components/visitor-panel/visitor-panel.js';

const elements = {
  'chat-desk': ChatDesk,
  'desk-provider': DeskProvider,
  'chat-box': ChatBox,
  'message-filter': MessageFilterElement,
  'compose-area': ComposeArea,
  'state-box': StateBox,
  'visitor-panel': VisitorPanel,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-desk': ChatDesk;
    'desk-provider': DeskProvider;
    'chat-box': ChatBox;
    'message-filter': MessageFilterElement;
    'compose-area': ComposeArea;
    'state-box': StateBox;
    'visitor-panel': VisitorPanel;
  }
}
