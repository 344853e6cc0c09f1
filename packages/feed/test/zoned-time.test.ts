import { expect } from '@open-wc/testing';
import { addDays, dayIn, daysBetween, instantOf, isTimeZone, startOfDay, wallClock, zoneOffset } from '@frenchsouth-digital/feed';

const H = 3_600_000;

describe('wall-clock time in IANA zones', () => {
  it('knows the offsets of Paris, New York and Tokyo, summer and winter', () => {
    const summer = Date.parse('2027-07-01T12:00:00Z');
    const winter = Date.parse('2027-01-15T12:00:00Z');
    expect(zoneOffset(summer, 'Europe/Paris')).to.equal(2 * H);
    expect(zoneOffset(winter, 'Europe/Paris')).to.equal(1 * H);
    expect(zoneOffset(summer, 'America/New_York')).to.equal(-4 * H);
    expect(zoneOffset(winter, 'America/New_York')).to.equal(-5 * H);
    expect(zoneOffset(summer, 'Asia/Tokyo')).to.equal(9 * H);
  });

  it('turns 10:00 in New York into 16:00 in Paris in summer, and the day it is in Tokyo', () => {
    const t = instantOf({ year: 2027, month: 7, day: 1, hour: 10, minute: 0, second: 0 }, 'America/New_York');
    expect(wallClock(t, 'Europe/Paris')).to.include({ day: 1, hour: 16, minute: 0 });
    expect(dayIn(t, 'Asia/Tokyo')).to.equal('2027-07-01');
    const late = instantOf({ year: 2027, month: 7, day: 1, hour: 20, minute: 0, second: 0 }, 'America/New_York');
    expect(dayIn(late, 'Asia/Tokyo')).to.equal('2027-07-02');
  });

  it('handles the changes of clock: a repeated hour gives the first, a skipped one moves forward', () => {
    // Paris goes back from 03:00 to 02:00 on 31 October 2027: 02:30 happens twice.
    const twice = instantOf({ year: 2027, month: 10, day: 31, hour: 2, minute: 30, second: 0 }, 'Europe/Paris');
    expect(new Date(twice).toISOString()).to.equal('2027-10-31T00:30:00.000Z');
    // New York skips 02:00–03:00 on 14 March 2027.
    const skipped = instantOf({ year: 2027, month: 3, day: 14, hour: 2, minute: 30, second: 0 }, 'America/New_York');
    expect(wallClock(skipped, 'America/New_York')).to.include({ hour: 3, minute: 30 });
    // The day of the change lasts 23 hours.
    expect(startOfDay('2027-03-29', 'Europe/Paris') - startOfDay('2027-03-28', 'Europe/Paris')).to.equal(23 * H);
  });

  it('reads the offset right on both sides of a change of clocks, to the second, however often it is asked', () => {
    const change = Date.parse('2027-03-28T01:00:00Z'); // Paris: 02:00 winter time becomes 03:00 summer time.
    for (let pass = 0; pass < 2; pass++) {
      expect(wallClock(change - 1000, 'Europe/Paris')).to.include({ hour: 1, minute: 59, second: 59 });
      expect(wallClock(change, 'Europe/Paris')).to.include({ hour: 3, minute: 0, second: 0 });
      // Kathmandu is 5 h 45 min ahead of UTC: its quarter hours are not UTC's hours.
      expect(wallClock(Date.parse('2027-01-01T00:00:00Z'), 'Asia/Kathmandu')).to.include({ hour: 5, minute: 45 });
    }
  });

  it('gives the offset Intl gives at any instant, around every change of clocks of zones with odd offsets and rules', () => {
    // What Intl says directly, without our caches.
    const formats = new Map<string, Intl.DateTimeFormat>();
    const direct = (instant: number, zone: string) => {
      let format = formats.get(zone);
      if (!format) formats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
      const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
      const whole = Math.floor(instant / 1000) * 1000;
      return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - whole;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // Paris and New York (an hour), Lord Howe (half an hour), Chatham (+12:45/+13:45), Kathmandu (+5:45), Casablanca
    // (changes around Ramadan), Santiago (southern summer).
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'Africa/Casablanca', 'America/Santiago']) {
      const mismatches: string[] = [];
      for (let i = 0; i < 400; i++) {
        const instant = Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * 24 * 3600) * 1000;
        if (zoneOffset(instant, zone) !== direct(instant, zone)) mismatches.push(new Date(instant).toISOString());
      }
      // Minute by minute around each change of clocks of 2025, found by walking the year six hours at a time.
      let before = direct(Date.UTC(2025, 0, 1), zone);
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 6 * H) {
        const after = direct(t + 6 * H, zone);
        if (after !== before) for (let m = t; m <= t + 6 * H; m += 60_000) if (zoneOffset(m, zone) !== direct(m, zone)) mismatches.push(new Date(m).toISOString());
        before = after;
      }
      expect(mismatches, zone).to.deep.equal([]);
    }
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2027-12-31', 1)).to.equal('2028-01-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
    expect(daysBetween('2026-11-29', '2027-01-01')).to.equal(33);
    expect(isTimeZone('Europe/Paris')).to.equal(true);
    expect(isTimeZone('Romance Standard Time')).to.equal(false);
  });
});
