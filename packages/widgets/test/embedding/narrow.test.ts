import { expect, fixture } from '@open-wc/testing';
import type { FsdEventCalendar, FsdMemberBadge, FsdMemberDirectory } from '../../src/fsd-widgets.js';
import '../../src/fsd-widgets.js';
import { sampleEventFeed, sampleMemberFeed, serveFeed, until } from '../../../../test/helpers/feeds.js';

let memberFeed: string;
let eventFeed: string;
before(async () => {
  const members = await sampleMemberFeed();
  // A name as long as real company names get, to see it wrap rather than be cut.
  members.members.push({ ...members.members[0]!, id: 'long-name', name: 'Studio Garrigue Créations Numériques et Interactives du Languedoc (exemple)', domains: ['long-name.example'] });
  memberFeed = await serveFeed(members);
  eventFeed = await serveFeed(await sampleEventFeed());
});

const WIDTHS = [280, 320, 360];
const LAYOUTS = {
  // A member site's footer: the badge beside the copyright line, as sites place it.
  flex: 'display: flex; align-items: center; gap: 1rem;',
  grid: 'display: grid; grid-template-columns: auto; gap: 1rem;',
};

/**
 * `widget` in a box of `width` px laid out as `layout` (after `beside`: the badge shares a footer with its copyright line;
 * the calendar and the directory are their wrapper's content), the box scrolling as a page does: what would overflow
 * shows as its scroll width.
 */
async function inBox<T extends HTMLElement>(widget: T, layout: keyof typeof LAYOUTS, width: number, settled: (w: T) => Promise<void>, beside = ''): Promise<HTMLElement> {
  const box = await fixture<HTMLElement>(document.createRange().createContextualFragment(`<div style="${LAYOUTS[layout]} box-sizing: content-box; width: ${width}px; padding: 0; overflow: auto; font: 16px/1.4 system-ui, sans-serif">${beside}</div>`).firstElementChild as HTMLElement);
  box.append(widget);
  await settled(widget);
  return box;
}

function widget<T extends HTMLElement>(tag: string, attributes: Record<string, string>): T {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Nothing scrolls sideways: not the box (the page), not the widget, not the widget's own box. */
function expectNoSideways(box: HTMLElement, element: HTMLElement, what: string): void {
  const base = element.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
  expect(box.scrollWidth, `${what}: the page's scroll width`).to.equal(box.clientWidth);
  expect(element.scrollWidth, `${what}: the widget's scroll width`).to.be.at.most(element.clientWidth || element.scrollWidth);
  expect(base.scrollWidth, `${what}: its base's scroll width`).to.be.at.most(base.clientWidth);
  expect(element.getBoundingClientRect().right, `${what}: its right edge`).to.be.at.most(box.getBoundingClientRect().right + 0.5);
}

const badgeSettled = async (badge: FsdMemberBadge) => {
  await until(() => badge.state !== 'loading', 5000, 'the badge to settle');
  await badge.updateComplete;
};

describe('narrow containers: every widget fits from 280 px up, in flex and grid parents', () => {
  for (const [layout] of Object.entries(LAYOUTS) as [keyof typeof LAYOUTS, string][]) {
    for (const width of WIDTHS) {
      it(`the badge, ${layout}, ${width} px: fits, and shows "FrenchSouth.digital" whole, in each variant and state`, async () => {
        const cases: Record<string, string>[] = [
          { member: 'kaliop', preview: '' },
          { member: 'kaliop', preview: '', lang: 'en' },
          { member: 'kaliop', preview: '', variant: 'compact' },
          { member: 'pixel-nimois', preview: '' },
          { member: 'nobody', preview: '' },
        ];
        for (const attributes of cases) {
          const badge = widget<FsdMemberBadge>('fsd-member-badge', { src: memberFeed, ...attributes });
          const box = await inBox(badge, layout, width, badgeSettled, '<p style="margin: 0">© 2026 Kaliop</p>');
          const what = `${JSON.stringify(attributes)} (${badge.state})`;
          expectNoSideways(box, badge, what);
          const name = badge.shadowRoot!.querySelector<HTMLElement>('.badge__name')!;
          expect(name.textContent, what).to.equal('FrenchSouth.digital');
          // Whole: not cut by an ellipsis, not clipped by the badge.
          expect(name.scrollWidth, `${what}: the name is cut`).to.be.at.most(name.getBoundingClientRect().width + 0.5);
          const base = badge.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
          const rect = name.getBoundingClientRect();
          expect(rect.left >= base.left - 0.5 && rect.right <= base.right + 0.5, `${what}: the name is inside the badge`).to.equal(true);
          const label = badge.shadowRoot!.querySelector<HTMLElement>('.badge__label')!;
          expect(label.scrollWidth, `${what}: the label is cut`).to.be.at.most(label.clientWidth + 0.5);
        }
      });

      it(`the calendar, ${layout}, ${width} px: fits in the month grid, the list and the next events`, async () => {
        for (const view of ['month', 'list', 'next', '']) {
          const calendar = widget<FsdEventCalendar>('fsd-event-calendar', { src: eventFeed, date: '2026-12-01', 'time-zone': 'Europe/Paris', ...(view && { view }) });
          const box = await inBox(calendar, layout, width, async (c) => {
            await until(() => c.state !== 'loading', 8000, 'the calendar to settle');
            await c.updateComplete;
          });
          expectNoSideways(box, calendar, `view="${view}"`);
        }
      });

      it(`the directory, ${layout}, ${width} px: fits, and gives a long member name two lines before it is cut`, async () => {
        const directory = widget<FsdMemberDirectory>('fsd-member-directory', { src: memberFeed, 'url-state': 'none' });
        const box = await inBox(directory, layout, width, async (d) => {
          await until(() => d.state !== 'loading', 5000, 'the directory to settle');
          await d.updateComplete;
        });
        expectNoSideways(box, directory, 'the list');
        const long = directory.shadowRoot!.querySelector<HTMLElement>('[data-member="long-name"] .card__label')!;
        const lineHeight = parseFloat(getComputedStyle(long).lineHeight);
        expect(long.getBoundingClientRect().height, 'two lines of the name').to.be.closeTo(2 * lineHeight, 2);
        // The full name is the button's name for screen readers, cut or not.
        expect(long.textContent!.trim()).to.equal('Studio Garrigue Créations Numériques et Interactives du Languedoc (exemple)');
      });
    }
  }

  it('the directory at 1,280 px gives every member name two lines before it is cut', async () => {
    const directory = widget<FsdMemberDirectory>('fsd-member-directory', { src: memberFeed, 'url-state': 'none' });
    const box = await fixture<HTMLElement>(document.createRange().createContextualFragment('<div style="width: 1280px"></div>').firstElementChild as HTMLElement);
    box.append(directory);
    await until(() => directory.state !== 'loading', 5000, 'the directory to settle');
    await directory.updateComplete;
    for (const button of directory.shadowRoot!.querySelectorAll<HTMLElement>('.card__label')) {
      const lineHeight = parseFloat(getComputedStyle(button).lineHeight);
      // One or two lines, never a word cut on the first: the visible text is the whole name unless it needs three lines.
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.most(2 * lineHeight + 2);
      if (button.scrollHeight <= 2 * lineHeight + 2) expect(button.scrollWidth, `${button.textContent} is cut`).to.be.at.most(button.clientWidth + 0.5);
    }
  });
});
