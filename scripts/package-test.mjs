// Package test: `npm pack` the built library, check the tarball's contents and package.json, install it
// into a fresh temporary project and import `agent-desk`, `agent-desk/define` and `agent-desk/react` there
// (in Node, with Lit's server DOM shim), then type-check a consumer file against the published `.d.ts`.
//
//   node scripts/package-test.mjs [--no-build] [--keep]
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } });

export const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'LICENSE',
  'custom-elements.json',
  'dist/index.js',
  'dist/define.js',
  'dist/react.js',
  'dist/types/index.d.ts',
  'dist/types/define.d.ts',
  'dist/types/react.d.ts',
  'dist/standalone/agent-desk.js',
];

/** `npm run build` then `npm pack` into a temp dir. */
export function pack({ build = true } = {}) {
  if (build) run('npm', ['run', '--silent', 'build'], root);
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-pack-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  return {
    dir,
    tarball: join(dir, info.filename),
    files: info.files.map((f) => f.path),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
}

/** Problems with the packed file list and the package.json contract (empty when fine). */
export function checkContents(files) {
  const problems = [];
  for (const file of REQUIRED_FILES) if (!files.includes(file)) problems.push(`missing from the tarball: ${file}`);
  for (const file of files) {
    if (/^(src|test|stories|demo|build|scripts|node_modules|\.storybook)\//.test(file))
      problems.push(`should not be published: ${file}`);
    if (/\.test\.|\.stories\./.test(file)) problems.push(`test or story published: ${file}`);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const entry of ['.', './define', './react']) {
    const target = pkg.exports?.[entry];
    if (!target?.types || !target?.default) problems.push(`exports["${entry}"] needs "types" and "default"`);
    else
      for (const path of [target.types, target.default])
        if (!files.includes(path.replace(/^\.\//, '')))
          problems.push(`exports["${entry}"] → ${path} is not in the tarball`);
  }
  const sideEffects = pkg.sideEffects;
  // Only the modules that register elements: the define entry (dist, build, src) and the standalone bundle.
  if (!Array.isArray(sideEffects) || sideEffects.some((p) => !/(define\.(js|ts)|standalone\/agent-desk\.js)$/.test(p)))
    problems.push('sideEffects must list only the define entry and the standalone bundle');
  if (pkg.exports?.['./standalone'] !== './dist/standalone/agent-desk.js')
    problems.push('exports["./standalone"] missing');
  if (!pkg.peerDependenciesMeta?.react?.optional) problems.push('react must be an optional peer dependency');
  return problems;
}

/**
 * A temp project with the tarball installed. Tries a real `npm install --offline` of the tarball (npm cache
 * only, no network); if the cache lacks a dependency, extracts the tarball into node_modules and links the
 * dependencies from this repository instead. Returns the project dir and the method used.
 */
export function installInto(tarball) {
  const project = mkdtempSync(join(tmpdir(), 'agent-desk-consumer-'));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  try {
    run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, 'react@19', 'react-dom@19'],
      project,
    );
    return { project, method: 'npm install --offline' };
  } catch {
    const target = join(project, 'node_modules', 'agent-desk');
    mkdirSync(target, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], project);
    const pkg = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
    const deps = [
      ...Object.keys(pkg.dependencies ?? {}),
      'react',
      'react-dom',
      'scheduler',
      '@lit-labs/ssr-dom-shim',
      '@lit/reactive-element',
      'lit-html',
      'lit-element',
      '@types/react',
      '@types/trusted-types',
    ];
    for (const dep of deps) {
      const from = join(root, 'node_modules', dep);
      const to = join(project, 'node_modules', dep);
      if (!existsSync(from) || existsSync(to)) continue;
      mkdirSync(join(to, '..'), { recursive: true });
      symlinkSync(from, to, 'dir');
    }
    return { project, method: 'extracted + linked dependencies' };
  }
}

const IMPORT_CHECK = `
import * as core from 'agent-desk';
import * as react from 'agent-desk/react';
const missing = [];
for (const name of ['DeskStore', 'MemoryTransport', 'demoFixtures', 'ChatDesk', 'ChatBox', 'StateBox', 'VisitorPanel', 'ComposeArea', 'MessageFilterElement', 'DeskProvider', 'DeskOpenPageEvent', 'safeUrl'])
  if (!(name in core)) missing.push('agent-desk: ' + name);
if (customElements.get('chat-desk')) missing.push('agent-desk must not register elements');
await import('agent-desk/define');
for (const tag of ['chat-desk', 'desk-provider', 'chat-box', 'message-filter', 'compose-area', 'state-box', 'visitor-panel'])
  if (!customElements.get(tag)) missing.push('agent-desk/define did not register ' + tag);
for (const name of ['ChatDesk', 'DeskProvider', 'ChatBox', 'MessageFilter', 'ComposeArea', 'StateBox', 'VisitorPanel'])
  if (typeof react[name] !== 'object' && typeof react[name] !== 'function') missing.push('agent-desk/react: ' + name);
const transport = new core.MemoryTransport({ fixtures: core.demoFixtures(), simulate: false });
const store = new core.DeskStore({ transport, batching: 'sync' });
const count = store.state.conversations.size;
store.destroy();
if (!count) missing.push('a DeskStore on the demo fixtures has no conversations');
const manifest = (await import('agent-desk/custom-elements.json', { with: { type: 'json' } })).default;
if (!manifest.modules?.length) missing.push('custom-elements.json export is empty');
console.log(JSON.stringify({ missing, core: Object.keys(core).length, react: Object.keys(react).length }));
`;

const CONSUMER_TS = `
import { DeskStore, MemoryTransport, demoFixtures, type Message } from 'agent-desk';
import 'agent-desk/define';
import { ChatDesk } from 'agent-desk/react';
import { createElement } from 'react';

const store = new DeskStore({ transport: new MemoryTransport({ fixtures: demoFixtures() }) });
const first: Message | undefined = undefined;
export const app = createElement(ChatDesk, {
  store,
  onDeskCustomerRecord: (event) => event.detail.visitorId.toUpperCase(),
  onDeskSend: (event) => event.detail.conversationId,
});
const desk: HTMLElementTagNameMap['chat-desk'] = document.createElement('chat-desk');
desk.store = store;
export { first };
`;

/** Imports the installed package in Node; returns the problems found. */
export function importCheck(project) {
  writeFileSync(join(project, 'check.mjs'), IMPORT_CHECK);
  const out = run(process.execPath, ['check.mjs'], project, { NODE_NO_WARNINGS: '1' });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Type-checks a consumer file against the published declarations; returns tsc's errors ('' when fine). */
export function typeCheck(project) {
  writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  if (!existsSync(join(project, 'node_modules', '@types', 'react'))) {
    cpSync(join(root, 'node_modules', '@types', 'react'), join(project, 'node_modules', '@types', 'react'), {
      recursive: true,
    });
  }
  try {
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    return '';
  } catch (error) {
    return String(error.stdout || error.message);
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html emoji-picker-element',
].join('; ');

const DROP_IN_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>agent-desk drop-in</title>
    <script type="module" src="./main.js"></script>
  </head>
  <body>
    <chat-desk demo></chat-desk>
  </body>
</html>
`;

const DROP_IN_JS = `import { DeskStore, MemoryTransport } from './node_modules/agent-desk/dist/standalone/agent-desk.js';
window.dropIn = { DeskStore: typeof DeskStore, MemoryTransport: typeof MemoryTransport, defined: !!customElements.get('chat-desk') };
`;

/**
 * An app's bundler drops what the app does not use: an app importing only the store and a
 * transport from the installed package gets no element (nothing imports lit). Bundled with rollup
 * from the consumer project, dependencies external. Returns { problems, imports }.
 */
export async function treeShakeCheck(project) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const entry = '\0store-only-app';
  const bundle = await rollup({
    input: entry,
    external: (id) =>
      !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('agent-desk'),
    plugins: [
      {
        name: 'store-only-app',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) =>
          id === entry ? "export { DeskStore, WebSocketTransport, IndexedDbOutbox } from 'agent-desk';" : null,
      },
      nodeResolve({ rootDir: project, browser: true }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const imports = [...new Set(output.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.imports : [])))].sort();
  const problems = imports
    .filter((id) => /^(lit|@lit)/.test(id))
    .map((id) => `a store-only app imports ${id}: the elements were not tree-shaken`);
  return { problems, imports };
}

/**
 * The built templates are intact: a minifier that drops the closing slash of `<rect … />` in an
 * `svg` template leaves the shape open, and the next shapes end up inside it (not drawn). Runs in
 * the page: every shape element through the shadow roots must be childless.
 */
function nestedShapes() {
  const shapes = 'rect, circle, ellipse, line, path, polygon, polyline';
  const found = [];
  const visit = (root) => {
    for (const shape of root.querySelectorAll(shapes))
      if (shape.querySelector(shapes)) found.push(`a <${shape.localName}> contains other shapes in the built bundle`);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  return [...new Set(found)];
}

/**
 * Drop-in use without a bundler: a static page under a strict CSP with Trusted Types imports the
 * standalone bundle from the installed package and shows `<chat-desk demo>` in headless Chromium.
 * Returns the problems found.
 */
export async function dropInCheck(project) {
  writeFileSync(join(project, 'index.html'), DROP_IN_HTML);
  writeFileSync(join(project, 'main.js'), DROP_IN_JS);
  const { createServer } = await import('node:http');
  const types = {
    '.html': 'text/html',
    '.svg': 'image/svg+xml',
    '.jpg': 'image/jpeg',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.map': 'application/json',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = join(project, path === '/' ? 'index.html' : path);
    if (!file.startsWith(project) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('./storybook-a11y.mjs');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const problems = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const origin = `http://127.0.0.1:${server.address().port}`;
    // Everything comes from the page's own origin: the bundle, its chunks, the demo's images, the emoji data.
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) problems.push(`fetched from elsewhere: ${url}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.dropIn, undefined, { timeout: 15000 });
    const dropIn = await page.evaluate(() => window.dropIn);
    if (dropIn.DeskStore !== 'function' || dropIn.MemoryTransport !== 'function')
      problems.push('standalone exports missing');
    if (!dropIn.defined) problems.push('standalone bundle did not register <chat-desk>');
    const list = page.getByRole('listbox', { name: 'Ongoing conversations' });
    await list.waitFor({ timeout: 15000 });
    if ((await list.getByRole('option').count()) === 0) problems.push('the demo desk shows no conversations');
    await page.getByRole('textbox', { name: 'Message' }).first().waitFor({ timeout: 15000 });
    problems.push(...(await page.evaluate(nestedShapes)));
    // The minifier keeps a space where a template starts or ends with one (`${visits} (returning visitor)`).
    const visits = page.getByText('(returning visitor)').first();
    await visits.waitFor({ timeout: 15000 });
    const visitsText = await visits.evaluate((span) => span.parentElement.textContent.replace(/\s+/g, ' ').trim());
    if (!/\d \(returning visitor\)$/.test(visitsText)) problems.push(`built templates lost a space: "${visitsText}"`);
    // A composer tool (an on-demand chunk beside the bundle) and the block dialog work under the same CSP.
    await page.getByRole('button', { name: 'Send a link' }).first().click();
    await page.getByRole('form', { name: 'Link' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Block visitor' }).first().click();
    await page.getByRole('alertdialog').first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    // The emoji data ships with the package, beside the bundle: fetched from this origin (connect-src 'self').
    // (The panel itself is not opened here: emoji-picker-element cannot render under Trusted Types and
    // style-src 'self'; the composer then offers its short list of common emoji. See the README.)
    const assets = join(project, 'node_modules', 'agent-desk', 'dist', 'standalone', 'assets');
    const emojiFiles = existsSync(assets)
      ? readdirSync(assets).filter((f) => /^emoji-picker-element-data-en-.*\.json$/.test(f))
      : [];
    if (emojiFiles.length !== 1)
      problems.push(`expected one English emoji data file in dist/standalone/assets, found ${emojiFiles.length}`);
    else {
      const count = await page.evaluate(
        (url) =>
          fetch(url)
            .then((response) => response.json())
            .then((data) => data.length),
        `./node_modules/agent-desk/dist/standalone/assets/${emojiFiles[0]}`,
      );
      if (!(count > 1000)) problems.push(`the emoji data beside the bundle has ${count} entries`);
    }
    // The demo's images load (served beside the bundle).
    const images = await page.evaluate(() => {
      const found = [];
      const visit = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'img')
            found.push({ src: element.src, ok: element.complete && element.naturalWidth > 0 });
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found;
    });
    for (const image of images.filter((i) => !i.ok && !i.src.startsWith('blob:')))
      problems.push(`image did not load: ${image.src}`);
  } catch (error) {
    problems.push(String(error.message).split('\n')[0]);
  } finally {
    await browser.close();
    server.close();
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const packed = pack({ build: !args.includes('--no-build') });
  console.log(`packed ${packed.files.length} files, ${packed.size} B (unpacked ${packed.unpackedSize} B)`);
  const problems = checkContents(packed.files);
  const { project, method } = installInto(packed.tarball);
  console.log(`installed with: ${method} in ${project}`);
  const imported = importCheck(project);
  problems.push(...imported.missing);
  console.log(`imported: ${imported.core} exports from agent-desk, ${imported.react} from agent-desk/react`);
  problems.push(...(await treeShakeCheck(project)).problems);
  problems.push(...(await dropInCheck(project)));
  const tsErrors = typeCheck(project);
  if (tsErrors) problems.push(`consumer type-check failed:\n${tsErrors}`);
  if (!args.includes('--keep')) {
    rmSync(project, { recursive: true, force: true });
    rmSync(packed.dir, { recursive: true, force: true });
  }
  console.log(problems.length ? problems.join('\n') : 'package OK');
  process.exit(problems.length ? 1 : 0);
}
