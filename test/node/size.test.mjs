// Size budget of the `agent-desk` entry, min+gzip (see scripts/size.mjs for what is counted).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeSize, kb, measureCore } from '../../scripts/size.mjs';
import { gateOptions } from '../../scripts/test-gates.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(`${root}/build/index.js`)) {
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
  });
}
const size = await measureCore();

test(`core size: own code ${kb(size.own.gzip)} gzip ≤ ${kb(size.budget)}`, gateOptions('size'), (t) => {
  for (const line of describeSize(size).split('\n')) t.diagnostic(line);
  assert.ok(size.own.gzip <= size.budget, `own code is ${kb(size.own.gzip)} gzip, over the ${kb(size.budget)} budget`);
});

test('the emoji picker is loaded lazily, not with the core', () => {
  assert.ok(
    size.withDeps.lazy.files.some((file) => file.startsWith('emoji-picker-element')),
    `lazy chunks: ${size.withDeps.lazy.files.join(', ')}`,
  );
});
