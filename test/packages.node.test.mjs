// The published packages as an app outside this repository meets them: `npm pack` of the widgets, the feed client
// and the shared package; the tarballs installed into a fresh app; that app type-checked under a strict
// configuration (our .d.ts checked too: skipLibCheck off), bundled with esbuild, imported in Node (server rendering),
// and run in headless Chromium against the sample feeds.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { launchChromium } from '../tools/browser.mjs';
import { startServer } from '../tools/server.mjs';
import { openPage, settledWidgets } from './helpers/pages.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['feed', 'shared', 'widgets'];
const SCOPE = '@frenchsouth-digital';
const fixture = join(root, 'test/fixtures/consumer-app');

let work;
let app;
/** Each package's tarball: its path and the files it holds (`package/…` stripped). */
const tarballs = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'fsd-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work, ...PACKAGES.flatMap((name) => ['-w', `packages/${name}`])], { cwd: root });
  for (const packed of JSON.parse(stdout)) {
    tarballs[packed.name.replace(`${SCOPE}/`, '')] = { file: join(work, packed.filename), files: packed.files.map((f) => f.path), version: packed.version };
  }
  app = join(work, 'app');
  cpSync(fixture, app, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  for (const name of PACKAGES) manifest.dependencies[`${SCOPE}/${name}`] = `file:${tarballs[name].file}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  // From the registry for lit, minisearch, ical.js, idb-keyval and tldts (the npm cache of `npm ci` when it has them).
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], { cwd: app });
});
after(() => work && rmSync(work, { recursive: true, force: true }));

/** The app's pages, bundled by esbuild into public/out/ (Vue's compile-time flags set as its docs ask of bundlers). */
let bundled;
function bundleApp() {
  bundled ??= build({
    entryPoints: ['src/main.ts', 'src/react-app.tsx', 'src/vue-app.ts'].map((file) => join(app, file)),
    absWorkingDir: app,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: join(app, 'public/out'),
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  return bundled;
}

test('each tarball holds compiled JavaScript, .d.ts, a licence, a README and a changelog, and no TypeScript source', () => {
  for (const name of PACKAGES) {
    const { files } = tarballs[name];
    for (const required of ['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'lib/index.js'.replace('index', name === 'widgets' ? 'fsd-widgets' : 'index')]) {
      assert.ok(files.includes(required), `${name}: ${required} is in the tarball`);
    }
    const source = files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'));
    assert.deepEqual(source, [], `${name}: no TypeScript source`);
    assert.ok(!files.some((file) => file.startsWith('src/') || file.startsWith('test/')), `${name}: no src/ or test/`);
    assert.equal(readFileSync(join(app, 'node_modules', SCOPE, name, 'LICENSE'), 'utf8'), readFileSync(join(root, 'LICENSE'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', SCOPE, name, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined, `${name} is publishable`);
    assert.equal(manifest.license, 'MIT');
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.match(readFileSync(join(app, 'node_modules', SCOPE, name, 'CHANGELOG.md'), 'utf8'), new RegExp(`## \\[${manifest.version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}`));
    // Every dependency on another of our packages names a version that was packed, so the install never asks the
    // registry for one of ours.
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (dependency.startsWith(`${SCOPE}/`)) assert.equal(range, tarballs[dependency.slice(SCOPE.length + 1)].version, `${name} → ${dependency}`);
    }
  }
  // The CDN bundles ride along in the widgets' package, self-contained.
  for (const bundle of ['fsd-widgets.js', 'fsd-member-badge.js', 'fsd-member-directory.js', 'fsd-event-calendar.js', 'fsd-translations.js']) {
    assert.ok(tarballs.widgets.files.includes(`dist/${bundle}`), `dist/${bundle}`);
  }
});

