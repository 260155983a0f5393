// Rollup plugin: files our code refers to as `new URL('./relative/path', import.meta.url)` (the demo's
// images, the emoji data) are copied into the output as assets, and the reference is rewritten to
// point at the copy (`assets/<name>-<hash>.<ext>`, resolved against the chunk's own URL at run time).
// The same literal works unchanged in Vite (demo, Storybook), in web-test-runner and in an app's
// bundler (Vite, webpack 5 and Parcel understand the pattern), so the files always load from the
// origin that served the code.
//
// The library is compiled by tsc into build/ first, and tsc copies no asset: a path that does not
// exist beside build/<module>.js is looked up beside src/<module>.ts (same folder layout).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';

const PATTERN = /new URL\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g;

function locate(id, path) {
  const beside = resolve(dirname(id), path);
  if (existsSync(beside)) return beside;
  const fromSource = resolve(dirname(id.replace(`${sep}build${sep}`, `${sep}src${sep}`)), path);
  return existsSync(fromSource) ? fromSource : undefined;
}

/** A readable asset name: `data.json` of a package folder gets the folders that tell it apart. */
function assetName(file) {
  const parts = file.split(sep);
  const name = basename(file);
  if (name !== 'data.json') return name;
  const at = parts.lastIndexOf('node_modules');
  return `${parts.slice(at + 1, -1).join('-')}.json`;
}

export function importMetaAssets() {
  return {
    name: 'import-meta-assets',
    transform(code, id) {
      if (!/\.js$/.test(id) || id.includes(`${sep}node_modules${sep}`) || !code.includes('import.meta.url'))
        return null;
      let changed = false;
      const out = code.replace(PATTERN, (whole, _quote, path) => {
        const file = locate(id, path);
        if (!file) {
          this.warn(`${path} (in ${id}) was not found: left as is`);
          return whole;
        }
        const ref = this.emitFile({ type: 'asset', name: assetName(file), source: readFileSync(file) });
        changed = true;
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      // Replacements stay on their line: the existing source map is kept (map: null).
      return changed ? { code: out, map: null } : null;
    },
  };
}
