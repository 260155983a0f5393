// `npm run screenshot`: regenerates docs/screenshot.png, the picture at the top of the README.
// Starts the demo (Vite, any free port), opens it in headless Chromium (playwright-core driving
// Debian's /usr/bin/chromium, as the bench and the package test do), shows Emma's conversation
// (message kinds, an image, an offer, her visitor panel) and saves a 1440 × 900 screenshot.
//
//   node scripts/screenshot.mjs [--out docs/screenshot.png] [--query "lang=fr&theme=dark"]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS } from './storybook-a11y.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/screenshot.png' },
    query: { type: 'string', default: '' },
  },
});

const server = await createServer({
  root,
  configFile: fileURLToPath(new URL('../vite.config.mjs', import.meta.url)),
  logLevel: 'warn',
  server: { port: 5190, strictPort: false },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5190/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}${values.query ? `?${values.query}` : ''}`);
  const list = page.getByRole('listbox').first();
  await list.waitFor({ timeout: 30000 });
  await list.getByRole('option', { name: /Emma Laurent/ }).click();
  await page
    .getByRole('log', { name: /Emma Laurent/ })
    .first()
    .waitFor({ timeout: 15000 });
  // The images in the thread loaded (the demo serves its own), and the layout settled.
  const images = () =>
    page.evaluate(() => {
      const found = [];
      const visit = (node) => {
        for (const element of node.querySelectorAll('*')) {
          if (element.localName === 'img')
            found.push({ src: element.src, ok: element.complete && element.naturalWidth > 0 });
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found;
    });
  for (let i = 0; i < 50 && !(await images()).every((image) => image.ok); i += 1) await page.waitForTimeout(200);
  const broken = (await images()).filter((image) => !image.ok);
  if (broken.length) console.warn(`images not loaded: ${broken.map((image) => image.src).join(', ')}`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: fileURLToPath(new URL(`../${values.out}`, import.meta.url)) });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  await server.close();
}
