// Rollup plugin: minifies the static text of our Lit `html` and `css` tagged templates with
// minify-literals (html-minifier-terser + clean-css); terser leaves template strings alone.
// Dependencies (node_modules) are already minified by their authors and are not touched.
import { minifyHTMLLiterals } from 'minify-literals';

export function minifyLiterals() {
  return {
    name: 'minify-lit-literals',
    async transform(code, id) {
      if (!/\.js$/.test(id) || id.includes('node_modules') || !/\b(html|css|svg)\s*`/.test(code)) return null;
      // keepClosingSlash: in svg`` templates (no <svg> around them) `<rect …/>` must stay self-closed,
      // or the HTML parser nests the next shapes inside it and they are not drawn. conservativeCollapse:
      // whitespace is collapsed to one space, never removed: a template that starts or ends with a space
      // (html` <span>…`) is joined to text around it (+0.1 KB gzip).
      const minifyOptions = { keepClosingSlash: true, conservativeCollapse: true };
      let result;
      try {
        result = await minifyHTMLLiterals(code, { fileName: id, minifyOptions });
      } catch {
        // clean-css rewrites a style attribute holding placeholders (style="top: ${y}px; left: ${x}px")
        // and the parts no longer line up: minify that file's templates without touching inline CSS.
        result = await minifyHTMLLiterals(code, {
          fileName: id,
          minifyOptions: { ...minifyOptions, minifyCSS: false },
        });
      }
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
