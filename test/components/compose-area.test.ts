import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../browser-commands.js';
import { backgroundBehind, contrast } from '../support/contrast.js';
import sinon from 'sinon';
import '../../src/define.js';
import type { ComposeArea } from '../../src/components/compose-area/compose-area.js';
import type {
  CannedAnswer,
  ComposerOffer,
  Uploader,
  UploadResult,
} from '../../src/components/compose-area/composer-model.js';
import type { DeskSendEvent } from '../../src/events.js';
import type { ClientCommand, Fixtures, Message } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { loadLocale } from '../../src/i18n/strings.js';
import { ANNOUNCE_DELAY_MS, lastAnnouncement } from '../../src/components/shared/announcer.js';

const AT = '2026-11-25T10:00:00.000Z';

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex Martin' },
    visitors: [
      { id: 'v-emma', name: 'Emma Laurent' },
      { id: 'v-liam', name: 'Liam O’Connor' },
      { id: 'v-bad', name: 'Blocked Bob', blocked: true },
      { id: 'v-sms' },
    ],
    conversations: [
      { id: 'c-emma', visitorId: 'v-emma', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c-liam', visitorId: 'v-liam', channel: 'whatsapp', status: 'ongoing', startedAt: AT },
      { id: 'c-bad', visitorId: 'v-bad', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c-done', visitorId: 'v-liam', channel: 'chat', status: 'closed', startedAt: AT, closedAt: AT },
      { id: 'c-sms', visitorId: 'v-sms', channel: 'sms', status: 'ongoing', startedAt: AT },
    ],
    messages: [{ id: 'm1', conversationId: 'c-emma', author: 'visitor', at: AT, kind: 'text', text: 'Hello' }],
  };
}

