// `npm test`: the one verify script CI runs unchanged. In order:
//   1. typecheck   tsc --noEmit, and the reference server's tsconfig  (1 test each)
//   2. lint        eslint --max-warnings 0, prettier --check       (1 test each)
//   3. build       npm run build (tsc + rollup; the size and package checks use it)   (1 test)
//   4. node checks node --test test/node/*.test.mjs: custom-elements.json up to date, size budget,
//                  package (npm pack + install + import; SLOW ~40 s), built-Storybook a11y (SLOW),
//                  the reference server: refusals (PGlite) and fault tests on a real PostgreSQL that
//                  scripts/postgres.mjs starts and stops (~1.5 min; figures printed as `#` lines)
//   5. browser     web-test-runner once per engine: Chromium, Firefox, WebKit (scripts/wtr/browsers.mjs;
//                  WebKit under xvfb-run when there is no display); each prints its own summary line
//                  (scripts/wtr/summary-reporter.mjs)
// and prints one line per engine (`chromium: N passed, N failed, N skipped`), then ONE final
// line `N passed, N failed, N skipped`, exiting non-zero if anything failed.
//
// Options: --quick (or AGENT_DESK_QUICK=1) skips the slow node checks (package, Storybook a11y);
// AGENT_DESK_BROWSERS=firefox (or a comma list) runs the browser tests in those engines only.
// CI runs everything. Every check is enforced.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick') || process.env.AGENT_DESK_QUICK === '1';
// The engines of the browser tests: all three, or AGENT_DESK_BROWSERS=chromium,firefox (a subset).
const engines = (process.env.AGENT_DESK_BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// `FAILED <test>: <error>` lines of the browser runs, repeated in the summary: CI keeps the tail.
const failedTests = [];

/** Runs a command, streaming its output; resolves with its exit code and the captured stdout. */
function exec(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      resolve({ code: 127, stdout });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

function heading(text) {
  process.stdout.write(`\n━━ ${text}\n`);
}

/** A step that counts as one test. */
async function step(name, command, args) {
  heading(name);
  const started = Date.now();
  const { code } = await exec(command, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    totals.passed += 1;
    process.stdout.write(`✓ ${name} (${seconds} s)\n`);
  } else {
    totals.failed += 1;
    failures.push(name);
    process.stdout.write(`✗ ${name} failed (${seconds} s)\n`);
  }
  return code === 0;
}

await step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
await step('typecheck (reference server)', 'npx', ['tsc', '-p', 'server/tsconfig.json']);
await step('lint (eslint, zero warnings)', 'npx', ['eslint', '--max-warnings', '0', '.']);
await step('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
const built = await step('build (tsc + rollup)', 'npm', ['run', '--silent', 'build']);

heading(`node checks${quick ? ' (quick: slow checks skipped)' : ''}`);
const nodeTests = readdirSync(new URL('../test/node/', import.meta.url))
  .filter((file) => file.endsWith('.test.mjs'))
  .map((file) => `test/node/${file}`);
const node = await exec(
  process.execPath,
  ['--test', '--test-reporter=./scripts/node-test-reporter.mjs', ...nodeTests],
  {
    AGENT_DESK_BUILT: built ? '1' : '0',
    ...(quick ? { AGENT_DESK_QUICK: '1' } : {}),
  },
);
const nodeLine = node.stdout.match(/^NODE-TESTS (.*)$/m);
if (nodeLine) {
  const counts = JSON.parse(nodeLine[1]);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed) failures.push(`${counts.failed} node check(s)`);
  for (const [, name] of node.stdout.matchAll(/^ {2}✗ (.*)$/gm)) failedTests.push(`node: FAILED ${name}`);
} else {
  totals.failed += 1;
  failures.push('node checks did not report (crashed?)');
}

// One web-test-runner per engine, one after the other (each runs its files one at a time: the
// timing-sensitive tests stay honest on 2 cores). WebKitGTK needs a display: xvfb-run gives one.
const engineCounts = [];
if (engines.length === 0) {
  // AGENT_DESK_BROWSERS="" would otherwise pass with no browser test at all.
  totals.failed += 1;
  failures.push('no browser engine to run (AGENT_DESK_BROWSERS is empty)');
}
for (const engine of engines) {
  heading(`browser tests: ${engine} (web-test-runner)`);
  const started = Date.now();
  const headless = engine === 'webkit' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const [command, args] = headless
    ? ['xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', 'npx', 'web-test-runner']]
    : ['npx', ['web-test-runner']];
  const wtr = await exec(command, args, { AGENT_DESK_BROWSERS: engine });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const wtrLine = [...wtr.stdout.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].pop();
  const counts = wtrLine
    ? { passed: Number(wtrLine[1]), failed: Number(wtrLine[2]), skipped: Number(wtrLine[3]) }
    : { passed: 0, failed: 1, skipped: 0 };
  for (const [line] of wtr.stdout.matchAll(/^FAILED .*$/gm)) failedTests.push(`${engine}: ${line}`);
  if (!wtrLine) failures.push(`${engine}: web-test-runner did not print its summary`);
  else if (counts.failed || wtr.code !== 0) failures.push(`${engine} browser tests`);
  if (wtrLine && wtr.code !== 0 && !counts.failed) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  engineCounts.push({ engine, ...counts });
  process.stdout.write(`${counts.failed ? '✗' : '✓'} ${engine} browser tests (${seconds} s)\n`);
}

heading('summary');
if (failures.length) process.stdout.write(`failed: ${failures.join('; ')}\n`);
for (const line of failedTests) process.stdout.write(`${line}\n`);
for (const { engine, passed, failed, skipped } of engineCounts) {
  process.stdout.write(`${engine}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed ? 1 : 0);
