// axe-core in a page opened by puppeteer: evaluated through the DevTools protocol, so that a page's
// Content-Security-Policy (script-src 'self': the extension's pages, the examples, the published site) does not stop
// it. axe looks into open shadow roots.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe finds in the page, as `rule: target` lines (empty when none). */
export async function runAxe(page) {
  await page.evaluate(source);
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document)).violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })));
  return violations.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
