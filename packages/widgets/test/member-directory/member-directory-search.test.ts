import { expect } from '@open-wc/testing';
import { $, $$, countText, directoryFor, facetCounts, feedWith, member, names, search, toggle } from './helpers.js';

const ALL_BY_NAME = [
  'AwoX',
  'Cévennes Data (exemple)',
  'Écrans du Sud (exemple)',
  'EDF',
  'Kaliop',
  'La Poste',
  'Nuage Catalan (exemple)',
  'RG Systèmes',
  'Sanofi',
  'Studio Garrigue (exemple)',
];

describe('<fsd-member-directory> search', () => {
  it('lists every current member in French alphabetical order ("Écrans" with E), the lapsed one left out', async () => {
    const d = await directoryFor();
    expect(names(d)).to.deep.equal(ALL_BY_NAME);
    expect(countText(d)).to.equal('10 membres');
    // The count is a polite live region: screen readers announce it as results change.
    expect($(d, '.dir__count').getAttribute('role')).to.equal('status');
    // The whole directory is a named region, so screen-reader users can jump to it.
    expect($(d, 'section[part~="base"]').getAttribute('aria-label')).to.equal('Annuaire des membres de FrenchSouth.digital');
    expect(d.state).to.equal('ready');
  });

  it('ignores accents and case: "systemes" finds RG Systèmes, "ECRANS" finds Écrans du Sud, "montpellier" every Montpellier member', async () => {
    const d = await directoryFor();
    await search(d, 'systemes');
    expect(names(d)[0]).to.equal('RG Systèmes');
    await search(d, 'ECRANS');
    expect(names(d)).to.deep.equal(['Écrans du Sud (exemple)']);
    await search(d, 'montpellier');
    expect(names(d)).to.have.members(['AwoX', 'EDF', 'Kaliop', 'La Poste', 'RG Systèmes', 'Sanofi', 'Studio Garrigue (exemple)']);
    await search(d, 'sète');
    expect(names(d)).to.deep.equal(['Écrans du Sud (exemple)']);
  });

  it('matches prefixes as you type, and every word typed', async () => {
    const d = await directoryFor();
    await search(d, 'kal');
    expect(names(d)).to.deep.equal(['Kaliop']);
    await search(d, 'grand compte sant');
    expect(names(d)).to.deep.equal(['Sanofi']);
    await search(d, 'grand compte');
    expect(names(d)).to.have.members(['EDF', 'La Poste', 'Sanofi']);
    // The same list, for scripts of the page, as the feed gives it.
    expect(d.results.map((m) => m.id)).to.deep.equal(names(d).map((n) => ({ EDF: 'edf', 'La Poste': 'la-poste', Sanofi: 'sanofi' })[n]));
  });

  it('tolerates one typo in longer words ("RG Sytemes", as the launch article spells it), not in short ones', async () => {
    const d = await directoryFor();
    await search(d, 'RG Sytemes');
    expect(names(d)).to.deep.equal(['RG Systèmes']);
    await search(d, 'montpelier');
    expect(names(d)).to.include('Kaliop');
    await search(d, 'kaliopp');
    expect(names(d)).to.deep.equal(['Kaliop']);
    await search(d, 'edx');
    expect(names(d)).to.deep.equal([]);
  });

  it('searches the college names, the tags and the English description too', async () => {
    const d = await directoryFor();
    await search(d, 'mediacloud');
    expect(names(d)).to.have.members(['AwoX', 'La Poste', 'Nuage Catalan (exemple)']);
    await search(d, 'supervision');
    expect(names(d)).to.deep.equal(['RG Systèmes']);
    await search(d, 'monitoring');
    expect(names(d)).to.deep.equal(['RG Systèmes']);
  });

  it('ranks name matches first, then city, college and tags, then descriptions; an exact word before a typo', async () => {
    const feed = await feedWith([
      member('alpha', { name: 'Alpha', description: { fr: 'Partenaire historique de la garrigue.' } }),
      member('beta', { name: 'Beta', city: 'Garrigue-sur-Mer' }),
      member('zeta', { name: 'Zeta Garrigue' }),
      member('omega', { name: 'Omega Garigue' }),
    ]);
    const d = await directoryFor({}, feed);
    await search(d, 'garrigue');
    expect(names(d)).to.deep.equal(['Zeta Garrigue', 'Omega Garigue', 'Beta', 'Alpha']);
    expect($<HTMLSelectElement>(d, '#sort').value).to.equal('relevance');
  });

  it('sorts by name again, or by the newest members, when asked', async () => {
    const feed = await feedWith([
      member('b', { name: 'Béta', memberSince: '2019-03-01' }),
      member('a', { name: 'Alpha', memberSince: '2021-06-01' }),
      member('c', { name: 'Écume', memberSince: '2016-01-01' }),
      member('d', { name: 'delta', memberSince: '2021-06-01' }),
    ]);
    const d = await directoryFor({}, feed);
    expect(names(d)).to.deep.equal(['Alpha', 'Béta', 'delta', 'Écume']);
    const sort = $<HTMLSelectElement>(d, '#sort');
    sort.value = 'newest';
    sort.dispatchEvent(new Event('change'));
    await d.updateComplete;
    expect(names(d)).to.deep.equal(['Alpha', 'delta', 'Béta', 'Écume']);
  });
});

