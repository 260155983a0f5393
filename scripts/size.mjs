// Size budgets, minified + gzip (zlib level 9, per file, summed), of what a page loads up front:
//   production app, own code : every element, DeskStore, WebSocketTransport, IndexedDbOutbox,
//                              tree-shaken; lit, rxjs, valibot… external           ≤ 50 KB
//   production app, with deps: the same with every dependency bundled in          ≤ 60 KB
//   <chat-box> app, with deps: only <chat-box> + DeskStore + WebSocketTransport   ≤ 35 KB
// (issue 20: the 30 KB target for the whole entry is withdrawn; the entry is still measured, with a
// regression ceiling.) Lazily loaded parts (dynamic import(): the emoji picker, a locale…) are
// listed apart and not counted. Exits 1 when a budget is missed.
//
//   node scripts/size.mjs [--json] [--modules] [--build DIR]
//     --modules  also lists what each of our modules adds to the production app (gzip of the module
//                minified alone: the sum overstates the bundle, the order is what matters)
//     --build    compiled tsc output to measure (default build/, from `npm run build` or
//                `tsc -p tsconfig.build.json`; another DIR lets parallel checkouts measure without
//                touching build/)
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minify } from 'terser';
import { minifyLiterals } from './rollup-minify-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildFlag = process.argv.indexOf('--build');
const buildDir = buildFlag > 0 ? process.argv[buildFlag + 1] : join(root, 'build');
/**
 * The whole entry's regression ceiling (66.0 KB measured on 2026-12-03, +0.5 KB; then 71.5 KB with
 * issue 16's <agent-status> and co-browsing lifecycle, +5.5 KB; 75.0 KB with issue 18's thread v2;
 * 81.5 KB with issue 16's transfer and end dialogs; 84.1 KB with
 * issue 19's accessibility (the thread's announcements, headings, the keyboard shortcuts dialog, the
 * `a11y` strings), +0.5 KB; 83.1 KB once issue 20 loaded the Transfer, End and shortcuts dialogs on
 * first use; 83.6 KB with the emoji data's time limit, the thread's anchor after a long jump and a
 * server copy keeping its place, 83.1 KB measured): npm test fails when it grows past it.
 * Lower it as the size drops; never raise it without saying why in the commit.
 */
export const CEILING_OWN_GZIP = 83.6 * 1024;
/** The production app's budget (issue 20: the 30 KB target is withdrawn; every feature included). */
export const CEILING_APP_GZIP = 50 * 1024;
/** The same production app with Lit, RxJS and every dependency bundled in, paid up front (issue 20). */
export const CEILING_APP_WITH_DEPS_GZIP = 60 * 1024;
/** An app that uses only `<chat-box>` + the store + the WebSocket transport, dependencies included (issue 20). */
export const CEILING_CHAT_BOX_APP_WITH_DEPS_GZIP = 35 * 1024;
/**
 * Regression ceilings for the issue-20 budgets that are missed today (figures of 2026-12-03 after
 * the architecture step, the state box, alerts, several attachments, the WebSocket client's sequence
 * rules and the fast message validator: 59.7, 82.6 and 55.7 KB; +0.5 KB headroom): npm test fails when a bundle grows past them, and reports each
 * missed budget (as a TODO) until it is met. Lower them as the size drops; never raise them without
 * saying why.
 */
