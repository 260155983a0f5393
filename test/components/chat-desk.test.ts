import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';

describe('<chat-desk>', () => {
  it('with demo, builds and provides a store and renders the desk columns', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk demo style="height: 600px"></chat-desk>`);
    expect(el.activeStore).to.exist;
    el.activeStore!.flush();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('state-box')).to.exist;
    expect(root.querySelector('visitor-panel')).to.exist;
    expect(root.querySelectorAll('chat-box')).to.have.length(1);
    expect(root.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Split screen');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without a store renders an accessible placeholder', async () => {
    const el = await fixture<ChatDesk>(html`<chat-desk></chat-desk>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('not connected');
  });
});
