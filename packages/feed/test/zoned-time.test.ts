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

  it('counts days across months, years and leap days', () => {
    expect(addDays('2027-12-31', 1)).to.equal('2028-01-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
    expect(daysBetween('2026-11-29', '2027-01-01')).to.equal(33);
    expect(isTimeZone('Europe/Paris')).to.equal(true);
    expect(isTimeZone('Romance Standard Time')).to.equal(false);
  });
});
