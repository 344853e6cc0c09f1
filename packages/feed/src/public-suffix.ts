import { HOSTING_RULES } from './public-suffix-data.js';

/**
 * Is this domain a public suffix, under which anybody can register a name (`fr`, `co.uk`, `github.io`)?
 * A member that claimed one would be "verified" on thousands of sites it does not own.
 *
 * The widgets' check. The full Public Suffix List weighs about 50 KB gzipped, four times a whole widget; this check
 * covers what matters here in about 0.8 KB, and it is loaded with the feed validator, never with a widget's entry:
 * - every single label is a top-level domain, hence a public suffix (`fr`, `com`, `xn--p1ai`);
 * - the second-level registries of country domains (`co.uk`, `com.au`, `gouv.fr`, `asso.fr`, `ac.jp` …);
 * - the shared hosting platforms where each customer gets a subdomain: the list's rules of the biggest operators
 *   (`github.io`, `notion.site`, `s3.*.amazonaws.com`, `uk.com` …, generated in public-suffix-data.ts), hosts that
 *   hand out subdomains without being listed (`wordpress.com`, `free.fr` …), and Blogger's country domains
 *   (`blogspot.fr`, `blogspot.co.uk`: dropped from the list, still Google's).
 * Publishing and the extension check the whole list as well (`isListedPublicSuffix` in public-suffix-list.ts).
 */

const SECOND_LEVEL_REGISTRIES = new Set([
  'ac', 'co', 'com', 'edu', 'gob', 'gov', 'gouv', 'govt', 'ltd', 'me', 'mil', 'ne', 'net', 'nom', 'or', 'org', 'plc', 'sch',
  'asso', 'presse', 'tm', 'prd', 'go', 'gr', 'lg', 'ad', 'ed', 'nic', 'info', 'biz', 'int', 'res', 'web', 'firm', 'store',
]);

/** Hosts that give each customer a subdomain but are not in the Public Suffix List. */
const SHARED_HOSTS_NOT_LISTED = [
  'wordpress.com', 'squarespace.com', 'glitch.me', 'neocities.org', 'jimdofree.com', 'weebly.com',
  'free.fr', 'sfr.fr', 'orange.fr', 'over-blog.com', 'canalblog.com', 'e-monsite.com',
];

let exact: Set<string> | undefined;
let patterns: string[][] | undefined;

/** The generated rules, read once: names into a set, the ones with a `*` label apart. */
function rules(): [Set<string>, string[][]] {
  if (!exact || !patterns) {
    exact = new Set(SHARED_HOSTS_NOT_LISTED);
    patterns = [];
    for (const line of HOSTING_RULES.split(' ')) {
      const [operator, heads] = line.split(':') as [string, string];
      for (const head of heads.split(',')) {
        const name = head ? `${head}.${operator}` : operator;
        if (name.includes('*')) patterns.push(name.split('.'));
        else exact.add(name);
      }
    }
  }
  return [exact, patterns];
}

export function isPublicSuffix(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length <= 1) return true;
  const [names, wild] = rules();
  if (names.has(domain)) return true;
  // `*` stands for one label, as in the list: `s3.*.amazonaws.com` holds `s3.eu-west-3.amazonaws.com`.
  if (wild.some((rule) => rule.length === labels.length && rule.every((label, i) => label === '*' || label === labels[i]))) return true;
  if (labels[0] === 'blogspot') return isPublicSuffix(labels.slice(1).join('.'));
  if (labels.length === 2) {
    const [second, top] = labels as [string, string];
    // `co.uk`, `com.br`, `asso.fr`: a registry under a two-letter country domain.
    if (top.length === 2 && SECOND_LEVEL_REGISTRIES.has(second)) return true;
  }
  return false;
}
