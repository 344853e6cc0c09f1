// A rollup plugin that squeezes the white space out of Lit's css`…`, html`…` and svg`…` literals before
// minification: esbuild minifies JavaScript but leaves template strings as written.

/** Minifies the static text of a css`` literal. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/([\s:,(-])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}');
}

/** Folds the line breaks and indentation of html`` text: none next to a tag, one space elsewhere. */
export function minifyHtml(text) {
  return text.replace(/(>?)\s*\n\s*(<?)/g, (_, before, after) => (before || after ? `${before}${after}` : ' '));
}

const MINIFIERS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/**
 * Rewrites the template literals of `code` that start at `start` (just after the opening backtick), minifying
 * their static text with `minify` (or leaving it when undefined). Returns [rewritten literal body, index after
 * the closing backtick]. Expressions are copied, and the literals nested in them handled the same way.
 */
function template(code, start, minify) {
  let out = '';
  let text = '';
  let i = start;
  const flush = () => {
    out += minify ? minify(text) : text;
    text = '';
  };
  while (i < code.length && code[i] !== '`') {
    if (code[i] === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (code[i] === '$' && code[i + 1] === '{') {
      flush();
      const [expression, end] = expressionAt(code, i + 2);
      out += `\${${expression}}`;
      i = end;
    } else {
      text += code[i++];
    }
  }
  flush();
  return [out, i + 1];
}

/** Copies a `${…}` expression up to its closing brace, rewriting the literals inside it. */
function expressionAt(code, start) {
  let out = '';
  let depth = 0;
  let i = start;
  while (i < code.length) {
    const c = code[i];
    if (c === '}' && depth === 0) return [out, i + 1];
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === '"' || c === "'") {
      const end = stringEnd(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '`') {
      const tag = /(\w+)$/.exec(out)?.[1];
      const [body, end] = template(code, i + 1, MINIFIERS[tag]);
      out += `\`${body}\``;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  throw new Error('unterminated template expression');
}

function stringEnd(code, start) {
  let i = start + 1;
  while (i < code.length && code[i] !== code[start]) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Rewrites every css``, html`` and svg`` literal in a module. */
export function minifyLitLiterals(code) {
  let out = '';
  let i = 0;
  const literal = /\b(css|html|svg)`/g;
  for (let match = literal.exec(code); match; match = literal.exec(code)) {
    if (match.index < i) continue;
    out += code.slice(i, match.index) + match[0];
    const [body, end] = template(code, literal.lastIndex, MINIFIERS[match[1]]);
    out += `${body}\``;
    i = end;
    literal.lastIndex = end;
  }
  return out + code.slice(i);
}

export function minifyLitLiteralsPlugin() {
  return {
    name: 'minify-lit-literals',
    transform(code, id) {
      if (!/\/packages\/(widgets|shared)\/src\/.*\.ts$/.test(id)) return null;
      const minified = minifyLitLiterals(code);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
