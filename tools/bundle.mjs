// What a built module costs a page: the modules it imports (statically and on demand), the closure of its static
// imports (what a page downloads before the entry runs), and their size gzipped at level 9.
// Used by the bundle-size budgets and the benchmarks alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

// `import … from "./x.js"`, `export … from "./x.js"` and `import "./x.js"`, minified or not; relative specifiers only.
const STATIC_IMPORT = /(?:^|[;}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
// `import("./x.js")` with a literal relative specifier.
const DYNAMIC_IMPORT = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/**
 * The relative imports of a built module, as file paths resolved against its folder.
 * @param {string} file path of a built ES module
 * @returns {{ statics: string[], dynamics: string[] }} `statics`: `import`/`export … from`; `dynamics`: `import()`
 */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const resolve = (spec) => join(dirname(file), spec);
  const statics = [...code.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1]));
  const dynamics = [...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolve(m[1]));
  return { statics, dynamics };
}

/**
 * The files loaded before an entry runs: itself and its static imports, recursively.
 * @param {string} entry path of a built ES module
 * @returns {string[]} the entry first, then every module it reaches by static imports, each once
 */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(file).statics.forEach(visit);
  };
  visit(entry);
  return [...seen];
}

/**
 * How many requests, one after the other, a page makes to load an entry and every chunk it may load on demand: the
 * entry is the first; a module's static imports are known once it arrives, its dynamic imports once it runs, so each
 * comes one request later than the module that names it, unless it was requested already (a breadth-first walk).
 * @param {string} entry path of a built ES module
 * @returns {{ depth: number, levels: Map<string, number> }} the longest chain, and each file's place in it (1: the entry)
 */
export function requestChain(entry) {
  const levels = new Map([[entry, 1]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    const { statics, dynamics } = importsOf(file);
    for (const next of [...statics, ...dynamics]) {
      if (levels.has(next)) continue;
      levels.set(next, levels.get(file) + 1);
      queue.push(next);
    }
  }
  return { depth: Math.max(...levels.values()), levels };
}

/**
 * The size of files gzipped one by one at level 9, summed.
 * @param {Iterable<string>} files paths
 * @returns {number} bytes
 */
export function gzipSize(files) {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  return bytes;
}

/**
 * {@link gzipSize} in KB (1 KB = 1,024 bytes), as the benchmarks report it.
 * @param {Iterable<string>} files paths
 * @returns {number} kilobytes
 */
export const gzipKB = (files) => gzipSize(files) / 1024;
