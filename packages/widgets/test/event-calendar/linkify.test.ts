import { expect } from '@open-wc/testing';
import { linkParts } from '../../src/internal/linkify.js';

describe('links in feed text (event descriptions)', () => {
  it('makes web and e-mail addresses links, sentence punctuation left out', () => {
    expect(linkParts('Inscription : https://www.frenchsouth.digital/agenda/, ou écrire à contact@kaliop.com.')).to.deep.equal([
      'Inscription : ',
      { href: 'https://www.frenchsouth.digital/agenda/', label: 'https://www.frenchsouth.digital/agenda/' },
      ', ou écrire à ',
      { href: 'mailto:contact@kaliop.com', label: 'contact@kaliop.com' },
      '.',
    ]);
    expect(linkParts('(a+b@rg.fr) javascript:alert(1)').filter((p) => typeof p !== 'string')).to.deep.equal([{ href: 'mailto:a+b@rg.fr', label: 'a+b@rg.fr' }]);
  });

  it('reads a 200,000-character word without an address at once, not in the square of its length', () => {
    // Before, each position of such a run started a new try: this text took minutes and the test timed out.
    const word = 'a'.repeat(200_000);
    expect(linkParts(word)).to.deep.equal([word]);
    expect(linkParts(`x@${word}`)).to.deep.equal([`x@${word}`]);
  });
});
