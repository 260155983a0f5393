// ESLint (flat config): TypeScript, Lit, Web Components and Lit accessibility rules. `npm run lint`
// must report zero problems (warnings fail too: --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/.*.mjs',
      '**/.*.js',
      'node_modules/',
      'dist/',
      'build/',
      'storybook-static/',
      'coverage/',
      'bench/results*',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['**/*.mjs', '**/*.js', 'server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'test/node/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright scripts: the callbacks given to page.evaluate() run in the browser.
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // chai assertions are property reads (`expect(x).to.be.true`).
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // The browser tests run in Chromium, Firefox and WebKit: the stock ones are Playwright-only for
      // key combos ("Alt+ArrowDown") and the viewport.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@web/test-runner-commands',
              importNames: ['sendKeys', 'setViewport'],
              message: 'Import them from test/browser-commands.ts: they work in the three engines.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts and the demo server report on the console by design.
    files: [
      'scripts/**',
      'server/**',
      'bench/**',
      'e2e/**',
      'test/node/**',
      'test/transport/websocket-harness.ts',
      '*.config.*',
    ],
    rules: { 'no-console': 'off' },
  },
);