// Issue 16 (availability per channel in every desk's toolbar, the co-browsing lifecycle in every
// thread) then took them to 65.2, 88.4 and 59.0 KB; issue 18 (thread v2) to 68.5, 91.7 and 62.2 KB;
// issue 16's transfer and end dialogs (in every thread) to 74.2, 97.5 and 68.2 KB; issue 19
// (accessibility: announcements, headings at `heading-level`, the shortcuts dialog, the `a11y`
// strings) to 76.8, 99.9 and 69.4 KB. Issue 20 (size) loaded the Transfer and End dialogs and the
// shortcuts dialog on first use: 75.1, 98.5 and 68.1 KB. Three fixes of 2026-12-04 (the emoji data's
// time limit, the thread's anchor after a jump of several views, a server copy keeping its place):
// 75.7, 99.0 and 68.4 KB.
export const REGRESSION_CEILINGS = {
  app: 76.2 * 1024,
  appWithDeps: 99.5 * 1024,
  chatBoxAppWithDeps: 68.9 * 1024,
};
/** Parts loaded on demand (dynamic import): each must stay out of a production app's eager code. */
export const LAZY_PARTS = [
  'fr',
  'ar',
  'demo-store',
  'simulator',
  'alerts-menu',
  'handover-dialogs',
  'shortcuts-dialog',
];

const DEPENDENCIES = /^(lit|@lit|@lit-labs|rxjs|valibot|idb|emoji-picker-element|tslib)(\/|$)/;
const REACT = /^(react|react-dom)(\/|$)/;

/** Names of the chunks reachable from the entry through static imports: paid up front. */
function eagerChunks(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const eager = new Set();
  const visit = (name) => {
    if (eager.has(name) || !byName.has(name)) return;
    eager.add(name);
    for (const dep of byName.get(name).imports) visit(dep);
  };
  visit(chunks.find((chunk) => chunk.isEntry).fileName);
  return eager;
}

