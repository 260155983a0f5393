/** Entry of bench/index.html: exposes the scenarios to the runner (bench/run.mjs). */
import * as bench from './bench-page.js';

Object.assign(window, { bench, benchReady: true });
