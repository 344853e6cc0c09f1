// The tooling's layering: tests, scripts and tools never import from bench/; a package's test folder is imported
// only from inside it (what tests, benchmarks and screenshots share lives in tools/).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const SKIP = new Set(['node_modules', 'dist', 'lib', '.cache', '.git']);

/** Source files under `dir`, as absolute paths. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sources(path);
    return /\.(?:m|c)?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

/** The relative import specifiers of a file (`import … from`, `export … from`, `import '…'`, `import('…')`), resolved to paths from the root. */
function importsOf(file) {
  const code = readFileSync(join(root, file), 'utf8');
  const specs = code.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]+\bfrom\s*)?["'](\.[^"']*)["']|\bimport\(\s*["'](\.[^"']*)["']\s*\)/g);
  return [...specs].map((m) => relative(root, resolve(root, dirname(file), m[1] ?? m[2])));
}

const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const files = sources(root).map((path) => relative(root, path));

test('nothing in scripts/, test/ or tools/ imports from bench/', () => {
  const wrong = files
    .filter((file) => ['scripts', 'test', 'tools'].some((folder) => inside(file, folder)))
    .flatMap((file) => importsOf(file).filter((target) => inside(target, 'bench')).map((target) => `${file} → ${target}`));
  assert.deepEqual(wrong, []);
});

test('a package’s test folder is imported only from inside it', () => {
  const wrong = files.flatMap((file) =>
    importsOf(file)
      .map((target) => [target, /^packages\/[^/]+\/test(?=\/|$)/.exec(target)?.[0]])
      .filter(([, folder]) => folder && !inside(file, folder))
      .map(([target]) => `${file} → ${target}`),
  );
  assert.deepEqual(wrong, []);
});
