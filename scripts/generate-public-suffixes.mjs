// Writes packages/feed/src/public-suffix-data.ts, the small list of shared-hosting suffixes that the widgets check
// (packages/feed/src/public-suffix.ts), from the Public Suffix List as the installed `tldts` package ships it.
//   npm run generate-public-suffixes          (after updating tldts: `npm install -w packages/feed tldts@latest`)
// test/public-suffixes.node.test.mjs fails when the committed file differs from what this script writes.
//
// Selection rule: the PRIVATE section's rules at or under the registrable domains of HOSTING_OPERATORS (below: the
// platforms where most sites get a free subdomain, and every suffix issue 12 named), each operator's rules
// folded into one-label wildcards where three or more siblings differ in a single label (`s3.*.amazonaws.com`
// stands for the 40-odd regions), then without the rules that still name a region (a label ending in `-<number>`),
// and without those more than one label under the operator unless they are such a wildcard family. A `*` matches
// one label, as in the list itself. The full list (about 11,300 rules) is checked at publish time and in the
// extension (`@frenchsouth-digital/feed/public-suffix-list`), so what this selection leaves out is still refused there.
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const OUTPUT = fileURLToPath(new URL('../packages/feed/src/public-suffix-data.ts', import.meta.url));

/**
 * Registrable domains of hosting operators whose private rules the widgets carry. Rules are taken from the list;
 * a name here with no private rule at or under it makes the script fail (so that a platform that leaves the list is
 * noticed, and moved to SHARED_HOSTS_NOT_LISTED in public-suffix.ts if it still hands out subdomains).
 */
export const HOSTING_OPERATORS = [
  // Cloud platforms.
  'amazonaws.com', 'cloudfront.net', 'elasticbeanstalk.com', 'awsapprunner.com', 'on.aws',
  'azurewebsites.net', 'azurestaticapps.net', 'azureedge.net', 'azurefd.net', 'cloudapp.net', 'windows.net', 'trafficmanager.net',
  'appspot.com', 'web.app', 'firebaseapp.com', 'run.app', 'blogspot.com',
  'herokuapp.com', 'fly.dev', 'onrender.com', 'digitaloceanspaces.com', 'ondigitalocean.app', 'ovh.net',
  // Static sites and code hosting.
  'github.io', 'githubusercontent.com', 'gitlab.io', 'bitbucket.io', 'codeberg.page', 'netlify.app', 'vercel.app',
  'pages.dev', 'workers.dev', 'surge.sh', 'readthedocs.io', 'webflow.io', 'framer.app', 'notion.site', 'wixsite.com',
  'myshopify.com', 'repl.co', 'replit.dev', 'ngrok.io', 'ngrok-free.app', 'ngrok.app',
  // Dynamic DNS and free subdomain registries.
  'duckdns.org', 'no-ip.org', 'dyndns.org', 'eu.org',
  // CentralNic's country-like names (`uk.com`, `co.com`…), sold as second-level registries.
  'uk.com', 'co.com', 'us.com', 'eu.com', 'gb.net', 'uk.net', 'de.com', 'jpn.com', 'br.com', 'cn.com', 'ru.com', 'sa.com', 'za.com', 'com.de', 'us.org',
];

/** Every rule of the installed list, as [name, 1 (ICANN) | 2 (PRIVATE)], read from tldts's packed trie. */
export function listRules() {
  const trie = require('tldts/dist/cjs/src/data/trie.js');
  const offsets = [];
  for (let edge = 0, offset = 0; edge < trie.edgeLength.length; edge += 1) {
    offsets.push(offset);
    offset += trie.edgeLength[edge];
  }
  const rules = [];
  const visit = (node, labels) => {
    for (let edge = trie.edgeStart[node]; edge < trie.edgeStart[node + 1]; edge += 1) {
      const name = [trie.labelText.slice(offsets[edge], offsets[edge] + trie.edgeLength[edge]), ...labels];
      const child = trie.edgeChild[edge];
      if (trie.nodeFlags[child]) rules.push([name.join('.'), trie.nodeFlags[child]]);
      visit(child, name);
    }
  };
  visit(trie.rulesRoot, []);
  if (rules.length < 5000) throw new Error(`tldts's trie gave ${rules.length} rules: its format changed, update listRules()`);
  return rules;
}

