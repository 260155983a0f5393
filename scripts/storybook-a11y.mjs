// Accessibility check of the BUILT Storybook: serves storybook-static, opens every story's iframe in
// headless Chromium (playwright-core) and runs axe-core with the same setup as @storybook/addon-a11y
// (whole body, Storybook's own nodes excluded, `region` off, story-level `parameters.a11y` honoured).
// Each story runs in the light and the dark theme. Zero violations allowed; stories that fail to
// render count as failures too.
//
//   node scripts/storybook-a11y.mjs [--build] [--dir storybook-static] [--themes light,dark] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Builds Storybook into `dir` (about 5 s here). */
export function buildStorybook(dir = join(root, 'storybook-static')) {
  execFileSync('npx', ['storybook', 'build', '-o', dir, '--quiet'], { cwd: root, stdio: 'pipe' });
  return dir;
}

/**
 * @returns {Promise<{ checked: number, results: { id: string, theme: string, error?: string,
 *   violations: { id: string, impact: string, help: string, targets: string[] }[] }[] }>}
 */
export async function checkStorybook({
  dir = join(root, 'storybook-static'),
  themes = ['light', 'dark'],
  timeoutMs = 15000,
} = {}) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { chromium } = await import('playwright-core');
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // One page load; stories and themes are then switched through the preview's channel (as the
    // Storybook manager does), which is much faster than reloading the 1 MB preview for each story.
    // The addon's own automatic axe run is turned off (a11y.manual): this script runs axe itself.
    await page.goto(`${base}/iframe.html?id=${stories[0].id}&viewMode=story&globals=a11y.manual:!true`, {
      timeout: timeoutMs,
    });
    await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__ && window.__STORYBOOK_PREVIEW__, undefined, {
      timeout: timeoutMs,
    });
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
    for (const theme of themes) {
      for (const story of stories) {
        pageErrors.length = 0;
        const result = { id: story.id, theme, violations: [] };
        results.push(result);
        try {
          const outcome = await page.evaluate(
            ({ id, theme, timeoutMs }) =>
              new Promise((resolve) => {
                const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
                const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
                const handlers = events.map((type) => [type, (detail) => finish(type, detail)]);
                const timer = setTimeout(() => finish('timeout'), timeoutMs);
                function finish(type, detail) {
                  clearTimeout(timer);
                  for (const [name, handler] of handlers) channel.off(name, handler);
                  resolve({
                    type,
                    detail:
                      detail && typeof detail === 'object'
                        ? JSON.stringify(detail).slice(0, 500)
                        : String(detail ?? ''),
                  });
                }
                for (const [name, handler] of handlers) channel.on(name, handler);
                channel.emit('updateGlobals', { globals: { theme, a11y: { manual: true } } });
                channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
              }),
            { id: story.id, theme, timeoutMs },
          );
          if (outcome.type !== 'storyRendered') {
            result.error = `story did not render (${outcome.type}) ${outcome.detail}`;
            continue;
          }
          // The themes addon sets data-desk-theme in an effect after the render; a story may force its own.
          await page
            .waitForFunction((theme) => document.documentElement.dataset.deskTheme === theme, theme, { timeout: 1000 })
            .catch(() => undefined);
          // Let Lit finish rendering, then the same settle the addon waits for (animations).
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await page.evaluate(() =>
            Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
          );
          const violations = await page.evaluate(async () => {
            const preview = window.__STORYBOOK_PREVIEW__;
            const a11y = preview?.currentRender?.story?.parameters?.a11y ?? {};
            if (a11y.disable || a11y.test === 'off') return [];
            const config = a11y.config ?? {};
            const context = {
              include: document.body,
              exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'],
            };
            // Should the addon still run axe itself, wait for it to finish.
            let run;
            for (let attempt = 0; !run; attempt += 1) {
              try {
                window.axe.reset();
                window.axe.configure({ ...config, rules: [{ id: 'region', enabled: false }, ...(config.rules ?? [])] });
                run = await window.axe.run(context, a11y.options ?? {});
              } catch (error) {
                if (attempt > 100 || !String(error).includes('already running')) throw error;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
            }
            return run.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              targets: v.nodes.map((n) => JSON.stringify(n.target)),
            }));
          });
          result.violations = violations;
          if (pageErrors.length) result.error = `page errors: ${pageErrors.join(' | ')}`;
        } catch (error) {
          result.error = String(error?.message ?? error).split('\n')[0];
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { checked: stories.length, results };
}

export function describeFailures(results) {
  return results
    .filter((r) => r.error || r.violations.length)
    .map((r) =>
      [
        `${r.id} [${r.theme}]${r.error ? `: ${r.error}` : ''}`,
        ...r.violations.map((v) => `  ${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 3).join(', ')}`),
      ].join('\n'),
    )
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const dir = value('--dir', join(root, 'storybook-static'));
  if (args.includes('--build') || !existsSync(join(dir, 'index.json'))) buildStorybook(dir);
  const started = Date.now();
  const { checked, results } = await checkStorybook({ dir, themes: value('--themes', 'light,dark').split(',') });
  const failures = describeFailures(results);
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  if (failures) console.log(failures);
  const bad = results.filter((r) => r.error || r.violations.length).length;
  console.log(
    `${checked} stories, ${results.length} story×theme checks, ${bad} with violations or errors (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  process.exit(bad ? 1 : 0);
}