async function measure(input, { bundleDependencies, extraPlugins = [] }) {
  const bundle = await rollup({
    input,
    external: (id) => REACT.test(id) || (!bundleDependencies && DEPENDENCIES.test(id)),
    plugins: [
      ...extraPlugins,
      minifyLiterals(),
      nodeResolve({
        browser: true,
        exportConditions: ['es2015', 'browser', 'module', 'import', 'default'],
        // A --build directory outside the checkout still resolves lit, rxjs… from ours.
        modulePaths: [join(root, 'node_modules')],
      }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const eager = eagerChunks([...chunks.values()]);
  const size = (names) =>
    [...names].reduce(
      (sum, name) => {
        const code = Buffer.from(chunks.get(name).code);
        return { min: sum.min + code.length, gzip: sum.gzip + gzipSync(code, { level: 9 }).length };
      },
      { min: 0, gzip: 0 },
    );
  const lazy = [...chunks.keys()].filter((name) => !eager.has(name));
  return { ...size(eager), files: eager.size, lazy: { ...size(lazy), files: lazy } };
}

/** A production page: every element registered, the store on a WebSocket with the IndexedDB outbox. */
const APP = '\0size-app-entry';
/** A page with one `<chat-box>` (given its store directly), the store and the WebSocket transport. */
const CHAT_BOX_APP = '\0size-chat-box-app-entry';
const ENTRIES = {
  [APP]: () =>
    `import '${join(buildDir, 'define.js')}';\n` +
    `export { DeskStore, WebSocketTransport, IndexedDbOutbox } from '${join(buildDir, 'index.js')}';\n`,
  [CHAT_BOX_APP]: () =>
    `import { ChatBox } from '${join(buildDir, 'components/chat-box/chat-box.js')}';\n` +
    `customElements.define('chat-box', ChatBox);\n` +
    `export { DeskStore } from '${join(buildDir, 'store/desk-store.js')}';\n` +
    `export { WebSocketTransport } from '${join(buildDir, 'transport/websocket-transport.js')}';\n`,
};
const appEntry = {
  name: 'size-app-entry',
  resolveId: (id) => (id in ENTRIES ? id : null),
  load: (id) => (id in ENTRIES ? ENTRIES[id]() : null),
};

/**
 * Measures build/index.js (the whole `agent-desk` entry, what the budget applies to) and, for
 * information, a tree-shaken production app (define + DeskStore + WebSocketTransport + IndexedDbOutbox).
 */
export async function measureCore() {
  const input = join(buildDir, 'index.js');
  if (!existsSync(input)) throw new Error(`${input} is missing: run \`npm run build\` first`);
  const own = await measure(input, { bundleDependencies: false });
  const withDeps = await measure(input, { bundleDependencies: true });
  const app = await measure(APP, { bundleDependencies: false, extraPlugins: [appEntry] });
  const appWithDeps = await measure(APP, { bundleDependencies: true, extraPlugins: [appEntry] });
  const chatBoxAppWithDeps = await measure(CHAT_BOX_APP, { bundleDependencies: true, extraPlugins: [appEntry] });
  return {
    own,
    withDeps,
    app,
    appWithDeps,
    chatBoxAppWithDeps,
    withinBudget:
      app.gzip <= CEILING_APP_GZIP &&
      appWithDeps.gzip <= CEILING_APP_WITH_DEPS_GZIP &&
      chatBoxAppWithDeps.gzip <= CEILING_CHAT_BOX_APP_WITH_DEPS_GZIP,
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function describeSize({ own, withDeps, app, appWithDeps, chatBoxAppWithDeps }) {
  return [
    `whole entry, own code : ${kb(own.min)} min, ${kb(own.gzip)} gzip in ${own.files} file(s)`,
    `whole entry, with deps: ${kb(withDeps.min)} min, ${kb(withDeps.gzip)} gzip in ${withDeps.files} file(s)`,
    `production app (define + DeskStore + WebSocketTransport + IndexedDbOutbox, tree-shaken), own code: ${kb(app.min)} min, ${kb(app.gzip)} gzip (budget ${kb(CEILING_APP_GZIP)})`,
    `production app with lit, rxjs and every dependency, up front: ${kb(appWithDeps.min)} min, ${kb(appWithDeps.gzip)} gzip (budget ${kb(CEILING_APP_WITH_DEPS_GZIP)})`,
    `<chat-box> + DeskStore + WebSocketTransport with every dependency, up front: ${kb(chatBoxAppWithDeps.min)} min, ${kb(chatBoxAppWithDeps.gzip)} gzip (budget ${kb(CEILING_CHAT_BOX_APP_WITH_DEPS_GZIP)})`,
    `lazy (not counted): own ${kb(own.lazy.gzip)} gzip in ${own.lazy.files.length} chunk(s); with deps ${kb(withDeps.lazy.gzip)} gzip in ${withDeps.lazy.files.length} chunk(s)`,
  ].join('\n');
}

/** What each of our modules costs in the production app, eager ones first, largest first. */
export async function measureModules() {
  const bundle = await rollup({
    input: APP,
    external: (id) => REACT.test(id) || DEPENDENCIES.test(id),
    plugins: [appEntry, minifyLiterals(), nodeResolve({ browser: true })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = output.filter((item) => item.type === 'chunk');
  const eager = eagerChunks(chunks);
  const rows = [];
  for (const chunk of chunks) {
    for (const [id, module] of Object.entries(chunk.modules)) {
      if (!module.code) continue;
      // Alone, a module's declarations look unused: keep them (toplevel off) so its real cost shows.
      const { code = '' } = await minify(module.code, { ecma: 2020, toplevel: false, compress: { unused: false } });
      rows.push({
        module: id.startsWith(buildDir) ? id.slice(buildDir.length + 1) : id,
        eager: eager.has(chunk.fileName),
        gzip: gzipSync(code, { level: 9 }).length,
      });
    }
  }
  return rows.sort((a, b) => Number(b.eager) - Number(a.eager) || b.gzip - a.gzip);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureCore();
  console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : describeSize(result));
  if (process.argv.includes('--modules')) {
    for (const { module, eager, gzip } of await measureModules()) {
      console.log(`${String(gzip).padStart(6)} B  ${eager ? 'eager' : 'lazy '}  ${module}`);
    }
  }
  process.exit(result.withinBudget ? 0 : 1);
}
