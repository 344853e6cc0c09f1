// Issue 12, one of the heaviest iCalendar files, in a page of its own (a visitor's page holds one calendar, not four:
// what the one before left for the collector is not measured here). See heavy-ics.js in test/server for the file.
import { expect } from '@open-wc/testing';
import { heavyIcsUrl, eventsOn, letGo, notes, preload, runResponsive, said } from './hostile-ics-run.js';

describe('<fsd-event-calendar> the heaviest iCalendar files (issue 12)', () => {
  before(() => preload('unknown-zone-100000'));
  afterEach(letGo);

  it('100,000 events in an unknown zone: each left out, the valid ones shown, one line counts them', async function () {
    this.timeout(120_000);
    const result = await runResponsive(() => heavyIcsUrl('unknown-zone-100000'), '2027-03-15', 60_000);
    expect(eventsOn(result.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide']);
    expect(said(result.messages, 'VEVENT[2] ("mars-0@example.org", "Sur Mars 0") left out', 'field "DTSTART"', 'Mars/Olympus')).to.equal(true);
    expect(said(result.messages, '99,981 more parts of the file left out')).to.equal(true);
    // The note counts them all, though the console names the first ones only.
    expect(notes(result.calendar).map((n) => n.replace(/\s/g, ' '))).to.deep.equal(['100 000 éléments des sources n’ont pas pu être lus : ils ne sont pas affichés.']);
  });
});
