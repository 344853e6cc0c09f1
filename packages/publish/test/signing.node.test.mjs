// fsd-publish signs the feeds (issue 16): keygen writes the private key outside the repository, publish --key signs
// the exact bytes of each JSON feed (a JWS beside it, EdDSA over their SHA-256) and writes the public keys beside them.
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import test from 'node:test';
import { fsdPublish, root, tempDir } from './helpers.mjs';

/** Does the signature file `jws` hold a signature by the key `x` over the SHA-256 of exactly `bytes`? */
const verifies = (bytes, jws, x) => {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  const { sha256 } = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  return sha256 === createHash('sha256').update(bytes).digest('base64url') && jws.signatures.some((s) => verify(null, Buffer.from(`${s.protected}.${jws.payload}`), key, Buffer.from(s.signature, 'base64url')));
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
    const bytes = readFileSync(join(out, 'feeds/members.json'));
    const jws = JSON.parse(readFileSync(join(out, 'feeds/members.json.jws'), 'utf8'));
    assert.ok(verifies(bytes, jws, x), 'the members feed verifies against the printed public key');
    assert.ok(!verifies(Buffer.from(bytes.toString('utf8').replace('"Kaliop"', '"Kaliap"')), jws, x), 'one byte changed no longer verifies');
    const feed = JSON.parse(bytes.toString('utf8'));
    assert.equal(feed.updated, '2026-11-20T09:00:00+01:00');
    assert.equal(feed.expires, '2026-12-20T08:00:00.000Z');
    assert.equal(feed.signature, 'members.json.jws');
    assert.deepEqual(JSON.parse(Buffer.from(jws.signatures[0].protected, 'base64url')), { alg: 'EdDSA', kid: 'fsd-test', typ: 'fsd-feed-digest+json' });
    const events = readFileSync(join(out, 'feeds/events.json'));
    assert.ok(verifies(events, JSON.parse(readFileSync(join(out, 'feeds/events.json.jws'), 'utf8')), x), 'the events feed is signed too');
    assert.equal(JSON.parse(events.toString('utf8')).signature, 'events.json.jws');
    // Whoever checks the feeds against the published schemas (schemas/*.schema.json) finds the fields signing adds.
    for (const [text, schema] of [[bytes, 'member-feed'], [events, 'event-feed']]) {
      const declared = Object.keys(JSON.parse(readFileSync(join(root, `schemas/${schema}.schema.json`), 'utf8')).properties);
      assert.deepEqual(Object.keys(JSON.parse(text.toString('utf8'))).filter((field) => !declared.includes(field)), [], `fields of the signed feed missing from schemas/${schema}.schema.json`);
    }
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'feeds/keys.json'), 'utf8')).keys, [{ kty: 'OKP', crv: 'Ed25519', kid: 'fsd-test', x, use: 'sig', alg: 'EdDSA' }]);
    // Every file of feeds/, the signatures included, is uploaded by the S3 script and typed by nginx.
    const s3 = readFileSync(join(out, '_deploy/s3-upload.sh'), 'utf8');
    const nginx = readFileSync(join(out, '_deploy/nginx.conf'), 'utf8');
    for (const file of readdirSync(join(out, 'feeds'), { recursive: true }).filter((f) => extname(f))) {
      const ext = extname(file).slice(1);
      assert.match(s3, new RegExp(`aws s3 cp feeds .*--include "\\*\\.${ext}"`), `the S3 script does not upload feeds/${file}`);
      assert.match(nginx, new RegExp(`location ~ \\\\\\.${ext}\\$ \\{\\n {8}types \\{ \\}\\n {8}default_type "`), `nginx gives feeds/${file} no type`);
    }
    assert.match(s3, /--include "\*\.jws" --content-type "application\/jose\+json"/);
  } finally {
    done();
  }
});

test('keygen refuses to write a private key inside the repository', async () => {
  const made = await fsdPublish(['keygen', '--out', join(root, 'packages/publish/cluster.pem')]);
  assert.equal(made.code, 3);
  assert.match(made.stdout, /Refused: the private key must stay outside the repository/);
});
