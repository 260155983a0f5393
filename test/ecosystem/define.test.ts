import { expect } from '@open-wc/testing';
import * as sinon from 'sinon';

describe('agent-desk/define', () => {
  afterEach(() => sinon.restore());

  it('keeps a tag another script defined first, and says so once, naming the tag', async () => {
    class Theirs extends HTMLElement {}
    customElements.define('state-box', Theirs);
    const warn = sinon.stub(console, 'warn');
    const { StateBox } = await import('../../src/components/state-box/state-box.js');
    const { ChatBox } = await import('../../src/components/chat-box/chat-box.js');
    await import('../../src/define.js');
    expect(customElements.get('state-box')).to.equal(Theirs);
    expect(customElements.get('state-box')).not.to.equal(StateBox);
    expect(customElements.get('chat-box')).to.equal(ChatBox);
    const clashes = warn.getCalls().filter((call) => String(call.args[0]).includes('agent-desk'));
    expect(clashes).to.have.length(1);
    expect(clashes[0].args[0]).to.contain('<state-box> is already defined');
    expect(clashes[0].args[0]).to.contain("customElements.define('my-state-box'");
  });
});
