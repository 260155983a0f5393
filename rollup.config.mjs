import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { importMetaAssets } from './scripts/rollup-import-meta-assets.mjs';
import { minifyLiterals } from './scripts/rollup-minify-literals.mjs';

const external = (id) => /^(lit|@lit|@lit-labs|rxjs|valibot|idb|emoji-picker-element|react|tslib)(\/|$)/.test(id);

const plugins = () => [
  importMetaAssets(),
  minifyLiterals(),
  nodeResolve({ browser: true, exportConditions: ['es2015', 'browser', 'module', 'import', 'default'] }),
  terser({ ecma: 2020, module: true, format: { comments: false } }),
];

/** The standalone entry: every export plus the element registrations, in one module. */
const STANDALONE = '\0agent-desk-standalone';
const standaloneEntry = {
  name: 'standalone-entry',
  resolveId: (id) => (id === STANDALONE ? id : null),
  load: (id) => (id === STANDALONE ? "export * from './build/index.js';\nimport './build/define.js';\n" : null),
};

/**
 * Library build: dependencies stay external so apps dedupe lit and rxjs. One file per module
 * (preserveModules): with `sideEffects` naming only the define entry, an app's bundler drops every
 * module it does not use (an app using only the store does not get the elements; in one shared
 * chunk, the element classes' decorator calls would keep them all).
 */
const library = {
  input: { index: 'build/index.js', define: 'build/define.js', react: 'build/react.js' },
  external,
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: 'build',
    entryFileNames: '[name].js',
  },
  plugins: plugins(),
};

/**
 * Drop-in bundle for pages without a bundler (no CDN, no import map): dependencies included, elements
 * registered on import. Lazy parts (the emoji picker) stay separate chunks beside it.
 */
const standalone = {
  input: { 'agent-desk': STANDALONE },
  output: {
    dir: 'dist/standalone',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [standaloneEntry, ...plugins()],
};

export default [library, standalone];
