// Pages of real shape for the link annotation's end-to-end tests, benchmark and screenshots: running text in a
// kerned serif font with inline links followed by punctuation, a navigation list, a table, links at the right edge
// and at the bottom of the page, image links, block links; and the page-world observer that checks, before every
// paint, that no mark names a member the link does not point to.

/** Member hosts of the examples' feed (examples/data/members.json) and the member each names. */
export const MEMBER_HOSTS = {
  'www.kaliop.com': 'kaliop',
  'blog.kaliop.com': 'kaliop',
  'www.rgsystem.com': 'rg-systemes',
  'www.awox.com': 'awox',
  'sanofi.fr': 'sanofi',
  'www.edf.fr': 'edf',
  'www.laposte.fr': 'la-poste',
};
const MEMBERS = Object.keys(MEMBER_HOSTS);
/** Hosts of no member, some of them look-alikes. */
const OTHERS = ['www.lemonde.fr', 'notkaliop.com', 'www.wikipedia.org', 'example.org', 'www.midilibre.fr', 'kaliop.com.evil.example'];

/** The host of the i-th link of a page: one in four to a member. */
export const hostAt = (i) => (i % 4 === 0 ? MEMBERS[(i / 4) % MEMBERS.length] : OTHERS[i % OTHERS.length]);

// Link texts that end on letters kerned against what follows (V., W,, Y;, T:), and words that start on kerned pairs.
const WORDS = ['AVAWAY', 'la TVA', 'Nouvelle VAGUE', 'le blog WAVE', 'TAYLOR', 'Kaliop', 'l’agence Yvon', 'AwoX', 'RG Systèmes'];
const AFTER = ['.', ',', ';', ':', ' !', '…', ')', ' ?', '».'];
const IMAGE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90" viewBox="0 0 160 90"><rect width="160" height="90" fill="#0b5a87"/><circle cx="50" cy="45" r="26" fill="#e8e2d4"/></svg>')}`;

const STYLE = `
html { font: 18px/1.6 "DejaVu Serif", "Liberation Serif", serif; font-kerning: normal; text-rendering: optimizeLegibility; }
body { margin: 0 0 0 1.5rem; color: #1d1d1b; background: #fdfcf8; }
main { max-width: 38rem; }
a { color: #0b5a87; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0; font: 15px/1.2 sans-serif; }
nav a { display: block; padding: 0.5rem 0.75rem; border-radius: 4px; background: #eef3f6; text-decoration: none; }
table { border-collapse: collapse; font-size: 16px; }
td, th { border: 1px solid #c8c2b4; padding: 0.25rem 0.5rem; text-align: start; }
.edge { text-align: right; margin-right: 0; }
.pinned { position: absolute; right: 0; top: 0.5rem; font: 14px/1.6 sans-serif; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.75rem; }
.card { display: block; padding: 0.75rem 1rem; border: 1px solid #c8c2b4; border-radius: 6px; text-decoration: none; color: inherit; }
.card strong { display: block; color: #0b5a87; }
.images { display: flex; gap: 0.75rem; }
.images img { display: block; }
.carousel { width: 20rem; overflow: hidden; border: 1px solid #c8c2b4; }
.slides { display: flex; }
.slide { flex: 0 0 100%; box-sizing: border-box; display: block; padding: 0.75rem 1rem; text-decoration: none; }
.collapsed { max-height: 0; overflow: hidden; }
.menu { position: relative; }
.menu ul { display: none; position: absolute; top: 0; left: 40rem; margin: 0; padding: 0.5rem 1rem; list-style: none; background: #fdfcf8; border: 1px solid #c8c2b4; }
.menu.open ul { display: block; }
.last { margin-bottom: 0; padding-bottom: 0; }`;

/**
 * An article page (with a carousel, a collapsed section and a closed menu when it has more than 8 paragraphs).
 * @param {{ paragraphs?: number, title?: string, head?: string, script?: string }} [options] `paragraphs`: how many
 *   paragraphs of running text (nine links each); `head`: more markup in <head> (e.g. the observer's script tag)
 * @returns {string} HTML
 */
