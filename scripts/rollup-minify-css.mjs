// Rollup plugin: minifies the static text of Lit `css` tagged templates (terser leaves template
// strings alone). Conservative: drops comments, collapses whitespace and removes spaces next to
// `{ } ; ,`; quoted strings and interpolations (`${…}`) are kept as written.
const CSS_TEMPLATE = /\bcss\s*`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g;

export function minifyCssText(text) {
  // Quoted strings (`content: '✓ '`) are kept as written.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)
    .map((part, index) => (index % 2 ? part : minifyPlain(part)))
    .join('');
}

function minifyPlain(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

function minifyTemplate(body) {
  // Keep `${expr}` parts untouched, minify the text between them.
  return body
    .split(/(\$\{[^}]*\})/)
    .map((part) => (part.startsWith('${') ? part : minifyCssText(part)))
    .join('')
    .trim();
}

export function minifyCss() {
  return {
    name: 'minify-lit-css',
    transform(code, id) {
      if (!/\.js$/.test(id) || id.includes('node_modules') || !/\bcss\s*`/.test(code)) return null;
      const out = code.replace(CSS_TEMPLATE, (_match, body) => `css\`${minifyTemplate(body)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}
