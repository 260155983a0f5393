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

/**
 * The manifest documents the public API only: the elements (their shared base included, for what
 * they inherit), the events, the store and the transports. Private and protected members, and
 * modules that declare nothing public, are left out.
 */
const PUBLIC_MODULES = [
  /^src\/events\.ts$/,
  /^src\/define\.ts$/,
  /^src\/store\/(desk-store|outbox|outbox-idb)\.ts$/,
  /^src\/transport\/(memory-transport|websocket-transport|transport|protocol)\.ts$/,
];

function publicApiPlugin() {
  const hidden = (member) =>
    member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#');
  return {
    name: 'agent-desk-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((member) => !hidden(member));
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (attribute) => !attribute.fieldName || declaration.members?.some((m) => m.name === attribute.fieldName),
            );
          }
        }
      }
      // Modules reached through imports are analyzed too: keep only the public ones listed above.
      customElementsManifest.modules = customElementsManifest.modules.filter((mod) =>
        mod.path.startsWith('src/components/')
          ? mod.declarations?.some((declaration) => declaration.customElement) ||
            mod.path === 'src/components/shared/desk-element.ts'
          : PUBLIC_MODULES.some((pattern) => pattern.test(mod.path)),
      );
    },
  };
}

export default {
  globs: [
    'src/components/**/*.ts',
    'src/events.ts',
    'src/store/desk-store.ts',
    'src/store/outbox.ts',
    'src/store/outbox-idb.ts',
    'src/transport/memory-transport.ts',
    'src/transport/websocket-transport.ts',
    'src/transport/transport.ts',
    'src/transport/protocol.ts',
    'src/define.ts',
  ],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  // package.json already points at custom-elements.json; the up-to-date check writes elsewhere.
  packagejson: false,
  litelement: true,
  plugins: [defineMapPlugin(), publicApiPlugin()],
};
