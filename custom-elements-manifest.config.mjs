// Configuration of `cem analyze` (npm run analyze). custom-elements.json is generated from JSDoc and committed;
// scripts/check-cem.mjs fails the test run when it is out of date.
import { readFileSync } from 'node:fs';

/**
 * src/define.ts registers the tags in a loop over an `{ 'tag-name': Class }` map, which the analyzer
 * cannot follow. This plugin reads that map and gives every element its `tagName` and a
 * `custom-element-definition` export, as a literal `customElements.define('tag', Class)` would.
 */
function defineMapPlugin() {
  const source = readFileSync(new URL('./src/define.ts', import.meta.url), 'utf8');
  const map = source.slice(source.indexOf('const elements'), source.indexOf('} as const'));
  const tags = new Map(
    [...map.matchAll(/'([a-z][a-z0-9]*-[a-z0-9-]+)':\s*(\w+)/g)].map(([, tag, name]) => [name, tag]),
  );
  return {
    name: 'agent-desk-define-map',
    packageLinkPhase({ customElementsManifest }) {
      const definitions = [];
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (!declaration.customElement || !tag) continue;
          declaration.tagName = tag;
          definitions.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: declaration.name, module: mod.path },
          });
        }
      }
      const defineModule = customElementsManifest.modules.find((mod) => mod.path === 'src/define.ts');
      if (defineModule) {
        defineModule.exports = [
          ...(defineModule.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition'),
          ...definitions,
        ];
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/react.ts'],
  outdir: '.',
  // package.json already points at custom-elements.json; the up-to-date check writes elsewhere.
  packagejson: false,
  litelement: true,
  plugins: [defineMapPlugin()],
};
