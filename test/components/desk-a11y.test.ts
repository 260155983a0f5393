import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { sendKeys, setViewport } from '../browser-commands.js';
import { backgroundBehind, contrast } from '../support/contrast.js';
import '../../src/define.js';
import type { ChatDesk } from '../../src/components/chat-desk/chat-desk.js';
import { loadLocale } from '../../src/i18n/strings.js';
import type { Layout } from '../../src/model/types.js';
import { DeskStore } from '../../src/store/desk-store.js';
import { demoFixtures } from '../../src/transport/demo-fixtures.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

/** One state of the assembled desk that axe checks. A new locale is one more entry (`lang`). */
interface DeskState {
  name: string;
  layout?: Layout;
  width?: number;
  height?: number;
  theme?: 'light' | 'dark';
  lang?: string;
  /** Puts the desk in the state (opens a drawer, a dialog…) once it is rendered. */
  act?: (el: ChatDesk) => Promise<void> | void;
}

function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** A button by its accessible name (aria-label, else its text without the parts hidden from assistive technology). */
function buttonNamed(el: ChatDesk, name: string): HTMLButtonElement {
  const button = deepAll<HTMLButtonElement>(el.shadowRoot!, 'button').find((candidate) => {
    const label = candidate.getAttribute('aria-label');
    if (label) return label === name;
    const clone = candidate.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return clone.textContent!.replace(/\s+/g, ' ').trim() === name;
  });
  if (!button) throw new Error(`no button ${name}`);
  return button;
}

/** The shortcuts dialog is loaded on first use: axe looks at it once it is open. */
async function openShortcuts(el: ChatDesk): Promise<void> {
  buttonNamed(el, 'Keyboard shortcuts').click();
  await waitUntil(() => el.shadowRoot!.querySelector('.shortcuts-dialog[open]'), 'the shortcuts dialog opens');
}

const STATES: DeskState[] = [
  { name: 'one pane' },
  { name: 'two panes', layout: 2 },
  { name: 'four panes', layout: 4 },
  { name: 'dark, two panes', layout: 2, theme: 'dark' },
  { name: 'French, two panes', layout: 2, lang: 'fr' },
  { name: 'Arabic (right to left), two panes', layout: 2, lang: 'ar' },
  { name: 'Arabic, narrow, dark', width: 320, height: 480, theme: 'dark', lang: 'ar' },
  { name: 'narrow (320 × 256)', width: 320, height: 256 },
  {
    name: 'narrow, conversation drawer open',
    width: 320,
    height: 480,
    act: (el) => buttonNamed(el, 'Conversations').click(),
  },
  {
    name: 'narrow, visitor drawer open, dark',
    width: 320,
    height: 480,
    theme: 'dark',
    act: (el) => buttonNamed(el, 'Visitor information').click(),
  },
  { name: 'keyboard shortcuts dialog', act: openShortcuts },
  { name: 'keyboard shortcuts dialog, dark', theme: 'dark', act: openShortcuts },
  { name: 'block dialog', act: (el) => buttonNamed(el, 'Block visitor').click() },
  { name: 'alerts menu', act: (el) => buttonNamed(el, 'Alerts').click() },
  { name: 'offline', act: () => transport.setOnline(false) },
];

let transport: MemoryTransport;

async function mount(state: Pick<DeskState, 'layout' | 'width' | 'height' | 'theme' | 'lang'>): Promise<ChatDesk> {
  const width = state.width ?? 1280;
  const height = state.height ?? 800;
  // WebKitGTK's window cannot be narrower than about 450 px: there the desk alone takes the width
  // asked (it measures itself, not the window).
  await setViewport({ width, height }).catch(() => setViewport({ width: Math.max(width, 480), height }));
  transport = new MemoryTransport({ fixtures: demoFixtures(new Date()), simulate: false });
  const store = new DeskStore({ transport, batching: 'sync' });
  const el = await fixture<ChatDesk>(
    html`<chat-desk
      style="display: block; width: ${width}px; height: ${height}px"
      .store=${store}
      layout=${state.layout ?? 1}
      theme=${state.theme ?? 'light'}
      lang=${state.lang ?? 'en'}
    ></chat-desk>`,
  );
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('chat-box'), 'a thread is shown');
  // The desk measures itself (drawers below 900 px) and the threads lay out over a few frames.
  if (width < 900) await waitUntil(() => el.shadowRoot!.querySelector('[data-narrow]'), 'narrow desk');
  for (let i = 0; i < 4; i += 1) await nextFrame();
  await el.updateComplete;
  return el;
}

