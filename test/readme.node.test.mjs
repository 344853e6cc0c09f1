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

/** A token every widget shares (build/manifest.js lists them on each element): documented once, under Theming. */
const isGlobalToken = (property) => property.description?.startsWith('Global token');

test('the Theming section lists every global token, with its light value', () => {
  const start = readme.indexOf('\n## Theming every widget');
  const theming = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const tokens = elements[0].cssProperties.filter(isGlobalToken);
  assert.ok(tokens.length >= 10);
  for (const token of tokens) {
    const row = theming.split('\n').find((line) => line.startsWith(`| \`${token.name}\``));
    assert.ok(row, `${token.name} is in the Theming table`);
    if (token.default.startsWith('#')) assert.ok(row.includes(`\`${token.default}\``), `${token.name}: ${token.default}`);
  }
});

/** The README section (from one `## ` heading to the next) that holds the embed snippet of a tag. */
function sectionOf(tagName) {
  const at = readme.search(new RegExp(`^<${tagName}[\\s>]`, "m"));
  if (at < 0) return undefined;
  const start = readme.lastIndexOf('\n## ', at);
  const end = readme.indexOf('\n## ', at);
  return readme.slice(start, end < 0 ? undefined : end);
}

for (const element of elements) {
  test(`the README section of <${element.tagName}> documents its attributes, events, parts and custom properties`, () => {
    const section = sectionOf(element.tagName);
    assert.ok(section, `no embed snippet for <${element.tagName}>`);
    const names = [
      ...(element.attributes ?? []).map((a) => a.name),
      ...(element.events ?? []).map((e) => e.name),
      ...(element.cssParts ?? []).map((p) => p.name),
      ...(element.cssProperties ?? []).filter((p) => !isGlobalToken(p)).map((p) => p.name),
    ];
    const missing = names.filter((name) => !section.includes(`\`${name}\``));
    assert.deepEqual(missing, [], `the README section of <${element.tagName}> lacks ${missing.join(', ')}`);
  });
}
