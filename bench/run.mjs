#!/usr/bin/env node
/**
 * npm run bench — measures agent-desk in headless Chromium against its performance budgets,
 * side by side, in the same run and on the same data, with
 *   - the REFERENCE (bench/reference-thread.ts): a bare virtualize() + flow() thread with plain
 *     rows, no store and no validation — the limit; <chat-box> is budgeted as a ratio of it;
 *   - the naive list (bench/naive-thread.ts): every message rendered with `repeat`.
 *
 * Rules, so the table cannot flatter: each run is a fresh page; every figure is read from one run
 * (derived figures inside that run) and then the median is taken over runs; ratios are taken run by
 * run (same round) and then their median; a run that errors or times out counts as a miss (+∞ in
 * the median, and the row fails), never dropped; render and burst are timed until the view is
 * settled (no movement for SETTLED_FRAMES frames), not at the first frame showing the newest message.
 *
 *   node bench/run.mjs [--only=render,burst,stream,panes,scroll,soak,bundle] [--runs=3] [--quick]
 *   node bench/run.mjs --only=server [--connections=50] [--rate=20] [--seconds=30]  (bench/server.mjs)
 *                      [--profile] [--skip-build] [--impl=…] [--port=5290]
 *
 * --quick      small sizes (debugging the harness; budgets are not meaningful then)
 * --profile    one more, unmeasured run of <chat-box> per scenario under the CPU profiler: where the
 *              time goes (self time by function and file, forced layouts by caller) is printed
 *              and the .cpuprofile files are kept in $TMPDIR/agent-desk-bench/
 * --skip-build bundle size from the existing dist/ (otherwise `npm run build` runs first)
 * --impl=chat-box|reference|baseline  only one side (debugging; no ratios)
 * --markdown   print the last bench/results.json as a Markdown table (for the README) and exit
 * --no-trace   no Chrome trace of the measured phases (then no CPU-time task figures)
 *
 * Prints a table (metric, value, budget, reference, ratio, naive, ratio, result), writes bench/results.json and
 * exits 1 when a budget is missed (2 when the harness itself failed).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const ALL = ['render', 'burst', 'stream', 'panes', 'scroll', 'soak', 'bundle'];
const only = args.only ? String(args.only).split(',') : ALL;
if (only.includes('server')) {
  // The reference server (2 instances on one PostgreSQL): its own run, table and budgets, in bench/server.mjs.
  const { runServerBench } = await import('./server.mjs');
  process.exit(await runServerBench(args));
}
const quick = !!args.quick;
const runCount = Number(args.runs ?? (quick ? 1 : 3));
const port = Number(args.port ?? 5290);
const profileDir = path.join(os.tmpdir(), 'agent-desk-bench');
const MB = 1024 * 1024;

const sizes = quick
  ? {
      render: 2_000,
      burstInitial: 200,
      burst: 200,
      streamMs: 2_000,
      panes: 1_000,
      panesLoadMs: 2_000,
      switches: 3,
      scroll: 2_000,
      archived: 200,
      soakSimulatedMs: 60_000,
    }
  : {
      render: 10_000,
      burstInitial: 1_000,
      burst: 1_000,
      streamMs: 10_000,
      panes: 5_000,
      panesLoadMs: 8_000,
      switches: 8,
      scroll: 10_000,
      archived: 1_000,
      soakSimulatedMs: 10 * 60_000,
    };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--enable-precise-memory-info',
  // Measure what a visible tab does: no throttling of timers or frames in the headless window.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

// ---- helpers ------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fmt = (value, unit = 'ms') => {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (value === Number.POSITIVE_INFINITY) return 'never';
  if (unit === 'MB') return `${(value / MB).toFixed(2)} MB`;
  if (unit === 'KB') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return `${Math.round(value * 10) / 10} ms`;
  if (unit === '') return String(Math.round(value * 10) / 10);
  return `${Math.round(value * 10) / 10} ${unit}`;
};

function git(...command) {
  try {
    return execFileSync('git', command, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Self time per function and per file of a CDP CPU profile, plus who triggered the time spent in
 * native DOM calls (getBoundingClientRect, scrollTop… are where forced layouts show up).
 */
