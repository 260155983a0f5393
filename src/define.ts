/**
 * Registers every element. The only module with side effects. A tag already registered (a second
 * copy of the library, or someone else's element of the same name) is not redefined, which would
 * throw: the page keeps the first definition and a warning names the tag, once.
 */
import { AgentStatus } from './components/agent-status/agent-status.js';
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
  'agent-status': AgentStatus,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(
      `[agent-desk] <${tag}> is already defined by another script (or another copy of agent-desk), so this ` +
        `copy's element is not registered and the page uses the other one. Load agent-desk once, or register ` +
        `its classes under other names yourself (customElements.define('my-${tag}', …) from 'agent-desk').`,
    );
  }
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
    'agent-status': AgentStatus;
  }
}
