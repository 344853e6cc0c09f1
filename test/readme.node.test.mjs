// The README documents every public attribute, event, CSS part and custom property of every widget, as the
// custom elements manifest (generated from the components' JSDoc) lists them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('packages/widgets/dist/custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

test('the manifest lists every widget entry', () => {
  const entries = readFileSync('packages/widgets/src/fsd-widgets.ts', 'utf8');
  for (const element of elements) assert.match(entries, new RegExp(element.tagName.replace('fsd-', '')), `${element.tagName} is not in fsd-widgets.ts`);
  assert.ok(elements.length >= 1);
});

for (const element of elements) {
  test(`the README documents <${element.tagName}>: attributes, events, parts and custom properties`, () => {
    assert.ok(readme.includes(`<${element.tagName}`), `no embed snippet for <${element.tagName}>`);
    const names = [
      ...(element.attributes ?? []).map((a) => a.name).filter((name) => name !== 'theme' && name !== 'lang'),
      ...(element.events ?? []).map((e) => e.name),
      ...(element.cssParts ?? []).map((p) => p.name),
      ...(element.cssProperties ?? []).map((p) => p.name),
    ];
    const missing = names.filter((name) => !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, [], `README lacks ${missing.join(', ')} of <${element.tagName}>`);
  });
}
