import { expect } from '@open-wc/testing';
import type { CalendarEvent } from '@frenchsouth-digital/feed';
import { calendarTitle, eventTime, eventWhen, formatDay, formatter } from '../../src/event-calendar/calendar-format.js';
import { occurrence } from '../../src/event-calendar/calendar-model.js';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const workshop: CalendarEvent = { id: 'w', title: { fr: 'Atelier' }, start: '2026-12-03T08:30:00Z', end: '2026-12-03T11:00:00Z', allDay: false };
const fair: CalendarEvent = { id: 'f', title: { fr: 'Salon' }, start: '2027-03-10', end: '2027-03-11', allDay: true };

describe('calendar-format: the calendar’s dates and times written out', () => {
  it('makes one formatter per language, zone and options, and keeps it', () => {
    const a = formatter('fr', 'Europe/Paris', { hour: '2-digit', minute: '2-digit' });
    expect(formatter('fr', 'Europe/Paris', { hour: '2-digit', minute: '2-digit' })).to.equal(a);
    expect(formatter('en', 'Europe/Paris', { hour: '2-digit', minute: '2-digit' })).not.to.equal(a);
    expect(formatter('fr', 'Asia/Tokyo', { hour: '2-digit', minute: '2-digit' })).not.to.equal(a);
    expect(formatter('fr', 'Europe/Paris', { hour: 'numeric' })).not.to.equal(a);
    expect(a.resolvedOptions().timeZone).to.equal('Europe/Paris');
  });

  it('stays small however many zones are asked for', () => {
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 150);
    for (const zone of zones) formatter('fr', zone, { hour: 'numeric' });
    // Still right after starting over.
    expect(formatter('en', 'America/New_York', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(workshop.start))).to.equal('03:30');
  });

  it('writes days out the same in every zone', () => {
    expect(formatDay('fr', '2026-12-03', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })).to.equal('jeudi 3 décembre 2026');
    expect(formatDay('en', '2026-12-03', { weekday: 'short' })).to.equal('Thu');
  });

  it('titles the month grid, the list and the next events', () => {
    expect(calendarTitle('fr', 'month', '2026-12-03', ['2026-11-30', '2027-01-03'])).to.equal('Décembre 2026');
    expect(calendarTitle('en', 'month', '2015-06-15', ['2015-06-01', '2015-07-05'])).to.equal('June 2015');
    expect(clean(calendarTitle('fr', 'list', '2026-12-05', ['2026-12-05', '2027-01-04']))).to.equal('5 décembre 2026 – 4 janvier 2027');
    expect(calendarTitle('en', 'next', '2026-12-05', ['2026-12-05', '2027-12-05'])).to.equal('Upcoming events');
  });

  it('gives an occurrence’s time on its days: its start in the zone, all day, continued', () => {
    const o = occurrence(workshop, 'feed', 0, 'Europe/Paris');
    expect(eventTime('fr', 'Europe/Paris', o, '2026-12-03')).to.equal('09:30');
    expect(eventTime('fr', 'America/New_York', o, '2026-12-03')).to.equal('03:30');
    expect(eventTime('fr', 'Europe/Paris', o, '2026-12-04')).to.equal('suite');
    expect(eventTime('en', 'Europe/Paris', occurrence(fair, 'feed', 0, 'Europe/Paris'), '2027-03-10')).to.equal('All day');
  });

  it('says when an event takes place, in full, with the zone’s offset', () => {
    expect(clean(eventWhen('fr', 'Europe/Paris', workshop))).to.equal('jeudi 3 décembre 2026, 09:30 – 12:00 (UTC+1)');
    expect(clean(eventWhen('fr', 'America/New_York', workshop))).to.equal('jeudi 3 décembre 2026, 03:30 – 06:00 (UTC−5)');
    expect(clean(eventWhen('fr', 'Europe/Paris', fair))).to.equal('mercredi 10 – jeudi 11 mars 2027');
    expect(clean(eventWhen('fr', 'Europe/Paris', { ...fair, end: fair.start }))).to.equal('mercredi 10 mars 2027 · Toute la journée');
  });
});
