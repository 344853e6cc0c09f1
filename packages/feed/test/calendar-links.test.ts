import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { eventToIcs, googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from '@frenchsouth-digital/feed';

const timed: CalendarEvent = {
  id: 'atelier-financement-2026-12',
  title: { fr: 'Atelier : financer sa croissance' },
  allDay: false,
  start: '2026-12-03T08:30:00.000Z',
  end: '2026-12-03T11:00:00.000Z',
  timeZone: 'Europe/Paris',
  location: 'Kaliop, 1 rue de la Mer; Montpellier',
  organizer: { id: 'kaliop', name: 'Kaliop' },
  url: 'https://www.frenchsouth.digital/agenda/atelier-financement-2026-12/',
};
const texts = {
  title: 'Atelier : financer sa croissance, levées de fonds; prêts d’honneur \\ introduction en bourse — un titre très long pour plier la ligne',
  description: 'Ligne 1\nLigne 2, avec une virgule; un point-virgule\net des accents : é à ü ç œ — « guillemets »',
};

describe('add to my calendar', () => {
  it('writes an RFC 5545 file: CRLF, lines folded at 75 octets, texts escaped, UTC times', () => {
    const ics = eventToIcs(timed, texts, Date.parse('2026-11-29T12:00:00Z'));
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.contain('\n');
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).to.be.at.most(75);
    expect(ics).to.contain('DTSTART:20261203T083000Z\r\nDTEND:20261203T110000Z');
    expect(ics).to.contain('LOCATION:Kaliop\\, 1 rue de la Mer\\; Montpellier');
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).to.equal(true);
  });

  it('re-parses with ical.js to the same event, timed and all-day', () => {
    const ics = eventToIcs(timed, texts);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal(texts.title);
    expect(event.description).to.equal(texts.description);
    expect(event.location).to.equal(timed.location);
    expect(event.startDate.toJSDate().toISOString()).to.equal(timed.start);
    expect(event.endDate.toJSDate().toISOString()).to.equal(timed.end);

    const days: CalendarEvent = { id: 'salon', title: { fr: 'Salon' }, allDay: true, start: '2027-03-10', end: '2027-03-11' };
    const allDay = new ICAL.Event(new ICAL.Component(ICAL.parse(eventToIcs(days, { title: 'Salon' })) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(allDay.startDate.isDate).to.equal(true);
    expect(allDay.startDate.toString()).to.equal('2027-03-10');
    expect(allDay.endDate.toString()).to.equal('2027-03-12');
  });

  it('opens the event in Google Calendar and Outlook on the web', () => {
    const google = new URL(googleCalendarUrl(timed, texts));
    expect(google.origin).to.equal('https://calendar.google.com');
    expect(google.searchParams.get('dates')).to.equal('20261203T083000Z/20261203T110000Z');
    expect(google.searchParams.get('text')).to.equal(texts.title);
    const outlook = new URL(outlookCalendarUrl(timed, texts));
    expect(outlook.origin).to.equal('https://outlook.live.com');
    expect(outlook.searchParams.get('startdt')).to.equal('2026-12-03T08:30:00Z');
    // Outlook for Microsoft 365 (work and school accounts): the same compose form at another address.
    const work = new URL(outlookCalendarUrl(timed, texts, 'work'));
    expect(work.origin).to.equal('https://outlook.office.com');
    expect(work.pathname).to.equal(outlook.pathname);
    expect(work.search).to.equal(outlook.search);
    const days: CalendarEvent = { id: 'salon', title: { fr: 'Salon' }, allDay: true, start: '2027-03-10', end: '2027-03-11' };
    expect(new URL(googleCalendarUrl(days, { title: 'Salon' })).searchParams.get('dates')).to.equal('20270310/20270312');
    expect(new URL(outlookCalendarUrl(days, { title: 'Salon' })).searchParams.get('allday')).to.equal('true');
  });

  it('lets no feed text add a line to the file: line breaks and control characters in every value', () => {
    const hostile: CalendarEvent = {
      id: 'salon\r\nATTACH:https://evil.example/uid',
      title: { fr: 'Salon' },
      allDay: false,
      start: '2026-12-03T08:30:00.000Z',
      end: '2026-12-03T11:00:00.000Z',
      location: 'Montpellier\r\nATTACH:https://evil.example/location\u0000\u000b',
      url: 'https://www.frenchsouth.digital/agenda/\r\nATTACH:https://evil.example/url',
      organizer: { id: 'x', name: 'X "Ltd" ^2\r\nATTACH:https://evil.example/cn', url: 'mailto:a@example.org\nATTACH:https://evil.example/mail' },
    };
    const ics = eventToIcs(hostile, { title: 'Salon\rATTACH:https://evil.example/summary', description: 'Un\u0007\nDeux' });
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\x00-\x1f\x7f]/);
    const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
    const names = vevent.getAllProperties().map((p) => p.name).sort();
    expect(names).to.deep.equal(['description', 'dtend', 'dtstamp', 'dtstart', 'location', 'organizer', 'summary', 'uid', 'url']);
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).to.equal('X "Ltd" ^2 ATTACH:https://evil.example/cn');
    expect(organizer.getFirstValue()).to.equal('mailto:a@example.orgATTACH:https://evil.example/mail');
    expect(vevent.getFirstPropertyValue('location')).to.equal('Montpellier\nATTACH:https://evil.example/location');
    expect(vevent.getFirstPropertyValue('summary')).to.equal('Salon\nATTACH:https://evil.example/summary');
    expect(vevent.getFirstPropertyValue('description')).to.equal('Un\nDeux');
  });
});
