// Issue 12, one of the heaviest iCalendar files, in a page of its own (a visitor's page holds one calendar, not four:
// what the one before left for the collector is not measured here). See heavy-ics.js in test/server for the file.
import { expect } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';
import { longestStall, responsively } from '../../../../../test/helpers/heartbeat.js';
import { until } from '../../../../../test/helpers/feeds.js';
import { eventsOn, heavyIcsUrl, letGo, preload, root, run, said, stallsOf } from './hostile-ics-run.js';

/** Whether this browser's IndexedDB keeps a Blob (not in an ephemeral session of WebKit's). */
async function keepsBlobs(): Promise<boolean> {
  const store = createStore('fsd-test-blobs', 'blobs');
  try {
    await set('probe', new Blob(['probe']), store);
    return (await (await get<Blob>('probe', store))?.text()) === 'probe';
  } catch {
    return false;
  }
}

describe('<fsd-event-calendar> the heaviest iCalendar files (issue 12)', () => {
  before(() => preload('events-100000'));
  afterEach(letGo);

  it('100,000 events: read in slices, the month’s events shown', async function () {
    this.timeout(180_000);
    const { result, march } = await responsively(
      async () => {
        const result = await run(heavyIcsUrl('events-100000'), '2027-03-15', 60_000);
        const march = { '15': eventsOn(result.calendar, '2027-03-15')[0], '18': eventsOn(result.calendar, '2027-03-18')[0], state: result.calendar.state };
        root(result.calendar).querySelector('dialog')!.close();
        const later = await longestStall(async () => {
          result.calendar.setAttribute('date', '2040-06-01');
          await until(() => eventsOn(result.calendar, '2040-06-12').length > 0, 10_000, 'June 2040');
        });
        return { result, march, later };
      },
      ({ result, later }) => ({ ...stallsOf(result), 'a month 13 years on': later }),
      letGo,
    );
    expect(march).to.deep.equal({ '15': '09:30 Atelier valide', '18': 'Toute la journée Journée valide', state: 'ready' });
    expect(eventsOn(result.calendar, '2040-06-12')[0]).to.match(/^\d\d:\d\d Événement \d+$/);
  });

  it('100,000 events, the next visit with the network down: shown from the copy kept offline (as Blobs)', async function () {
    this.timeout(180_000);
    const blobs = await keepsBlobs();
    const { url, first, again } = await responsively(
      async () => {
        const url = heavyIcsUrl('events-100000');
        const first = await run(url, '2027-03-15', 60_000);
        // The page is left and the server goes down: the next visit has only the copy in IndexedDB.
        await letGo();
        await fetch(`/__heavy-ics-down?${new URL(url).search.slice(1)}`, { method: 'POST' });
        return { url, first, again: blobs ? await run(url, '2027-03-15', 60_000) : undefined };
      },
      ({ first, again }) => stallsOf(first, ...(again ? [again] : [])),
      letGo,
    );
    if (!again) {
      // WebKit's automation sessions are ephemeral, where IndexedDB refuses Blobs, as Safari's private windows do: the
      // first visit said that no copy was kept, and the next one shows the network's failure.
      expect(said(first.messages, 'could not keep a copy of the feed for offline use')).to.equal(true);
      const calendar = document.createElement('fsd-event-calendar');
      calendar.setAttribute('src', url);
      document.body.append(calendar);
      await until(() => calendar.state === 'error', 10_000, 'the error');
      return;
    }
    expect(eventsOn(again.calendar, '2027-03-15')[0]).to.equal('09:30 Atelier valide');
    expect(eventsOn(again.calendar, '2028-01-01')).to.deep.equal([]);
    again.calendar.setAttribute('date', '2028-01-01');
    await until(() => eventsOn(again.calendar, '2028-01-01').length > 0, 10_000, 'January 2028');
    // One event every 2 h 24 min from 08:00 UTC (09:00 in Paris): the day shows the first, and the one from 23:24 to
    // 00:24 as a bar, then “+ 4 autres”.
    expect(eventsOn(again.calendar, '2028-01-01')).to.include.members(['09:00 Événement 0', '23:24 Événement 6']);
    expect(said(again.messages, '503')).to.equal(true);
  });
});
