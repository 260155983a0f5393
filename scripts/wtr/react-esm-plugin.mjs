// React ships CommonJS only; the test runner serves native ES modules. This plugin answers imports of
// `react`, `react/jsx-runtime` and `react-dom/client` with one esbuild bundle (split, so all three share
// a single React instance), built once per run, in development mode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PREFIX = '/__react-esm/';
const ENTRIES = {
  react: 'react',
  'react/jsx-runtime': 'jsx-runtime',
  'react-dom/client': 'react-dom-client',
  'react-dom': 'react-dom',
};
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

async function bundle() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'wtr-react-'));
  const entryPoints = {};
  for (const [specifier, name] of Object.entries(ENTRIES)) {
    // Export names read in a child process: loading React here would patch the runner's console.
    const keys = execFileSync(
      process.execPath,
      ['-e', `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
      },
    );
    const names = JSON.parse(keys).filter((key) => key !== 'default' && IDENTIFIER.test(key));
    const file = join(dir, `${name}.mjs`);
    writeFileSync(
      file,
      `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
    );
    entryPoints[name] = file;
  }
  const result = await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: join(dir, 'out'),
    write: false,
    nodePaths: [join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [file.path.slice(join(dir, 'out').length + 1), file.text]));
}

export function reactEsmPlugin() {
  let files;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      const name = ENTRIES[source];
      return name ? `${PREFIX}${name}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
