import { expect } from '@open-wc/testing';
import { csvCell, toCsv } from '../../src/member-directory/csv.js';
import { fold } from '@frenchsouth-digital/feed';
import { words } from '../../src/member-directory/directory-index.js';
import { emptyView, parseView, readView, urlWithView } from '../../src/member-directory/url-state.js';

describe('directory text folding', () => {
  it('folds accents, ligatures and case, whether accents come precomposed or decomposed', () => {
    expect(fold('Écrans ŒUVRE Nîmes')).to.equal('ecrans oeuvre nimes');
    expect(words('RG Syste\u0300mes, d’intégration (3D)')).to.deep.equal(['rg', 'systemes', 'd', 'integration', '3d']);
  });
});

describe('directory URL state', () => {
  const view = () => ({ ...emptyView(), q: 'jeu vidéo', filters: { college: [], city: ['Nîmes', 'Sète'], origin: [], tag: [] }, page: 3 });

  it('writes fsd- parameters and keeps the page’s own parameters and hash', () => {
    const url = urlWithView('query', view(), new URL('https://journal.example/article?id=12&fsd-q=old#comments'));
    expect(url.searchParams.get('id')).to.equal('12');
    expect(url.searchParams.get('fsd-q')).to.equal('jeu vidéo');
    expect(url.searchParams.getAll('fsd-city')).to.deep.equal(['Nîmes', 'Sète']);
    expect(url.searchParams.get('fsd-page')).to.equal('3');
    expect(url.hash).to.equal('#comments');
    expect(readView('query', url)).to.deep.equal(view());
  });

  it('in the hash, keeps a plain anchor and the page’s own hash parameters', () => {
    const url = urlWithView('hash', view(), new URL('https://journal.example/article?id=12#top&tab=2&fsd-q=old'));
    expect(url.hash).to.equal('#top&tab=2&fsd-q=jeu%20vid%C3%A9o&fsd-city=N%C3%AEmes&fsd-city=S%C3%A8te&fsd-page=3');
    expect(url.search).to.equal('?id=12');
    expect(readView('hash', url)).to.deep.equal(view());
    expect(urlWithView('hash', emptyView(), url).hash).to.equal('#top&tab=2');
  });

  it('ignores what it cannot use: an unknown sort, a page that is not a number, empty filters', () => {
    const parsed = parseView(new URLSearchParams('fsd-sort=price&fsd-page=-2&fsd-city=&fsd-tag=web&fsd-tag=web'));
    expect(parsed.sort).to.equal('');
    expect(parsed.page).to.equal(1);
    expect(parsed.filters.city).to.deep.equal([]);
    expect(parsed.filters.tag).to.deep.equal(['web']);
  });

  it('an unknown url-state value works as "query", the default', () => {
    const url = urlWithView('cookie', view(), new URL('https://journal.example/article?id=12#top'));
    expect(url.href).to.equal(urlWithView('query', view(), new URL('https://journal.example/article?id=12#top')).href);
    expect(readView('cookie', url)).to.deep.equal(view());
  });

  it('url-state="none" reads nothing and writes nothing', () => {
    const url = new URL('https://journal.example/?fsd-q=cloud');
    expect(readView('none', url)).to.deep.equal(emptyView());
    expect(urlWithView('none', view(), url).href).to.equal(url.href);
  });
});

describe('directory CSV', () => {
  it('makes cells that a spreadsheet would run inert, and quotes what needs quoting', () => {
    for (const [value, cell] of [
      ['=1+1', "'=1+1"],
      ['+33 4 67', "'+33 4 67"],
      ['-2', "'-2"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tTAB', "'\tTAB"],
      ['Écrans; du Sud', '"Écrans; du Sud"'],
      ['dit "bonjour"', '"dit ""bonjour"""'],
      ['deux\nlignes', '"deux\nlignes"'],
      ['Kaliop', 'Kaliop'],
    ]) {
      expect(csvCell(value!, ';'), value).to.equal(cell);
    }
    expect(csvCell('a,b', ';')).to.equal('a,b');
    expect(csvCell('a,b', ',')).to.equal('"a,b"');
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']], ';')).to.equal('\uFEFFa;b\r\nc;d\r\n');
  });
});
