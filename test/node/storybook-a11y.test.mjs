// SLOW (~10 s + 1 s per story): builds Storybook and runs axe on every story, light and dark, in headless
// Chromium. One test per story and theme; zero violations allowed.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStorybook, checkStorybook, describeFailures } from '../../scripts/storybook-a11y.mjs';

const quick = process.env.AGENT_DESK_QUICK === '1' ? 'quick mode (AGENT_DESK_QUICK=1)' : undefined;
const dir = mkdtempSync(join(tmpdir(), 'storybook-static-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let results = [];
let buildError;
if (!quick) {
  try {
    buildStorybook(dir);
    ({ results } = await checkStorybook({ dir }));
  } catch (error) {
    buildError = error;
  }
}

test('storybook: builds offline and lists its stories', { skip: quick }, () => {
  if (buildError) assert.fail(String(buildError.stderr || buildError.message).slice(0, 4000));
  assert.ok(results.length > 0, 'no stories found');
});

for (const result of results) {
  test(`storybook a11y: ${result.id} [${result.theme}]`, () => {
    assert.ok(!result.error && result.violations.length === 0, describeFailures([result]));
  });
}
