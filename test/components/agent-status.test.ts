import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../browser-commands.js';
import '../../src/define.js';
import type { AgentStatus } from '../../src/components/agent-status/agent-status.js';
import { ANNOUNCE_DELAY_MS, lastAnnouncement } from '../../src/components/shared/announcer.js';
import type { DeskAvailabilityChangeEvent } from '../../src/events.js';
import { loadLocale } from '../../src/i18n/strings.js';
import type { Fixtures } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';
import { backgroundBehind, contrast } from '../support/contrast.js';
import { conversation, iso, visitor } from '../model/builders.js';

/** Text without what is hidden from assistive technology (the icons). */
function spoken(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const by = element.getAttribute('aria-labelledby');
  if (by) return spoken((element.getRootNode() as ShadowRoot).getElementById(by)!);
  if (element instanceof HTMLInputElement) return spoken(element.closest('label')!);
  return spoken(element);
}

function roleOf(element: Element): string | null {
  if (element.getAttribute('role')) return element.getAttribute('role');
  if (element instanceof HTMLInputElement && element.type === 'radio') return 'radio';
  return element.tagName === 'BUTTON' ? 'button' : null;
}

function allByRole(root: ParentNode, role: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter((element) => roleOf(element) === role);
}

function byRole(root: ParentNode, role: string, name: string): HTMLElement {
  const found = allByRole(root, role).filter((element) => nameOf(element) === name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${name}, found ${found.length}`);
  return found[0];
}

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex Martin' },
    visitors: [visitor('v1'), visitor('v2'), visitor('v3')],
    conversations: [
      conversation('c1', { channel: 'chat', startedAt: iso(0) }),
      conversation('c2', { channel: 'chat', startedAt: iso(10) }),
      conversation('c3', { channel: 'whatsapp', startedAt: iso(20) }),
    ],
    messages: [],
    channels: [
      { channel: 'chat', availability: 'available', maxConversations: 3 },
      { channel: 'whatsapp', availability: 'available', maxConversations: 1 },
      { channel: 'email', availability: 'unavailable' },
    ],
  };
}

async function mount(lang = 'en') {
  const transport = new MemoryTransport({ fixtures: fixtures(), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync', draftStorage: null });
  const el = await fixture<AgentStatus>(html`<agent-status lang=${lang} .store=${store}></agent-status>`);
  await el.updateComplete;
  return { el, store, transport };
}

const root = (el: AgentStatus) => el.shadowRoot!;
const summary = (el: AgentStatus) => [...root(el).querySelectorAll('[part="summary"] li')].map(spoken);
const radioGroup = (el: AgentStatus, name: string) => byRole(root(el), 'radiogroup', name);
const checkedIn = (group: HTMLElement) =>
  allByRole(group, 'radio')
    .filter((radio) => (radio as HTMLInputElement).checked)
    .map(nameOf);

describe('<agent-status>', () => {
  it('shows the agent’s name and each channel’s status in text; a channel at its limit is Busy with the reason', async () => {
    const { el } = await mount();
    expect(byRole(root(el), 'group', 'Alex Martin’s availability')).to.exist;
    expect(spoken(root(el).querySelector('.name')!)).to.equal('Alex Martin');
    expect(summary(el)).to.deep.equal([
      'Live chat: Available',
      'WhatsApp: Busy (Limit reached (1/1))',
      'Email: Unavailable',
    ]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('colours keep AA contrast and never stand alone (each status has its own icon)', async () => {
    const { el } = await mount();
    const items = [...root(el).querySelectorAll<HTMLElement>('[part="summary"] li')];
    const icons = items.map((item) => item.querySelector('.badge')!.textContent!.trim());
    expect(new Set(icons).size).to.equal(3);
    for (const item of items) {
      const status = item.querySelector<HTMLElement>('.status')!;
      expect(contrast(getComputedStyle(status).color, backgroundBehind(status))).to.be.at.least(4.5);
    }
  });

  it('"Availability" opens a panel of radio groups: "All channels", then one per channel', async () => {
    const { el } = await mount();
    const button = byRole(root(el), 'button', 'Availability');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const groups = allByRole(root(el), 'radiogroup').map(nameOf);
    expect(groups).to.deep.equal(['All channels', 'Live chat', 'WhatsApp', 'Email']);
    for (const name of groups) {
      expect(allByRole(radioGroup(el, name), 'radio').map(nameOf)).to.deep.equal(['Available', 'Busy', 'Unavailable']);
    }
    // The agent chose Available on WhatsApp: that stays checked; the limit is the group's description.
    const whatsapp = radioGroup(el, 'WhatsApp');
    expect(checkedIn(whatsapp)).to.deep.equal(['Available']);
    expect(root(el).getElementById(whatsapp.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Busy: Limit reached (1/1)',
    );
    expect(checkedIn(radioGroup(el, 'All channels'))).to.deep.equal([]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('choosing a radio fires desk-availability-change, then sets the store (and is announced)', async () => {
    const { el, store, transport } = await mount();
    byRole(root(el), 'button', 'Availability').click();
    await el.updateComplete;
    const fired = oneEvent(el, 'desk-availability-change') as Promise<DeskAvailabilityChangeEvent>;
    (byRole(radioGroup(el, 'Live chat'), 'radio', 'Busy') as HTMLInputElement).click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ channel: 'chat', availability: 'busy' });
    expect(event.cancelable).to.equal(true);
    expect(transport.sent.at(-1)).to.deep.equal({ type: 'availability', channels: ['chat'], availability: 'busy' });
    await el.updateComplete;
    expect(summary(el)[0]).to.equal('Live chat: Busy');
    expect(store.state.channels[0].availability).to.equal('busy');
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement()).to.contain('Live chat is now Busy');
  });

  it('"All channels" sets every channel; preventDefault() leaves them as they were', async () => {
    const { el, transport } = await mount();
    byRole(root(el), 'button', 'Availability').click();
    await el.updateComplete;
    el.addEventListener('desk-availability-change', (event) => event.preventDefault(), { once: true });
    const allBusy = byRole(radioGroup(el, 'All channels'), 'radio', 'Busy') as HTMLInputElement;
    allBusy.click();
    await el.updateComplete;
    expect(allBusy.checked).to.equal(false);
    expect(transport.sent.some((command) => command.type === 'availability')).to.equal(false);

    const fired = oneEvent(el, 'desk-availability-change') as Promise<DeskAvailabilityChangeEvent>;
    (byRole(radioGroup(el, 'All channels'), 'radio', 'Unavailable') as HTMLInputElement).click();
    expect((await fired).detail).to.deep.equal({ channel: null, availability: 'unavailable' });
    await el.updateComplete;
    expect(summary(el)).to.deep.equal(['Live chat: Unavailable', 'WhatsApp: Unavailable', 'Email: Unavailable']);
    expect(checkedIn(radioGroup(el, 'All channels'))).to.deep.equal(['Unavailable']);
  });

  it('arrow keys move within a group; Escape closes the panel and returns focus to the button', async () => {
    const { el, transport } = await mount();
    const button = byRole(root(el), 'button', 'Availability');
    button.focus();
    button.click();
    await el.updateComplete;
    await aTimeout(0);
    // Focus goes into "All channels" (no radio checked there: the channels differ), on its first radio.
    const active = root(el).activeElement!;
    expect(nameOf(active)).to.equal('Available');
    expect(nameOf(active.closest('[role="radiogroup"]')!)).to.equal('All channels');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(transport.sent.at(-1)).to.deep.equal({
      type: 'availability',
      channels: ['chat', 'whatsapp', 'email'],
      availability: 'busy',
    });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(button);
    expect(root(el).querySelector('[role="radiogroup"]')).to.equal(null);
  });

  it('auto-busy follows the conversations and is announced; back to Available when one ends', async () => {
    const { el, transport } = await mount();
    transport.emit({ type: 'conversation.upserted', conversation: conversation('c4', { channel: 'chat' }) });
    await el.updateComplete;
    expect(summary(el)[0]).to.equal('Live chat: Busy (Limit reached (3/3))');
    await aTimeout(ANNOUNCE_DELAY_MS + 50);
    expect(lastAnnouncement()).to.contain('Live chat is now Busy: Limit reached (3/3)');
    transport.emit({ type: 'conversation.closed', conversationId: 'c1', at: iso(90) });
    await el.updateComplete;
    expect(summary(el)[0]).to.equal('Live chat: Available');
  });

  it('takes agent.updated from the server', async () => {
    const { el, transport } = await mount();
    transport.emit({ type: 'agent.updated', channels: [{ channel: 'email', availability: 'available' }] });
    await el.updateComplete;
    expect(summary(el)[2]).to.equal('Email: Available');
  });

  it('speaks French', async () => {
    await loadLocale('fr');
    const { el } = await mount('fr');
    expect(byRole(root(el), 'button', 'Disponibilité')).to.exist;
    expect(summary(el)[1]).to.equal('WhatsApp : Occupé (Limite atteinte (1/1))');
  });

  it('compact, in too little room: each chip shows whole or not at all; a first chip too wide alone is shortened', async () => {
    const { el } = await mount();
    el.compact = true;
    el.style.width = '330px';
    await el.updateComplete;
    const box = root(el).querySelector('[part="summary"]')!.getBoundingClientRect();
    const chips = [...root(el).querySelectorAll<HTMLElement>('[part="summary"] li')];
    const inside = (chip: HTMLElement) => {
      const r = chip.getBoundingClientRect();
      return (
        r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5
      );
    };
    const outside = (chip: HTMLElement) => {
      const r = chip.getBoundingClientRect();
      return (
        r.top >= box.bottom - 0.5 || r.bottom <= box.top + 0.5 || r.right <= box.left + 0.5 || r.left >= box.right - 0.5
      );
    };
    expect(chips.filter(inside).length, 'some chips shown').to.be.greaterThan(0);
    expect(chips.filter(outside).length, 'some chips given way').to.be.greaterThan(0);
    for (const chip of chips) expect(inside(chip) || outside(chip), spoken(chip)).to.be.true;
    // Every channel stays in the accessible tree (the panel lists them too).
    expect(summary(el)).to.have.length(3);

    el.style.width = '210px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const first = chips[0];
    const name = first.querySelector<HTMLElement>('.chip-name')!;
    const narrow = root(el).querySelector('[part="summary"]')!.getBoundingClientRect();
    expect(first.getBoundingClientRect().right).to.be.at.most(narrow.right + 0.5);
    expect(first.getBoundingClientRect().left).to.be.at.least(narrow.left - 0.5);
    expect(name.scrollWidth, 'the name is shortened').to.be.greaterThan(name.clientWidth);
    expect(getComputedStyle(name).textOverflow).to.equal('ellipsis');
  });

  it('without a store renders an accessible placeholder', async () => {
    const el = await fixture<AgentStatus>(html`<agent-status></agent-status>`);
    expect(root(el).querySelector('[role="status"]')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });
});
