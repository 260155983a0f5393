// Size budget of the core (agent-desk's main entry), minified + gzip (zlib level 9, per file, summed).
// Two figures:
//   own code  : our modules only; lit, rxjs, valibot… stay external, as in the published package.
//   with deps : everything the entry loads statically bundled in (what a page without a bundler pays).
// Lazily loaded parts (dynamic import(): the emoji picker, the virtualizer's layouts…) are listed
// apart and not counted. Budget: own code ≤ 30 KB gzip.
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
export const BUDGET_OWN_GZIP = 30 * 1024;
/**
 * The target above is not met (59.6 KB entry / 54.0 KB production app at the last measure): npm
 * test enforces these ceilings instead, so the bundle cannot grow unnoticed. Lower them as the size
 * drops; never raise them without saying why in the commit.
 */
export const CEILING_OWN_GZIP = 65.5 * 1024;
/**
 * The production app's ceiling. Issue 20's budget is 50 KB with every feature: NOT met. Measured
 * 58.6 KB after the architecture step (composer panels eager), the state box, the alerts menu (lazy),
 * several attachments and the WebSocket client's sequence rules; the ceiling holds today's figure
 * (+0.7 KB) so that the size cannot grow unnoticed. Lower it as the size drops.
 */
export const CEILING_APP_GZIP = 59.3 * 1024;
/** Parts loaded on demand (dynamic import): each must stay out of a production app's eager code. */
export const LAZY_PARTS = ['fr', 'demo-store', 'simulator', 'alerts-menu'];

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
const appEntry = {
  name: 'size-app-entry',
  resolveId: (id) => (id === APP ? id : null),
  load: (id) =>
    id === APP
      ? `import '${join(buildDir, 'define.js')}';\n` +
        `export { DeskStore, WebSocketTransport, IndexedDbOutbox } from '${join(buildDir, 'index.js')}';\n`
      : null,
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
  return { own, withDeps, app, budget: BUDGET_OWN_GZIP, withinBudget: own.gzip <= BUDGET_OWN_GZIP };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function describeSize({ own, withDeps, app, budget }) {
  return [
    `own code : ${kb(own.min)} min, ${kb(own.gzip)} gzip (budget ${kb(budget)} gzip) in ${own.files} file(s)`,
    `with deps: ${kb(withDeps.min)} min, ${kb(withDeps.gzip)} gzip in ${withDeps.files} file(s)`,
    `production app (define + DeskStore + WebSocketTransport + IndexedDbOutbox, tree-shaken), own code: ${kb(app.min)} min, ${kb(app.gzip)} gzip`,
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
