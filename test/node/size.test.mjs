// Size budget of the `agent-desk` entry, min+gzip (see scripts/size.mjs for what is counted).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CEILING_APP_GZIP, CEILING_OWN_GZIP, LAZY_PARTS, describeSize, kb, measureCore } from '../../scripts/size.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(`${root}/build/index.js`)) {
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
  });
}
const size = await measureCore();

// The 30 KB target is measured and reported (and failed) by `npm run bench`; it is not met. What
// npm test enforces is the regression ceiling: the size may only go down from here.
test(`core size: own code ${kb(size.own.gzip)} gzip ≤ regression ceiling ${kb(CEILING_OWN_GZIP)} (target ${kb(size.budget)}, not met)`, (t) => {
  for (const line of describeSize(size).split('\n')) t.diagnostic(line);
  assert.ok(
    size.own.gzip <= CEILING_OWN_GZIP,
    `own code is ${kb(size.own.gzip)} gzip, over the ${kb(CEILING_OWN_GZIP)} ceiling`,
  );
});

test(`production app: own code ${kb(size.app.gzip)} gzip ≤ regression ceiling ${kb(CEILING_APP_GZIP)}`, () => {
  assert.ok(
    size.app.gzip <= CEILING_APP_GZIP,
    `the app is ${kb(size.app.gzip)} gzip, over the ${kb(CEILING_APP_GZIP)} ceiling`,
  );
});

for (const part of LAZY_PARTS) {
  test(`a production app loads "${part}" on demand, not with its first paint`, () => {
    assert.ok(
      size.app.lazy.files.some((file) => file.startsWith(`${part}-`)),
      `lazy chunks: ${size.app.lazy.files.join(', ')}`,
    );
  });
}

test('the emoji picker is loaded lazily, not with the core', () => {
  assert.ok(
    size.withDeps.lazy.files.some((file) => file.startsWith('emoji-picker-element')),
    `lazy chunks: ${size.withDeps.lazy.files.join(', ')}`,
  );
});
