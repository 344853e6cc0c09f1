// The directory under hostile searches: a deep link or a paste of 270 KB, a search of 80 words. They time the page's
// longest stall, so they run in the group `responsive`, one engine at a time (web-test-runner.config.js).
import { expect, fixtureCleanup } from '@open-wc/testing';
import { longestStall, responsively } from '../../../../../test/helpers/heartbeat.js';
import { directoryFor, feedWith, member, names, search, searchInput } from '../helpers.js';

describe('<fsd-member-directory> hostile searches', function () {
  // A scenario under the heartbeat may run up to three times (responsively).
  this.timeout(30_000);
  it('takes the first 200 characters of a 270 KB deep link or paste, and stays responsive', async () => {
    const long = `kaliop ${'x'.repeat(270_000)}`;
    history.replaceState(null, '', `?fsd-q=${encodeURIComponent(long)}`);
    try {
      const { d, first } = await responsively(
        async () => {
          let d!: Awaited<ReturnType<typeof directoryFor>>;
          const load = await longestStall(async () => (d = await directoryFor({ 'url-state': 'query' })), 50);
          const first = { value: searchInput(d).value, maxLength: searchInput(d).maxLength, names: names(d) };
          // A script (or a paste the browser did not cut) puts more in the box: the directory keeps 200 characters.
          const paste = await longestStall(() => search(d, `${'é'.repeat(151)}${'😀'.repeat(100)}`), 50);
          return { d, first, stalls: { load, paste } };
        },
        ({ stalls }) => stalls,
        fixtureCleanup,
      );
      expect(first).to.deep.equal({ value: long.slice(0, 200), maxLength: 200, names: [] });
      expect(searchInput(d).value).to.equal(`${'é'.repeat(151)}${'😀'.repeat(24)}`, 'cut at 200 UTF-16 units, never inside a character');
      await search(d, 'kaliop');
      expect(names(d)).to.deep.equal(['Kaliop']);
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('reads the first 32 words of a long search: a member whose text holds all of them is found, and the next search is right', async () => {
    const vocabulary = Array.from({ length: 80 }, (_, i) => `terme${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const feed = await feedWith([
      member('bavard', { name: 'Bavard', description: { fr: vocabulary.join(' ') } }),
      member('sobre', { name: 'Sobre', description: { fr: vocabulary.slice(0, 32).join(' ') } }),
    ]);
    const d = await directoryFor({}, feed);
    await search(d, vocabulary.join(' '));
    expect(names(d)).to.deep.equal(['Bavard', 'Sobre']);
    await search(d, 'sobre');
    expect(names(d)).to.deep.equal(['Sobre']);
    await search(d, 'bavard');
    expect(names(d)).to.deep.equal(['Bavard']);
  });
});
