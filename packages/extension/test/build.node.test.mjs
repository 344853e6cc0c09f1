// The extension's builds as the stores get them: Mozilla's linter on the Firefox build, the manifests of both
// browsers, and the zips (npm test builds first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { DIST } from '../../../tools/extension.mjs';

const manifestOf = (browser) => JSON.parse(readFileSync(join(DIST, browser, 'manifest.json'), 'utf8'));

test('web-ext lint reports no error on the Firefox build (offline)', () => {
  const run = spawnSync('node_modules/.bin/web-ext', ['lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    env: { ...process.env, WEB_EXT_TELEMETRY: 'false' },
  });
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  console.log(`# web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  for (const warning of report.warnings) console.log(`#   warning ${warning.code} in ${warning.file}: ${warning.message}`);
  assert.deepEqual(report.errors, []);
});

test('the Firefox manifest has an add-on id, minimum versions, and declares that no data is collected', () => {
  const manifest = manifestOf('firefox');
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.browser_specific_settings.gecko.id, 'extension@frenchsouth.digital');
  assert.match(manifest.browser_specific_settings.gecko.strict_min_version, /^\d+\.\d+$/);
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual(manifest.background, { scripts: ['background.js'] });
});

test('the Chrome manifest runs the background as a service worker, with a minimum Chrome version', () => {
  const manifest = manifestOf('chrome');
  assert.deepEqual(manifest.background, { service_worker: 'background.js' });
  assert.match(manifest.minimum_chrome_version, /^\d+$/);
  assert.equal(manifest.default_locale, 'fr');
  for (const lang of ['fr', 'en']) {
    const messages = JSON.parse(readFileSync(join(DIST, 'chrome', '_locales', lang, 'messages.json'), 'utf8'));
    for (const key of ['extensionName', 'extensionDescription', 'actionTitle']) assert.ok(messages[key]?.message, `${lang}: ${key}`);
  }
});

/** The files of a zip, read with Node's zlib: `{ name: bytes }`. */
function unzip(path) {
  const zip = readFileSync(path);
  const files = {};
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString();
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(body) : body;
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

for (const browser of ['chrome', 'firefox']) {
  test(`the ${browser} zip holds the same files as the ${browser} build, manifest at the root`, () => {
    const files = unzip(join(DIST, `fsd-extension-${browser}.zip`));
    assert.deepEqual(JSON.parse(files['manifest.json'].toString()), manifestOf(browser));
    assert.deepEqual(files['background.js'], readFileSync(join(DIST, browser, 'background.js')));
    for (const name of ['popup.html', 'options.html', 'content.js', 'icons/icon-128.png', '_locales/fr/messages.json', 'snapshot/members.json']) {
      assert.ok(files[name], `${name} is in the zip`);
    }
  });
}