test('the installed manifest is true of the package: its modules exist, defaults are values, events are typed, tokens are listed', () => {
  const installed = join(app, 'node_modules', SCOPE, 'widgets');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const elementsManifest = JSON.parse(readFileSync(join(installed, manifest.customElements), 'utf8'));
  const elements = elementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement));
  assert.deepEqual(elements.map((e) => e.tagName).sort(), ['fsd-event-calendar', 'fsd-member-badge', 'fsd-member-directory']);
  for (const module of elementsManifest.modules) {
    assert.ok(existsSync(join(installed, module.path)), `module ${module.path} is in the package`);
    for (const item of module.exports ?? []) if (item.declaration.module) assert.ok(existsSync(join(installed, item.declaration.module)), item.declaration.module);
  }
  // Each entry defines its elements.
  const definitions = elementsManifest.modules.flatMap((m) => (m.exports ?? []).filter((x) => x.kind === 'custom-element-definition').map((x) => `${m.path} ${x.name}`));
  assert.ok(definitions.includes('lib/fsd-member-badge.js fsd-member-badge'), definitions.join(', '));
  assert.equal(definitions.filter((d) => d.startsWith('lib/fsd-widgets.js')).length, 3);
  for (const element of elements) {
    for (const item of [...element.members.filter((m) => m.kind === 'field'), ...element.attributes]) {
      if (item.default !== undefined) assert.doesNotThrow(() => JSON.parse(item.default), `${element.tagName} ${item.name}: default ${item.default} is a value`);
    }
    assert.equal(element.attributes.find((a) => a.name === 'src').default.startsWith('"https://www.frenchsouth.digital/feeds/'), true);
    assert.equal(new Set(element.attributes.map((a) => a.name)).size, element.attributes.length, `${element.tagName}: each attribute once`);
    for (const event of element.events) assert.match(event.type?.text ?? '', /^Fsd\w+Event$/, `${element.tagName} ${event.name} has a type`);
    const tokens = element.cssProperties.filter((p) => p.description.startsWith('Global token'));
    assert.deepEqual(tokens.map((p) => p.name).slice(0, 2), ['--fsd-color-accent', '--fsd-color-sun']);
    assert.equal(tokens.find((p) => p.name === '--fsd-color-surface').default, '#ffffff');
  }
  // Editors' files, generated from the manifest and shipped.
  const webTypes = JSON.parse(readFileSync(join(installed, manifest['web-types']), 'utf8'));
  assert.equal(webTypes.name, `${SCOPE}/widgets`);
  assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), ['fsd-event-calendar', 'fsd-member-badge', 'fsd-member-directory']);
  const vscode = JSON.parse(readFileSync(join(installed, 'dist/vscode.html-custom-data.json'), 'utf8'));
  const badge = vscode.tags.find((tag) => tag.name === 'fsd-member-badge');
  assert.deepEqual(badge.attributes.find((a) => a.name === 'variant').values?.map((v) => v.name), ['full', 'compact']);
  for (const file of [webTypes, vscode].map((x) => JSON.stringify(x))) assert.doesNotMatch(file, /undefined/);
});

test('the app type-checks under strict, noPropertyAccessFromIndexSignature and exactOptionalPropertyTypes, our .d.ts included', async () => {
  const config = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')).compilerOptions;
  assert.equal(config.strict, true);
  assert.equal(config.noPropertyAccessFromIndexSignature, true);
  assert.equal(config.exactOptionalPropertyTypes, true);
  assert.equal(config.skipLibCheck, false);
  const result = await run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app }).catch((error) => error);
  assert.equal(result.stdout, '', 'tsc reports nothing');
  // And mistakes are caught: a property's value of the wrong type, an unknown event detail, a language missing its
  // strings.
  writeFileSync(
    join(app, 'src/wrong.ts'),
    [
      "const d = document.createElement('fsd-member-directory');",
      "d.pageSize = 'ten';",
      "d.addEventListener('fsd-directory-state', (e) => e.detail.total);",
      "import { registerTranslation } from '@frenchsouth-digital/widgets/translations';",
      "registerTranslation('es', { badge: { memberOf: 'Miembro de' } });",
    ].join('\n'),
  );
  const wrong = await run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app }).then(() => ({ stdout: '' }), (error) => error);
  rmSync(join(app, 'src/wrong.ts'));
  assert.match(wrong.stdout, /wrong\.ts\(2,1\): error TS2322: Type 'string' is not assignable to type 'number'/);
  assert.match(wrong.stdout, /wrong\.ts\(3,\d+\): error TS2339: Property 'total' does not exist on type 'FsdDirectoryStateDetail'/);
  assert.match(wrong.stdout, /wrong\.ts\(5,\d+\): error TS\d+: .*(calendar|missing)/);
});

