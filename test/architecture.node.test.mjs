// The architecture, held by tests: packages reach each other by name only, their sources form no import cycle
// (dependency-cruiser, with the rules in .dependency-cruiser.cjs), and each imports only the packages it declares.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve('.');
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules/.bin/depcruise');

/** Runs dependency-cruiser over `packages/` of `cwd`; resolves with its JSON report. */
function cruise(cwd = root) {
  const run = spawnSync(depcruise, ['packages', '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.stdout, `depcruise printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const violationsOf = (report) => report.summary.violations.map((v) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name ?? c) ?? [v.to])].join(' → ')}`);

test('no import cycle among the packages’ sources, and no import of another package’s src', () => {
  assert.deepEqual(violationsOf(cruise()), []);
});

test('each package’s source imports only the packages its package.json declares', () => {
  const undeclared = [];
  for (const module of cruise().modules) {
    const owner = /^packages\/([^/]+)\/src\//.exec(module.source)?.[1];
    if (!owner) continue;
    const manifest = JSON.parse(readFileSync(join(root, 'packages', owner, 'package.json'), 'utf8'));
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
    for (const { module: specifier, coreModule } of module.dependencies) {
      // Node's own modules (`node:fs`, which dependency-cruiser reports as `fs`) are nobody's dependency.
      if (coreModule || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!declared.has(name)) undeclared.push(`${module.source} imports ${specifier}, not in packages/${owner}/package.json`);
    }
  }
  assert.deepEqual(undeclared, []);
});

test('the rules catch a cycle and a reach into another package’s src', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fsd-architecture-'));
  try {
    const files = {
      'tsconfig.json': '{}',
      'packages/a/src/one.ts': "import { two } from './two.js';\nexport const one = () => two;\n",
      'packages/a/src/two.ts': "import { one } from './one.js';\nexport const two = () => one;\n",
      'packages/b/src/three.ts': "import { one } from '../../a/src/one.js';\nexport const three = one;\n",
      'packages/feed/src/public-suffix-list.ts': 'export const isListedPublicSuffix = (host: string) => host === "uk.com";\n',
      'packages/feed/src/index.ts': "export { isListedPublicSuffix } from './public-suffix-list.js';\n",
      'packages/widgets/src/badge.ts': "import { isListedPublicSuffix } from './check.js';\nexport const badge = isListedPublicSuffix;\n",
      'packages/widgets/src/check.ts': "export { isListedPublicSuffix } from '../../feed/src/index.js';\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const found = violationsOf(cruise(dir));
    assert.ok(found.some((v) => v.startsWith('no-circular: packages/a/src/')), found.join('\n'));
    assert.ok(found.includes('no-other-package-src: packages/b/src/three.ts → packages/a/src/one.ts'), found.join('\n'));
    // Through two modules, as a widget would reach it through the feed package's index.
    assert.ok(found.some((v) => v.startsWith('no-full-suffix-list-in-widgets: packages/widgets/src/badge.ts')), found.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
