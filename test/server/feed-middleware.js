// A feed server for the browser tests: each test puts the feed it needs under a name of its own, with the
// failure it wants (status, delay, dropped connection), and reads back the requests the widgets made.
//   PUT    /__feeds/NAME?status=500&delay=2000&drop=1&type=application/json   body = the feed
//          ?hold=1              requests for NAME wait, unanswered, until released (no timing to guess)
//          ?chunked=1           the body is streamed in pieces, with no Content-Length (as a server that compresses on the fly)
//          ?cors=0              served without Access-Control-Allow-Origin (a page on another origin cannot read it)
//   POST   /__feeds-release/NAME  answers the held requests for NAME, and the later ones at once
//   GET    /__feeds/NAME        the feed, with ETag / Last-Modified and 304 answers
//   GET    /__feeds-log/NAME    the requests made for NAME: [{ method, ifNoneMatch, ifModifiedSince, accept }]
import { Readable } from 'node:stream';

const feeds = new Map();
const logs = new Map();
/** NAME → resolvers of the requests waiting for NAME to be released. */
const held = new Map();

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let version = 0;

export async function feedMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const feedMatch = /^\/__feeds\/([\w.-]+)$/.exec(url.pathname);
  const logMatch = /^\/__feeds-log\/([\w.-]+)$/.exec(url.pathname);
  const releaseMatch = /^\/__feeds-release\/([\w.-]+)$/.exec(url.pathname);
  ctx.set('Access-Control-Allow-Origin', '*');
  if (releaseMatch && ctx.method === 'POST') {
    const feed = feeds.get(releaseMatch[1]);
    if (feed) feed.hold = false;
    const waiting = held.get(releaseMatch[1]) ?? [];
    held.delete(releaseMatch[1]);
    for (const release of waiting) release();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ released: waiting.length });
    return;
  }
  if (logMatch) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(logs.get(logMatch[1]) ?? []);
    return;
  }
  if (!feedMatch) return next();
  const name = feedMatch[1];
  if (ctx.method === 'PUT') {
    const body = await readBody(ctx.req);
    version++;
    feeds.set(name, {
      body,
      status: Number(url.searchParams.get('status') ?? 200),
      delay: Number(url.searchParams.get('delay') ?? 0),
      drop: url.searchParams.get('drop') === '1',
      hold: url.searchParams.get('hold') === '1',
      chunked: url.searchParams.get('chunked') === '1',
      cors: url.searchParams.get('cors') !== '0',
      type: url.searchParams.get('type') ?? 'application/json',
      etag: `"v${version}"`,
      lastModified: new Date(Date.now() - 1000).toUTCString(),
    });
    ctx.status = 204;
    return;
  }
  const log = logs.get(name) ?? [];
  logs.set(name, log);
  log.push({
    method: ctx.method,
    ifNoneMatch: ctx.get('If-None-Match') || undefined,
    ifModifiedSince: ctx.get('If-Modified-Since') || undefined,
    accept: ctx.get('Accept') || undefined,
  });
  const feed = feeds.get(name);
  if (!feed) {
    ctx.status = 404;
    ctx.body = 'no such test feed';
    return;
  }
  if (feed.hold) {
    await new Promise((resolve) => {
      const waiting = held.get(name) ?? [];
      waiting.push(resolve);
      held.set(name, waiting);
    });
  }
  if (feed.delay) await new Promise((r) => setTimeout(r, feed.delay));
  if (feed.drop) {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  if (!feed.cors) ctx.remove('Access-Control-Allow-Origin');
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('ETag', feed.etag);
  ctx.set('Last-Modified', feed.lastModified);
  if (feed.status === 200 && ctx.get('If-None-Match') === feed.etag) {
    ctx.status = 304;
    return;
  }
  ctx.status = feed.status;
  ctx.type = feed.type;
  ctx.body = feed.chunked ? Readable.from(feed.body.match(/[\s\S]{1,1024}/g) ?? []) : feed.body;
}