test('every entry imports in Node (server rendering) without a throw, a console message or an element defined', async () => {
  const entries = ['', '/member-badge', '/member-directory', '/event-calendar', '/translations'].map((sub) => `${SCOPE}/widgets${sub}`);
  const script = `
    const printed = [];
    for (const level of ['log', 'info', 'warn', 'error']) console[level] = (...args) => printed.push(level + ': ' + args.join(' '));
    const exported = {};
    for (const entry of ${JSON.stringify([...entries, `${SCOPE}/feed`, `${SCOPE}/shared`])}) exported[entry] = Object.keys(await import(entry)).sort();
    const defined = ['fsd-member-badge', 'fsd-member-directory', 'fsd-event-calendar'].filter((tag) => globalThis.customElements?.get(tag));
    process.stdout.write(JSON.stringify({ printed, exported, defined }));`;
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
  assert.equal(stderr, '');
  const { printed, exported, defined } = JSON.parse(stdout);
  assert.deepEqual(printed, []);
  assert.deepEqual(defined, []);
  assert.deepEqual(exported[`${SCOPE}/widgets`], ['BadgeState', 'FsdEventCalendar', 'FsdMemberBadge', 'FsdMemberDirectory', 'registerTranslation']);
  assert.deepEqual(exported[`${SCOPE}/widgets/member-badge`], ['BadgeState', 'FsdMemberBadge']);
  assert.deepEqual(exported[`${SCOPE}/widgets/translations`], ['registerTranslation']);
  assert.ok(exported[`${SCOPE}/feed`].includes('watchFeed'));
});

test('bundled with esbuild, the app holds one copy of Lit, and its widgets work in Chromium', async (t) => {
  const result = await bundleApp();
  const inputs = Object.keys(result.metafile.inputs);
  const litCopies = inputs.filter((path) => path.endsWith('lit-html/lit-html.js') || path.endsWith('lit-html/development/lit-html.js'));
  assert.equal(litCopies.length, 1, `one lit-html in the bundle: ${litCopies.join(', ')}`);
  assert.ok(inputs.every((path) => !path.includes(`${SCOPE}/`) || path.includes('/lib/')), 'the app is built from lib/, never from source');
  // The iCalendar reader (ical.js) stays out of the app's first file: esbuild split it into a chunk of its own.
  const main = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'src/main.ts');
  assert.ok(main, 'the entry of src/main.ts');
  assert.ok(!Object.keys(main[1].inputs).some((path) => path.includes('ical.js')), 'ical.js is not in the entry');

  const { server, origin } = await startServer({ mounts: [['/app/', join(app, 'public')]] });
  const browser = await launchChromium();
  const missing = [];
  const { page, errors, close } = await openPage(browser, `${origin}/app/index.html`, (p) => p.on('response', (r) => r.status() >= 400 && missing.push(r.url())));
  t.after(async () => {
    await close();
    await browser.close();
    server.close();
  });
  await settledWidgets(page, 'fsd-member-directory', ['ready']);
  await settledWidgets(page, 'fsd-event-calendar', ['ready']);
  await settledWidgets(page, 'fsd-member-badge');
  const seen = await page.evaluate(() => {
    const directory = document.querySelector('fsd-member-directory');
    const calendar = document.querySelector('fsd-event-calendar');
    return {
      cards: directory.shadowRoot.querySelectorAll('[part~="card"]').length,
      pageSize: directory.pageSize,
      count: directory.shadowRoot.querySelector('.dir__count').textContent.trim(),
      events: calendar.shadowRoot.querySelectorAll('[part~="event"]').length,
      badge: document.querySelector('fsd-member-badge').getAttribute('state'),
      detail: window.appLog,
      own: document.querySelector('app-counter').shadowRoot.textContent.trim(),
    };
  });
  assert.equal(seen.pageSize, 4, 'a property set by the app');
  assert.equal(seen.cards, 4);
  // the sample feed's eleven members, one of them lapsed
  assert.equal(seen.count, '10 membres');
  assert.ok(seen.events > 0, 'the calendar shows events');
  // 127.0.0.1 is nobody's domain: the badge says so, on a feed that is not the cluster's signed one.
  assert.equal(seen.badge, 'unverified');
  assert.deepEqual(seen.detail, ['directory ready 10']);
  assert.equal(seen.own, 'Lit de l’app : 1');
  assert.deepEqual(missing, [], 'every request of the app is answered');
  assert.deepEqual(errors, []);
});

/**
 * Opens one of the app's framework pages: the framework renders first, then the widgets are defined
 * (window.loadWidgets), so every prop was written on elements not defined yet. Resolves once every widget settled.
 */
