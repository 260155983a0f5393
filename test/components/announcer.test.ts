import { expect } from '@open-wc/testing';
import {
  ANNOUNCE_DELAY_MS,
  ANNOUNCER_SELECTOR,
  announce,
  lastAnnouncement,
} from '../../src/components/shared/announcer.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, ANNOUNCE_DELAY_MS + 50));

describe('announce()', () => {
  it('speaks through ONE region in the light DOM of the document, whatever shadow root asks', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    document.body.append(host);
    announce(inner, 'Message not sent. Retry available.', { priority: 'assertive' });
    announce(document.body, 'Showing visitor messages: 12');
    await settle();
    expect(document.querySelectorAll(ANNOUNCER_SELECTOR)).to.have.length(1);
    expect(document.querySelector(ANNOUNCER_SELECTOR)?.getRootNode()).to.equal(document);
    expect(lastAnnouncement(document, 'assertive')).to.equal('Message not sent. Retry available.');
    expect(lastAnnouncement(document, 'polite')).to.equal('Showing visitor messages: 12');
    const polite = document.querySelector(`${ANNOUNCER_SELECTOR} [data-priority="polite"]`);
    expect(polite?.getAttribute('role')).to.equal('status');
    host.remove();
  });

  it('gathers what is said in the same moment, in order; a repeated key replaces its pending text', async () => {
    announce(document.body, 'Yuki Tanaka: 2 new messages.', { key: 'new:yuki' });
    announce(document.body, 'Liam joined.');
    announce(document.body, 'Yuki Tanaka: 3 new messages.', { key: 'new:yuki' });
    await settle();
    expect(lastAnnouncement()).to.equal('Liam joined. Yuki Tanaka: 3 new messages.');
  });

  it('says the same text again as a new node, and ignores empty text', async () => {
    announce(document.body, 'Control requested');
    await settle();
    const first = document.querySelector(`${ANNOUNCER_SELECTOR} [data-priority="polite"] p`);
    announce(document.body, '   ');
    announce(document.body, 'Control requested');
    await settle();
    const second = document.querySelector(`${ANNOUNCER_SELECTOR} [data-priority="polite"] p`);
    expect(second?.textContent).to.equal('Control requested');
    expect(second).not.to.equal(first);
  });
});
