#!/usr/bin/env node
// Serves the examples the way a member's or a newspaper's site would (tools/server.mjs): static files, a strict
// Content-Security-Policy (no inline script, no eval), and ETag / Last-Modified revalidation for the feeds.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/server.mjs';

export { CONTENT_SECURITY_POLICY, startServer } from '../tools/server.mjs';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('port', process.env.PORT ?? 8080));
  const { origin } = await startServer({ port, host: arg('host', '127.0.0.1') });
  console.log(`FrenchSouth.digital examples: ${origin}/`);
  console.log(`  member site (badge):   ${origin}/member-site/`);
  console.log(`  local media (directory): ${origin}/local-media/`);
  console.log('Press Ctrl+C to stop.');
}