describe('<chat-desk> accessibility (assembled desk)', () => {
  before(() => Promise.all([loadLocale('fr'), loadLocale('ar')]));
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  after(() => setViewport({ width: 800, height: 600 }));

  describe('axe finds nothing', () => {
    for (const state of STATES) {
      it(state.name, async () => {
        const el = await mount(state);
        await state.act?.(el);
        await el.updateComplete;
        await nextFrame();
        await expect(el).to.be.accessible();
      });
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`every focus indicator has at least 3:1 contrast against what is around it (${theme})`, async () => {
      const el = await mount({ layout: 2, theme });
      // Keyboard modality: programmatic focus after a key press shows :focus-visible.
      await sendKeys({ press: 'Shift' });
      const focusables = deepAll<HTMLElement>(
        el.shadowRoot!,
        'button:not([disabled]), a[href], input:not([disabled]), select, textarea:not([disabled]), [tabindex="0"]',
      ).filter((element) => element.getClientRects().length > 0 && !element.closest('[hidden], dialog:not([open])'));
      expect(focusables.length).to.be.greaterThan(20);
      const failures: string[] = [];
      for (const element of focusables) {
        element.focus();
        if (!element.matches(':focus-visible')) continue;
        // A visually hidden radio shows its ring on its label.
        const ringed = getComputedStyle(element).opacity === '0' ? element.closest('label')! : element;
        const style = getComputedStyle(ringed);
        const describe = `${element.localName}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}"`;
        if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
          failures.push(`${describe}: no 2px outline`);
          continue;
        }
        // The ring sits outside the control (positive offset) on what is behind it, or inside it.
        const behind =
          parseFloat(style.outlineOffset) < 0
            ? backgroundBehind(ringed)
            : backgroundBehind(ringed.parentElement ?? ringed);
        const ratio = contrast(style.outlineColor, behind);
        if (ratio < 3) failures.push(`${describe}: ${ratio.toFixed(2)}:1 (${style.outlineColor} on ${behind})`);
      }
      expect(failures).to.deep.equal([]);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`the message box's border has at least 3:1 contrast in the assembled desk (${theme})`, async () => {
      const el = await mount({ theme });
      const box = deepAll<HTMLTextAreaElement>(el.shadowRoot!, 'textarea[aria-label="Message"]')[0];
      const border = getComputedStyle(box).borderTopColor;
      expect(contrast(border, backgroundBehind(box.parentElement!))).to.be.at.least(3);
      expect(contrast(border, getComputedStyle(box).backgroundColor)).to.be.at.least(3);
    });
  }

  it('reflows at 320 × 256: one toolbar row, a usable thread, every toolbar button reachable', async () => {
    const el = await mount({ width: 320, height: 256 });
    const toolbar = el.shadowRoot!.querySelector<HTMLElement>('[part="toolbar"]')!;
    const buttons = [...toolbar.querySelectorAll<HTMLElement>('button, label.segment')].filter(
      (button) => button.getClientRects().length > 0,
    );
    expect(buttons.length).to.be.at.least(6);
    const middles = buttons.map((button) => {
      const box = button.getBoundingClientRect();
      return (box.top + box.bottom) / 2;
    });
    expect(Math.max(...middles) - Math.min(...middles), 'one row').to.be.below(4);
    // Everything fits in the row (Availability is an icon with its name, the channel chips are in its panel).
    expect(toolbar.scrollWidth, 'no sideways scrolling').to.be.at.most(toolbar.clientWidth + 1);
    // Every button lies within the desk (the test page's own margin puts the desk at x = 8).
    const desk = el.getBoundingClientRect();
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(box.left, 'inside the desk').to.be.at.least(desk.left - 0.5);
      expect(box.right, 'inside the desk').to.be.at.most(desk.right + 0.5);
    }
    const log = el.shadowRoot!.querySelector('chat-box')!.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;
    expect(log.getBoundingClientRect().height, 'the thread keeps a usable height').to.be.at.least(100);
    // The names stay when the words leave the screen.
    expect(() => buttonNamed(el, 'Conversations')).not.to.throw();
    expect(() => buttonNamed(el, 'Keyboard shortcuts')).not.to.throw();
  });
});
