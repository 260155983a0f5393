import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

export type ThreadPin = FlowLayout['pin'];

/** Pixels rendered above and below the viewport (the default 1,000 keeps too many rows in the DOM). */
const OVERHANG = 320;

/**
 * The thread's virtualizer layout: a flow layout with a smaller overhang (a 10,000-message thread
 * keeps a few dozen rows in the DOM) and a `threadPin` config entry that can also *clear* the pin,
 * which the stock `pin` config cannot (a `pin: undefined` would break it).
 */
export class ThreadLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG;
    this._itemSize = { width: 100, height: 64 };
  }

  set threadPin(pin: ThreadPin) {
    if (pin) this.pin = pin;
    else if (this._pin !== null) this.pin = null;
  }

  get threadPin(): ThreadPin {
    return this.pin;
  }
}

/** The virtualizer `layout` value for a thread. */
export function threadLayout(pin: ThreadPin): { type: typeof ThreadLayout; threadPin: ThreadPin } {
  return { type: ThreadLayout, threadPin: pin };
}
