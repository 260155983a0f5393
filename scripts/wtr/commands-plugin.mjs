/**
 * Web Test Runner plugin: keyboard and viewport commands that behave the same in the three engines
 * (test/browser-commands.ts calls them). The stock `sendKeys` / `setViewport` of
 * @web/test-runner-commands only understand Playwright's key names fully: Puppeteer (Firefox) has
 * no "Alt+ArrowDown" combos nor "Space", WebDriver (WebKit) has no combos, `down`/`up` or viewport.
 *
 *   agent-desk-keys      { type } | { press } | { down } | { up }, keys named as in Playwright
 *                        ("Enter", "Space", "Alt+ArrowDown", "Shift+F6")
 *   agent-desk-viewport  { width, height }: the page's inner size
 */
import { Key } from 'webdriverio';

/** "Alt+ArrowDown" → ['Alt', 'ArrowDown']; "+" alone and "Shift++" keep their plus. */
function splitCombo(combo) {
  const keys = combo.split(/\+(?=.)/);
  return keys.map((key) => (key === '' ? '+' : key));
}

/** A Playwright key name as WebDriver's key value (one character or a WebDriver code point). */
function webdriverKey(name) {
  if (name === 'Space') return ' ';
  if (name.length === 1) return name;
  if (name === 'Control') return Key.Control;
  const value = Key[name];
  if (typeof value !== 'string') throw new Error(`agent-desk-keys: no WebDriver key for "${name}"`);
  return value;
}

/** A Playwright key name as Puppeteer's (Firefox over BiDi knows no "Space"). */
function puppeteerKey(name) {
  return name === 'Space' ? ' ' : name;
}

async function puppeteerKeys(keyboard, payload) {
  if ('type' in payload) return keyboard.type(payload.type);
  if ('down' in payload) return keyboard.down(puppeteerKey(payload.down));
  if ('up' in payload) return keyboard.up(puppeteerKey(payload.up));
  const keys = splitCombo(payload.press).map(puppeteerKey);
  const main = keys.pop();
  for (const modifier of keys) await keyboard.down(modifier);
  await keyboard.press(main);
  for (const modifier of keys.reverse()) await keyboard.up(modifier);
}

async function webdriverKeys(browser, sessionId, payload) {
  let actions;
  if ('type' in payload) {
    actions = [...payload.type].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
  } else if ('down' in payload) {
    actions = [{ type: 'keyDown', value: webdriverKey(payload.down) }];
  } else if ('up' in payload) {
    actions = [{ type: 'keyUp', value: webdriverKey(payload.up) }];
  } else {
    const keys = splitCombo(payload.press).map(webdriverKey);
    actions = [
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...keys.reverse().map((value) => ({ type: 'keyUp', value })),
    ];
  }
  await browser.driverManager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
}

/** Sizes WebKit's window so that the page (window.innerWidth/innerHeight) gets the size asked. */
async function webdriverViewport(driver, { width, height }) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inner = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (inner[0] === width && inner[1] === height) return;
    const outer = await driver.getWindowSize();
    await driver.setWindowSize(outer.width + width - inner[0], outer.height + height - inner[1]);
  }
  const inner = await driver.execute(() => [window.innerWidth, window.innerHeight]);
  if (inner[0] !== width || inner[1] !== height) {
    throw new Error(`agent-desk-viewport: asked ${width}×${height}, the page is ${inner[0]}×${inner[1]}`);
  }
}

export function commandsPlugin() {
  return {
    name: 'agent-desk-commands',
    async executeCommand({ command, payload, session }) {
      const browser = session.browser;
      if (command === 'agent-desk-keys') {
        if (browser.type === 'playwright') {
          const { keyboard } = browser.getPage(session.id);
          if ('type' in payload) await keyboard.type(payload.type);
          else if ('down' in payload) await keyboard.down(payload.down);
          else if ('up' in payload) await keyboard.up(payload.up);
          else await keyboard.press(payload.press);
        } else if (browser.type === 'puppeteer') {
          await puppeteerKeys(browser.getPage(session.id).keyboard, payload);
        } else if (browser.type === 'webdriver') {
          await webdriverKeys(browser, session.id, payload);
        } else {
          throw new Error(`agent-desk-keys: no keyboard for browser type ${browser.type}`);
        }
        return true;
      }
      if (command === 'agent-desk-viewport') {
        if (browser.type === 'playwright') await browser.getPage(session.id).setViewportSize(payload);
        else if (browser.type === 'puppeteer') await browser.getPage(session.id).setViewport(payload);
        else if (browser.type === 'webdriver') await webdriverViewport(browser.driver, payload);
        else throw new Error(`agent-desk-viewport: no viewport for browser type ${browser.type}`);
        return true;
      }
      return undefined;
    },
  };
}
