// No private key is ever committed (issue 16): the cluster's signing keys live with the staff, outside the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import test from 'node:test';
import { developmentKey } from '../tools/dev-key.mjs';

const PRIVATE = [/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/, /"d"\s*:\s*"[A-Za-z0-9_-]{43}"/, /MC4CAQAwBQYDK2Vw[A-Za-z0-9+/]{40}/];

test('no file tracked by git holds private key material (PKCS#8 PEM, a JWK "d", an Ed25519 PKCS#8 in base64)', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  const found = [];
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    // This file names the patterns it looks for.
    if (file === 'test/keys.node.test.mjs') continue;
    if (PRIVATE.some((pattern) => pattern.test(text))) found.push(file);
  }
  assert.deepEqual(found, []);
});

// The development key (tools/dev-key.mjs) signs the examples' feeds; only the examples' build may trust it.
test('no shipped bundle trusts the development key: its key id and public key are in the examples build only', () => {
  const { kid, raw } = developmentKey();
  const filesUnder = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => /\.(m?js|json|html)$/.test(f)) : []);
  const shipped = [...filesUnder('packages/widgets/dist'), ...filesUnder('packages/extension/dist'), ...filesUnder('packages/publish/dist')];
  assert.ok(shipped.some((f) => f.endsWith('fsd-member-badge.js')), 'the bundles are built (npm run build)');
  assert.deepEqual(shipped.filter((f) => readFileSync(f, 'utf8').includes(kid) || readFileSync(f, 'utf8').includes(raw)), []);
  const examples = filesUnder('.cache/examples-dist').filter((f) => readFileSync(f, 'utf8').includes(raw));
  assert.ok(examples.length > 0, 'the examples build pins the development key');
});

test('the development private key lives only in the git-ignored .cache/, never in a tracked file', () => {
  const { file, pem } = developmentKey();
  assert.ok(file.includes(`${sep}.cache${sep}`));
  assert.equal(execFileSync('git', ['check-ignore', file], { encoding: 'utf8' }).trim(), file);
  const body = pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  assert.deepEqual(files.filter((f) => existsSync(f) && readFileSync(f, 'latin1').includes(body)), []);
});
