/**
 * Headers for the common static hosts, so that any of them serves the site right: CORS on the feeds (embeds read
 * them from members' and newspapers' sites), a short cache with revalidation (ETag) on feeds and stable bundle
 * names, and a one-year immutable cache on content-hashed bundles.
 *   _headers                 Netlify and Cloudflare Pages
 *   _deploy/nginx.conf       nginx (include it in the site's server block)
 *   _deploy/s3-upload.sh     S3 (and CloudFront in front): `aws s3 cp` with Cache-Control and Content-Type
 *   _deploy/s3-cors.json     the bucket's CORS rule (S3 sets CORS per bucket, not per file)
 */
export const FEED_CACHE = 'public, max-age=300, must-revalidate';
export const STABLE_CACHE = 'public, max-age=300, must-revalidate';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The site's pages: scripts and styles from the site only (the pages have no inline script; their JSON-LD is a data
 * block, which CSP does not run), members' logos from any https host, no plugin, no `<base>`, no framing elsewhere.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Logos copied from beside the sheet are the members' files, served from the cluster's origin: an SVG opened on its
 * own could run a script there. Sandboxed, with nothing allowed but its own inline styles, it is only a picture.
 */
export const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export interface Bundles {
  /** Stable entry names, under `embed/`: `fsd-widgets.js`. */
  stable: string[];
  /** Content-hashed copies, under `embed/`: `fsd-widgets.1a2b3c4d.js`. */
  hashed: string[];
}

/** The site's path on its host: `/` for `https://www.frenchsouth.digital/`, `/site/` for `http://127.0.0.1:8080/site/`. */
const pathOf = (baseUrl: string) => new URL(baseUrl).pathname;

export function netlifyHeaders(baseUrl: string, bundles: Bundles): string {
  const p = pathOf(baseUrl);
  // A header set by two matching rules is joined with a comma on these hosts: Cache-Control is set by one rule only.
  const rules: [string, [string, string][]][] = [
    [`${p}*`, [['X-Content-Type-Options', 'nosniff'], ['Referrer-Policy', 'strict-origin-when-cross-origin'], ['Content-Security-Policy', SITE_CSP]]],
    // Joined to the site's policy with a comma: both are enforced, so the logo gets the stricter of the two.
    // Readable from any origin like the feeds: the extension's popup fetches a logo itself (no redirect followed).
    [`${p}logos/*`, [['Content-Security-Policy', LOGO_CSP], ['Access-Control-Allow-Origin', '*']]],
    // ETag exposed: the feed client keeps it with its copy (the browser's revalidation works without it).
    [`${p}feeds/*`, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'ETag'], ['Cache-Control', FEED_CACHE]]],
    [`${p}embed/*`, [['Access-Control-Allow-Origin', '*']]],
    [`${p}embed/chunks/*`, [['Cache-Control', IMMUTABLE_CACHE]]],
    ...bundles.stable.map((name): [string, [string, string][]] => [`${p}embed/${name}`, [['Cache-Control', STABLE_CACHE]]]),
    ...bundles.hashed.map((name): [string, [string, string][]] => [`${p}embed/${name}`, [['Cache-Control', IMMUTABLE_CACHE]]]),
  ];
  const head = '# Netlify and Cloudflare Pages: headers of the published FrenchSouth.digital site (written by fsd-publish).\n';
  return head + rules.map(([path, headers]) => `${path}\n${headers.map(([name, value]) => `  ${name}: ${value}`).join('\n')}`).join('\n') + '\n';
}