/**
 * Folds rules that differ in one label into a `*` there, while three or more siblings share the rest. Never in the
 * left-most label (`*.eu.org` would refuse `kaliop.eu.org`, a name anyone can register) nor in the operator's own:
 * a folded rule then matches only names under the operator that nobody but the operator can hand out.
 */
function fold(names, operator) {
  const kept = operator.split('.').length;
  let set = new Set(names);
  for (let changed = true; changed; ) {
    changed = false;
    const groups = new Map();
    for (const name of set) {
      const labels = name.split('.');
      // A rule of the list's own `*.…` form stays as it is: folded further, `*.*.amazonaws.com` would take in
      // `bucket.s3.amazonaws.com`, a customer's name.
      if (labels[0] === '*') continue;
      for (let i = 1; i < labels.length - kept; i += 1) {
        if (labels[i] === '*') continue;
        const key = [...labels.slice(0, i), '*', ...labels.slice(i + 1)].join('.');
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(name);
      }
    }
    const best = [...groups].filter(([, members]) => members.length >= 3).sort((a, b) => b[1].length - a[1].length)[0];
    if (best) {
      for (const name of best[1]) set.delete(name);
      set.add(best[0]);
      set = new Set([...set].filter((name) => name === best[0] || !covers(best[0], name)));
      changed = true;
    }
  }
  return [...set];
}

const covers = (pattern, name) => {
  const a = pattern.split('.');
  const b = name.split('.');
  return a.length === b.length && a.every((label, i) => label === '*' || label === b[i]);
};

/** The selected rules, sorted by operator then name. */
export function selectRules(rules = listRules()) {
  const privates = rules.filter(([, type]) => type & 2).map(([name]) => name);
  const selected = [];
  for (const operator of HOSTING_OPERATORS) {
    const own = privates.filter((name) => name === operator || name.endsWith(`.${operator}`));
    if (own.length === 0) throw new Error(`${operator} has no private rule in the installed list: move it to SHARED_HOSTS_NOT_LISTED or drop it`);
    // Left to the full list: rules that still name a region or a data centre after folding (a label that ends in a number:
    // `eu-west-3.elasticbeanstalk.com`, `francecentral-01.azurewebsites.net`), dozens per operator, that would
    // triple the list and that nobody claims by mistake.
    const heads = (name) => name.slice(0, -operator.length).split('.');
    // Also left out: rules more than one label under the operator, but for the wildcard families of two labels
    // (`s3.*.amazonaws.com` is kept, `blob.core.windows.net` and `s3.dualstack.*.amazonaws.com` are not).
    const depth = (name) => heads(name).length - 1;
    const kept = (name) => (depth(name) <= 1 || (depth(name) === 2 && name.includes('*'))) && !heads(name).some((label) => /-\d+$/.test(label));
    selected.push(...fold(own, operator).filter(kept).sort());
  }
  return [...new Set(selected)];
}

/** The generated module's text. Rules are grouped by operator, written as their labels before the operator's name. */
export function generate() {
  const { version } = JSON.parse(readFileSync(require.resolve('tldts/package.json'), 'utf8'));
  const rules = selectRules();
  const lines = [];
  for (const operator of HOSTING_OPERATORS) {
    const own = rules.filter((name) => name === operator || name.endsWith(`.${operator}`));
    const heads = own.map((name) => (name === operator ? '' : name.slice(0, -operator.length - 1)));
    lines.push(`${operator}:${heads.join(',')}`);
  }
  return `// Generated by scripts/generate-public-suffixes.mjs from tldts ${version} (the Public Suffix List's PRIVATE
// section): do not edit, run \`npm run generate-public-suffixes\`. ${rules.length} rules of hosting operators; one
// line each, \`operator:head,head…\`, a rule being \`head.operator\` (an empty head is the operator itself, \`*\` one label).
export const HOSTING_RULES =
  ${JSON.stringify(lines.join(' '))};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, generate());
  console.log(`wrote ${OUTPUT}`);
}
