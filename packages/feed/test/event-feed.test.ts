import { expect } from '@open-wc/testing';
import { eventFeedParser, isUpcoming, loadFeed, parseEventFeed, type EventFeed } from '@frenchsouth-digital/feed';
import { captureConsole, requestsFor, sampleEventFeed, serveFeed } from '../../../test/helpers/feeds.js';

const URL_ = 'https://www.frenchsouth.digital/feeds/events.json';

describe('events feed validation', () => {
  it('keeps every event of the sample feed, true to the launch article, sorted by start', async () => {
    const { data, issues } = parseEventFeed(await sampleEventFeed(), URL_);
    expect(issues).to.deep.equal([]);
    const launch = data.events.find((e) => e.id === 'lancement-2015')!;
    // 18:30 in Montpellier on 5 May 2015 (summer time, UTC+2).
    expect(launch.start).to.equal('2015-05-05T16:30:00.000Z');
    expect(launch.location).to.contain('Domaine de Verchant');
    expect(launch.organizer).to.equal(undefined);
    const assembly = data.events.find((e) => e.id === 'assemblee-generale-2015')!;
    expect(assembly.start.slice(0, 7)).to.equal('2015-06');
    const colleges = new Set(data.events.filter((e) => e.category === 'workshop').map((e) => e.college));
    expect([...colleges]).to.include.members(['digital-content-cultures', 'mediacloud-interactivity', 'smart-software']);
    expect(data.events.some((e) => e.organizer?.name === 'DigitalPlace' && e.location === 'Toulouse')).to.equal(true);
    expect(data.events.filter((e) => e.start >= '2026-11-29').length).to.be.greaterThan(5);
    const starts = data.events.map((e) => Date.parse(e.allDay ? `${e.start}T00:00Z` : e.start));
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
  });

  it('reads wall-clock times in the event’s zone, offsets as given, and all-day days inclusive', () => {
    const { data, issues } = parseEventFeed(
      {
        version: 1,
        events: [
          { id: 'ny', title: 'NY', start: '2027-07-01T10:00:00', end: '2027-07-01T11:30', timeZone: 'America/New_York' },
          { id: 'paris-winter', title: 'Paris', start: '2027-01-14T18:00:00', timeZone: 'Europe/Paris' },
          { id: 'offset', title: 'Offset', start: '2027-01-14T18:00:00+01:00', end: '2027-01-14T19:00:00Z' },
          { id: 'days', title: { fr: 'Deux jours', en: 'Two days' }, start: '2027-03-10', end: '2027-03-11' },
          // 02:30 on 28 March 2027 does not exist in Paris: clocks jump from 02:00 to 03:00.
          { id: 'gap', title: 'Gap', start: '2027-03-28T02:30', timeZone: 'Europe/Paris' },
        ],
      },
      URL_,
    );
    expect(issues).to.deep.equal([]);
    const byId = Object.fromEntries(data.events.map((e) => [e.id, e]));
    expect(byId.ny!.start).to.equal('2027-07-01T14:00:00.000Z');
    expect(byId.ny!.end).to.equal('2027-07-01T15:30:00.000Z');
    expect(byId.ny!.timeZone).to.equal('America/New_York');
    expect(byId['paris-winter']!.start).to.equal('2027-01-14T17:00:00.000Z');
    expect(byId['paris-winter']!.end).to.equal(byId['paris-winter']!.start);
    expect(byId.offset!.start).to.equal('2027-01-14T17:00:00.000Z');
    expect(byId.days).to.include({ allDay: true, start: '2027-03-10', end: '2027-03-11' });
    expect(byId.days!.title).to.deep.equal({ fr: 'Deux jours', en: 'Two days' });
    expect(byId.gap!.start).to.equal('2027-03-28T01:30:00.000Z');
  });

  it('leaves out bad events, naming the entry and the field, and keeps the good ones', () => {
    const good = { id: 'good', title: 'Atelier', start: '2027-01-14T18:00:00+01:00', category: 'workshop' };
    const { data, issues } = parseEventFeed(
      {
        version: 1,
        categories: [{ id: 'workshop', name: { fr: 'Atelier', en: 'Workshop' } }],
        events: [
          good,
          { ...good, id: 'no-offset', start: '2027-01-14T18:00:00' },
          { ...good, id: 'bad-zone', timeZone: 'Mars/Olympus' },
          { ...good, id: 'backwards', end: '2027-01-14T17:00:00+01:00' },
          { ...good, id: 'feb-30', start: '2027-02-30T10:00:00Z' },
          { ...good, id: 'no-title', title: '' },
          { ...good, id: 'bad-link', url: 'javascript:alert(1)' },
          { ...good, id: 'bad-college', college: 'quantum' },
          { ...good, id: 'bad-category', category: 'party' },
          { ...good, id: 'bad-organizer', organizer: { id: 'Not A Slug', name: 'x' } },
          { ...good, id: 'all-day-time', allDay: true },
          { ...good, id: 'good' },
          42,
          { ...good, id: 'fine', organizer: { id: 'kaliop', name: 'Kaliop', url: 'javascript:void 0' } },
          { ...good, id: 'relative', url: 'agenda/relative/', organizer: 'DigitalPlace' },
        ],
      },
      URL_,
    );
    expect(data.events.map((e) => e.id)).to.deep.equal(['good', 'relative']);
    expect(data.events[1]!.url).to.equal('https://www.frenchsouth.digital/feeds/agenda/relative/');
    expect(data.events[1]!.organizer).to.deep.equal({ name: 'DigitalPlace' });
    expect(issues.map((i) => `${i.entry} ${i.field}`)).to.deep.equal([
      'events[1] ("no-offset") start',
      'events[2] ("bad-zone") timeZone',
      'events[3] ("backwards") end',
      'events[4] ("feb-30") start',
      'events[5] ("no-title") title',
      'events[6] ("bad-link") url',
      'events[7] ("bad-college") college',
      'events[8] ("bad-category") category',
      'events[9] ("bad-organizer") organizer',
      'events[10] ("all-day-time") start',
      'events[11] ("good") id',
      'events[12] ',
      'events[13] ("fine") organizer',
    ]);
    expect(issues[0]!.message).to.contain('no UTC offset');
    expect(issues[1]!.message).to.contain('Mars/Olympus');
  });

  it('cuts a title, a place, an organiser and a description beyond their limits, ending with “…”, and keeps the event', () => {
    const word = 'Démesuré ';
    const long = word.repeat(120_000); // about 1 MB
    const { data, issues } = parseEventFeed(
      { version: 1, events: [{ id: 'long', title: { fr: long, en: long }, start: '2027-03-16T14:00:00+01:00', location: long, organizer: { name: long }, description: long }] },
      URL_,
    );
    expect(issues).to.deep.equal([]);
    const [event] = data.events;
    for (const [text, max] of [[event!.title.fr, 300], [event!.title.en, 300], [event!.location, 300], [event!.organizer!.name, 300], [event!.description!.fr, 20_000]] as const) {
      expect(text!.length, text!.slice(0, 20)).to.be.at.most(max);
      expect(text!.length).to.be.above(max - word.length - 1);
      expect(text!.endsWith('…') && text!.startsWith(word)).to.equal(true);
    }
    // A text at the limit is kept whole, and no emoji is cut in two.
    const exact = parseEventFeed({ version: 1, events: [{ id: 'exact', title: 'é'.repeat(300), description: `${'a'.repeat(19_998)}🎉🎉`, start: '2027-03-16' }] }, URL_).data.events[0]!;
    expect(exact.title.fr).to.equal('é'.repeat(300));
    expect(exact.description!.fr).to.equal(`${'a'.repeat(19_998)}…`);
  });

  it('refuses a feed of an unknown version, or one that is not an object', () => {
    expect(() => parseEventFeed({ version: 2, events: [] }, URL_)).to.throw(/unsupported events feed version 2/);
    expect(() => parseEventFeed('BEGIN:VCALENDAR', URL_)).to.throw(/must be a JSON object/);
    expect(() => parseEventFeed({ version: 1 }, URL_)).to.throw(/"events" must be a list/);
  });

  it('goes through the shared feed client: fetched, checked, bad entries reported in the console', async () => {
    const feed = await sampleEventFeed();
    feed.events = [...feed.events, { id: 'broken', title: 'Sans date' }];
    const url = await serveFeed(feed);
    const { result: state, messages } = await captureConsole('warn', () => loadFeed<EventFeed>(url, eventFeedParser));
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.data.events.length).to.equal(feed.events.length - 1);
    expect(messages.some((m) => m.includes(`events[${feed.events.length - 1}] ("broken") left out: field "start"`))).to.equal(true);
  });
});

