import { expect } from '@open-wc/testing';
import { gridKeyTarget } from '../../src/event-calendar/grid-keyboard.js';

// Thursday 3 December 2026 unless said otherwise; the grid's weeks start on Monday.
describe('gridKeyTarget: the month grid’s keys', () => {
  it('moves a day with the left and right arrows, a week with up and down', () => {
    expect(gridKeyTarget('ArrowLeft', false, '2026-12-03')).to.equal('2026-12-02');
    expect(gridKeyTarget('ArrowRight', false, '2026-12-03')).to.equal('2026-12-04');
    expect(gridKeyTarget('ArrowUp', false, '2026-12-03')).to.equal('2026-11-26');
    expect(gridKeyTarget('ArrowDown', false, '2026-12-03')).to.equal('2026-12-10');
  });

  it('crosses month and year ends with the arrows, leap days included', () => {
    expect(gridKeyTarget('ArrowLeft', false, '2027-01-01')).to.equal('2026-12-31');
    expect(gridKeyTarget('ArrowRight', false, '2026-12-31')).to.equal('2027-01-01');
    expect(gridKeyTarget('ArrowDown', false, '2026-12-28')).to.equal('2027-01-04');
    expect(gridKeyTarget('ArrowUp', false, '2027-01-04')).to.equal('2026-12-28');
    expect(gridKeyTarget('ArrowRight', false, '2028-02-28')).to.equal('2028-02-29');
    expect(gridKeyTarget('ArrowRight', false, '2027-02-28')).to.equal('2027-03-01');
  });

  it('goes to the week’s Monday with Home and its Sunday with End, even in another month', () => {
    expect(gridKeyTarget('Home', false, '2026-12-03')).to.equal('2026-11-30');
    expect(gridKeyTarget('End', false, '2026-12-03')).to.equal('2026-12-06');
    expect(gridKeyTarget('Home', false, '2027-01-01')).to.equal('2026-12-28');
    expect(gridKeyTarget('End', false, '2026-12-31')).to.equal('2027-01-03');
    // On the week's first or last day, the day itself.
    expect(gridKeyTarget('Home', false, '2026-12-07')).to.equal('2026-12-07');
    expect(gridKeyTarget('End', false, '2026-12-13')).to.equal('2026-12-13');
    expect(gridKeyTarget('Home', true, '2026-12-13')).to.equal('2026-12-07');
  });

  it('moves a month with Page Up and Page Down, kept inside shorter months', () => {
    expect(gridKeyTarget('PageDown', false, '2026-12-03')).to.equal('2027-01-03');
    expect(gridKeyTarget('PageUp', false, '2027-01-03')).to.equal('2026-12-03');
    expect(gridKeyTarget('PageDown', false, '2027-01-31')).to.equal('2027-02-28');
    expect(gridKeyTarget('PageDown', false, '2028-01-31')).to.equal('2028-02-29');
    expect(gridKeyTarget('PageUp', false, '2027-03-31')).to.equal('2027-02-28');
    expect(gridKeyTarget('PageDown', false, '2027-05-31')).to.equal('2027-06-30');
  });

  it('moves a year with Shift and Page Up or Page Down, 29 February to 28', () => {
    expect(gridKeyTarget('PageDown', true, '2026-12-03')).to.equal('2027-12-03');
    expect(gridKeyTarget('PageUp', true, '2026-12-03')).to.equal('2025-12-03');
    expect(gridKeyTarget('PageUp', true, '2027-01-01')).to.equal('2026-01-01');
    expect(gridKeyTarget('PageDown', true, '2028-02-29')).to.equal('2029-02-28');
    expect(gridKeyTarget('PageUp', true, '2028-02-29')).to.equal('2027-02-28');
  });

  it('activates the day’s events with Enter and Space, whatever Shift', () => {
    expect(gridKeyTarget('Enter', false, '2026-12-03')).to.equal('activate');
    expect(gridKeyTarget(' ', false, '2026-12-03')).to.equal('activate');
    expect(gridKeyTarget('Enter', true, '2026-12-03')).to.equal('activate');
  });

  it('leaves other keys alone: Tab, Escape, letters, Space by its name', () => {
    for (const key of ['Tab', 'Escape', 'a', 'Spacebar', 'Shift', 'F1', '']) expect(gridKeyTarget(key, false, '2026-12-03'), key).to.equal(undefined);
    expect(gridKeyTarget('Tab', true, '2026-12-03')).to.equal(undefined);
  });
});
