// Pictures of <fsd-event-calendar>: the month grid and the list of December 2026 (the sample events feed, signed by
// the run's cluster key, in Paris time), and one event's details dialog; at each width, light and dark. "Today" is
// the fixed now of fixed-clock.ts, 2 December 2026.
import { expect } from '@open-wc/testing';
import '../../src/fsd-event-calendar.js';
import type { FsdEventCalendar } from '../../src/fsd-event-calendar.js';
import { sampleEventFeed } from '../../../../test/helpers/feeds.js';
import { THEMES, WIDTHS, picture, signedFeed, stage, until, type Stage, type Theme } from './stage.js';

let src: string;
before(async () => {
  src = await signedFeed('events', await sampleEventFeed());
});

/** A calendar of December 2026 in the stage's container; resolves once it shows what it will show. */
async function calendar(shot: Stage, theme: Theme, view: 'month' | 'list'): Promise<FsdEventCalendar> {
  const element = document.createElement('fsd-event-calendar') as FsdEventCalendar;
  for (const [name, value] of Object.entries({ src, view, theme, lang: 'fr', date: '2026-12-01', 'time-zone': 'Europe/Paris' })) element.setAttribute(name, value);
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
    }
  }
});
