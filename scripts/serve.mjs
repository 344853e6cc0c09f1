#!/usr/bin/env node
// Serves the examples the way a member's or a newspaper's site would: static files, a strict Content-Security-Policy
// (no inline script, no eval), and ETag / Last-Modified revalidation for the feeds.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** URL prefixes and the folders they come from; the first match wins. */
const MOUNTS = [
  ['/dist/', join(root, 'packages/widgets/dist')],
  ['/bench/', join(root, 'bench/pages')],
  ['/', join(root, 'examples')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

function locate(pathname) {
  for (const [prefix, folder] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
    if (file !== folder && !file.startsWith(folder + sep)) return undefined;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) {
        const index = join(file, 'index.html');
        return { file: index, stat: statSync(index) };
      }
      return { file, stat };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function handle(request, response) {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname.match(/^\/[^.]*[^/]$/) && locate(`${url.pathname}/`)) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  const found = request.method === 'GET' || request.method === 'HEAD' ? locate(url.pathname) : undefined;
  if (!found) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const { file, stat } = found;
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Access-Control-Allow-Origin': '*',
  };
  const since = request.headers['if-modified-since'];
  if (request.headers['if-none-match'] === etag || (!request.headers['if-none-match'] && since && Date.parse(since) >= Math.floor(stat.mtimeMs / 1000) * 1000)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Length': stat.size });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/** Starts the examples server; resolves with its origin, e.g. `http://127.0.0.1:8080`. */
export function startServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(handle);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, origin: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` });
    });
  });
}

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