describe('events feed subscriptions', () => {
  it('keeps the http(s) calendars to subscribe to, resolved against the feed, and leaves out any other with an issue', async () => {
    const feed = {
      ...(await sampleEventFeed()),
      subscriptions: {
        all: { ics: 'events.ics', webcal: 'webcal://ailleurs.example/tout.ics' },
        colleges: { 'smart-software': { ics: 'https://www.frenchsouth.digital/feeds/colleges/smart-software.ics' }, 'mediacloud-interactivity': { ics: 'javascript:alert(1)' } },
        members: JSON.parse('{ "kaliop": { "ics": "members/kaliop.ics" }, "awox": "members/awox.ics", "__proto__": { "ics": "members/x.ics" } }'),
      },
    };
    const { data, issues } = parseEventFeed(feed, 'https://www.frenchsouth.digital/feeds/events.json');
    expect(data.subscriptions).to.deep.equal({
      all: 'https://www.frenchsouth.digital/feeds/events.ics',
      colleges: { 'smart-software': 'https://www.frenchsouth.digital/feeds/colleges/smart-software.ics' },
      members: { kaliop: 'https://www.frenchsouth.digital/feeds/members/kaliop.ics' },
    });
    expect(issues.filter((i) => i.entry === 'subscriptions').map((i) => i.field)).to.deep.equal(['colleges.mediacloud-interactivity', 'members.awox', 'members.__proto__']);
    expect(data.events.length).to.equal(feed.events.length);
  });

  it('offers no subscription without a valid "all", and says so', async () => {
    const { data, issues } = parseEventFeed({ ...(await sampleEventFeed()), subscriptions: { all: { ics: 'ftp://x.example/a.ics' } } }, 'https://www.frenchsouth.digital/feeds/events.json');
    expect(data.subscriptions).to.equal(undefined);
    expect(issues).to.deep.equal([{ entry: 'subscriptions', field: 'all', message: 'must be an object whose "ics" is the http(s) address of an iCalendar file' }]);
  });
});

