import { expect } from '@open-wc/testing';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { ThreadLayout, threadLayout, type ThreadFollow } from '../../src/components/chat-box/thread-layout.js';

/**
 * ThreadLayout subclasses the virtualizer's FlowLayout and reads and writes its protected members
 * (their names and meaning are not part of the virtualizer's public API). This canary fails loudly
 * when an upgrade of @lit-labs/virtualizer renames, removes or retypes one of them: then read the
 * new FlowLayout and adapt ThreadLayout (or implement the public `Layout` interface) before
 * changing the pinned version here.
 */
const PINNED_VERSION = '2.1.1';

type HostSink = ConstructorParameters<typeof FlowLayout>[0];
type LayoutHostMessage = Parameters<HostSink>[0];
/** How the virtualizer constructs a layout: with the config object given to `virtualize()`. */
type LayoutConstructor = new (sink: HostSink, config?: object) => ThreadLayout;

/** Instance fields ThreadLayout uses, with the type each must have on a fresh FlowLayout. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  _overhang: (value) => typeof value === 'number',
  _itemSize: (value) => isRecord(value) && typeof value['height'] === 'number' && typeof value['width'] === 'number',
  _pin: (value) => value === null,
  _scrollPosition: (value) => typeof value === 'number',
  _scrollSize: (value) => typeof value === 'number',
  _first: (value) => value === -1,
  _last: (value) => value === -1,
  _firstVisible: (value) => typeof value === 'number',
  _lastVisible: (value) => typeof value === 'number',
  _physicalMin: (value) => typeof value === 'number',
  _items: (value) => Array.isArray(value),
  _physicalItems: (value) => value instanceof Map,
  _newPhysicalItems: (value) => value instanceof Map,
  _anchorIdx: (value) => value === null,
  _anchorPos: (value) => value === null,
  _metricsCache: (value) =>
    isRecord(value) &&
    ['getChildSize', 'getMarginSize', 'update', 'clear'].every((name) => hasMethod(value, name)) &&
    ['averageChildSize', 'averageMarginSize'].every((name) => typeof value[name] === 'number'),
};

/** Methods ThreadLayout overrides or calls. */
const METHODS = [
  '_reflow',
  '_resetReflowState',
  '_getAnchor',
  '_getPhysicalItem',
  '_calculateError',
  'updateItemSizes',
  '_setItems',
  'unpin',
];

