// No private key is ever committed (issue 16): the cluster's signing keys live with the staff, outside the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import test from 'node:test';

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