export function nginxConf(baseUrl: string, bundles: Bundles): string {
  const p = pathOf(baseUrl);
  const hashed = bundles.hashed.map((name) => name.replace(/[.]/g, '\\.')).join('|');
  // nginx drops the server block's add_header lines in a location that has its own: each location repeats them.
  const security = `add_header X-Content-Type-Options "nosniff" always;\n    add_header Content-Security-Policy "${SITE_CSP}" always;`;
  const feed = `add_header Access-Control-Allow-Origin "*" always;\n    add_header Access-Control-Expose-Headers "ETag" always;\n    add_header Cache-Control "${FEED_CACHE}" always;\n    ${security}`;
  return `# nginx: headers of the published FrenchSouth.digital site (written by fsd-publish).
# Include it in the site's server block, whose root (or alias) is the published folder:
#   server { ... root /var/www/frenchsouth; include /var/www/frenchsouth/_deploy/nginx.conf; }
etag on;
${security.replace('\n    ', '\n')}
add_header Referrer-Policy "strict-origin-when-cross-origin" always;

location ^~ ${p}_deploy/ { return 404; }
location = ${p}.fsd-publish.json { return 404; }

location ${p}feeds/ {
    ${feed}
    location ~ \\.ics$ {
        types { }
        default_type "text/calendar; charset=utf-8";
        ${feed}
    }
    location ~ \\.json$ {
        types { }
        default_type "application/json; charset=utf-8";
        ${feed}
    }
    location ~ \\.jws$ {
        types { }
        default_type "application/jose+json";
        ${feed}
    }
}

location ${p}logos/ {
    add_header X-Content-Type-Options "nosniff" always;
    add_header Content-Security-Policy "${LOGO_CSP}" always;
    add_header Access-Control-Allow-Origin "*" always;
}

location ${p}embed/ {
    add_header Access-Control-Allow-Origin "*" always;
    add_header Cache-Control "${STABLE_CACHE}" always;
    ${security}
}

location ${p}embed/chunks/ {
    add_header Access-Control-Allow-Origin "*" always;
    add_header Cache-Control "${IMMUTABLE_CACHE}" always;
    ${security}
}
${
  hashed
    ? `
location ~ ^${p.replace(/[.]/g, '\\.')}embed/(${hashed})$ {
    add_header Access-Control-Allow-Origin "*" always;
    add_header Cache-Control "${IMMUTABLE_CACHE}" always;
    ${security}
}
`
    : ''
}`;
}

export function s3Script(bundles: Bundles): string {
  const hashed = bundles.hashed.map((name) => `--include "${name}"`).join(' ');
  return `#!/bin/sh
# S3 (with CloudFront in front, or S3 website hosting): uploads the published FrenchSouth.digital site with its
# headers (written by fsd-publish). S3 computes each file's ETag; CORS is the bucket's rule in s3-cors.json:
#   aws s3api put-bucket-cors --bucket BUCKET --cors-configuration file://_deploy/s3-cors.json
# (with CloudFront, also attach a response headers policy with CORS, or forward the Origin header).
# S3 cannot send a Content-Security-Policy: with CloudFront, add it in the response headers policy, as _headers says:
#   pages:  ${SITE_CSP}
#   logos/: ${LOGO_CSP}
#   sh _deploy/s3-upload.sh s3://bucket[/prefix]
set -eu
DEST="\${1:?usage: sh _deploy/s3-upload.sh s3://bucket[/prefix]}"
cd "$(dirname "$0")/.."
SKIP='--exclude _headers --exclude _deploy/* --exclude .fsd-publish.json'

# Pages and everything else: the host's defaults.
aws s3 cp . "$DEST" --recursive $SKIP --exclude "feeds/*" --exclude "embed/*"
# Feeds: short cache, revalidated with the ETag.
aws s3 cp feeds "$DEST/feeds" --recursive --exclude "*" --include "*.json" --content-type "application/json; charset=utf-8" --cache-control "${FEED_CACHE}"
aws s3 cp feeds "$DEST/feeds" --recursive --exclude "*" --include "*.ics" --content-type "text/calendar; charset=utf-8" --cache-control "${FEED_CACHE}"
# Their signatures (signed feeds: NAME.json.jws beside NAME.json), with the same cache: a feed and its signature change together.
aws s3 cp feeds "$DEST/feeds" --recursive --exclude "*" --include "*.jws" --content-type "application/jose+json" --cache-control "${FEED_CACHE}"
# Bundles: content-hashed names are immutable; stable entry names get the short cache.
aws s3 cp embed "$DEST/embed" --recursive --exclude "*" --include "chunks/*" ${hashed} --exclude "*.map" --content-type "text/javascript; charset=utf-8" --cache-control "${IMMUTABLE_CACHE}"
aws s3 cp embed "$DEST/embed" --recursive --exclude "*" --include "chunks/*.map" --content-type "application/json; charset=utf-8" --cache-control "${IMMUTABLE_CACHE}"
aws s3 cp embed "$DEST/embed" --recursive --exclude "chunks/*" ${bundles.hashed.map((name) => `--exclude "${name}"`).join(' ')} --cache-control "${STABLE_CACHE}"
`;
}

export function s3Cors(): string {
  return `${JSON.stringify({ CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag', 'Last-Modified'], MaxAgeSeconds: 86400 }] }, null, 2)}\n`;
}