function summarizeProfile(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (callFrame) => {
    const file = callFrame.url ? callFrame.url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '') : '';
    return {
      file,
      key: `${callFrame.functionName || '(anonymous)'} ${file ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim(),
    };
  };
  const self = new Map();
  const byFile = new Map();
  const nativeBy = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt);
  for (let i = 0; i < samples.length; i += 1) {
    const node = nodes.get(samples[i]);
    const dt = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    const { file, key } = label(node.callFrame);
    add(self, key, dt);
    add(byFile, file || node.callFrame.functionName || '(native)', dt);
    if (!file && !node.callFrame.functionName.startsWith('(')) {
      // A native call: charge it to the nearest script frame that made it.
      let up = parent.get(node.id);
      while (up !== undefined && !nodes.get(up).callFrame.url) up = parent.get(up);
      const caller = up === undefined ? '(unknown)' : label(nodes.get(up).callFrame).key;
      add(nativeBy, `${node.callFrame.functionName} ← ${caller}`, dt);
    }
  }
  const sort = (map, n = top) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
  // The longest busy stretch (no idle sample): the worst frame, and what it was made of.
  let best = { ms: 0, from: 0, to: 0 };
  let start = 0;
  let busy = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const idle = nodes.get(samples[i]).callFrame.functionName === '(idle)';
    if (idle) {
      if (busy > best.ms) best = { ms: busy, from: start, to: i };
      busy = 0;
      start = i + 1;
    } else busy += (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
  }
  if (busy > best.ms) best = { ms: busy, from: start, to: samples.length };
  const worst = new Map();
  for (let i = best.from; i < best.to; i += 1) {
    const node = nodes.get(samples[i]);
    let key = label(node.callFrame).key;
    if (!node.callFrame.url && !node.callFrame.functionName.startsWith('(')) {
      let up = parent.get(node.id);
      while (up !== undefined && !nodes.get(up).callFrame.url) up = parent.get(up);
      if (up !== undefined) key = `${node.callFrame.functionName} ← ${label(nodes.get(up).callFrame).key}`;
    }
    add(worst, key, (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000);
  }
  return {
    functions: sort(self),
    files: sort(byFile),
    nativeCalls: sort(nativeBy),
    worstStretch: { ms: Math.round(best.ms * 10) / 10, functions: sort(worst, 10) },
  };
}

// ---- bundle ------------------------------------------------------------------------------------

/** Files `entry` imports statically (relative imports only; dependencies are external). */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    // Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` (not `import("./x.js")`).
    for (const match of code.matchAll(
      /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      visit(path.resolve(path.dirname(file), match[1]));
    }
  };
  visit(entry);
  return [...seen];
}

async function bundle() {
  const result = { files: [], minBytes: 0, gzipBytes: 0 };
  if (!args['skip-build']) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) {
      result.error = `npm run build failed: ${(build.stdout + build.stderr).trim().split('\n').slice(-8).join('\n')}`;
      return result;
    }
  }
  const entry = path.join(root, 'dist/index.js');
  if (!fs.existsSync(entry)) {
    result.error = 'dist/index.js missing';
    return result;
  }
  // The size script, in a process of its own (the same numbers as `node scripts/size.mjs` and npm
  // test: in this process, Vite's production settings change how dependencies resolve).
  const sizeScript = path.join(root, 'scripts/size.mjs');
  if (fs.existsSync(sizeScript)) {
    const run = spawnSync(process.execPath, [sizeScript, '--json'], { cwd: root, encoding: 'utf8' });
    try {
      const core = JSON.parse(run.stdout);
      return {
        source: 'scripts/size.mjs',
        files: core.own.files,
        minBytes: core.own.min,
        gzipBytes: core.own.gzip,
        withDeps: { minBytes: core.withDeps.min, gzipBytes: core.withDeps.gzip },
        lazyGzipBytes: core.own.lazy.gzip,
        app: core.app,
        appWithDeps: core.appWithDeps,
        chatBoxAppWithDeps: core.chatBoxAppWithDeps,
      };
    } catch (error) {
      result.sizeScriptError = `${String(error)}: ${(run.stdout + run.stderr).trim().split('\n').slice(-5).join('\n')}`;
    }
  }
  result.source = 'dist/index.js + static imports';
  for (const file of staticGraph(entry)) {
    const code = fs.readFileSync(file);
    const gzip = gzipSync(code, { level: 9 }).length;
    result.files.push(path.relative(root, file));
    result.minBytes += code.length;
    result.gzipBytes += gzip;
  }
  // For information: the same entry with its dependencies bundled in (lit, rxjs, virtualizer, valibot…).
  try {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const terser = (await import('@rollup/plugin-terser')).default;
    const build = await rollup({
      input: path.join(root, 'build/index.js'),
      plugins: [
        nodeResolve({ browser: true, exportConditions: ['es2015', 'browser', 'module', 'import', 'default'] }),
        terser({ ecma: 2020, module: true, format: { comments: false } }),
      ],
      onwarn: () => {},
    });
    const { output } = await build.generate({ format: 'es', inlineDynamicImports: false });
    await build.close();
    const entryChunk = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
    const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
    const seen = new Set();
    const walk = (chunk) => {
      if (!chunk || seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const name of chunk.imports) walk(chunks.get(name));
    };
    walk(entryChunk);
    result.withDeps = { minBytes: 0, gzipBytes: 0 };
    for (const name of seen) {
      const code = chunks.get(name).code;
      result.withDeps.minBytes += Buffer.byteLength(code);
      result.withDeps.gzipBytes += gzipSync(code, { level: 9 }).length;
    }
  } catch (error) {
    result.withDepsError = String(error);
  }
  return result;
}

