// fsd-publish signs the feeds (issue 16): keygen writes the private key outside the repository, publish --key signs
// the exact bytes of each JSON feed in a JWS envelope (EdDSA) and writes the public keys beside the feeds.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fsdPublish, root, tempDir } from './helpers.mjs';

const verifies = (envelope, x) => {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  return envelope.signatures.some((s) => verify(null, Buffer.from(`${s.protected}.${envelope.payload}`), key, Buffer.from(s.signature, 'base64url')));
};

test('keygen writes a private key outside the repository, and publish --key signs the feeds and writes keys.json', async () => {
  const { dir, remove: done } = tempDir();
  try {
    const keyFile = join(dir, 'cluster.pem');
    const made = await fsdPublish(['keygen', '--out', keyFile, '--kid', 'fsd-test']);
    assert.equal(made.code, 0, made.stdout);
    assert.ok(readFileSync(keyFile, 'utf8').startsWith(`-----BEGIN ${'PRIVATE'} KEY-----`), 'a PKCS#8 PEM private key');
    const x = /'fsd-test': '([A-Za-z0-9_-]{43})'/.exec(made.stdout)[1];
    const out = join(dir, 'site');
    const published = await fsdPublish(['--members', join(root, 'examples/publish/membres.csv'), '--out', out, '--updated', '2026-11-20T09:00:00+01:00', '--key', keyFile, '--kid', 'fsd-test']);
    assert.equal(published.code, 0, published.stdout);
    const envelope = JSON.parse(readFileSync(join(out, 'feeds/members.json'), 'utf8'));
    assert.ok(verifies(envelope, x), 'the members feed verifies against the printed public key');
    const feed = JSON.parse(Buffer.from(envelope.payload, 'base64url').toString('utf8'));
    assert.equal(feed.updated, '2026-11-20T09:00:00+01:00');
    assert.equal(feed.expires, '2026-12-20T08:00:00.000Z');
    assert.deepEqual(JSON.parse(Buffer.from(envelope.signatures[0].protected, 'base64url')), { alg: 'EdDSA', kid: 'fsd-test' });
    assert.ok(verifies(JSON.parse(readFileSync(join(out, 'feeds/events.json'), 'utf8')), x), 'the events feed is signed too');
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'feeds/keys.json'), 'utf8')).keys, [{ kty: 'OKP', crv: 'Ed25519', kid: 'fsd-test', x, use: 'sig', alg: 'EdDSA' }]);
  } finally {
    done();
  }
});

test('keygen refuses to write a private key inside the repository', async () => {
  const made = await fsdPublish(['keygen', '--out', join(root, 'packages/publish/cluster.pem')]);
  assert.equal(made.code, 3);
  assert.match(made.stdout, /Refused: the private key must stay outside the repository/);
});
