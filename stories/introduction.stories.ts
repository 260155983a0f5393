import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * The integrator's introduction. (A docs-only page: written as a story because the MDX docs addon
 * is not part of this Storybook's dependencies.)
 */
const meta: Meta = {
  title: 'Introduction',
  parameters: { layout: 'padded', controls: { disable: true }, actions: { disable: true } },
};
export default meta;

const page = 'max-inline-size:52rem;font:15px/1.6 system-ui,sans-serif;';
const pre = 'padding:12px 16px;border-radius:8px;overflow:auto;background:light-dark(#f4f6f9,#232833);';

export const Introduction: StoryObj = {
  render: () => html`
    <article style=${page}>
      <h1>agent-desk</h1>
      <p>
        Embeddable Web Components for a customer-service conversation desk: the agent's list of ongoing conversations,
        one to four threads side by side, a composer, and the visitor's information panel. Built on Lit and RxJS; no
        framework needed by the host page.
      </p>

      <h2>Drop it in</h2>
      <pre style=${pre}><code>${`import { DeskStore, MemoryTransport, demoFixtures } from 'agent-desk';
import 'agent-desk/define';

const transport = new MemoryTransport({ fixtures: demoFixtures(), simulate: false });
const store = new DeskStore({ transport, agent: { id: 'a1', name: 'Alex' } });
document.querySelector('chat-desk').store = store;`}</code></pre>
      <p>For a quick look without code: <code>&lt;chat-desk demo&gt;&lt;/chat-desk&gt;</code>.</p>

      <h2>The elements</h2>
      <ul>
        <li><code>&lt;chat-desk&gt;</code>: the assembled desk; provides the store to everything inside.</li>
        <li><code>&lt;desk-provider&gt;</code>: provides the store to a layout you build yourself.</li>
        <li><code>&lt;state-box&gt;</code>: ongoing conversations, unread counts, waiting times.</li>
        <li><code>&lt;chat-box&gt;</code>: one conversation thread with its header tools.</li>
        <li><code>&lt;message-filter&gt;</code>: All, Visitor, Agent, Actions, Navigation.</li>
        <li><code>&lt;compose-area&gt;</code>: type and send text, links, offers and files.</li>
        <li><code>&lt;visitor-panel&gt;</code>: source, navigation, profile, custom data and history.</li>
      </ul>

      <h2>Hook it into your CRM</h2>
      <p>
        Every element fires <code>desk-</code> DOM events (bubbling, composed, typed <code>detail</code>). The request
        events (<code>desk-open-page</code>, <code>desk-take-control</code>, <code>desk-block-visitor</code>,
        <code>desk-customer-record</code>, <code>desk-conversation-select</code>) are cancelable: call
        <code>preventDefault()</code> to replace the default action. The Actions panel of every story logs them.
      </p>

      <h2>Theme and language</h2>
      <p>
        Colours, radius, spacing and font are <code>--desk-*</code> custom properties; the main pieces expose
        <code>::part()</code>. Use the toolbar to switch light/dark and the language (English, French and Arabic, right
        to left). See <em>Guides / Theming</em>.
      </p>

      <h2>Accessibility</h2>
      <p>
        Every story is checked with axe (the Accessibility panel); the built Storybook is checked in CI in headless
        Chromium with zero violations allowed.
      </p>
    </article>
  `,
};