// ---- browser scenarios --------------------------------------------------------------------------

let server;
let browser;
let baseUrl;
const pageProblems = [];
const profiles = [];

async function start() {
  const { createServer } = await import('vite');
  server = await createServer({
    configFile: path.join(root, 'vite.config.mjs'),
    root,
    cacheDir: path.join(root, 'node_modules/.vite-bench'),
    logLevel: 'warn',
    clearScreen: false,
    // Production builds of lit & co (no dev-mode checks), no HMR, no file watching mid-run.
    mode: 'production',
    resolve: { conditions: ['module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    optimizeDeps: { entries: ['bench/index.html'] },
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null, open: false },
  });
  await server.listen();
  baseUrl = `http://127.0.0.1:${port}/bench/index.html`;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  // Warm up: let Vite transform and pre-bundle everything once, outside any measurement.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 120_000 });
  await context.close();
}

async function stop() {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}

/** Phases traced in measured runs, for the main thread's task durations in CPU time. */
const TRACED = new Set(['snapshot', 'burst', 'stream', 'panes-mount', 'panes-load', 'scroll']);

/**
 * Longest main-thread task of the page's renderer, in wall-clock time and in thread CPU time.
 * On a machine shared with other jobs the wall-clock figure also holds the time the OS gave
 * the CPU to someone else; the CPU figure is the work the page itself did.
 */
function analyzeTrace(events) {
  const main = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.set(`${e.pid}:${e.tid}`, 0);
  }
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`),
  );
  const fallback = tasks.length
    ? tasks
    : events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`));
  let wall = 0;
  let cpu = 0;
  let over50 = 0;
  let totalCpu = 0;
  for (const task of fallback) {
    wall = Math.max(wall, (task.dur ?? 0) / 1000);
    cpu = Math.max(cpu, (task.tdur ?? 0) / 1000);
    totalCpu += (task.tdur ?? 0) / 1000;
    if ((task.tdur ?? 0) > 50_000) over50 += 1;
  }
  return {
    tasks: fallback.length,
    longestTaskWallMs: Math.round(wall * 10) / 10,
    longestTaskCpuMs: Math.round(cpu * 10) / 10,
    totalCpuMs: Math.round(totalCpu * 10) / 10,
    tasksOver50CpuMs: over50,
  };
}

