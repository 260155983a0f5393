// `npm test`: the one verify script CI runs unchanged. In order:
//   1. typecheck   tsc --noEmit, and the reference server's tsconfig  (1 test each)
//   2. lint        eslint --max-warnings 0, prettier --check       (1 test each)
//   3. build       npm run build (tsc + rollup; the size and package checks use it)   (1 test)
//   4. node checks node --test test/node/*.test.mjs: custom-elements.json up to date, size budget,
//                  package (npm pack + install + import; SLOW ~40 s), built-Storybook a11y (SLOW),
//                  the reference server: refusals (PGlite) and fault tests on a real PostgreSQL that
//                  scripts/postgres.mjs starts and stops (~1.5 min; figures printed as `#` lines)
//   5. browser     web-test-runner (its summary line is printed last by scripts/wtr/summary-reporter.mjs)
// and prints ONE final line `N passed, N failed, N skipped`, exiting non-zero if anything failed.
//
// Options: --quick (or AGENT_DESK_QUICK=1) skips the slow node checks (package, Storybook a11y);
// CI runs everything. Every check is enforced.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick') || process.env.AGENT_DESK_QUICK === '1';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

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
} else {
  totals.failed += 1;
  failures.push('node checks did not report (crashed?)');
}

heading('browser tests (web-test-runner)');
const wtr = await exec('npx', ['web-test-runner']);
const wtrLine = [...wtr.stdout.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].pop();
if (wtrLine) {
  totals.passed += Number(wtrLine[1]);
  totals.failed += Number(wtrLine[2]);
  totals.skipped += Number(wtrLine[3]);
  if (Number(wtrLine[2]) || wtr.code !== 0) failures.push('browser tests');
  if (wtr.code !== 0 && !Number(wtrLine[2])) totals.failed += 1;
} else {
  totals.failed += 1;
  failures.push('web-test-runner did not print its summary');
}

heading('summary');
if (failures.length) process.stdout.write(`failed: ${failures.join('; ')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed ? 1 : 0);