describe('text feeds through the same client', () => {
  it('hands a text parser the body and the content type, asking with its own Accept header', async () => {
    const seen: { input: unknown; contentType: string | undefined }[] = [];
    const parser = {
      kind: 'test-text',
      revision: 1,
      format: 'text' as const,
      accept: 'text/calendar, */*;q=0.5',
      parse: (input: unknown, _url: string, contentType?: string) => {
        seen.push({ input, contentType });
        return { data: String(input).split('\n')[0], issues: [] };
      },
    };
    const url = await serveFeed('BEGIN:VCALENDAR\nEND:VCALENDAR\n', { type: 'text/calendar; charset=utf-8' });
    const state = await loadFeed(url, parser);
    expect(state.status === 'ready' && state.data).to.equal('BEGIN:VCALENDAR');
    expect(seen).to.deep.equal([{ input: 'BEGIN:VCALENDAR\nEND:VCALENDAR\n', contentType: 'text/calendar; charset=utf-8' }]);
    const requests = await requestsFor(url);
    expect(requests.map((r) => r.accept)).to.deep.equal(['text/calendar, */*;q=0.5']);
  });
});

describe('upcoming events', () => {
  // 00:30 on 30 November in the browser's own time zone, whatever it is (in Paris, still 29 November in UTC).
  const now = new Date(2026, 10, 30, 0, 30);

  it('keeps an all-day event through its last day in the viewer’s time zone, not UTC’s', () => {
    expect(isUpcoming({ allDay: true, end: '2026-11-29' }, now), 'ended yesterday').to.equal(false);
    expect(isUpcoming({ allDay: true, end: '2026-11-30' }, now), 'ends today').to.equal(true);
    expect(isUpcoming({ allDay: true, end: '2026-12-02' }, now), 'ends later').to.equal(true);
  });

  it('keeps a timed event until its end instant', () => {
    expect(isUpcoming({ allDay: false, end: new Date(now.getTime() + 60_000).toISOString() }, now)).to.equal(true);
    expect(isUpcoming({ allDay: false, end: new Date(now.getTime() - 60_000).toISOString() }, now)).to.equal(false);
    expect(isUpcoming({ allDay: false, end: now.toISOString() }, now), 'ending now: over').to.equal(false);
  });
});
