// Issue 12, one of the heaviest iCalendar files, in a page of its own (a visitor's page holds one calendar, not four:
// what the one before left for the collector is not measured here). See heavy-ics.js in test/server for the file.
import { expect } from '@open-wc/testing';
import { heavyIcsUrl, eventsOn, letGo, preload, runResponsive } from './hostile-ics-run.js';

describe('<fsd-event-calendar> the heaviest iCalendar files (issue 12)', () => {
  before(() => preload('exdates-100000'));
  afterEach(letGo);

  it('100,000 EXDATEs: read in pieces and applied as a set', async function () {
    this.timeout(120_000);
    const result = await runResponsive(() => heavyIcsUrl('exdates-100000'), '2027-03-15', 30_000);
    expect(eventsOn(result.calendar, '2027-03-10')).to.deep.equal(['10:00 Permanence']);
    expect(eventsOn(result.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide', '10:00 Permanence']);
  });
});
