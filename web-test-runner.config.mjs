import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/wtr/summary-reporter.mjs';
import { launcher } from './scripts/wtr/browsers.mjs';
import { commandsPlugin } from './scripts/wtr/commands-plugin.mjs';
import { wsServerPlugin } from './scripts/wtr/ws-server-plugin.mjs';
import { reactEsmPlugin } from './scripts/wtr/react-esm-plugin.mjs';

// AGENT_DESK_BROWSERS=chromium,firefox,webkit picks the engines (default: Chromium alone, the quick
// loop; `npm test` runs one web-test-runner per engine, see scripts/test.mjs).
const engines = (process.env.AGENT_DESK_BROWSERS ?? 'chromium')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
  plugins: [
    commandsPlugin(),
    wsServerPlugin(),
    reactEsmPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: engines.map(launcher),
  reporters: [defaultReporter(), summaryReporter()],
};
