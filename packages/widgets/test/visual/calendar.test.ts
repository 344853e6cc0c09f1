// Pictures of <fsd-event-calendar>: the month grid and the list of December 2026 (the sample events feed, signed by
// the run's cluster key, in Paris time), one event's details dialog, and a busy day's popover (the same feed with a
// member's three sessions on the first day of the Rencontres); at each width, light and dark. "Today" is the fixed now
// of fixed-clock.ts, 2 December 2026.
import { expect } from '@open-wc/testing';
import '../../src/fsd-event-calendar.js';
import type { FsdEventCalendar } from '../../src/fsd-event-calendar.js';
import { sampleEventFeed } from '../../../../test/helpers/feeds.js';
import { THEMES, WIDTHS, picture, signedFeed, stage, until, type Stage, type Theme } from './stage.js';

let src: string;
let busy: string;
before(async () => {
  const feed = await sampleEventFeed();
  src = await signedFeed('events', feed);
  const session = (id: string, start: string, end: string, fr: string) => ({ id, title: { fr }, start, end, timeZone: 'Europe/Paris', organizer: { id: 'kaliop', name: 'Kaliop' } });
  const sessions = [
    session('kaliop-conference', '2026-12-10T10:00:00+01:00', '2026-12-10T10:45:00+01:00', 'Conférence Kaliop : les plates-formes de contenus multilingues'),
    session('kaliop-demo', '2026-12-10T14:00:00+01:00', '2026-12-10T15:00:00+01:00', 'Démonstration sur le stand Kaliop'),
    session('kaliop-table-ronde', '2026-12-10T16:30:00+01:00', '2026-12-10T17:30:00+01:00', 'Table ronde : recruter des développeurs à Montpellier'),
  ];
  busy = await signedFeed('events-busy', { ...feed, events: [...(feed.events as unknown[]), ...sessions] });
});

/** A calendar of December 2026 in the stage's container; resolves once it shows what it will show. */
async function calendar(shot: Stage, theme: Theme, view: 'month' | 'list', from = src): Promise<FsdEventCalendar> {
  const element = document.createElement('fsd-event-calendar') as FsdEventCalendar;
  for (const [name, value] of Object.entries({ src: from, view, theme, lang: 'fr', date: '2026-12-01', 'time-zone': 'Europe/Paris' })) element.setAttribute(name, value);
  shot.container.append(element);
  await until(() => element.state !== 'loading', 'the calendar to settle', 8000);
  await element.updateComplete;
  expect(element.state).to.equal('ready');
  return element;
}

describe('<fsd-event-calendar> pictures', () => {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      it(`month, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme);
        const element = await calendar(shot, theme, 'month');
        await picture(shot, `calendar-month-${width}-${theme}`, [element]);
      });

      it(`list, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme);
        const element = await calendar(shot, theme, 'list');
        await picture(shot, `calendar-list-${width}-${theme}`, [element]);
      });

      it(`an event's dialog, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme, { dialog: true });
        const element = await calendar(shot, theme, 'month');
        element.shadowRoot!.querySelector<HTMLElement>('[data-day="2026-12-03"] [part~="event"]')!.click();
        await until(() => !!element.shadowRoot!.querySelector('dialog')?.open, 'the dialog to open');
        expect(element.shadowRoot!.querySelector('dialog .dialog__title')!.textContent!.trim()).to.equal('Atelier Smart Software : financer sa croissance');
        await picture(shot, `calendar-dialog-${width}-${theme}`, [element]);
      });

      it(`a busy day's popover, ${width} px, ${theme}`, async () => {
        const shot = await stage(width, theme, { dialog: true });
        const element = await calendar(shot, theme, 'month', busy);
        const more = element.shadowRoot!.querySelector<HTMLElement>('[data-day="2026-12-10"] .more')!;
        expect(more.textContent!.trim()).to.equal('+ 2 autres');
        more.click();
        await until(() => !!element.shadowRoot!.querySelector('.popover:popover-open'), 'the popover to open');
        expect(element.shadowRoot!.querySelectorAll('.popover [part~="event"]')).to.have.length(4);
        await picture(shot, `calendar-popover-${width}-${theme}`, [element]);
      });
    }
  }
});