async function readStream(cdp, handle) {
  let data = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(data);
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Runs one scenario in a fresh page (fresh heap), with CDP hooks for heap, metrics, traces and profiles. */
let activeContext;
async function inPage(scenario, options, { profile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  activeContext = context;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  await page.exposeFunction('__benchHeap', async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
  });
  await page.exposeFunction('__benchMetrics', async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const pick = {};
    for (const { name, value } of metrics) {
      if (name === 'ScriptDuration') pick.script = value * 1000;
      if (name === 'LayoutDuration') pick.layout = value * 1000;
      if (name === 'RecalcStyleDuration') pick.style = value * 1000;
      if (name === 'TaskDuration') pick.task = value * 1000;
    }
    return pick;
  });
  await page.exposeFunction('__benchDetached', async () => {
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('DOM.enable');
      const { detachedNodes: all } = await cdp.send('DOM.getDetachedDomNodes');
      // Lit keeps one <template> per html`` literal in the code (its template cache, bounded, by
      // design): those are not leaks. Any other detached tree is.
      const detachedNodes = all.filter((d) => d.treeNode?.nodeName !== 'TEMPLATE');
      if (detachedNodes.length && args.verbose) {
        const names = detachedNodes
          .slice(0, 20)
          .map((d) => `${d.treeNode?.nodeName} (${d.retainedNodeIds?.length ?? 0})`);
        process.stderr.write(`    detached: ${names.join(', ')}\n`);
      }
      return detachedNodes.length;
    } catch {
      return undefined;
    }
  });
  const traces = {};
  await page.exposeFunction('__benchMark', async (name) => {
    const [phase, edge] = name.split(':');
    if (!profile && TRACED.has(phase) && !args['no-trace']) {
      if (edge === 'start') {
        await cdp.send('Tracing.start', {
          traceConfig: { includedCategories: ['toplevel'] },
          transferMode: 'ReturnAsStream',
        });
      } else {
        const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        const { stream } = await complete;
        traces[phase] = analyzeTrace(await readStream(cdp, stream));
      }
      return;
    }
    if (!profile) return;
    if (name.endsWith(':start')) await cdp.send('Profiler.start');
    else if (name.endsWith(':end')) {
      const { profile: data } = await cdp.send('Profiler.stop');
      fs.mkdirSync(profileDir, { recursive: true });
      const file = path.join(profileDir, `${name.replace(':end', '')}-${profiles.length + 1}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(data));
      profiles.push({ phase: name.replace(':end', ''), file, ...summarizeProfile(data) });
    }
  });
  page.on('pageerror', (error) => pageProblems.push(`${scenario}/${options.impl}: ${error.message}`));
  page.on('console', (message) => {
    // Image thumbnails of the generated data point at an unresolvable host, on purpose.
    if (message.type() === 'error' && !/ERR_NAME_NOT_RESOLVED/.test(message.text()))
      pageProblems.push(`${scenario}/${options.impl} console: ${message.text().slice(0, 300)}`);
  });
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    const result = await page.evaluate(([name, opts]) => window.bench[name](opts), [scenario, options]);
    if (Object.keys(traces).length) result.trace = traces;
    return result;
  } finally {
    await context.close();
  }
}

const IMPLS = ['chat-box', 'reference', 'baseline'];

/** How long one scenario run may take before it counts as a miss (the page is then closed). */
const RUN_TIMEOUT_MS = 180_000;

/**
 * Runs a scenario for every implementation, `times` times each, rotating the order; each run in a
 * fresh page. Returns the runs themselves (a run that threw or timed out is `{ error }`): figures
 * are taken per run and only then summarised, so no row mixes fields of different runs.
 */
async function pair(scenario, options, times = 1, impls = IMPLS) {
  const out = { 'chat-box': [], reference: [], baseline: [] };
  for (let i = 0; i < times; i += 1) {
    const order = impls.map((_, k) => impls[(k + i) % impls.length]);
    for (const impl of order) {
      if (args.impl && args.impl !== impl) continue;
      process.stderr.write(`  ${scenario} ${impl} (${i + 1}/${times})…\n`);
      let timer;
      try {
        out[impl].push(
          await Promise.race([
            inPage(scenario, { ...options, impl }),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
            }),
          ]),
        );
      } catch (error) {
        // A run that timed out: close its page so it stops using the CPU.
        await activeContext?.close().catch(() => {});
        const message = String(error?.message ?? error).split('\n')[0];
        pageProblems.push(`${scenario}/${impl} run ${i + 1}: ${message}`);
        out[impl].push({ error: message });
      } finally {
        clearTimeout(timer);
      }
    }
  }
  if (args.profile) {
    // An extra, unmeasured run under the sampling profiler (its overhead would skew the ratios).
    process.stderr.write(`  ${scenario} chat-box (profiled)…\n`);
    await inPage(scenario, { ...options, impl: 'chat-box' }, { profile: true }).catch((error) =>
      pageProblems.push(`${scenario} profiled run: ${error.message}`),
    );
  }
  return { chatBox: out['chat-box'], reference: out.reference, baseline: out.baseline };
}

// ---- budgets ------------------------------------------------------------------------------------

const rows = [];

/** A run's figure: a finite number, or undefined when the run errored, timed out or never got there. */
function figure(run, pick) {
  if (!run || run.error) return undefined;
  let value;
  try {
    value = pick(run);
  } catch {
    return undefined;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Median where a missing figure counts as +∞ (a miss), never dropped. */
function medianWithMisses(values) {
  if (values.length === 0) return undefined;
  const sorted = values.map((v) => (v === undefined ? Number.POSITIVE_INFINITY : v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One table row from the runs of a scenario. `pick(run)` reads one run's figure (derived figures are
 * computed inside one run). The value is the median over runs, a run without the figure counting
 * as +∞; ratios are taken run by run (run i of <chat-box> / run i of the reference, same round) and
 * then their median. Budgets: `max`; `maxRatio` × the reference; `maxNaive` (≤ the naive list's
 * value, run by run median); `passRun(run)` for yes/no checks (every run must pass). A row with a
 * budget fails when any run missed it (errored, timed out, no figure).
 */
function row(metric, runs, pick, { unit = 'ms', max, maxRatio, maxNaiveRatio, info = false, passRun, budget } = {}) {
  const own = runs.chatBox.map((run) => figure(run, pick));
  const ref = runs.reference.map((run) => figure(run, pick));
  const naive = runs.baseline.map((run) => figure(run, pick));
  // A zero in the other run (the reference builds no store) gives no ratio (null), not a miss.
  const perRunRatio = (others) => {
    const ratios = own.map((v, i) =>
      others[i] === 0 ? null : v !== undefined && others[i] !== undefined ? v / others[i] : undefined,
    );
    return ratios.every((r) => r === null) ? [] : ratios.filter((r) => r !== null);
  };
  const value = medianWithMisses(own);
  const reference = ref.length ? medianWithMisses(ref) : undefined;
  const baseline = naive.length ? medianWithMisses(naive) : undefined;
  const ratio = ref.length && own.length ? medianWithMisses(perRunRatio(ref)) : undefined;
  const naiveRatio = naive.length && own.length ? medianWithMisses(perRunRatio(naive)) : undefined;
  // (medianWithMisses([]) is undefined: no ratio.)
  const missed =
    runs.chatBox.filter((run) => run.error).length + (passRun ? 0 : own.filter((v) => v === undefined).length);
  let ok;
  if (!info) {
    if (passRun) ok = runs.chatBox.length > 0 && runs.chatBox.every((run) => !run.error && passRun(run));
    else {
      ok = own.length > 0 && own.every((v) => v !== undefined);
      if (ok && max !== undefined) ok = value <= max;
      if (ok && maxRatio !== undefined) ok = ratio !== undefined && Number.isFinite(ratio) && ratio <= maxRatio;
      if (ok && maxNaiveRatio !== undefined)
        ok = naiveRatio !== undefined && Number.isFinite(naiveRatio) && naiveRatio <= maxNaiveRatio;
    }
  }
  const budgetText =
    budget ??
    (info
      ? '—'
      : [
          max !== undefined ? `≤ ${fmt(max, unit)}` : '',
          maxRatio !== undefined ? `≤ ${maxRatio}× reference` : '',
          maxNaiveRatio !== undefined ? (maxNaiveRatio === 1 ? '≤ naive' : `≤ ${maxNaiveRatio}× naive`) : '',
        ]
          .filter(Boolean)
          .join(' and '));
  const shown = (v) => (v === undefined ? '—' : fmt(v, unit));
  const ratioText = (r) => (r === undefined ? '—' : Number.isFinite(r) ? `${r.toFixed(2)}×` : 'miss');
  rows.push({
    metric,
    value,
    unit,
    budget: budgetText,
    reference,
    baseline,
    ratio,
    naiveRatio,
    missedRuns: missed,
    runs: own.length,
    perRun: own,
    pass: info ? undefined : ok,
    display: `${fmt(value, unit)}${missed ? ` (${missed}/${own.length} runs missed)` : ''}`,
    referenceDisplay: shown(reference),
    baselineDisplay: shown(baseline),
    ratioDisplay: ratioText(ratio),
    naiveRatioDisplay: ratioText(naiveRatio),
  });
}

/** A row of a figure measured once, outside the browser (bundle size). */
function staticRow(metric, value, { unit = 'KB', max, info = false, budget } = {}) {
  const ok = info ? undefined : typeof value === 'number' && (max === undefined || value <= max);
  rows.push({
    metric,
    value,
    unit,
    budget: budget ?? (info ? '—' : `≤ ${fmt(max, unit)}`),
    pass: ok,
    display: fmt(value, unit),
    referenceDisplay: '—',
    baselineDisplay: '—',
    ratioDisplay: '—',
    naiveRatioDisplay: '—',
  });
}

function printTable() {
  const header = ['metric', '<chat-box>', 'budget', 'reference', 'ratio', 'naive', 'vs naive', 'result'];
  const lines = rows.map((r) => [
    r.metric,
    r.display,
    r.budget,
    r.referenceDisplay,
    r.ratioDisplay,
    r.baselineDisplay,
    r.naiveRatioDisplay,
    r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
}

// ---- main ---------------------------------------------------------------------------------------

if (args.markdown) {
  // Prints the last results (bench/results.json) as a Markdown table, for the README.
  const last = JSON.parse(fs.readFileSync(path.join(root, 'bench/results.json'), 'utf8'));
  const cell = (value, unit) => fmt(value, unit);
  const code = (text) => text.replace(/<([a-z-]+)>/g, '`<$1>`');
  console.log('| metric | `<chat-box>` | budget | reference | ratio | naive list | vs naive | |');
  console.log('|---|---|---|---|---|---|---|---|');
  const ratioCell = (ratio) =>
    ratio === undefined || ratio === null ? '—' : Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'miss';
  const valueCell = (value, unit) => (value === undefined || value === null ? '—' : cell(value, unit));
  for (const r of last.rows) {
    if (/frames checked|lazy chunks/.test(r.metric)) continue;
    const result = r.pass === undefined || r.pass === null ? '' : r.pass ? 'pass' : '**miss**';
    const missed = r.missedRuns ? ` (${r.missedRuns}/${r.perRun.length} runs missed)` : '';
    console.log(
      `| ${code(r.metric)} | ${cell(r.value, r.unit)}${missed} | ${r.budget} | ${valueCell(r.reference, r.unit)} | ${ratioCell(r.ratio)} | ${valueCell(r.baseline, r.unit)} | ${ratioCell(r.naiveRatio)} | ${result} |`,
    );
  }
  console.log(
    `\n${last.date.slice(0, 16).replace('T', ' ')} UTC, commit ${last.commit}, ${last.machine.cpus} cores, load ${last.machine.loadavg.map((l) => l.toFixed(1)).join(' ')}, medians of ${last.runs} runs.`,
  );
  process.exit(0);
}

const raw = {};
let harnessError;
const started = Date.now();
try {
  const browserScenarios = only.filter((s) => s !== 'bundle');
  if (browserScenarios.length) {
    process.stderr.write(`bench: vite on :${port}, chromium headless${quick ? ' (quick sizes)' : ''}\n`);
    await start();
  }

  if (only.includes('render')) {
    const runs = (raw.render = await pair('render', { messages: sizes.render }, runCount));
    const n = sizes.render.toLocaleString('en');
    row(`render ${n}: snapshot → view settled (store, validation, render)`, runs, (r) => r.totalMs, {
      maxRatio: 1.5,
    });
    row(`render ${n}: newest message visible (from append)`, runs, (r) => r.visibleMs, {
      max: 100,
      maxNaiveRatio: 0.25,
    });
    row(`render ${n}: settled (from append)`, runs, (r) => r.settledMs, { info: true });
    // CDP's ScriptDuration misses work in microtasks (Lit renders there), so script time is taken as
    // main-thread task time minus layout and style recalculation (it includes paint and GC).
    row(
      `render ${n}: script time (CDP task − layout − style)`,
      runs,
      (r) => (r.cdp ? r.cdp.task - r.cdp.layout - r.cdp.style : undefined),
      { max: 100, maxNaiveRatio: 0.25 },
    );
    row(`render ${n}: layout + style (CDP)`, runs, (r) => (r.cdp ? r.cdp.layout + r.cdp.style : undefined), {
      info: true,
    });
    row(`render ${n}: elements in the thread`, runs, (r) => r.threadElements, { unit: '', max: 300 });
    row(`render ${n}: elements in <chat-box>`, runs, (r) => r.hostElements, { unit: '', info: true });
    row(`render ${n}: heap attributable`, runs, (r) => r.heapBytes, { unit: 'MB', max: 6 * MB });
    row(`render ${n}: snapshot validated and indexed (store from snapshot)`, runs, (r) => r.storeMs, {
      ...(quick ? { info: true } : { max: 15 }),
    });
    // The same work in main-thread CPU time: on a shared machine the wall-clock figure above also
    // holds the time the OS gave to other processes.
    row(
      `render ${n}: snapshot validated and indexed, main-thread CPU`,
      runs,
      // (The reference builds no store: 0, no ratio.)
      (r) => (r.impl === 'reference' ? 0 : r.trace?.snapshot?.longestTaskCpuMs),
      {
        info: true,
      },
    );
  }

  if (only.includes('burst')) {
    const runs = (raw.burst = await pair('burst', { initial: sizes.burstInitial, count: sizes.burst }, runCount));
    const n = sizes.burst.toLocaleString('en');
    row(`burst ${n}: all in store`, runs, (r) => r.storeMs, { info: true });
    row(`burst ${n}: newest visible`, runs, (r) => r.visibleMs, { info: true });
    row(`burst ${n}: settled`, runs, (r) => r.settledMs, { max: 150, maxRatio: 1.5 });
    row(`burst ${n}: longest frame gap`, runs, (r) => r.maxFrameGap, { max: 50 });
    row(`burst ${n}: longest task, main-thread CPU`, runs, (r) => r.trace?.burst?.longestTaskCpuMs, { info: true });
  }

  if (only.includes('stream')) {
    const runs = (raw.stream = await pair('stream', { rate: 200, durationMs: sizes.streamMs }, runCount));
    row('stream 200/s: p95 emit → visible', runs, (r) => r.p95, { max: 100, maxNaiveRatio: 1 });
    row('stream 200/s: p50 emit → visible', runs, (r) => r.p50, { info: true });
    row('stream 200/s: messages shown', runs, (r) => r.shown, {
      unit: '',
      passRun: (r) => r.shown === r.emitted,
      budget: 'all emitted',
    });
    // Budgeted in main-thread CPU time: on a shared machine wall-clock task times include time the
    // OS gave to other processes (shown as info).
    row('stream 200/s: longest task, main-thread CPU', runs, (r) => r.trace?.stream?.longestTaskCpuMs, {
      ...(args['no-trace'] ? { info: true } : { max: 50 }),
      budget: args['no-trace'] ? undefined : 'none > 50 ms',
    });
    row('stream 200/s: longest long task, wall clock', runs, (r) => r.longTasks.longest, { info: true });
    row('stream 200/s: longest frame gap', runs, (r) => r.maxFrameGap, { info: true });
  }

  if (only.includes('panes')) {
    const runs = (raw.panes = await pair(
      'panes',
      { perConversation: sizes.panes, loadMs: sizes.panesLoadMs, switches: sizes.switches },
      runCount,
    ));
    const n = `4 × ${sizes.panes.toLocaleString('en')}`;
    row(`panes ${n}: mount (all newest visible)`, runs, (r) => r.mountMs, { max: 100 });
    row(`panes ${n}: mount, main-thread CPU (all tasks)`, runs, (r) => r.trace?.['panes-mount']?.totalCpuMs, {
      info: true,
    });
    row(`panes ${n}: elements in the desk`, runs, (r) => r.elements, { unit: '', info: true });
    row(`panes ${n}: heap attributable`, runs, (r) => r.heapBytes, {
      unit: 'MB',
      max: 24 * MB,
      budget: '≤ 24 MB (4 × 6 MB)',
    });
    row(`panes ${n}: heap growth under load`, runs, (r) => r.heapGrowthBytes, { unit: 'MB', info: true });
    row(`panes ${n}: longest frame gap under load`, runs, (r) => r.maxFrameGap, { max: 50 });
    row(`panes ${n}: longest long task under load, wall clock`, runs, (r) => r.longTasks.longest, { info: true });
    row(
      `panes ${n}: longest task under load, main-thread CPU`,
      runs,
      (r) => r.trace?.['panes-load']?.longestTaskCpuMs,
      {
        info: true,
      },
    );
    row(`panes ${n}: switch focused pane (median of a run)`, runs, (r) => median(r.switchMs), { info: true });
    const worst = (r) => (r.switchMs.length === sizes.switches ? Math.max(...r.switchMs) : undefined);
    row(`panes ${n}: switch → that composer usable (worst of a run)`, runs, worst, {
      passRun: (r) => (worst(r) ?? Number.POSITIVE_INFINITY) <= 50,
      budget: '≤ 50 ms, every switch',
    });
  }

  if (only.includes('scroll')) {
    const options = { total: sizes.scroll, archived: sizes.archived, traceSteps: true };
    const runs = (raw.scroll = await pair('scroll', options, runCount));
    const n = sizes.scroll.toLocaleString('en');
    // A run that did not reach the top: where it stopped and its first and last steps, to find out why.
    for (const run of runs.chatBox.filter((r) => !r.error && !r.reachedTop)) {
      process.stderr.write(`  scroll chat-box did not reach the top: ${JSON.stringify(run.end)}, steps:\n`);
      for (const step of run.stepTrace ?? []) process.stderr.write(`    ${step}\n`);
    }
    row(`scroll ${n}: reached the top, all loaded`, runs, (r) => r.loaded, {
      unit: '',
      passRun: (r) => r.reachedTop && r.loaded === sizes.scroll,
      budget: `top, ${n} loaded`,
    });
    row(`scroll ${n}: time bottom → top`, runs, (r) => r.durationMs, { info: true });
    row(`scroll ${n}: longest frame gap`, runs, (r) => r.maxFrameGap, { max: 50 });
    row(`scroll ${n}: longest task, main-thread CPU`, runs, (r) => r.trace?.scroll?.longestTaskCpuMs, { info: true });
    row(`scroll ${n}: jumps when older pages load`, runs, (r) => r.jumpsOnLoad, { unit: '', max: 0 });
    row(`scroll ${n}: other jumps (of checked steps)`, runs, (r) => r.jumps - r.jumpsOnLoad, { unit: '', info: true });
    row(`scroll ${n}: largest jump`, runs, (r) => r.maxJumpPx, { unit: 'px', info: true });
    row(`scroll ${n}: frames checked for jumps`, runs, (r) => r.checkedSteps, { unit: '', info: true });
  }
  if (only.includes('soak')) {
    // One run of <chat-box>'s desk (minutes long; nothing to compare it with).
    const runs = (raw.soak = await pair('soak', { simulatedMs: sizes.soakSimulatedMs, speed: 10 }, 1, ['chat-box']));
    const minutes = sizes.soakSimulatedMs / 60_000;
    const n = `soak ${minutes} min simulated at 10×, 4 panes`;
    row(`${n}: heap growth after GC`, runs, (r) => r.heapGrowthBytes, { unit: 'MB', max: 5 * MB });
    row(`${n}: detached DOM trees after removal + GC (Lit's <template> cache aside)`, runs, (r) => r.detachedNodes, {
      unit: '',
      max: 0,
    });
    row(`${n}: subscriptions left after removal`, runs, (r) => r.selectionsLeft + r.stateObserversLeft, {
      unit: '',
      max: 0,
      budget: '0 (Selection + store state)',
    });
    row(`${n}: subscriptions while mounted`, runs, (r) => r.selectionsMounted + r.stateObserversMounted, {
      unit: '',
      info: true,
    });
    row(`${n}: longest frame gap`, runs, (r) => r.maxFrameGap, { max: 50 });
    row(`${n}: conversations arrived / ended`, runs, (r) => r.arrived, { unit: '', info: true });
  }
} catch (error) {
  harnessError = error;
} finally {
  await stop();
}

if (!harnessError && only.includes('bundle')) {
  try {
    process.stderr.write('  bundle (npm run build)…\n');
    const result = (raw.bundle = await bundle());
    if (result.error || !result.app) {
      staticRow('bundle: production app, own code, min+gzip', undefined, { max: 50 * 1024 });
      console.error(result.error ?? result.sizeScriptError ?? 'scripts/size.mjs gave no production app figure');
    } else {
      staticRow('bundle: production app, own code, min+gzip', result.app.gzip, { max: 50 * 1024 });
      staticRow('bundle: production app with lit, rxjs… up front, min+gzip', result.appWithDeps.gzip, {
        max: 60 * 1024,
      });
      staticRow('bundle: <chat-box> + store + WebSocket with deps, min+gzip', result.chatBoxAppWithDeps.gzip, {
        max: 35 * 1024,
      });
      staticRow('bundle: whole entry, own code, min+gzip', result.gzipBytes, { info: true });
      staticRow('bundle: whole entry with deps, min+gzip', result.withDeps?.gzipBytes, { info: true });
      if (result.lazyGzipBytes !== undefined)
        staticRow('bundle: lazy chunks min+gzip (not counted)', result.lazyGzipBytes, { info: true });
    }
  } catch (error) {
    harnessError = error;
  }
}

printTable();
if (profiles.length) {
  console.log('\nCPU profiles of <chat-box> (self time, ms) — files in', profileDir);
  const perPhase = new Map();
  for (const p of profiles) {
    perPhase.set(p.phase, (perPhase.get(p.phase) ?? 0) + 1);
    if (perPhase.get(p.phase) > 2) continue;
    console.log(
      `\n[${p.phase}] by file: ${p.files
        .slice(0, 8)
        .map((f) => `${f.name} ${f.ms}`)
        .join(', ')}`,
    );
    for (const f of p.functions.slice(0, 12)) console.log(`  ${String(f.ms).padStart(7)}  ${f.name}`);
    if (p.nativeCalls.length)
      console.log(
        `  native DOM calls by caller: ${p.nativeCalls
          .slice(0, 6)
          .map((f) => `${f.name} ${f.ms}`)
          .join('; ')}`,
      );
    if (p.worstStretch.ms)
      console.log(
        `  longest busy stretch ${p.worstStretch.ms} ms: ${p.worstStretch.functions
          .slice(0, 8)
          .map((f) => `${f.name} ${f.ms}`)
          .join('; ')}`,
      );
  }
}
if (pageProblems.length) {
  console.log(`\nPage problems (${pageProblems.length}):`);
  for (const problem of [...new Set(pageProblems)].slice(0, 10)) console.log(`  ${problem}`);
}

const failed = rows.filter((r) => r.pass === false);
const report = {
  date: new Date().toISOString(),
  // (BENCH_COMMIT: when the bench runs on an exported tree, e.g. `git archive HEAD`.)
  commit: process.env.BENCH_COMMIT ?? git('rev-parse', '--short', 'HEAD'),
  chatBoxCommit: process.env.BENCH_COMMIT
    ? undefined
    : git('log', '-1', '--format=%h %cI %s', '--', 'src/components/chat-box'),
  worktreeChanges: process.env.BENCH_COMMIT
    ? []
    : (git('status', '--short', '--', 'src') ?? '').split('\n').filter(Boolean),
  quick,
  runs: runCount,
  durationMs: Date.now() - started,
  machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
  rows: rows.map(
    ({ metric, value, unit, budget, reference, baseline, ratio, naiveRatio, missedRuns, perRun, pass }) => ({
      metric,
      value,
      unit,
      budget,
      reference,
      baseline,
      ratio,
      naiveRatio,
      missedRuns,
      perRun,
      pass,
    }),
  ),
  raw,
  profiles: profiles.map(({ phase, file, functions, files, nativeCalls, worstStretch }) => ({
    phase,
    file,
    functions,
    files,
    nativeCalls,
    worstStretch,
  })),
  pageProblems,
  error: harnessError ? String(harnessError.stack ?? harnessError) : undefined,
};
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `\n${rows.length} metrics, ${failed.length} over budget · bench/results.json · ${Math.round((Date.now() - started) / 1000)} s, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (harnessError) {
  console.error(harnessError);
  process.exit(2);
}
process.exit(failed.length ? 1 : 0);