export function articlePage({ paragraphs = 12, title = 'Le numérique en Occitanie', head = '', script = '' } = {}) {
  let n = 0;
  const link = (text) => {
    const i = n++;
    return `<a href="https://${hostAt(i)}/article/${i}">${text}</a>`;
  };
  const nav = ['Accueil', 'Kaliop', 'AwoX', 'Entreprises', 'Sanofi', 'Agenda', 'EDF', 'Contact'].map((label) => `<li>${link(label)}</li>`).join('');
  const body = [];
  for (let p = 0; p < paragraphs; p++) {
    const parts = [];
    for (let k = 0; k < 9; k++) parts.push(`${k ? 'puis' : 'Selon'} ${link(WORDS[(p + k) % WORDS.length])}${AFTER[(p * 9 + k) % AFTER.length]}`);
    body.push(`<p>${parts.join(' ')} Voilà ce que retient la rédaction de cette semaine.</p>`);
    if (p === 2) {
      const rows = Array.from({ length: 4 }, (_, r) => `<tr><td>${link(['Kaliop', 'La Poste', 'AwoX', 'Le Monde'][r])}</td><td>Montpellier</td><td>${link(['site', 'blog', 'offres', 'presse'][r])}</td></tr>`).join('');
      body.push(`<table><thead><tr><th>Entreprise</th><th>Ville</th><th>Lien</th></tr></thead><tbody>${rows}</tbody></table>`);
    }
    if (p === 4) {
      const cards = ['Kaliop', 'La Poste', 'Wikipédia'].map((name) => `<a class="card" href="https://${hostAt(n)}/fiche/${n++}"><strong>${name}</strong>Fiche de l’entreprise, ses offres et ses événements.</a>`).join('');
      body.push(`<div class="cards">${cards}</div>`);
    }
    if (p === 8) {
      // A carousel whose slides past the first are clipped away (the last ones beyond the page's right edge), and a
      // collapsed section: links the page does not show, though they have boxes.
      const slides = MEMBERS.slice(0, 4).map((host, k) => `<a class="slide" href="https://${host}/diapo/${k}">Diapositive ${k + 1} : à la une</a>`).join('');
      body.push(`<div class="carousel"><div class="slides">${slides}</div></div><div class="collapsed"><p>Replié : <a href="https://${MEMBERS[0]}/replie">un lien caché</a></p></div>`);
      // A menu that opens and closes by a class (nothing the annotation hears of), beside the text.
      body.push(`<div class="menu"><button type="button">Nos partenaires</button><ul><li><a href="https://${MEMBERS[1]}/menu">Partenaire du mois</a></li></ul></div>`);
    }
    if (p === 6) {
      const images = [0, 1, 2].map(() => `<a href="https://${hostAt(n)}/photo/${n++}"><img src="${IMAGE}" width="160" height="90" alt="Photo"></a>`).join('');
      body.push(`<div class="images">${images}</div>`);
    }
  }
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${head}<style>${STYLE}</style></head>
<body><header><nav><ul>${nav}</ul></nav><a class="pinned" href="https://www.kaliop.com/abonnement">S’abonner chez Kaliop</a></header>
<main><h1>${title}</h1>${body.join('\n')}
<p class="edge">Lire la suite sur le site de ${link('AwoX')}</p>
<p class="last">Dernier lien de la page, tout en bas : ${link('Kaliop')}</p></main>${script}</body></html>`;
}

/**
 * The link that a mark shown at `m` (its rectangle) belongs to, among `boxes` (`[link, rect]` pairs: each link's
 * own client rects, its content's rects and its image's box): the mark's right edge lies on the box's right edge or
 * within 24 px inside it (the padding of a block link, the inset of an image's corner), and the mark lies in the
 * gap above the box or inside its top; or the mark lies in the space just after the box, within its height.
 * The nearest such box wins.
 */
export function ownerOf(m, boxes) {
  let owner;
  let best = Infinity;
  for (const [link, r] of boxes) {
    const above = m.right <= r.right + 0.5 && m.right >= r.right - 24 && m.top >= r.top - 14 && m.bottom <= r.top + 24;
    const inSpaceAfter = m.left >= r.right - 0.5 && m.left <= r.right + 6 && m.top >= r.top && m.bottom <= r.bottom;
    if (!above && !inSpaceAfter) continue;
    const score = inSpaceAfter ? m.left - r.right : Math.abs(r.right - m.right) + Math.abs(r.top - m.bottom);
    if (score < best) [best, owner] = [score, link];
  }
  return owner;
}

/** The boxes {@link ownerOf} reads, for the links of the page near the viewport: run in the page. */
export function linkBoxes() {
  const boxes = [];
  const range = document.createRange();
  for (const a of document.querySelectorAll('a[href]')) {
    const near = a.getBoundingClientRect();
    if (near.bottom < -innerHeight || near.top > 2 * innerHeight) continue;
    range.selectNodeContents(a);
    const media = a.querySelector('img, svg');
    for (const r of [...a.getClientRects(), ...range.getClientRects(), ...(media ? [media.getBoundingClientRect()] : [])]) boxes.push([a, r]);
  }
  return boxes;
}

/**
 * The page-world observer (a script the page loads first): just before every paint (a ResizeObserver callback,
 * which runs after the frame's animation frame callbacks and layout), every link with `data-fsd-member`, every
 * description it names and every mark shown in the viewport must name the member its `href` points to (the mark's
 * link found by {@link ownerOf}); what is wrong is recorded in `window.__watch.wrong`.
 */
export const WATCH = `(() => {
const MEMBERS = ${JSON.stringify(MEMBER_HOSTS)};
const ownerOf = ${ownerOf.toString()};
const linkBoxes = ${linkBoxes.toString()};
const watch = (window.__watch = { frames: 0, links: 0, marks: 0, wrong: [], stop: false });
const expected = (a) => MEMBERS[a.hostname] ?? null;
function check() {
  if (watch.stop) return;
  watch.frames++;
  for (const a of document.querySelectorAll('a[data-fsd-member]')) {
    watch.links++;
    if (a.dataset.fsdMember !== expected(a)) watch.wrong.push('attribute ' + a.dataset.fsdMember + ' on ' + a.href);
    for (const id of (a.getAttribute('aria-describedby') || '').split(/\\s+/)) {
      const node = id && document.getElementById(id);
      if (node && node.closest('fsd-link-marks') && !node.textContent.startsWith('Membre de')) watch.wrong.push('description ' + node.textContent);
    }
  }
  const layer = document.querySelector('fsd-link-marks')?.shadowRoot;
  const marks = (layer ? [...layer.querySelectorAll('.mark:not([hidden])')] : []).map((mark) => [mark, mark.getBoundingClientRect()]).filter(([, m]) => m.bottom > 0 && m.top < innerHeight);
  if (!marks.length) return;
  const boxes = linkBoxes();
  for (const [mark, m] of marks) {
    watch.marks++;
    const owner = ownerOf(m, boxes);
    if (!owner) watch.wrong.push('a mark beside no link at ' + Math.round(m.x) + ',' + Math.round(m.y));
    else if (expected(owner) !== mark.dataset.member) watch.wrong.push('mark ' + mark.dataset.member + ' beside ' + owner.href);
  }
}
// A probe out of the page's flow whose size changes at the start of every frame: its ResizeObserver callback then
// comes at the end of the same frame, after every animation frame callback (the script's included), before paint.
const probe = document.createElement('div');
probe.style.cssText = 'position:fixed;left:0;top:0;height:1px;width:1px;visibility:hidden;pointer-events:none';
document.documentElement.append(probe);
new ResizeObserver(check).observe(probe);
const tick = () => {
  if (watch.stop) return;
  probe.style.width = probe.style.width === '1px' ? '2px' : '1px';
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
})();`;

/**
 * Every mark shown and every text rectangle that it overlaps (`Range.getClientRects()` of each text node of the
 * page, per line): run in the page. An empty `covered` means no mark hides any letter.
 */
export function marksAndCoverage() {
  const layer = document.querySelector('fsd-link-marks')?.shadowRoot;
  const marks = layer ? [...layer.querySelectorAll('.mark:not([hidden])')].map((mark) => mark.getBoundingClientRect()) : [];
  const covered = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\S/.test(node.data)) continue;
    // Each character on its own: a letter's box is exactly what it covers.
    for (let i = 0; i < node.data.length; i++) {
      if (/\s/.test(node.data[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.bottom < -20 || r.top > innerHeight + 20) continue;
      for (const m of marks) {
        const overlap = Math.min(m.right, r.right) - Math.max(m.left, r.left) > 0.01 && Math.min(m.bottom, r.bottom) - Math.max(m.top, r.top) > 0.01;
        if (overlap) covered.push(`"${node.data[i]}" of "${node.data.slice(Math.max(0, i - 8), i + 8)}" under the mark at ${Math.round(m.x)},${Math.round(m.y)}`);
      }
    }
  }
  return { marks: marks.length, covered };
}

/** Every element of the page but the annotation's layer, with its box; and the page's scroll size: run in the page. */
export function layoutOf() {
  const boxes = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('fsd-link-marks')) continue;
    const r = element.getBoundingClientRect();
    boxes.push(`${element.localName} ${r.x} ${r.y} ${r.width} ${r.height}`);
  }
  const root = document.scrollingElement;
  return { boxes, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight };
}
