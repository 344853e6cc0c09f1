// Pictures of <fsd-member-directory>: the list (the sample member feed, signed by the run's cluster key, eight members
// a page), a search that finds no one, and a member's profile dialog; at each width, light and dark.
import { expect } from '@open-wc/testing';
import '../../src/fsd-member-directory.js';
import type { FsdMemberDirectory } from '../../src/fsd-member-directory.js';
import { sampleMemberFeed } from '../../../../test/helpers/feeds.js';
import { THEMES, WIDTHS, picture, signedFeed, stage, until, type Stage, type Theme } from './stage.js';

let src: string;
before(async () => {
  const feed = await sampleMemberFeed();
  // The logos from this server (the feed names them relative to the examples' data folder).
  for (const member of feed.members) if (typeof member.logo === 'string') member.logo = new URL(member.logo, new URL('/examples/data/members.json', location.href)).href;
  src = await signedFeed('members', feed);
});

/** A directory in the stage's container; resolves once it has settled. */
async function directory(shot: Stage, theme: Theme): Promise<FsdMemberDirectory> {
  const element = document.createElement('fsd-member-directory') as FsdMemberDirectory;
  for (const [name, value] of Object.entries({ src, theme, lang: 'fr', 'page-size': '8', 'url-state': 'none' })) element.setAttribute(name, value);
  shot.container.append(element);
  await until(() => element.state !== 'loading', 'the directory to settle', 8000);
  await element.updateComplete;
  return element;
}

const $ = <T extends HTMLElement>(d: FsdMemberDirectory, selector: string) => d.shadowRoot!.querySelector<T>(selector)!;

describe('<fsd-member-directory> pictures', () => {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      it(`list, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme);
        const element = await directory(shot, theme);
        expect(element.state).to.equal('ready');
        await picture(shot, `directory-list-${width}-${theme}`, [element]);
      });

      it(`a search with no result, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme);
        const element = await directory(shot, theme);
        const input = $<HTMLInputElement>(element, '[part~="search"]');
        input.value = 'robotique sous-marine';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await until(() => element.state === 'empty', 'no result');
        await picture(shot, `directory-no-result-${width}-${theme}`, [element]);
      });

      it(`a member's profile, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme, { dialog: true });
        const element = await directory(shot, theme);
        $(element, '[data-member="nuage-catalan"] .card__open').click();
        const dialog = () => $<HTMLDialogElement>(element, 'dialog[part~="profile"]');
        await until(() => !!dialog()?.open, 'the profile to open');
        expect(dialog().querySelector('.profile__name')!.textContent!.trim()).to.equal('Nuage Catalan (exemple)');
        await picture(shot, `directory-profile-${width}-${theme}`, [element]);
      });
    }
  }
});
