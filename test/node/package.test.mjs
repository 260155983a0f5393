// SLOW (~40 s): npm pack, install the tarball into a fresh project (npm install --offline), import the
// three entry points in Node and type-check a consumer against the published .d.ts.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  checkContents,
  dropInCheck,
  importCheck,
  installInto,
  pack,
  treeShakeCheck,
  typeCheck,
} from '../../scripts/package-test.mjs';

const quick = process.env.AGENT_DESK_QUICK === '1' ? 'quick mode (AGENT_DESK_QUICK=1)' : undefined;
const packed = quick ? undefined : pack({ build: process.env.AGENT_DESK_BUILT !== '1' });
const installed = packed ? installInto(packed.tarball) : undefined;

after(() => {
  if (installed) rmSync(installed.project, { recursive: true, force: true });
  if (packed) rmSync(packed.dir, { recursive: true, force: true });
});

test(
  'package: the tarball has ESM, .d.ts, custom-elements.json, README, LICENSE; exports and sideEffects',
  { skip: quick },
  (t) => {
    t.diagnostic(`${packed.files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked`);
    assert.deepEqual(checkContents(packed.files), []);
  },
);

test(
  'package: installs into a fresh project and imports agent-desk, agent-desk/define, agent-desk/react',
  { skip: quick },
  (t) => {
    t.diagnostic(`installed with: ${installed.method}`);
    const result = importCheck(installed.project);
    assert.deepEqual(result.missing, []);
  },
);

test(
  'package: an app using only the store and a transport gets no element (tree-shaken)',
  { skip: quick },
  async (t) => {
    const { problems, imports } = await treeShakeCheck(installed.project);
    t.diagnostic(`the store-only bundle imports: ${imports.join(', ')}`);
    assert.deepEqual(problems, []);
  },
);

test('package: a TypeScript consumer type-checks against the published declarations', { skip: quick }, () => {
  assert.equal(typeCheck(installed.project), '');
});

test(
  'package: drop-in page (no bundler, strict CSP + Trusted Types) shows <chat-desk demo> from the standalone bundle',
  { skip: quick, timeout: 60_000 },
  async () => {
    assert.deepEqual(await dropInCheck(installed.project), []);
  },
);
