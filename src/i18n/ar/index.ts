// Arabic: one lazily loaded chunk (see LOADERS in ../strings.ts), never part of an English page.
// Terms: see the glossary in docs/i18n.md.
import type { Strings } from '../strings.js';
import { a11y } from './a11y.js';
import { alerts } from './alerts.js';
import { common } from './common.js';
import { composer } from './composer.js';
import { desk } from './desk.js';
import { history } from './history.js';
import { handover } from './handover.js';
import { shift } from './shift.js';
import { stateBox } from './state-box.js';
import { thread } from './thread.js';
import { visitorPanel } from './visitor-panel.js';

export const strings: Strings = {
  common,
  thread,
  composer,
  stateBox,
  visitorPanel,
  desk,
  alerts,
  shift,
  history,
  handover,
  a11y,
};