/** Accessors ThreadLayout reads (and writes, for `pin` and `config`). */
const ACCESSORS: Record<string, { get: boolean; set: boolean }> = {
  _viewDim1: { get: true, set: false },
  direction: { get: true, set: true },
  pin: { get: true, set: true },
  config: { get: true, set: true },
  items: { get: true, set: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasMethod(value: object, name: string): boolean {
  return typeof (value as Record<string, unknown>)[name] === 'function';
}

function accessor(name: string): PropertyDescriptor | undefined {
  for (let proto: object | null = FlowLayout.prototype; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

async function json(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, location.origin));
  expect(response.ok, `${path} is served`).to.be.true;
  return (await response.json()) as Record<string, unknown>;
}

describe('ThreadLayout (canary for the FlowLayout internals it uses)', () => {
  it(`runs on @lit-labs/virtualizer ${PINNED_VERSION}, pinned exactly`, async () => {
    const installed = await json('/node_modules/@lit-labs/virtualizer/package.json');
    expect(installed['version'], 'the installed virtualizer').to.equal(PINNED_VERSION);
    const ours = await json('/package.json');
    const dependencies = ours['dependencies'] as Record<string, string>;
    expect(dependencies['@lit-labs/virtualizer'], 'package.json pins it').to.equal(PINNED_VERSION);
  });

  it('finds every field it uses on a FlowLayout, with the expected type', () => {
    const layout = new FlowLayout(() => undefined) as unknown as Record<string, unknown>;
    for (const [name, expected] of Object.entries(FIELDS)) {
      expect(name in layout, `FlowLayout has ${name}`).to.be.true;
      expect(expected(layout[name]), `FlowLayout.${name} has the type ThreadLayout expects`).to.be.true;
    }
  });

  it('finds every method and accessor it uses on FlowLayout.prototype', () => {
    for (const name of METHODS) {
      expect(hasMethod(FlowLayout.prototype, name), `FlowLayout.prototype.${name}() exists`).to.be.true;
    }
    for (const [name, kinds] of Object.entries(ACCESSORS)) {
      const descriptor = accessor(name);
      expect(descriptor, `FlowLayout has the accessor ${name}`).to.exist;
      expect(!!descriptor!.get, `${name} has a getter`).to.equal(kinds.get);
      if (kinds.set) expect(!!descriptor!.set, `${name} has a setter`).to.be.true;
    }
  });

  it('behaves as ThreadLayout relies on: config assigns its entries, the pin is clamped, unpin() reports', async () => {
    const messages: LayoutHostMessage[] = [];
    let holding = true;
    const follow: ThreadFollow = { holdPin: () => holding, reflowed: () => undefined };
    const { type, ...config } = threadLayout('c-1|all', { index: 9, block: 'end' }, follow);
    const Layout: LayoutConstructor = type;
    const layout = new Layout((message) => messages.push(message), config);
    expect(layout).to.be.instanceOf(FlowLayout);
    // FlowLayout applies its config a microtask after construction (Object.assign of each entry).
    await Promise.resolve();
    expect(layout.follow).to.equal(follow);
    layout.items = Array.from({ length: 5 }, (_, index) => ({ type: 'day', key: `d:${index}`, at: '' }));
    expect(layout.pin, 'the pin is clamped to the last item').to.deep.equal({ index: 4, block: 'end' });
    // A scroll the agent did not make keeps the pin; theirs releases it, and the virtualizer hears of it.
    layout.unpin();
    expect(layout.pin).to.not.equal(null);
    holding = false;
    layout.unpin();
    expect(layout.pin).to.equal(null);
    expect(messages.map((message) => message.type)).to.include('unpinned');
    // `threadPin: null` clears the pin, which the stock `pin` config cannot.
    layout.threadPin = { index: 2, block: 'end' };
    layout.threadPin = null;
    expect(layout.threadPin).to.equal(null);
    // Another thread forgets what was measured of the previous one.
    layout.updateItemSizes({ 0: { width: 300, height: 500 }, 1: { width: 300, height: 500 } });
    const cache = (layout as unknown as Record<string, { getChildSize(index: number): number | undefined }>)[
      '_metricsCache'
    ];
    expect(cache.getChildSize(1)).to.equal(500);
    layout.thread = 'c-2|all';
    expect(cache.getChildSize(1)).to.equal(undefined);
    expect(new ThreadLayout(() => undefined)).to.be.instanceOf(FlowLayout);
  });
});

describe('ThreadLayout: a jump of several views away from the rendered rows', () => {
  interface Internals {
    _physicalItems: Map<number, { pos: number; size: number }>;
    _first: number;
    _last: number;
    _firstVisible: number;
    _lastVisible: number;
    _scrollPosition: number;
  }

  /**
   * 1,000 rows measured at 100 px, but the rows rendered (900–910) sit 5,000 px below 100 × their
   * index, as they do once sizes measured elsewhere have moved them; then the view jumps to
   * 3,000 px above them (a scrollbar drag, Page Up held, a script). Returns where the view ends up.
   */
  function jumpAbove(Layout: new (sink: HostSink) => FlowLayout) {
    const errors: number[] = [];
    const layout = new Layout((message) => {
      const error = (message as { scrollError?: { top?: number } }).scrollError?.top;
      if (error) errors.push(error);
    });
    layout.items = Array.from({ length: 1000 }, (_, index) => ({ type: 'day', key: `d:${index}`, at: '' }));
    layout.viewportSize = { width: 400, height: 600 };
    const sizes: Record<number, { width: number; height: number }> = {};
    for (let index = 0; index < 1000; index += 10) sizes[index] = { width: 400, height: 100 };
    layout.updateItemSizes(sizes);
    const internals = layout as unknown as Internals;
    internals._physicalItems = new Map(
      Array.from({ length: 11 }, (_, offset) => [900 + offset, { pos: 95_000 + offset * 100, size: 100 }]),
    );
    internals._first = 900;
    internals._last = 910;
    internals._firstVisible = 901;
    internals._lastVisible = 905;
    internals._scrollPosition = 95_100;
    layout.viewportScroll = { top: 92_000, left: 0 };
    layout.reflowIfNeeded(true);
    return { top: internals._scrollPosition, errors, first: internals._first, last: internals._last };
  }

  it('keeps the view where it jumped to: rows estimated from the nearest rendered one, no correction', () => {
    const { top, errors, first, last } = jumpAbove(ThreadLayout);
    expect(top).to.equal(92_000);
    expect(errors).to.deep.equal([]);
    // The rows around offset 92,000, counted from row 900 at 95,000: about 30 rows above it.
    expect(first).to.be.within(860, 875);
    expect(last).to.be.within(876, 890);
  });

  it('(the flow layout alone picks its row by offset ÷ average size, and moves the view back down to it)', () => {
    const { top, errors } = jumpAbove(FlowLayout);
    expect(top).to.be.above(92_000 + 1_000);
    expect(errors.length).to.be.above(0);
  });
});
