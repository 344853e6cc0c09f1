/**
 * Is this domain a public suffix, under which anybody can register a name (`fr`, `co.uk`, `github.io`)?
 * A member that claimed one would be "verified" on thousands of sites it does not own.
 *
 * The full Public Suffix List weighs about 50 KB gzipped, four times a whole widget; this check covers what
 * matters here in a few hundred bytes:
 * - every single label is a top-level domain, hence a public suffix (`fr`, `com`, `xn--p1ai`);
 * - the second-level registries of country domains (`co.uk`, `com.au`, `gouv.fr`, `asso.fr`, `ac.jp` …);
 * - the shared hosting platforms where each customer gets a subdomain (`github.io`, `netlify.app`, …).
 */

const SECOND_LEVEL_REGISTRIES = new Set([
  'ac', 'co', 'com', 'edu', 'gob', 'gov', 'gouv', 'govt', 'ltd', 'me', 'mil', 'ne', 'net', 'nom', 'or', 'org', 'plc', 'sch',
  'asso', 'presse', 'tm', 'prd', 'go', 'gr', 'lg', 'ad', 'ed', 'nic', 'info', 'biz', 'int', 'res', 'web', 'firm', 'store',
]);

const SHARED_HOSTING = new Set([
  'github.io', 'gitlab.io', 'bitbucket.io', 'codeberg.page', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev',
  'web.app', 'firebaseapp.com', 'appspot.com', 'herokuapp.com', 'azurewebsites.net', 'azurestaticapps.net',
  'cloudfront.net', 's3.amazonaws.com', 'blogspot.com', 'wordpress.com', 'wixsite.com', 'squarespace.com',
  'webflow.io', 'myshopify.com', 'onrender.com', 'fly.dev', 'glitch.me', 'repl.co', 'surge.sh', 'neocities.org',
  'readthedocs.io', 'ngrok.io', 'ngrok-free.app', 'duckdns.org', 'no-ip.org', 'dyndns.org', 'eu.org',
  'free.fr', 'sfr.fr', 'orange.fr', 'jimdofree.com', 'weebly.com', 'over-blog.com', 'canalblog.com', 'e-monsite.com',
]);

export function isPublicSuffix(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length <= 1) return true;
  if (SHARED_HOSTING.has(domain)) return true;
  if (labels.length === 2) {
    const [second, top] = labels as [string, string];
    // `co.uk`, `com.br`, `asso.fr`: a registry under a two-letter country domain.
    if (top.length === 2 && SECOND_LEVEL_REGISTRIES.has(second)) return true;
  }
  return false;
}
