// Rollup plugin: minifies the static text of our Lit `html` and `css` tagged templates with
// minify-literals (html-minifier-terser + clean-css); terser leaves template strings alone.
// Dependencies (node_modules) are already minified by their authors and are not touched.
import { minifyHTMLLiterals } from 'minify-literals';

export function minifyLiterals() {
  return {
    name: 'minify-lit-literals',
    async transform(code, id) {
      if (!/\.js$/.test(id) || id.includes('node_modules') || !/\b(html|css|svg)\s*`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
