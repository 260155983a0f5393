#!/usr/bin/env node
/**
 * npm run bench — measures agent-desk in headless Chromium against its performance budgets,
 * side by side with a naive baseline (bench/naive-thread.ts) built from the same data in the
 * same run, so the ratios hold on a noisy machine.
 *
 *   node bench/run.mjs [--only=render,burst,stream,panes,scroll,bundle] [--runs=3] [--quick]
 *   node bench/run.mjs --only=server [--connections=50] [--rate=20] [--seconds=30]  (bench/server.mjs)
 *                      [--profile] [--skip-build] [--impl=…] [--port=5290]
 *
 * --quick      small sizes (debugging the harness; budgets are not meaningful then)
 * --profile    one more, unmeasured run of <chat-box> per scenario under the CPU profiler: where the
 *              time goes (self time by function and file, forced layouts by caller) is printed
 *              and the .cpuprofile files are kept in $TMPDIR/agent-desk-bench/
 * --skip-build bundle size from the existing dist/ (otherwise `npm run build` runs first)
 * --impl=chat-box|baseline  only one side (debugging; no ratios)
 * --markdown   print the last bench/results.json as a Markdown table (for the README) and exit
 * --no-trace   no Chrome trace of the measured phases (then no CPU-time task figures)
 *
 * Prints a table (metric, value, budget, baseline, ratio, result), writes bench/results.json and
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
const ALL = ['render', 'burst', 'stream', 'panes', 'scroll', 'bundle'];
const only = args.only ? String(args.only).split(',') : ALL;
if (only.includes('server')) {
  // The reference server (2 instances on one PostgreSQL): its own run, table and budgets, in bench/server.mjs.
  const { runServerBench } = await import('./server.mjs');
  process.exit(await runServerBench(args));
}
const quick = !!args.quick;
const runs = Number(args.runs ?? (quick ? 1 : 3));
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

/** Median of every numeric field across runs (nested objects too). */
function medianOf(results) {
  if (results.length === 1) return results[0];
  const out = {};
  // (Booleans: true only if true in every run.)
  for (const key of Object.keys(results[0])) {
    const values = results.map((r) => r[key]);
    if (typeof values[0] === 'number' || values[0] === undefined) out[key] = median(values);
    else if (typeof values[0] === 'boolean') out[key] = values.every(Boolean);
    else if (Array.isArray(values[0])) out[key] = values.flat();
    else if (values[0] && typeof values[0] === 'object') out[key] = medianOf(values);
    else out[key] = values[0];
  }
  out.runs = results;
  return out;
}

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
  // Reuse the ecosystem size script when it exists (same numbers as `node scripts/size.mjs`).
  const sizeScript = path.join(root, 'scripts/size.mjs');
  if (fs.existsSync(sizeScript)) {
    try {
      const { measureCore } = await import(sizeScript);
      if (typeof measureCore === 'function') {
        const core = await measureCore();
        return {
          source: 'scripts/size.mjs',
          files: core.own.files,
          minBytes: core.own.min,
          gzipBytes: core.own.gzip,
          withDeps: { minBytes: core.withDeps.min, gzipBytes: core.withDeps.gzip },
          lazyGzipBytes: core.own.lazy.gzip,
        };
      }
    } catch (error) {
      result.sizeScriptError = String(error);
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
const TRACED = new Set(['burst', 'stream', 'panes-load', 'scroll']);

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
  for (const task of fallback) {
    wall = Math.max(wall, (task.dur ?? 0) / 1000);
    cpu = Math.max(cpu, (task.tdur ?? 0) / 1000);
    if ((task.tdur ?? 0) > 50_000) over50 += 1;
  }
  return {
    tasks: fallback.length,
    longestTaskWallMs: Math.round(wall * 10) / 10,
    longestTaskCpuMs: Math.round(cpu * 10) / 10,
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
async function inPage(scenario, options, { profile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
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

/** Runs a scenario for both implementations, alternating, `times` times each; medians. */
async function pair(scenario, options, times = 1) {
  const out = { 'chat-box': [], baseline: [] };
  for (let i = 0; i < times; i += 1) {
    for (const impl of i % 2 ? ['chat-box', 'baseline'] : ['baseline', 'chat-box']) {
      if (args.impl && args.impl !== impl) continue;
      process.stderr.write(`  ${scenario} ${impl} (${i + 1}/${times})…\n`);
      out[impl].push(await inPage(scenario, { ...options, impl }));
    }
  }
  if (args.profile) {
    // An extra, unmeasured run under the sampling profiler (its overhead would skew the ratios).
    process.stderr.write(`  ${scenario} chat-box (profiled)…\n`);
    await inPage(scenario, { ...options, impl: 'chat-box' }, { profile: true });
  }
  const empty = (list) => (list.length ? medianOf(list) : { switchMs: [], longTasks: {} });
  return { chatBox: empty(out['chat-box']), baseline: empty(out.baseline) };
}

// ---- budgets ------------------------------------------------------------------------------------

const rows = [];
/**
 * One table row. `max`: the value must not exceed it; `maxRatio`: nor exceed this × the baseline;
 * `info` rows have no budget.
 */
function row(metric, value, { unit = 'ms', max, maxRatio, baseline, info = false, pass, budget } = {}) {
  if (typeof baseline === 'number' && Number.isNaN(baseline)) baseline = undefined;
  const ratio =
    typeof value === 'number' && typeof baseline === 'number' && baseline !== 0 && Number.isFinite(value / baseline)
      ? value / baseline
      : undefined;
  let ok = pass;
  if (ok === undefined && !info) {
    ok = typeof value === 'number' && !Number.isNaN(value);
    if (ok && max !== undefined) ok = value <= max;
    if (ok && maxRatio !== undefined) ok = ratio !== undefined && ratio <= maxRatio;
  }
  const budgetText =
    budget ??
    (info
      ? '—'
      : [max !== undefined ? `≤ ${fmt(max, unit)}` : '', maxRatio !== undefined ? `≤ ${maxRatio}× baseline` : '']
          .filter(Boolean)
          .join(' and '));
  rows.push({
    metric,
    value,
    unit,
    budget: budgetText,
    baseline,
    ratio,
    pass: info ? undefined : ok,
    display: fmt(value, unit),
    baselineDisplay: baseline === undefined ? '—' : fmt(baseline, unit),
  });
}

function printTable() {
  const header = ['metric', 'value', 'budget', 'baseline', 'ratio', 'result'];
  const lines = rows.map((r) => [
    r.metric,
    r.display,
    r.budget,
    r.baselineDisplay,
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
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
  console.log('| metric | `<chat-box>` | budget | naive baseline | ratio | |');
  console.log('|---|---|---|---|---|---|');
  for (const r of last.rows) {
    if (/frames checked|lazy chunks/.test(r.metric)) continue;
    const ratio = r.ratio === undefined || r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    const result = r.pass === undefined || r.pass === null ? '' : r.pass ? 'pass' : '**miss**';
    console.log(
      `| ${code(r.metric)} | ${cell(r.value, r.unit)} | ${r.budget} | ${r.baseline === undefined || r.baseline === null ? '—' : cell(r.baseline, r.unit)} | ${ratio} | ${result} |`,
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
    const { chatBox, baseline } = (raw.render = await pair('render', { messages: sizes.render }, runs));
    const n = sizes.render.toLocaleString('en');
    row(`render ${n}: newest message visible`, chatBox.visibleMs, {
      max: 100,
      maxRatio: 0.25,
      baseline: baseline.visibleMs,
    });
    // CDP's ScriptDuration misses work in microtasks (Lit renders there), so script time is taken as
    // main-thread task time minus layout and style recalculation (it includes paint and GC).
    const script = (r) => (r.cdp ? r.cdp.task - r.cdp.layout - r.cdp.style : undefined);
    row(`render ${n}: script time (CDP task − layout − style)`, script(chatBox), {
      max: 100,
      maxRatio: 0.25,
      baseline: script(baseline),
    });
    row(`render ${n}: layout + style (CDP)`, chatBox.cdp ? chatBox.cdp.layout + chatBox.cdp.style : undefined, {
      info: true,
      baseline: baseline.cdp ? baseline.cdp.layout + baseline.cdp.style : undefined,
    });
    row(`render ${n}: elements in the thread`, chatBox.threadElements, {
      unit: '',
      max: 300,
      baseline: baseline.threadElements,
    });
    row(`render ${n}: elements in <chat-box>`, chatBox.hostElements, {
      unit: '',
      info: true,
      baseline: baseline.hostElements,
    });
    row(`render ${n}: heap attributable`, chatBox.heapBytes, { unit: 'MB', max: 6 * MB, baseline: baseline.heapBytes });
    row(`render ${n}: store from snapshot`, chatBox.storeMs, { info: true, baseline: baseline.storeMs });
  }

  if (only.includes('burst')) {
    const { chatBox, baseline } = (raw.burst = await pair(
      'burst',
      { initial: sizes.burstInitial, count: sizes.burst },
      runs,
    ));
    const n = sizes.burst.toLocaleString('en');
    row(`burst ${n}: all in store`, chatBox.storeMs, { info: true, baseline: baseline.storeMs });
    row(`burst ${n}: newest visible`, chatBox.visibleMs, { info: true, baseline: baseline.visibleMs });
    row(`burst ${n}: settled`, chatBox.settledMs, { max: 150, baseline: baseline.settledMs });
    row(`burst ${n}: longest frame gap`, chatBox.maxFrameGap, { max: 50, baseline: baseline.maxFrameGap });
    row(`burst ${n}: longest task, main-thread CPU`, chatBox.trace?.burst?.longestTaskCpuMs, {
      info: true,
      baseline: baseline.trace?.burst?.longestTaskCpuMs,
    });
  }

  if (only.includes('stream')) {
    const { chatBox, baseline } = (raw.stream = await pair('stream', { rate: 200, durationMs: sizes.streamMs }, runs));
    row('stream 200/s: p95 emit → visible', chatBox.p95, { max: 100, baseline: baseline.p95 });
    row('stream 200/s: p50 emit → visible', chatBox.p50, { info: true, baseline: baseline.p50 });
    row('stream 200/s: messages shown', chatBox.shown, {
      unit: '',
      pass: chatBox.shown === chatBox.emitted,
      budget: `= ${chatBox.emitted} emitted`,
      baseline: baseline.shown,
    });
    // Budgeted in main-thread CPU time: on a shared machine wall-clock task times include time the
    // OS gave to other processes (shown as info).
    row('stream 200/s: longest task, main-thread CPU', chatBox.trace?.stream?.longestTaskCpuMs, {
      max: 50,
      baseline: baseline.trace?.stream?.longestTaskCpuMs,
      budget: 'none > 50 ms',
    });
    row('stream 200/s: longest long task, wall clock', chatBox.longTasks.longest, {
      info: true,
      baseline: baseline.longTasks.longest,
    });
    row('stream 200/s: longest frame gap', chatBox.maxFrameGap, { info: true, baseline: baseline.maxFrameGap });
  }

  if (only.includes('panes')) {
    const { chatBox, baseline } = (raw.panes = await pair(
      'panes',
      { perConversation: sizes.panes, loadMs: sizes.panesLoadMs, switches: sizes.switches },
      runs,
    ));
    const n = `4 × ${sizes.panes.toLocaleString('en')}`;
    row(`panes ${n}: mount (all newest visible)`, chatBox.mountMs, { info: true, baseline: baseline.mountMs });
    row(`panes ${n}: elements in the desk`, chatBox.elements, { unit: '', info: true, baseline: baseline.elements });
    row(`panes ${n}: heap attributable`, chatBox.heapBytes, {
      unit: 'MB',
      max: 24 * MB,
      baseline: baseline.heapBytes,
      budget: '≤ 24 MB (4 × 6 MB)',
    });
    row(`panes ${n}: heap growth under load`, chatBox.heapGrowthBytes, {
      unit: 'MB',
      info: true,
      baseline: baseline.heapGrowthBytes,
    });
    row(`panes ${n}: longest frame gap under load`, chatBox.maxFrameGap, { max: 50, baseline: baseline.maxFrameGap });
    row(`panes ${n}: longest long task under load, wall clock`, chatBox.longTasks.longest, {
      info: true,
      baseline: baseline.longTasks.longest,
    });
    row(`panes ${n}: longest task under load, main-thread CPU`, chatBox.trace?.['panes-load']?.longestTaskCpuMs, {
      info: true,
      baseline: baseline.trace?.['panes-load']?.longestTaskCpuMs,
    });
    const worst = (r) => (r.switchMs.length ? Math.max(...r.switchMs) : undefined);
    row(`panes ${n}: switch focused pane (median)`, median(chatBox.switchMs), {
      info: true,
      baseline: median(baseline.switchMs),
    });
    row(`panes ${n}: switch focused pane (worst)`, worst(chatBox), { max: 50, baseline: worst(baseline) });
  }

  if (only.includes('scroll')) {
    const { chatBox, baseline } = (raw.scroll = await pair(
      'scroll',
      { total: sizes.scroll, archived: sizes.archived },
      runs,
    ));
    const n = sizes.scroll.toLocaleString('en');
    row(`scroll ${n}: reached the top, all loaded`, chatBox.loaded, {
      unit: '',
      pass: chatBox.reachedTop && chatBox.loaded === sizes.scroll,
      budget: `top, ${n} loaded`,
      baseline: baseline.loaded,
    });
    row(`scroll ${n}: time bottom → top`, chatBox.durationMs, { info: true, baseline: baseline.durationMs });
    row(`scroll ${n}: longest frame gap`, chatBox.maxFrameGap, { max: 50, baseline: baseline.maxFrameGap });
    row(`scroll ${n}: longest task, main-thread CPU`, chatBox.trace?.scroll?.longestTaskCpuMs, {
      info: true,
      baseline: baseline.trace?.scroll?.longestTaskCpuMs,
    });
    row(`scroll ${n}: jumps when older pages load`, chatBox.jumpsOnLoad, {
      unit: '',
      max: 0,
      baseline: baseline.jumpsOnLoad,
    });
    row(`scroll ${n}: other jumps (of checked steps)`, chatBox.jumps - chatBox.jumpsOnLoad, {
      unit: '',
      info: true,
      baseline: baseline.jumps - baseline.jumpsOnLoad,
    });
    row(`scroll ${n}: largest jump`, chatBox.maxJumpPx, { unit: 'px', info: true, baseline: baseline.maxJumpPx });
    row(`scroll ${n}: frames checked for jumps`, chatBox.checkedSteps, {
      unit: '',
      info: true,
      baseline: baseline.checkedSteps,
    });
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
    if (result.error) {
      row('bundle: core min+gzip', undefined, { unit: 'KB', max: 30 * 1024, budget: '≤ 30 KB' });
      console.error(result.error);
    } else {
      const files = Array.isArray(result.files) ? result.files.length : result.files;
      row(`bundle: core min+gzip (${files} files, deps external)`, result.gzipBytes, { unit: 'KB', max: 30 * 1024 });
      row('bundle: core minified', result.minBytes, { unit: 'KB', info: true });
      if (result.withDeps)
        row('bundle: core with lit, rxjs… min+gzip', result.withDeps.gzipBytes, { unit: 'KB', info: true });
      if (result.lazyGzipBytes !== undefined)
        row('bundle: lazy chunks min+gzip (not counted)', result.lazyGzipBytes, { unit: 'KB', info: true });
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
  runs,
  durationMs: Date.now() - started,
  machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
  rows: rows.map(({ metric, value, unit, budget, baseline, ratio, pass }) => ({
    metric,
    value,
    unit,
    budget,
    baseline,
    ratio,
    pass,
  })),
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
