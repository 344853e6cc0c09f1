// Issue 12, one of the heaviest iCalendar files, in a page of its own (a visitor's page holds one calendar, not four:
// what the one before left for the collector is not measured here). See heavy-ics.js in test/server for the file.
import { expect } from '@open-wc/testing';
import { heavyIcsUrl, eventsOn, letGo, preload, runResponsive } from './hostile-ics-run.js';

describe('<fsd-event-calendar> the heaviest iCalendar files (issue 12)', () => {
  before(() => preload('overrides-50000'));
  afterEach(letGo);

  it('50,000 overrides of one series: grouped in one pass, each shown in place of its occurrence', async function () {
    this.timeout(120_000);
    const result = await runResponsive(() => heavyIcsUrl('overrides-50000'), '2027-03-15', 30_000);
    // 15 March is day 73 of the series: its override, at 13:00 in Paris.
    expect(eventsOn(result.calendar, '2027-03-15')).to.deep.equal(['09:30 Atelier valide', '13:00 Point quotidien 73']);
    expect(eventsOn(result.calendar, '2027-03-20')).to.deep.equal(['13:00 Point quotidien 78']);
  });
});
