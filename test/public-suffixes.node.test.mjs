// The widgets' short list of shared-hosting suffixes (packages/feed/src/public-suffix-data.ts) is generated from the
// installed Public Suffix List (the tldts package) by scripts/generate-public-suffixes.mjs: it must be what the script
// writes now, so that updating tldts without `npm run generate-public-suffixes` fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { OUTPUT, generate, listRules, selectRules } from '../scripts/generate-public-suffixes.mjs';

test('the generated list of shared-hosting suffixes is up to date with the installed tldts (npm run generate-public-suffixes)', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'packages/feed/src/public-suffix-data.ts is stale: run `npm run generate-public-suffixes`');
});

test('the selection holds every shared host named by issue 12, region names as wildcards, and only private rules', () => {
  const rules = listRules();
  const privates = new Set(rules.filter(([, type]) => type & 2).map(([name]) => name));
  const selected = selectRules(rules);
  for (const name of ['uk.com', 'co.com', 'notion.site', 'azureedge.net', 'github.io', 's3.amazonaws.com', 's3.*.amazonaws.com', '*.compute.amazonaws.com']) {
    assert.ok(selected.includes(name), `${name} is not in the generated list`);
  }
  // A folded rule covers rules of the list; a rule taken as it is comes from the PRIVATE section.
  const covers = (pattern, name) => pattern.split('.').length === name.split('.').length && pattern.split('.').every((label, i) => label === '*' || label === name.split('.')[i]);
  for (const name of selected) assert.ok(privates.has(name) || [...privates].some((rule) => covers(name, rule)), `${name} is not a private rule`);
  // Never a wildcard in the left-most label that the list does not have: `*.eu.org` would refuse `kaliop.eu.org`.
  for (const name of selected.filter((n) => n.startsWith('*.'))) assert.ok(privates.has(name), `${name} widens a rule`);
});