function setup() {
  const transport = new MemoryTransport({ fixtures: fixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  return { transport, store };
}

async function render(store: DeskStore, id = 'c-emma', extra?: Partial<ComposeArea>) {
  const el = await fixture<ComposeArea>(html`<compose-area conversation-id=${id} .store=${store}></compose-area>`);
  if (extra) {
    Object.assign(el, extra);
    await el.updateComplete;
  }
  return el;
}

const root = (el: ComposeArea) => el.shadowRoot!;
const textbox = (el: ComposeArea) => root(el).querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;
function button(el: ComposeArea, name: string): HTMLButtonElement | null {
  return (
    [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name,
    ) ?? null
  );
}
const sends = (transport: MemoryTransport) =>
  transport.sent.filter((c): c is Extract<ClientCommand, { type: 'send' }> => c.type === 'send');
const typings = (transport: MemoryTransport) =>
  transport.sent.filter((c): c is Extract<ClientCommand, { type: 'typing' }> => c.type === 'typing');
const agentMessages = (store: DeskStore, id: string): Message[] =>
  store.state.threads.get(id)!.messages.filter((m) => m.author === 'agent');

async function type(el: ComposeArea, text: string) {
  textbox(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<compose-area>', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the message box's border has at least 3:1 contrast against what surrounds it (${theme})`, async () => {
      const { store } = setup();
      const el = await render(store);
      el.style.colorScheme = theme;
      await el.updateComplete;
      const box = textbox(el);
      const border = getComputedStyle(box).borderTopColor;
      expect(contrast(border, backgroundBehind(box.parentElement!))).to.be.at.least(3);
    });
  }

  // French loads on demand: have it from the first render, as a page that preloads it.
  before(() => loadLocale('fr'));
  afterEach(() => sinon.restore());
  // Drafts are kept in sessionStorage across reloads: each test starts without the previous one's.
  afterEach(() => sessionStorage.clear());

  describe('panels', () => {
    it('a tool opens its panel at once, with focus inside and its styles; Escape closes it', async () => {
      const { store } = setup();
      const el = await render(store);
      expect(root(el).querySelector('[part="panel"]')).to.be.null;
      button(el, 'Send a link')!.click();
      await el.updateComplete;
      const form = root(el).querySelector<HTMLFormElement>('form[aria-label="Link"]')!;
      expect(button(el, 'Send a link')!.getAttribute('aria-expanded')).to.equal('true');
      expect(root(el).activeElement).to.equal(form.querySelector('input[name="url"]'));
      expect(getComputedStyle(form).borderTopStyle).to.equal('solid');
      expect(store.state.tools.get('c-emma')).to.equal('link');
      await expect(el).shadowDom.to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('form')).to.be.null;
      expect(store.state.tools.get('c-emma')).to.be.undefined;
      expect(root(el).activeElement).to.equal(button(el, 'Send a link'));
    });

    it('the open panel belongs to its conversation, and is open again in a new composer of it', async () => {
      const { store } = setup();
      const el = await render(store, 'c-emma', { offers: [{ id: 'o', title: 'Promo' }] });
      button(el, 'Send an offer')!.click();
      await el.updateComplete;
      el.conversationId = 'c-liam';
      await el.updateComplete;
      expect(root(el).querySelector('[part="panel"]')).to.be.null;
      expect(button(el, 'Send an offer')!.getAttribute('aria-expanded')).to.equal('false');
      el.remove();
      const again = await render(store, 'c-emma', { offers: [{ id: 'o', title: 'Promo' }] });
      expect(root(again).querySelector('[part="panel"][aria-label="Offers"]')).to.exist;
      expect(button(again, 'Send an offer')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('a "/" draft coming back with its conversation lists the canned answers', async () => {
      const { store } = setup();
      store.setDraft('c-emma', '/ship');
      const el = await render(store, 'c-emma', {
        cannedAnswers: [{ id: 's', title: 'Shipping', text: 'Two days.', scope: 'shared' }],
      });
      expect(root(el).querySelector('[role="listbox"][aria-label="Canned answers"]')).to.exist;
      expect(textbox(el).getAttribute('aria-controls')).to.equal('canned-list');
      textbox(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(textbox(el).value).to.equal('Two days.');
    });
  });

  it('is accessible and has the textbox "Message" and the button "Send", disabled while empty', async () => {
    const { store } = setup();
    const el = await render(store);
    expect(textbox(el)).to.exist;
    expect(button(el, 'Send')!.disabled).to.be.true;
    await expect(el).shadowDom.to.be.accessible();
    await type(el, 'Hi');
    expect(button(el, 'Send')!.disabled).to.be.false;
  });

  it('delegates focus to the text box', async () => {
    const { store } = setup();
    const el = await render(store);
    el.focus();
    expect(root(el).activeElement).to.equal(textbox(el));
  });

  it('Enter sends, Shift+Enter adds a new line, and the draft is cleared', async () => {
    const { store, transport } = setup();
    const el = await render(store);
    await type(el, 'Line one');
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'line two' });
    await el.updateComplete;
    expect(textbox(el).value).to.equal('Line one\nline two');
    expect(sends(transport)).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(sends(transport)).to.have.length(1);
    expect(sends(transport)[0].content).to.deep.equal({ kind: 'text', text: 'Line one\nline two' });
    expect(textbox(el).value).to.equal('');
    expect(store.state.drafts.get('c-emma')).to.be.undefined;
    const mine = agentMessages(store, 'c-emma');
    expect(mine).to.have.length(1);
    expect(mine[0]).to.include({ kind: 'text', text: 'Line one\nline two' });
  });

  it('fires a cancelable desk-send; preventDefault vetoes, and a listener may replace the draft', async () => {
    const { store, transport } = setup();
    const el = await render(store);
    await type(el, 'Secret');
    const veto = (e: DeskSendEvent) => e.preventDefault();
    el.addEventListener('desk-send', veto, { once: true });
    const vetoed = oneEvent(el, 'desk-send');
    button(el, 'Send')!.click();
    const event = (await vetoed) as DeskSendEvent;
    expect(event.detail).to.deep.equal({ conversationId: 'c-emma', draft: { kind: 'text', text: 'Secret' } });
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
    expect(sends(transport)).to.have.length(0);
    expect(textbox(el).value).to.equal('Secret');

    el.addEventListener(
      'desk-send',
      (e) => {
        e.detail.draft = { kind: 'text', text: 'Secret — Alex' };
      },
      { once: true },
    );
    button(el, 'Send')!.click();
    await el.updateComplete;
    expect(sends(transport).map((c) => c.content)).to.deep.equal([{ kind: 'text', text: 'Secret — Alex' }]);
    expect(textbox(el).value).to.equal('');
    expect(root(el).activeElement).to.equal(textbox(el)); // ready for the next message
  });

  it('keeps a draft per conversation across switches and re-creation', async () => {
    const { store } = setup();
    const el = await render(store, 'c-emma');
    await type(el, 'For Emma');
    el.conversationId = 'c-liam';
    await el.updateComplete;
    expect(textbox(el).value).to.equal('');
    await type(el, 'For Liam');
    el.conversationId = 'c-emma';
    await el.updateComplete;
    expect(textbox(el).value).to.equal('For Emma');
    el.remove();
    const again = await render(store, 'c-liam');
    expect(textbox(again).value).to.equal('For Liam');
    expect(store.state.drafts.get('c-emma')).to.equal('For Emma');
  });

  it('keeps a draft across a page reload (a new store on the same session storage)', async () => {
    const { store } = setup();
    const el = await render(store, 'c-emma');
    await type(el, 'Half-written answer');
    el.remove();
    store.destroy();
    const reloaded = setup().store;
    const again = await render(reloaded, 'c-emma');
    expect(textbox(again).value).to.equal('Half-written answer');
  });

  it('follows the focused conversation without conversation-id', async () => {
    const { store } = setup();
    store.setDraft('c-liam', 'Liam draft');
    const el = await fixture<ComposeArea>(html`<compose-area .store=${store}></compose-area>`);
    store.focus('c-liam');
    await el.updateComplete;
    expect(textbox(el).value).to.equal('Liam draft');
  });

  it('is disabled with an explanation for a blocked visitor and a closed conversation', async () => {
    const { store } = setup();
    const blocked = await render(store, 'c-bad');
    expect(textbox(blocked).disabled).to.be.true;
    expect(button(blocked, 'Send')!.disabled).to.be.true;
    expect(root(blocked).querySelector('[part="notice"]')!.textContent).to.contain('blocked');
    expect(textbox(blocked).getAttribute('aria-describedby')).to.contain('notice');
    await expect(blocked).shadowDom.to.be.accessible();

    const closed = await render(store, 'c-done');
    expect(textbox(closed).disabled).to.be.true;
    expect(root(closed).querySelector('[part="notice"]')!.textContent).to.contain('closed');

    // Blocking while composing disables at once.
    const open = await render(store, 'c-emma');
    expect(textbox(open).disabled).to.be.false;
    store.block('v-emma');
    await open.updateComplete;
    expect(textbox(open).disabled).to.be.true;
  });

  it('renders an accessible placeholder without a store', async () => {
    const el = await fixture<ComposeArea>(html`<compose-area></compose-area>`);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('not connected');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows a counter near the channel limit and refuses text over it', async () => {
    const { store, transport } = setup();
    const el = await render(store, 'c-sms');
    expect(textbox(el).maxLength).to.equal(1600);
    expect(root(el).querySelector('[part="counter"]')).to.be.null;
    store.setDraft('c-sms', 'x'.repeat(1500));
    await el.updateComplete;
    expect(root(el).querySelector('[part="counter"]')!.textContent).to.equal('1500 / 1600');
    // A canned answer (or a host) can put more than the limit in the draft: it cannot be sent.
    store.setDraft('c-sms', 'x'.repeat(1700));
    await el.updateComplete;
    expect(button(el, 'Send')!.disabled).to.be.true;
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('too long');
    textbox(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(sends(transport)).to.have.length(0);
    // max-length overrides the channel's limit.
    el.maxLength = 20;
    store.setDraft('c-sms', 'x'.repeat(18));
    await el.updateComplete;
    expect(root(el).querySelector('[part="counter"]')!.textContent).to.equal('18 / 20');
  });

  describe('typing', () => {
    it('tells a screen reader "<visitor> is typing…" (the thread shows the line: once on screen)', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      const typingText = () => root(el).querySelector('[part="typing"]')!.textContent!.trim();
      expect(typingText()).to.equal('');
      transport.emit({ type: 'visitor.typing', conversationId: 'c-emma', typing: true, preview: 'Do you ship to' });
      await el.updateComplete;
      const typing = root(el).querySelector('[part="typing"]')!;
      expect(typing.textContent).to.contain('Emma Laurent is typing…');
      expect(typing.textContent).to.contain('Do you ship to');
      // Said once through the desk's announcer, without the preview; on screen only in the thread.
      await aTimeout(ANNOUNCE_DELAY_MS + 50);
      expect(lastAnnouncement()).to.equal('Emma Laurent is typing…');
      expect(typing.querySelector('[role="status"], [aria-live]')).to.equal(null);
      expect(typing.getBoundingClientRect().height).to.be.at.most(1);
      transport.emit({ type: 'visitor.typing', conversationId: 'c-emma', typing: false });
      await el.updateComplete;
      expect(typingText()).to.equal('');
    });

    it('sends typing at most every 3 s while typing, false after 5 s idle and on send', async () => {
      const clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const { store, transport } = setup();
      const el = await render(store);
      const input = (value: string) => {
        textbox(el).value = value;
        textbox(el).dispatchEvent(new Event('input', { bubbles: true }));
      };
      input('H');
      input('He');
      input('Hel');
      expect(typings(transport).map((c) => c.typing)).to.deep.equal([true]);
      clock.tick(2000);
      input('Hell');
      expect(typings(transport)).to.have.length(1);
      clock.tick(1000);
      input('Hello');
      expect(typings(transport).map((c) => c.typing)).to.deep.equal([true, true]);
      clock.tick(4999);
      expect(typings(transport)).to.have.length(2);
      clock.tick(1);
      expect(typings(transport).map((c) => c.typing)).to.deep.equal([true, true, false]);
      input('Hello again');
      expect(typings(transport).map((c) => c.typing)).to.deep.equal([true, true, false, true]);
      await el.updateComplete;
      el.submit();
      expect(typings(transport).map((c) => c.typing)).to.deep.equal([true, true, false, true, false]);
      expect(typings(transport).every((c) => c.conversationId === 'c-emma' && c.preview === undefined)).to.be.true;
      clock.tick(10_000);
      expect(typings(transport)).to.have.length(5);
    });

    it('sends no typing while offline', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      transport.setOnline(false);
      await type(el, 'Hello');
      expect(typings(transport)).to.have.length(0);
      expect(root(el).textContent).to.contain('Offline');
    });

    it('hide-offline-notice leaves the offline notice to the desk', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      el.hideOfflineNotice = true;
      transport.setOnline(false);
      await el.updateComplete;
      expect(el.getAttribute('hide-offline-notice')).to.equal('');
      expect(root(el).textContent).not.to.contain('Offline');
      el.removeAttribute('hide-offline-notice');
      await el.updateComplete;
      expect(root(el).textContent).to.contain('Offline');
    });

    it('ends typing in the previous conversation when switching', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      await type(el, 'Hi');
      el.conversationId = 'c-liam';
      await el.updateComplete;
      expect(typings(transport).map((c) => [c.conversationId, c.typing])).to.deep.equal([
        ['c-emma', true],
        ['c-emma', false],
      ]);
    });
  });

  describe('link', () => {
    it('validates the URL with clear errors and sends a link message', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      button(el, 'Send a link')!.click();
      await el.updateComplete;
      const form = root(el).querySelector('form[aria-label="Link"]')!;
      expect(form).to.exist;
      expect(button(el, 'Send a link')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).shadowDom.to.be.accessible();
      const url = form.querySelector<HTMLInputElement>('input[name="url"]')!;
      expect(root(el).activeElement).to.equal(url);

      button(el, 'Send link')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('#link-error')!.textContent).to.contain('Enter the address');

      await sendKeys({ type: 'javascript:alert(1)' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(url.getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).querySelector('#link-error')!.textContent).to.contain('cannot be sent');
      expect(sends(transport)).to.have.length(0);

      url.select();
      await sendKeys({ type: 'https://shop.example.com/boots' });
      form.querySelector<HTMLInputElement>('input[name="title"]')!.focus();
      await sendKeys({ type: 'Hiking boots' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        { kind: 'link', url: 'https://shop.example.com/boots', title: 'Hiking boots' },
      ]);
      expect(root(el).querySelector('form')).to.be.null;
      expect(root(el).activeElement).to.equal(button(el, 'Send a link'));
      expect(agentMessages(store, 'c-emma')[0]).to.include({ kind: 'link', url: 'https://shop.example.com/boots' });
    });

    it('completes an address typed without a scheme ("shop.example.com/tents") and still refuses javascript: / data:', async () => {
      const { store, transport } = setup();
      const el = await render(store);
      button(el, 'Send a link')!.click();
      await el.updateComplete;
      const form = root(el).querySelector('form[aria-label="Link"]')!;
      const url = form.querySelector<HTMLInputElement>('input[name="url"]')!;
      for (const bad of ['data:text/html,<b>x</b>', 'javascript:alert(1)', 'vbscript:msgbox(1)']) {
        url.select();
        await sendKeys({ type: bad });
        await el.updateComplete;
        expect(root(el).querySelector('#link-completion')).to.be.null;
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(root(el).querySelector('#link-error')!.textContent).to.contain('cannot be sent');
      }
      expect(sends(transport)).to.have.length(0);

      url.select();
      await sendKeys({ type: 'shop.example.com/tents' });
      await el.updateComplete;
      const completion = root(el).querySelector('#link-completion')!;
      expect(completion.textContent).to.contain('Will be sent as https://shop.example.com/tents');
      expect(url.getAttribute('aria-describedby')).to.equal('link-completion');
      await expect(el).shadowDom.to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        { kind: 'link', url: 'https://shop.example.com/tents' },
      ]);
    });

    it('Escape closes the link form and returns focus to its button', async () => {
      const { store } = setup();
      const el = await render(store);
      button(el, 'Send a link')!.click();
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('form')).to.be.null;
      expect(root(el).activeElement).to.equal(button(el, 'Send a link'));
    });
  });

  describe('offers', () => {
    const offers: ComposerOffer[] = [
      {
        id: 'o1',
        title: '10% off boots',
        description: 'Code BOOTS10',
        imageUrl: 'https://img.example.com/b.jpg',
        url: 'https://shop.example.com/o1',
        cta: 'Shop now',
      },
      { id: 'o2', title: 'Free shipping' },
    ];

    it('hides the offer button without offers', async () => {
      const { store } = setup();
      const el = await render(store);
      expect(button(el, 'Send an offer')).to.be.null;
    });

    it('picks an offer, previews it and sends an offer message', async () => {
      const { store, transport } = setup();
      const el = await render(store, 'c-emma', { offers });
      button(el, 'Send an offer')!.click();
      await el.updateComplete;
      expect(button(el, 'Send offer')!.disabled).to.be.true;
      const radios = root(el).querySelectorAll<HTMLInputElement>('[role="radiogroup"] input[type="radio"]');
      expect(radios).to.have.length(2);
      radios[0].click();
      await el.updateComplete;
      const card = root(el).querySelector('figure[aria-label="Preview"]')!;
      expect(card.textContent).to.contain('10% off boots');
      expect(card.textContent).to.contain('Shop now');
      expect(card.querySelector('img')!.getAttribute('src')).to.equal('https://img.example.com/b.jpg');
      await expect(el).shadowDom.to.be.accessible();
      button(el, 'Send offer')!.click();
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        {
          kind: 'offer',
          title: '10% off boots',
          description: 'Code BOOTS10',
          imageUrl: 'https://img.example.com/b.jpg',
          url: 'https://shop.example.com/o1',
          cta: 'Shop now',
        },
      ]);
      expect(root(el).querySelector('[part="panel"]')).to.be.null;
    });
  });

  describe('attachments', () => {
    interface Call {
      file: File;
      signal: AbortSignal;
      onProgress: (f: number) => void;
      resolve: (r: UploadResult) => void;
      reject: (e: unknown) => void;
    }
    function fakeUploader() {
      const calls: Call[] = [];
      const uploader: Uploader = (file, { signal, onProgress }) =>
        new Promise<UploadResult>((resolve, reject) => {
          calls.push({ file, signal, onProgress, resolve, reject });
          signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        });
      return { calls, uploader };
    }
    const pdf = () => new File(['%PDF-1.4 test'], 'invoice.pdf', { type: 'application/pdf' });
    async function png(): Promise<File> {
      const canvas = document.createElement('canvas');
      canvas.width = 4;
      canvas.height = 3;
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      return new File([blob], 'photo.png', { type: 'image/png' });
    }

    it('hides the attach button without an uploader', async () => {
      const { store } = setup();
      const el = await render(store);
      expect(button(el, 'Attach a file')).to.be.null;
    });

    it('uploads a file with progress, then sends a file message', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      expect(button(el, 'Attach a file')).to.exist;
      el.attachFiles([pdf()]);
      await el.updateComplete;
      expect(calls).to.have.length(1);
      calls[0].onProgress(0.4);
      await el.updateComplete;
      const progress = root(el).querySelector<HTMLProgressElement>('progress[aria-label="Upload progress"]')!;
      expect(progress.value).to.equal(40);
      expect(button(el, 'Send')!.disabled).to.be.true;
      await expect(el).shadowDom.to.be.accessible();
      calls[0].resolve({ url: 'https://files.example.com/invoice.pdf' });
      await aTimeout(0);
      await el.updateComplete;
      expect(root(el).querySelector('progress')).to.be.null;
      expect(button(el, 'Send')!.disabled).to.be.false;
      button(el, 'Send')!.click();
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        {
          kind: 'file',
          name: 'invoice.pdf',
          url: 'https://files.example.com/invoice.pdf',
          size: 13,
          mimeType: 'application/pdf',
        },
      ]);
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;
    });

    it('an upload goes on while the agent is in another conversation; back, it shows with its progress and completes', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      await el.attachFiles([pdf()]);
      await el.updateComplete;
      el.conversationId = 'c-liam';
      await el.updateComplete;
      expect(calls[0].signal.aborted).to.be.false;
      // Nothing about it in the other conversation.
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;
      calls[0].onProgress(0.7);
      el.conversationId = 'c-emma';
      await el.updateComplete;
      const progress = root(el).querySelector<HTMLProgressElement>('progress[aria-label="Upload progress"]')!;
      expect(progress.value).to.equal(70);
      expect(button(el, 'Cancel upload')).to.exist;
      // Said again for the agent coming back.
      await aTimeout(ANNOUNCE_DELAY_MS + 50);
      expect(lastAnnouncement()).to.contain('Uploading invoice.pdf…');
      calls[0].resolve({ url: 'https://files.example.com/invoice.pdf' });
      await aTimeout(0);
      await el.updateComplete;
      button(el, 'Send')!.click();
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        {
          kind: 'file',
          name: 'invoice.pdf',
          url: 'https://files.example.com/invoice.pdf',
          size: 13,
          mimeType: 'application/pdf',
        },
      ]);
    });

    it('a composer removed during an upload: the next one of the conversation shows it, in French too', async () => {
      const { store } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      await el.attachFiles([pdf()]);
      el.remove();
      expect(calls[0].signal.aborted).to.be.false;
      const next = await fixture<ComposeArea>(
        html`<compose-area lang="fr" conversation-id="c-emma" .store=${store} .uploader=${uploader}></compose-area>`,
      );
      expect(root(next).querySelector('[part="attachment"]')!.textContent).to.contain('invoice.pdf');
      expect(button(next, 'Annuler l’envoi')).to.exist;
      await expect(next).shadowDom.to.be.accessible();
      // Failing while no composer shows it: said when the agent comes back.
      next.remove();
      calls[0].reject(new Error('Server said 500'));
      await aTimeout(0);
      const back = await render(store, 'c-emma', { uploader });
      expect(root(back).querySelector('[role="alert"]:not(:empty)')!.textContent).to.contain(
        'Could not upload invoice.pdf: Server said 500',
      );
      // Said until the agent moves on.
      await type(back, 'x');
      expect(root(back).querySelector('[role="alert"]:not(:empty)')).to.be.null;
      expect(store.state.uploads.get('c-emma')).to.be.undefined;
    });

    it('previews an image with a blob: URL, revoked after sending', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const revoke = sinon.spy(URL, 'revokeObjectURL');
      const el = await render(store, 'c-emma', { uploader });
      el.attachFiles([await png()]);
      await el.updateComplete;
      const img = root(el).querySelector<HTMLImageElement>('img[alt="Preview of photo.png"]')!;
      expect(img.src.startsWith('blob:')).to.be.true;
      const blobUrl = img.src;
      calls[0].resolve({ url: 'https://files.example.com/photo.png' });
      await aTimeout(50);
      await el.updateComplete;
      await type(el, 'Here it is');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        { kind: 'image', url: 'https://files.example.com/photo.png', alt: 'photo.png', width: 4, height: 3 },
        { kind: 'text', text: 'Here it is' },
      ]);
      expect(revoke.calledWith(blobUrl)).to.be.true;
    });

    it('reports an upload failure and a server URL that is not allowed', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      el.attachFiles([pdf()]);
      await el.updateComplete;
      calls[0].reject(new Error('Server said 500'));
      await aTimeout(0);
      await el.updateComplete;
      const alert = () => [...root(el).querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ');
      expect(alert()).to.contain('Could not upload invoice.pdf: Server said 500');
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;

      el.attachFiles([pdf()]);
      await el.updateComplete;
      calls[1].resolve({ url: 'javascript:alert(1)' });
      await aTimeout(0);
      await el.updateComplete;
      expect(alert()).to.contain('cannot be used');
      expect(sends(transport)).to.have.length(0);
    });

    it('cancels an upload (button or Escape) by aborting its signal', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      el.attachFiles([pdf()]);
      await el.updateComplete;
      button(el, 'Cancel upload')!.click();
      await el.updateComplete;
      expect(calls[0].signal.aborted).to.be.true;
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;
      await aTimeout(ANNOUNCE_DELAY_MS + 50);
      expect(lastAnnouncement()).to.contain('Upload cancelled.');

      el.attachFiles([pdf()]);
      await el.updateComplete;
      textbox(el).focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(calls[1].signal.aborted).to.be.true;
      calls[1].resolve({ url: 'https://files.example.com/late.pdf' });
      await aTimeout(0);
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;
      expect(sends(transport)).to.have.length(0);
    });

    it('refuses files over the size limit or of another type, with clear errors', async () => {
      const { store } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      el.setAttribute('max-file-size', '5');
      el.setAttribute('accept', 'image/*,.pdf');
      await el.updateComplete;
      el.attachFiles([pdf()]);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]:not(:empty)')!.textContent).to.match(
        /invoice\.pdf is too large \(5 byte/,
      );
      el.attachFiles([new File(['x'], 'run.exe', { type: 'application/octet-stream' })]);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]:not(:empty)')!.textContent).to.contain(
        'run.exe is not a type of file that can be sent. Accepted: images and PDF.',
      );
      expect(calls).to.have.length(0);
    });

    it('accepts the common image types and says which types are accepted when refusing one, in French too', async () => {
      const { store } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      el.accept = 'image/png,image/jpeg,image/gif,image/webp,.pdf';
      await el.updateComplete;
      const alert = () => root(el).querySelector('[role="alert"]:not(:empty)')?.textContent?.trim() ?? '';
      el.attachFiles([new File(['x'], 'cat.gif', { type: 'image/gif' })]);
      await el.updateComplete;
      expect(calls.map((c) => c.file.name)).to.deep.equal(['cat.gif']);
      expect(alert()).to.equal('');
      el.attachFiles([new File(['x'], 'scan.tiff', { type: 'image/tiff' })]);
      await el.updateComplete;
      expect(alert()).to.equal(
        'scan.tiff is not a type of file that can be sent. Accepted: PNG, JPEG, GIF, WebP, and PDF.',
      );
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      el.attachFiles([new File(['x'], 'scan.tiff', { type: 'image/tiff' })]);
      await el.updateComplete;
      expect(alert()).to.equal(
        'scan.tiff n’est pas un type de fichier autorisé. Types acceptés : PNG, JPEG, GIF, WebP et PDF.',
      );
      expect(calls).to.have.length(1);
    });

    it('a refused type says which types are accepted', async () => {
      const { store } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      el.accept = 'image/*,.pdf';
      await el.attachFiles([new File(['x'], 'run.exe', { type: 'application/octet-stream' })]);
      await el.updateComplete;
      expect(calls).to.have.length(0);
      expect(root(el).querySelector('[role="alert"]:not(:empty)')!.textContent).to.contain(
        'run.exe is not a type of file that can be sent. Accepted: images and PDF.',
      );
      await el.attachFiles([pdf()]);
      expect(calls.map((c) => c.file.name)).to.deep.equal(['invoice.pdf']);
    });

    it('takes several files at once: each uploads beside the others, each can be removed, Send sends every one ready', async () => {
      const { store, transport } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      expect(root(el).querySelector<HTMLInputElement>('input[type="file"]')!.multiple).to.be.true;
      el.accept = 'image/*,.pdf';
      await el.attachFiles([pdf(), await png(), new File(['x'], 'run.exe', { type: 'application/octet-stream' })]);
      await el.updateComplete;
      // The two allowed files upload; the third is refused, saying why.
      expect(calls.map((c) => c.file.name)).to.deep.equal(['invoice.pdf', 'photo.png']);
      expect(root(el).querySelector('[role="alert"]:not(:empty)')!.textContent).to.contain(
        'run.exe is not a type of file that can be sent. Accepted: images and PDF.',
      );
      const groups = [...root(el).querySelectorAll('[part="attachment"]')].map((g) => g.getAttribute('aria-label'));
      expect(groups).to.deep.equal(['Attachment: invoice.pdf', 'Attachment: photo.png']);
      expect(button(el, 'Cancel upload of invoice.pdf')).to.exist;
      await expect(el).shadowDom.to.be.accessible();

      // A file added later joins them.
      el.attachFiles([new File(['notes'], 'notes.pdf', { type: 'application/pdf' })]);
      await el.updateComplete;
      expect(calls.map((c) => c.file.name)).to.deep.equal(['invoice.pdf', 'photo.png', 'notes.pdf']);
      button(el, 'Cancel upload of notes.pdf')!.click();
      await el.updateComplete;
      expect(calls[2].signal.aborted).to.be.true;
      expect(calls[0].signal.aborted || calls[1].signal.aborted).to.be.false;

      calls[0].resolve({ url: 'https://files.example.com/invoice.pdf' });
      calls[1].resolve({ url: 'https://files.example.com/photo.png' });
      await waitUntil(() => button(el, 'Remove invoice.pdf') && button(el, 'Remove photo.png'), 'both ready');
      button(el, 'Send')!.click();
      await el.updateComplete;
      await waitUntil(() => sends(transport).length === 2, 'both sent (one after the other)');
      expect(sends(transport).map((c) => c.content.kind)).to.deep.equal(['file', 'image']);
      expect(root(el).querySelector('[part="attachment"]')).to.be.null;
    });

    it('takes a dropped file and a pasted file', async () => {
      const { store } = setup();
      const { calls, uploader } = fakeUploader();
      const el = await render(store, 'c-emma', { uploader });
      const base = root(el).querySelector('[part="base"]')!;
      const drop = new DataTransfer();
      drop.items.add(pdf());
      base.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: drop }));
      await el.updateComplete;
      expect(base.classList.contains('dragging')).to.be.true;
      base.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: drop }));
      await el.updateComplete;
      expect(calls.map((c) => c.file.name)).to.deep.equal(['invoice.pdf']);

      const paste = new DataTransfer();
      paste.items.add(await png());
      // Firefox's ClipboardEvent constructor gives the event an empty DataTransfer of its own
      // instead of `clipboardData` (a real paste carries the files): set it in every engine.
      const pasteEvent = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(pasteEvent, 'clipboardData', { value: paste });
      textbox(el).dispatchEvent(pasteEvent);
      await el.updateComplete;
      // The pasted file joins the dropped one.
      expect(calls.map((c) => c.file.name)).to.deep.equal(['invoice.pdf', 'photo.png']);
      expect(calls[0].signal.aborted).to.be.false;
      expect(root(el).querySelectorAll('[part="attachment"]')).to.have.length(2);
    });
  });

  describe('canned answers', () => {
    const cannedAnswers: CannedAnswer[] = [
      {
        id: 'greet',
        title: 'Greeting',
        text: 'Hello {visitor.name}, I am {agent.name}. How can I help?',
        category: 'Openers',
        scope: 'shared',
      },
      { id: 'ship', title: 'Shipping times', text: 'Delivery takes 2–3 days.', category: 'Orders', scope: 'shared' },
      { id: 'bye', title: 'Goodbye', text: 'Have a nice day, {visitor.name}!', category: 'Closers', scope: 'personal' },
    ];

    it('"/" opens a filterable list; arrows and Enter insert one with variables filled', async () => {
      const { store, transport } = setup();
      const el = await render(store, 'c-emma', { cannedAnswers });
      await type(el, '/');
      const list = root(el).querySelector('[role="listbox"][aria-label="Canned answers"]')!;
      expect(list).to.exist;
      expect(list.querySelectorAll('[role="option"]')).to.have.length(3);
      expect(textbox(el).getAttribute('aria-controls')).to.equal('canned-list');
      await expect(el).shadowDom.to.be.accessible();

      await sendKeys({ type: 'g' });
      await el.updateComplete;
      const titles = () => [...root(el).querySelectorAll('[role="option"] .canned-title')].map((o) => o.textContent);
      // Titles starting with the query come first.
      expect(titles().slice(0, 2)).to.have.members(['Greeting', 'Goodbye']);
      await sendKeys({ type: 'oo' });
      await el.updateComplete;
      expect(titles()).to.deep.equal(['Goodbye']);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(titles()).to.have.length(3);
      const first = root(el).querySelector('[role="option"][aria-selected="true"]')!;
      expect(textbox(el).getAttribute('aria-activedescendant')).to.equal(first.id);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const second = root(el).querySelector('[role="option"][aria-selected="true"]')!;
      expect(second).to.not.equal(first);
      expect(textbox(el).getAttribute('aria-activedescendant')).to.equal(second.id);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(root(el).querySelector('[role="option"][aria-selected="true"]')).to.equal(first);

      await sendKeys({ type: 'greet' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(textbox(el).value).to.equal('Hello Emma Laurent, I am Alex Martin. How can I help?');
      expect(root(el).querySelector('[role="listbox"]')).to.be.null;
      expect(sends(transport)).to.have.length(0);
      await sendKeys({ press: 'Enter' });
      expect(sends(transport).map((c) => c.content)).to.deep.equal([
        { kind: 'text', text: 'Hello Emma Laurent, I am Alex Martin. How can I help?' },
      ]);
    });

    it('Escape closes the list and keeps the text; unknown variables stay visible', async () => {
      const { store } = setup();
      const el = await render(store, 'c-sms', { cannedAnswers });
      await type(el, '/bye');
      expect(root(el).querySelector('[role="listbox"]')).to.exist;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('[role="listbox"]')).to.be.null;
      expect(textbox(el).value).to.equal('/bye');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '/bye' });
      await el.updateComplete;
      root(el).querySelector<HTMLElement>('[role="option"]')!.click();
      await el.updateComplete;
      // The SMS visitor has no name: the variable stays for the agent to fill.
      expect(textbox(el).value).to.equal('Have a nice day, {visitor.name}!');
    });

    it('a long list stays usable by keyboard: the active answer scrolls into view, the list itself is focusable', async () => {
      const { store } = setup();
      const many: CannedAnswer[] = Array.from({ length: 30 }, (_, i) => ({
        id: `a${i}`,
        title: `Answer ${i + 1}`,
        text: `Canned text number ${i + 1}`,
        scope: 'shared',
      }));
      const el = await render(store, 'c-emma', { cannedAnswers: many });
      await type(el, '/');
      const list = root(el).querySelector<HTMLElement>('[role="listbox"]')!;
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      await expect(el).shadowDom.to.be.accessible();
      const options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
      const steps = options.length - 2;
      for (let i = 0; i < steps; i += 1) await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const active = root(el).querySelector<HTMLElement>('[role="option"][aria-selected="true"]')!;
      expect(active).to.equal(options[steps]);
      const box = list.getBoundingClientRect();
      const row = active.getBoundingClientRect();
      expect(row.top).to.be.at.least(box.top - 1);
      expect(row.bottom).to.be.at.most(box.bottom + 1);
      // From the list itself, the same keys work.
      list.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const next = root(el).querySelector<HTMLElement>('[role="option"][aria-selected="true"]')!;
      expect(next).to.equal(options[steps + 1]);
      const chosen = next.querySelector('.canned-text')!.textContent;
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(textbox(el).value).to.equal(chosen);
    });

    it('says when nothing matches', async () => {
      const { store } = setup();
      const el = await render(store, 'c-emma', { cannedAnswers });
      await type(el, '/zzz');
      expect(root(el).querySelector('[part="canned-list"]')!.textContent).to.contain('No canned answer matches.');
    });
  });

  describe('emoji', () => {
    it('loads the picker only when first opened; without its data, offers common emoji that insert at the caret', async () => {
      const { store } = setup();
      const el = await render(store);
      el.setAttribute('emoji-data-source', '/no-such-emoji-data.json');
      expect(customElements.get('emoji-picker')).to.be.undefined;
      await type(el, 'Thanks!');
      button(el, 'Insert emoji')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('[role="dialog"][aria-label="Emoji"]')).to.exist;
      expect(button(el, 'Insert emoji')!.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => root(el).querySelector('.emoji-grid'), 'fallback grid', { timeout: 5000 });
      expect(customElements.get('emoji-picker')).to.exist; // the module was loaded on demand
      expect(root(el).querySelector('[role="dialog"]')!.textContent).to.contain('could not be loaded');
      expect(root(el).activeElement).to.equal(root(el).querySelector('.emoji-button'));
      await expect(el).shadowDom.to.be.accessible();
      button(el, '👍')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(store.state.drafts.get('c-emma')).to.equal('Thanks!👍');
      expect(root(el).activeElement).to.equal(button(el, '👍')); // the agent may pick another one
      textbox(el).focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('[role="dialog"]')).to.be.null;
    });
  });

  describe('emoji fallback grid', () => {
    it('is one Tab stop; arrow keys, Home and End move through it', async () => {
      const { store } = setup();
      const el = await render(store);
      el.setAttribute('emoji-data-source', '/no-such-emoji-data.json');
      button(el, 'Insert emoji')!.click();
      await waitUntil(() => root(el).querySelector('.emoji-grid'), 'fallback grid', { timeout: 5000 });
      await el.updateComplete;
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.emoji-button')];
      const stops = () => buttons.filter((candidate) => candidate.tabIndex === 0);
      expect(stops()).to.deep.equal([buttons[0]]);
      expect(root(el).activeElement).to.equal(buttons[0]);
      const columns = buttons.filter((candidate) => candidate.offsetTop === buttons[0].offsetTop).length;
      expect(columns).to.be.greaterThan(1);
      await sendKeys({ press: 'ArrowRight' });
      expect(root(el).activeElement).to.equal(buttons[1]);
      await sendKeys({ press: 'ArrowDown' });
      expect(root(el).activeElement).to.equal(buttons[1 + columns]);
      await sendKeys({ press: 'End' });
      expect(root(el).activeElement).to.equal(buttons[buttons.length - 1]);
      expect(stops()).to.deep.equal([buttons[buttons.length - 1]]);
      await sendKeys({ press: 'Home' });
      expect(stops()).to.deep.equal([buttons[0]]);
    });
  });

  describe('emoji picker with data', () => {
    it('shows emoji-picker-element (lazily loaded) when its data loads, and inserts the clicked emoji', async () => {
      const data = [
        {
          annotation: 'grinning face',
          emoji: '😀',
          group: 0,
          order: 1,
          shortcodes: ['grinning'],
          tags: ['face', 'grin'],
          version: 1,
        },
        {
          annotation: 'thumbs up',
          emoji: '👍',
          group: 1,
          order: 2,
          shortcodes: ['thumbsup'],
          tags: ['thumbs', 'up'],
          version: 0.6,
        },
      ];
      const { store } = setup();
      const el = await render(store);
      el.emojiDataSource = `data:application/json,${encodeURIComponent(JSON.stringify(data))}`;
      button(el, 'Insert emoji')!.click();
      await waitUntil(() => root(el).querySelector('[role="dialog"] emoji-picker'), 'picker', { timeout: 5000 });
      const picker = root(el).querySelector('emoji-picker')!;
      picker.dispatchEvent(
        new CustomEvent('emoji-click', { detail: { unicode: '👍' }, bubbles: true, composed: true }),
      );
      await el.updateComplete;
      expect(store.state.drafts.get('c-emma')).to.equal('👍');
      expect(root(el).querySelector('.emoji-grid')).to.be.null;

      // The panel stays open in the store: the conversation's next composer (a pane switch) shows the picker again.
      const source = el.emojiDataSource;
      el.remove();
      const next = await render(store, 'c-emma', { emojiDataSource: source });
      expect(button(next, 'Insert emoji')!.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => root(next).querySelector('[role="dialog"] emoji-picker'), 'picker again', {
        timeout: 5000,
      });
      // Opened without the agent asking: focus stays where it was.
      expect(root(next).activeElement).to.be.null;
    });

    it('in Arabic, the picker’s own strings are Arabic; the emoji names stay English (no Arabic emoji data)', async () => {
      await loadLocale('ar');
      const data = [{ annotation: 'thumbs up', emoji: '👍', group: 1, order: 1, tags: ['thumbs'], version: 0.6 }];
      const { store } = setup();
      const el = await render(store);
      el.setAttribute('lang', 'ar');
      el.emojiDataSource = `data:application/json,${encodeURIComponent(JSON.stringify(data))}`;
      await el.updateComplete;
      button(el, 'إدراج رمز تعبيري')!.click();
      await waitUntil(() => root(el).querySelector('[role="dialog"] emoji-picker'), 'picker', { timeout: 5000 });
      const picker = root(el).querySelector('emoji-picker')!;
      expect(picker.i18n.searchLabel).to.equal('بحث');
      expect(picker.locale).to.equal('en');
      expect(picker.closest('[dir]')!.getAttribute('dir')).to.equal('rtl');
    });

    it('by default loads the emoji data shipped with agent-desk, from the page’s own origin (never a CDN)', async function () {
      // The real data (440 KB) is fetched and indexed: a loaded WebKit run took more than mocha's 10 s.
      this.timeout(40_000);
      const fetched: string[] = [];
      const fetch = window.fetch.bind(window);
      const stub = sinon.stub(window, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
        fetched.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      });
      try {
        const { store } = setup();
        const el = await render(store);
        expect(el.emojiDataSource).to.be.undefined;
        button(el, 'Insert emoji')!.click();
        await waitUntil(() => root(el).querySelector('[role="dialog"] emoji-picker'), 'picker', { timeout: 35_000 });
        expect(root(el).querySelector('.emoji-grid'), 'not the offline fallback').to.be.null;
        expect(fetched.some((url) => url.endsWith('/emoji-picker-element-data/en/emojibase/data.json'))).to.be.true;
        // (data: URLs are the earlier tests' own data, which their pickers may still check.)
        for (const url of fetched.filter((u) => !u.startsWith('data:')))
          expect(new URL(url, location.href).origin, url).to.equal(location.origin);
      } finally {
        stub.restore();
      }
    });
  });

  it('uses French names with lang="fr"', async () => {
    const { store } = setup();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr">
        <compose-area conversation-id="c-emma" .store=${store} .offers=${[{ id: 'o', title: 'Promo' }]}></compose-area>
      </div>`,
    );
    const el = wrapper.querySelector<ComposeArea>('compose-area')!;
    await el.updateComplete;
    expect(textbox(el)).to.exist;
    expect(button(el, 'Envoyer')).to.exist;
    expect(button(el, 'Envoyer un lien')).to.exist;
    expect(button(el, 'Envoyer une offre')).to.exist;
    expect(button(el, 'Insérer un emoji')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });
  it('in a narrow pane: short placeholder, hint off screen (still the description), icon-only Send, all tools reachable', async () => {
    const { store } = setup();
    const canned: CannedAnswer[] = [{ id: 'hi', title: 'Hello', text: 'Hello', scope: 'shared' }];
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 360px">
        <compose-area
          conversation-id="c-emma"
          .store=${store}
          .cannedAnswers=${canned}
          .uploader=${async () => ({ url: 'https://f.example/a' })}
        ></compose-area>
      </div>`,
    );
    const el = wrapper.querySelector('compose-area')!;
    await waitUntil(() => textbox(el).placeholder === 'Type a message…', 'short placeholder');
    const hint = root(el).querySelector<HTMLElement>('#hint')!;
    expect(textbox(el).getAttribute('aria-describedby')).to.contain('hint');
    expect(hint.textContent).to.contain('Enter to send');
    expect(hint.getBoundingClientRect().width).to.be.at.most(1);
    const send = button(el, 'Send')!;
    expect(root(el).querySelector<HTMLElement>('.send-label')!.getBoundingClientRect().width).to.equal(0);
    const box = el.getBoundingClientRect();
    for (const name of ['Insert emoji', 'Send a link', 'Attach a file']) {
      const rect = button(el, name)!.getBoundingClientRect();
      expect(rect.width, name).to.be.greaterThan(0);
      expect(rect.right, name).to.be.at.most(box.right);
    }
    expect(send.getBoundingClientRect().right).to.be.at.most(box.right);
    await expect(el).shadowDom.to.be.accessible();
    // Wide again: the full placeholder and the visible hint.
    wrapper.style.width = '720px';
    await waitUntil(() => textbox(el).placeholder === 'Type a message… (/ for canned answers)', 'full placeholder');
    await el.updateComplete;
    expect(hint.getBoundingClientRect().width).to.be.greaterThan(100);
  });
});
