// Fails when the committed custom-elements.json differs from what `npm run analyze` generates now.
//   node scripts/check-cem.mjs        → exit 1 with the differing declarations when out of date
//   npm run analyze                   → regenerates it (commit the result)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the analyzer exactly as `npm run analyze` does, into a temporary directory. */
export function generateManifest() {
  const dir = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    // The analyzer joins --outdir to the working directory, so it gets a relative path.
    execFileSync('npm', ['run', '--silent', 'analyze', '--', '--outdir', relative(root, dir)], {
      cwd: root,
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function declarations(manifest) {
  const map = new Map();
  for (const mod of manifest.modules ?? []) {
    map.set(`${mod.path} (module exports)`, mod.exports ?? []);
    for (const declaration of mod.declarations ?? []) map.set(`${mod.path}#${declaration.name}`, declaration);
  }
  return map;
}

const byKey = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

/**
 * The analyzer lists modules, and the tags define.ts registers, in file-system/discovery order,
 * which varies between checkouts: compare modules by path and exports by name.
 */
function byPath(manifest) {
  const modules = [...(manifest.modules ?? [])]
    .sort(byKey('path'))
    .map((mod) => (mod.exports ? { ...mod, exports: [...mod.exports].sort(byKey('name')) } : mod));
  return { ...manifest, modules };
}

/** @returns {{ upToDate: boolean, differences: string[] }} */
export function compareManifest() {
  const committed = byPath(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
  const fresh = byPath(generateManifest());
  if (isDeepStrictEqual(committed, fresh)) return { upToDate: true, differences: [] };
  const before = declarations(committed);
  const after = declarations(fresh);
  const differences = [];
  for (const [key, value] of after) {
    if (!before.has(key)) differences.push(`added: ${key}`);
    else if (!isDeepStrictEqual(before.get(key), value)) differences.push(`changed: ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) differences.push(`removed: ${key}`);
  return { upToDate: false, differences: differences.length ? differences : ['top-level fields differ'] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { upToDate, differences } = compareManifest();
  if (upToDate) console.log('custom-elements.json is up to date');
  else console.log(`custom-elements.json is out of date (run \`npm run analyze\`):\n  ${differences.join('\n  ')}`);
  process.exit(upToDate ? 0 : 1);
}