describe('<fsd-member-directory> facets', () => {
  it('counts each value for the current results, with the other facets applied', async () => {
    const d = await directoryFor();
    const college = 'Collège';
    expect(facetCounts(d, college)).to.deep.equal({ 'Digital Content & Cultures': 2, 'Mediacloud Interactivity': 3, 'Smart Software': 5 });
    expect(facetCounts(d, 'Ville')).to.deep.include({ Montpellier: 7, Sète: 1, Perpignan: 1, Alès: 1 });
    expect(facetCounts(d, 'Cluster d’origine')).to.deep.equal({ 'Novae LR': 2, PixLR: 2, MCC: 2 });

    await toggle(d, college, 'Smart Software');
    expect(countText(d)).to.equal('5 membres');
    expect(facetCounts(d, 'Ville')).to.deep.equal({ Montpellier: 4, Alès: 1 });
    // The college facet itself still offers the other colleges, with what each would add.
    expect(facetCounts(d, college)).to.deep.equal({ 'Digital Content & Cultures': 2, 'Mediacloud Interactivity': 3, 'Smart Software': 5 });

    await toggle(d, 'Ville', 'Montpellier');
    expect(names(d)).to.deep.equal(['EDF', 'Kaliop', 'RG Systèmes', 'Sanofi']);
    expect(facetCounts(d, college)).to.deep.equal({ 'Digital Content & Cultures': 1, 'Mediacloud Interactivity': 2, 'Smart Software': 4 });
  });

  it('combines values of one facet with OR, facets with AND, and the search with both', async () => {
    const d = await directoryFor();
    await toggle(d, 'Collège', 'Smart Software');
    await toggle(d, 'Collège', 'Mediacloud Interactivity');
    expect(countText(d)).to.equal('8 membres');
    await toggle(d, 'Mots-clés', 'grand compte');
    expect(names(d)).to.deep.equal(['EDF', 'La Poste', 'Sanofi']);
    await search(d, 'énergie');
    expect(names(d)).to.deep.equal(['EDF']);
    expect(facetCounts(d, 'Mots-clés')).to.deep.include({ 'grand compte': 1 });
  });

  it('clears the search and every filter with one click', async () => {
    const d = await directoryFor();
    await toggle(d, 'Collège', 'Smart Software');
    await toggle(d, 'Ville', 'Montpellier');
    await search(d, 'edf');
    expect(countText(d)).to.equal('1 membre');
    $(d, '.dir__clear').click();
    await d.updateComplete;
    expect(names(d)).to.deep.equal(ALL_BY_NAME);
    expect($$<HTMLInputElement>(d, 'fieldset input:checked')).to.have.length(0);
    expect($<HTMLInputElement>(d, '[part~="search"]').value).to.equal('');
  });

  it('shows the first values of a long facet, and all of them on demand', async () => {
    const d = await directoryFor();
    const tags = () => Object.keys(facetCounts(d, 'Mots-clés')).length;
    expect(tags()).to.equal(6);
    const more = $$(d, '.facet__more').at(-1)!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await d.updateComplete;
    expect(tags()).to.be.greaterThan(20);
  });
});

describe('<fsd-member-directory> pre-filters fixed by the embedder', () => {
  it('college="smart-software" shows that college only and hides its facet', async () => {
    const d = await directoryFor({ college: 'smart-software' });
    expect(names(d)).to.deep.equal(['Cévennes Data (exemple)', 'EDF', 'Kaliop', 'RG Systèmes', 'Sanofi']);
    expect(facetCounts(d, 'Collège')).to.deep.equal({});
    expect(facetCounts(d, 'Ville')).to.deep.equal({ Montpellier: 4, Alès: 1 });
    await search(d, 'awox');
    expect(names(d)).to.deep.equal([]);
  });

  it('city matches whatever the accents and case ("SETE" is Sète)', async () => {
    const d = await directoryFor({ city: 'SETE' });
    expect(names(d)).to.deep.equal(['Écrans du Sud (exemple)']);
    expect(facetCounts(d, 'Ville')).to.deep.equal({});
  });
});

describe('<fsd-member-directory> pages', () => {
  it('shows page-size cards per page, and the same number of DOM nodes for 300 or 3,000 members', async () => {
    const many = (n: number) =>
      feedWith(Array.from({ length: n }, (_, i) => member(`m-${i}`, { name: `Membre ${i}`, city: ['Montpellier', 'Nîmes', 'Sète'][i % 3], tags: ['web', 'cloud', 'jeu vidéo'].slice(0, 1 + (i % 3)) })));
    const nodes = (d: HTMLElement) => d.shadowRoot!.querySelectorAll('*').length;
    const small = await directoryFor({ 'page-size': '12' }, await many(300));
    const large = await directoryFor({ 'page-size': '12' }, await many(3000));
    expect($$(small, '[part~="card"]')).to.have.length(12);
    expect($$(large, '[part~="card"]')).to.have.length(12);
    expect(countText(large)).to.equal('3 000 membres'.replace(' ', '\u202f'));
    expect(nodes(large)).to.equal(nodes(small));
    expect($(large, '.dir__page').textContent).to.equal('Page 1 sur 250');
  });

  it('goes to the next and previous page, and back to page 1 when the search changes', async () => {
    const d = await directoryFor({ 'page-size': '4' });
    expect(names(d)).to.deep.equal(ALL_BY_NAME.slice(0, 4));
    const [previous, next] = $$<HTMLButtonElement>(d, '[part~="pager"] button');
    expect(previous!.disabled).to.equal(true);
    next!.click();
    await d.updateComplete;
    expect(names(d)).to.deep.equal(ALL_BY_NAME.slice(4, 8));
    expect($(d, '.dir__page').textContent).to.equal('Page 2 sur 3');
    expect(d.shadowRoot!.activeElement).to.equal($(d, '.dir__count'));
    await search(d, 'e');
    expect($(d, '.dir__page').textContent).to.match(/^Page 1 sur /);
  });
});
