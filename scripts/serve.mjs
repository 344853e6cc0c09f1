#!/usr/bin/env node
// Serves the examples the way a member's or a newspaper's site would (tools/server.mjs): static files, a strict
// Content-Security-Policy (no inline script, no eval), and ETag / Last-Modified revalidation for the feeds.
// First it runs the real publishing pipeline (fsd-publish) on the sample spreadsheets of examples/publish/ and
// Kaliop's own calendar, into .cache/site/, served at /site/ with the headers the site asks for (its _headers).
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--no-publish]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_FOLDER, startServer } from '../tools/server.mjs';
import { developmentKey } from '../tools/dev-key.mjs';

export { CONTENT_SECURITY_POLICY, startServer } from '../tools/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Publishes the sample sheets for a site served at `baseUrl`, its feeds signed with the development key
 * (tools/dev-key.mjs: only the examples' build trusts it); returns whether it published.
 */
export function publishSample(baseUrl, out = SITE_FOLDER) {
  const key = developmentKey();
  const run = spawnSync(
    process.execPath,
    [
      'packages/publish/bin/fsd-publish.mjs',
      '--members', 'examples/publish/membres.csv',
      '--events', 'examples/publish/evenements.csv',
      '--out', out,
      '--base-url', baseUrl,
      '--key', key.file,
      '--kid', key.kid,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  return run.status === 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('port', process.env.PORT ?? 8080));
  const { origin } = await startServer({ port, host: arg('host', '127.0.0.1') });
  if (!process.argv.includes('--no-publish')) publishSample(`${origin}/site/`);
  console.log(`FrenchSouth.digital examples: ${origin}/`);
  console.log(`  member site (badge):   ${origin}/member-site/`);
  console.log(`  local media (directory): ${origin}/local-media/`);
  console.log(`  published site (fsd-publish): ${origin}/site/  (members: ${origin}/site/membres/)`);
  console.log('Press Ctrl+C to stop.');
}