async function frameworkPage(t, name) {
  await bundleApp();
  const { server, origin } = await startServer({ mounts: [['/app/', join(app, 'public')]] });
  const browser = await launchChromium();
  const warnings = [];
  const { page, errors, close } = await openPage(browser, `${origin}/app/${name}.html`, (p) => p.on('console', (m) => ['warn', 'warning'].includes(m.type()) && warnings.push(m.text())));
  t.after(async () => {
    await close();
    await browser.close();
    server.close();
  });
  await page.waitForFunction(() => document.querySelector('fsd-member-directory') && document.querySelectorAll('fsd-event-calendar').length === 2);
  const before = await page.evaluate(() => ({
    defined: Boolean(customElements.get('fsd-member-directory')),
    attributes: document.querySelector('fsd-member-directory').getAttributeNames().sort(),
  }));
  assert.equal(before.defined, false, 'the framework rendered before the widgets were defined');
  await page.evaluate(() => window.loadWidgets());
  await settledWidgets(page, 'fsd-member-directory', ['ready']);
  await settledWidgets(page, 'fsd-event-calendar', ['ready']);
  return { page, errors, warnings, before };
}

const shown = (page) =>
  page.evaluate(() => {
    const directory = document.querySelector('fsd-member-directory');
    return {
      cards: directory.shadowRoot.querySelectorAll('[part~="card"]').length,
      headings: [...directory.shadowRoot.querySelectorAll('[part~="card"] :is(h1, h2, h3, h4, h5, h6)')].map((h) => h.localName)[0],
      weeksOff: document.querySelector('#weeks-off').shadowRoot.querySelectorAll('th.week').length,
      weeksOn: document.querySelector('#weeks-on').shadowRoot.querySelectorAll('th.week').length,
      output: document.querySelector('output').textContent,
      states: window.directoryStates,
    };
  });

test('React 19: props written before the widgets were defined are honoured, booleans both ways, a typed event, no throw', async (t) => {
  const { page, errors, warnings, before } = await frameworkPage(t, 'react');
  // React wrote camelCase props as attributes, which HTML lowercased.
  assert.ok(before.attributes.includes('pagesize') && before.attributes.includes('headinglevel'), before.attributes.join(' '));
  await page.waitForFunction(() => document.querySelector('output').textContent !== '…');
  const seen = await shown(page);
  assert.equal(seen.cards, 3, 'pageSize={3}');
  assert.equal(seen.headings, 'h2', 'headingLevel={2}');
  assert.equal(seen.weeksOff, 0, 'weekNumbers={false}');
  assert.ok(seen.weeksOn > 4, 'week-numbers');
  assert.equal(seen.output, '10', 'the event handler got its typed detail');
  assert.deepEqual(seen.states, ['ready 10']);
  // Once defined, React sets props as properties.
  await (await page.$('button')).click();
  await page.waitForFunction(() => document.querySelector('fsd-member-directory').shadowRoot.querySelectorAll('[part~="card"]').length === 5);
  assert.equal(await page.evaluate(() => document.querySelector('fsd-member-badge').preview), false, 'preview={false}');
  // A root rendered after definition sets every prop as a property, the read-only `results` too: a warning, no throw.
  await page.evaluate(() => window.renderDefined());
  await page.waitForFunction(() => document.querySelector('#defined fsd-member-directory')?.getAttribute('state') === 'ready');
  assert.equal(await page.evaluate(() => document.querySelector('#defined fsd-member-directory').shadowRoot.querySelectorAll('[part~="card"]').length), 2);
  assert.deepEqual(warnings.filter((w) => w.includes('read-only')), ['[FrenchSouth.digital] <fsd-member-directory>: results is read-only']);
  assert.deepEqual(errors, []);
});

test('Vue 3: props and "false" booleans written before the widgets were defined are honoured, a typed event, no throw', async (t) => {
  const { page, errors, before } = await frameworkPage(t, 'vue');
  assert.ok(before.attributes.includes('pagesize'), before.attributes.join(' '));
  const weeksOff = await page.evaluate(() => document.querySelector('#weeks-off').getAttribute('week-numbers'));
  assert.equal(weeksOff, 'false', 'Vue wrote the false boolean as "false"');
  await page.waitForFunction(() => document.querySelector('output').textContent !== '…');
  const seen = await shown(page);
  assert.equal(seen.cards, 3);
  assert.equal(seen.weeksOff, 0, "'week-numbers': false");
  assert.ok(seen.weeksOn > 4);
  assert.equal(seen.output, '10');
  assert.deepEqual(seen.states, ['ready 10']);
  assert.deepEqual(errors, []);
});
