// Signed feeds (issue 16): checking the signature of a 4,500-member feed (2 MB) in headless Chromium, as the feed
// client does it (packages/feed/src/signature.ts: SHA-256 of the bytes received, Ed25519 over the small JWS beside
// them), against JSON.parse of the same bytes, which every reader pays anyway, in the same run. Also the design it
// replaced, for the record: a JWS carrying the feed itself as its base64url payload (decode 2.7 MB, verify over it).
import { build } from 'esbuild';
import { generateFeed } from '../scripts/generate-feed.mjs';
import { median } from './harness.mjs';

const RUNS = 21;

export default async function ({ browser, origin, report }) {
  // The check from the sources, with the test hook that pins a key generated here (no bundle carries that hook).
  const { outputFiles } = await build({
    stdin: {
      contents: "export { checkSignature } from './packages/feed/src/signature.ts'; export { pinKeyForTests } from './packages/feed/src/cluster-keys.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'fsdSignature',
    write: false,
    logLevel: 'silent',
  });
  const text = JSON.stringify(generateFeed(4500), null, 2);
  const page = await browser.newPage();
  // An empty page of the examples' origin: a secure context (127.0.0.1), where WebCrypto exists.
  await page.goto(`${origin}/data/members.json`);
  await page.evaluate(outputFiles[0].text);
  const result = await page.evaluate(
    async (feedText, runs) => {
      const { checkSignature, pinKeyForTests } = window.fsdSignature;
      const encoder = new TextEncoder();
      const b64 = (bytes) => {
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      };
      const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
      pinKeyForTests('bench', b64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
      const url = `${location.origin}/bench/members.json`;
      const text = JSON.stringify({ ...JSON.parse(feedText), signature: 'members.json.jws' });
      const bytes = encoder.encode(text);
      const payload = b64(encoder.encode(JSON.stringify({ sha256: b64(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))) })));
      const header = b64(encoder.encode(JSON.stringify({ alg: 'EdDSA', kid: 'bench', typ: 'fsd-feed-digest+json' })));
      const signature = b64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, encoder.encode(`${header}.${payload}`))));
      const jws = encoder.encode(JSON.stringify({ payload, signatures: [{ protected: header, signature }] }));
      // The signature file as the network would hand it; the feed is already parsed when the check runs.
      const request = async () => new Response(jws);
      const readBody = async (response) => new Uint8Array(await response.arrayBuffer());
      const feed = JSON.parse(text);
      // The previous design: the feed inside the JWS, base64url.
      const whole = b64(bytes);
      const wholeSignature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, encoder.encode(`${header}.${whole}`)));
      const envelope = JSON.stringify({ payload: whole, signatures: [{ protected: header, signature: b64(wholeSignature) }] });
      const decode = (t) => {
        const binary = atob(t.replace(/-/g, '+').replace(/_/g, '/'));
        const out = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
        return out;
      };
      const times = { check: [], parse: [], envelope: [] };
      for (let run = 0; run < runs; run++) {
        let start = performance.now();
        const signed = await checkSignature(feed, bytes, url, request, readBody);
        times.check.push(performance.now() - start);
        if (signed?.kid !== 'bench') throw new Error('the bench feed did not verify');
        start = performance.now();
        JSON.parse(text);
        times.parse.push(performance.now() - start);
        start = performance.now();
        const opened = JSON.parse(envelope);
        if (!(await crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, wholeSignature, encoder.encode(`${header}.${opened.payload}`)))) throw new Error('the envelope did not verify');
        new TextDecoder().decode(decode(opened.payload));
        times.envelope.push(performance.now() - start);
      }
      return { times, size: bytes.length };
    },
    text,
    RUNS,
  );
  await page.close();
  const check = median(result.times.check);
  const parse = median(result.times.parse);
  const kb = `${Math.round(result.size / 1024).toLocaleString('en')} KB`;
  report(`signature check, 4,500-member feed of ${kb} (median of ${RUNS})`, check, 'ms', 'SHA-256 of the bytes, Ed25519 over the JWS beside them; target < 20 ms');
  report(`reference: JSON.parse of the same ${kb} (median of ${RUNS})`, parse, 'ms', `check/reference ${(check / parse).toFixed(2)}×`);
  report(`replaced design: feed inside the JWS, base64url (median of ${RUNS})`, median(result.times.envelope), 'ms', 'parse, verify over 2.7 MB, decode');
}
