/**
 * The three engines the browser tests run in, all from Debian packages (scripts/ensure-browsers.sh):
 *   chromium  /usr/bin/chromium, driven by Playwright over CDP
 *   firefox   /usr/bin/firefox-esr, driven by Puppeteer over WebDriver BiDi (no geckodriver)
 *   webkit    WebKitGTK's MiniBrowser, driven over WebDriver by WebKitWebDriver, which this launcher
 *             starts on a free port; WebKitGTK needs a display: run under `xvfb-run -a` without one.
 * `AGENT_DESK_BROWSERS=firefox,webkit` picks some (web-test-runner.config.mjs); scripts/test.mjs
 * runs one web-test-runner per engine.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once WebKitWebDriver accepts requests on the port (it takes a moment to start). */
async function waitForDriver(port, state) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (state.error) {
      throw new Error(`WebKitWebDriver could not start (is webkit2gtk-driver installed?): ${state.error.message}`);
    }
    if (state.exitCode !== undefined) throw new Error(`WebKitWebDriver exited with code ${state.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 20 s`);
}

/** The WebDriver launcher, with its own WebKitWebDriver process for the length of the run. */
class WebKitLauncher extends WebdriverLauncher {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  driverProcess;

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      throw new Error('WebKitGTK needs a display: run under `xvfb-run -a` (npm test does).');
    }
    const port = await freePort();
    // Under LANG=C (CI, containers) WebKitGTK's navigator.language is "C", which Intl refuses and
    // axe reports as an invalid lang: the browser gets an English locale, as on a desktop.
    const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', LC_ALL: '' },
    });
    const state = { error: undefined, exitCode: undefined };
    driver.once('error', (error) => (state.error = error));
    driver.once('exit', (code) => (state.exitCode = code));
    // Not left behind if web-test-runner ends without stopping its browsers.
    process.once('exit', () => driver.kill());
    this.driverProcess = driver;
    this.options.port = port;
    await waitForDriver(port, state);
  }

  async stop() {
    await super.stop();
    this.driverProcess?.kill();
  }
}

/** The launcher for one engine. */
export function launcher(engine) {
  switch (engine) {
    case 'chromium':
      return playwrightLauncher({
        product: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      });
    case 'firefox':
      return puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
      });
    case 'webkit':
      return new WebKitLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      });
    default:
      throw new Error(`Unknown engine "${engine}": pick from ${ENGINES.join(', ')}`);
  }
}
