// packages/feed/src/windows-zones-data.ts is generated from the installed windows-iana (CLDR windowsZones) and
// timezones.json by scripts/generate-windows-zones.mjs: it must be what the script writes now, so that updating either
// package without `npm run generate-windows-zones` fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { OUTPUT, displayNames, generate, windowsNames } from '../scripts/generate-windows-zones.mjs';

test('the Windows time-zone names are up to date with the installed windows-iana and timezones.json (npm run generate-windows-zones)', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'packages/feed/src/windows-zones-data.ts is stale: run `npm run generate-windows-zones`');
});

test('Windows names map to CLDR’s zone for the whole world, and display names to their Windows names', () => {
  const names = windowsNames();
  assert.equal(names['Romance Standard Time'], 'Europe/Paris');
  assert.equal(names['W. Europe Standard Time'], 'Europe/Berlin');
  assert.equal(names['Eastern Standard Time'], 'America/New_York');
  assert.ok(Object.keys(names).length > 130, `${Object.keys(names).length} Windows names`);
  const display = displayNames(names);
  assert.equal(display['(UTC+01:00) Brussels, Copenhagen, Madrid, Paris'], 'Romance Standard Time');
  assert.ok(Object.values(display).every((name) => names[name]), 'every display name leads to a known Windows name');
});
