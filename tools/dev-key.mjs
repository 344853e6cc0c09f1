// The development signing key (issue 16): what lets the examples, the benchmarks and the end-to-end tests show a
// badge verified against a real signature, without the cluster's private key and without any private key in the
// repository. It is generated on first use into .cache/dev-key/ (git-ignored), on each machine; its public half is
// pinned only in the examples' build of the widgets (.cache/examples-dist/, see rollup.config.js), never in
// packages/widgets/dist, the bundles that ship (test/bundle-size.node.test.mjs checks they carry neither its key id
// nor its key). The examples server signs the sample feeds with it (signExampleFeeds), and `npm start` publishes the
// sample site with it.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The key id of the development key: no cluster key is ever named so. */
export const DEV_KID = 'fsd-development-only';

/** Where the development key pair lives (git-ignored, created on first use). */
export const DEV_KEY_FILE = join(root, '.cache/dev-key/development-signing-key.pem');

/**
 * The development key pair, created on first use.
 * @returns {{ kid: string, pem: string, file: string, raw: string }} its key id, its private key (PKCS#8 PEM) and
 *   the file holding it, and its raw public key (base64url), as cluster-keys.ts pins keys
 */
export function developmentKey() {
  if (!existsSync(DEV_KEY_FILE)) {
    mkdirSync(join(DEV_KEY_FILE, '..'), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(DEV_KEY_FILE, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  const pem = readFileSync(DEV_KEY_FILE, 'utf8');
  return { kid: DEV_KID, pem, file: DEV_KEY_FILE, raw: createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' }).x };
}

/**
 * A feed signed as fsd-publish signs it (packages/publish/src/signing.ts): the feed's text, with `expires` and the
 * name of its signature file, and that file, a JWS over the SHA-256 of the text's bytes, by the development key.
 * @param {object} feed the parsed feed
 * @param {string} name the feed's file name (`members.json`)
 * @param {string} expires an ISO date
 * @returns {{ text: string, jws: string }}
 */
export function signWithDevelopmentKey(feed, name, expires) {
  return signFeedWith(developmentKey(), feed, name, expires);
}

/**
 * A feed signed as {@link signWithDevelopmentKey} signs it, by any key: a partner registry's, in the extension's tests.
 * @param {{ kid: string, pem: string }} key its key id and private key (PKCS#8 PEM)
 * @param {object} feed the parsed feed
 * @param {string} name the feed's file name
 * @param {string} expires an ISO date
 * @returns {{ text: string, jws: string }}
 */
export function signFeedWith(key, feed, name, expires) {
  const text = `${JSON.stringify({ ...feed, expires, signature: `${name}.jws` }, null, 2)}\n`;
  const b64 = (data) => Buffer.from(data).toString('base64url');
  const payload = b64(JSON.stringify({ sha256: createHash('sha256').update(text).digest('base64url') }));
  const header = b64(JSON.stringify({ alg: 'EdDSA', kid: key.kid, typ: 'fsd-feed-digest+json' }));
  const signature = b64(sign(null, Buffer.from(`${header}.${payload}`), createPrivateKey(key.pem)));
  return { text, jws: `${JSON.stringify({ payload, signatures: [{ protected: header, signature }] }, null, 2)}\n` };
}

/** Where the examples server finds the signed sample feeds, served at /data/ before examples/data/. */
export const SIGNED_DATA_FOLDER = join(root, '.cache/examples-data');

/**
 * Signs the sample feeds of examples/data/ (members.json, events.json) with the development key into
 * {@link SIGNED_DATA_FOLDER}, valid for 30 days from today (the same bytes all day: a file is rewritten only when
 * it changes, so that servers started side by side never read one half written).
 */
export function signExampleFeeds() {
  mkdirSync(SIGNED_DATA_FOLDER, { recursive: true });
  const expires = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 30 * 86_400_000).toISOString();
  const write = (file, text) => {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  };
  for (const name of ['members.json', 'events.json']) {
    const feed = JSON.parse(readFileSync(join(root, 'examples/data', name), 'utf8'));
    const { text, jws } = signWithDevelopmentKey(feed, name, expires);
    write(join(SIGNED_DATA_FOLDER, name), text);
    write(join(SIGNED_DATA_FOLDER, `${name}.jws`), jws);
  }
}
