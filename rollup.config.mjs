import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyCss } from './scripts/rollup-minify-css.mjs';

const external = (id) => /^(lit|@lit|@lit-labs|rxjs|valibot|idb|emoji-picker-element|react|tslib)(\/|$)/.test(id);

/** Library build: dependencies stay external so apps dedupe lit and rxjs. */
export default {
  input: { index: 'build/index.js', define: 'build/define.js', react: 'build/react.js' },
  external,
  output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [
    minifyCss(),
    nodeResolve({ browser: true, exportConditions: ['es2015', 'browser', 'module', 'import', 'default'] }),
    terser({ ecma: 2020, module: true, format: { comments: false } }),
  ],
};
