/**
 * Business hours, against due times computed by hand: a lunch break, weekends, holidays, a night shift across
 * midnight, Asia/Shanghai (no daylight saving) and America/New_York across both of its 2026 changes.
 */
import { describe, expect, it } from 'vitest';
import { addBusinessHours, type BusinessCalendar, dueAfter, intervalOf } from './calendar.ts';

const weekdays = (hours: string[]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });
const shanghai: BusinessCalendar = {
  time_zone: 'Asia/Shanghai',
  week: weekdays(['09:00-12:00', '13:00-18:00']),
  holidays: ['2026-10-01', '2026-10-02'],
};
const newYork: BusinessCalendar = { time_zone: 'America/New_York', week: weekdays(['09:00-17:00']), holidays: [] };
const due = (start: string, hours: number, cal: BusinessCalendar) =>
  addBusinessHours(new Date(start), hours, cal).toISOString();

describe('business hours in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('Friday 17:00 + 4 h: one hour on Friday, the weekend closed, three on Monday morning → Monday 12:00', () => {
    expect(due('2026-03-06T09:00:00Z', 4, shanghai)).toBe('2026-03-09T04:00:00.000Z');
  });
  it('a start in the lunch break waits for 13:00: Monday 12:30 + 1 h → 14:00', () => {
    expect(due('2026-03-09T04:30:00Z', 1, shanghai)).toBe('2026-03-09T06:00:00.000Z');
  });
  it('a start before opening waits for it: Monday 07:00 + 2 h → 11:00; half an hour → 09:30', () => {
    expect(due('2026-03-08T23:00:00Z', 2, shanghai)).toBe('2026-03-09T03:00:00.000Z');
    expect(due('2026-03-08T23:00:00Z', 0.5, shanghai)).toBe('2026-03-09T01:30:00.000Z');
  });
  it('a target longer than a day spans days: Monday 09:00 + 20 h → Wednesday 14:00 (8 + 8 + 4)', () => {
    expect(due('2026-03-09T01:00:00Z', 20, shanghai)).toBe('2026-03-11T06:00:00.000Z');
  });
  it('holidays are closed: Wednesday 30 Sep 17:00 + 2 h skips 1–2 Oct and the weekend → Monday 5 Oct 10:00', () => {
    expect(due('2026-09-30T09:00:00Z', 2, shanghai)).toBe('2026-10-05T02:00:00.000Z');
  });
  it('a night shift across midnight: Tuesday 23:00 + 3 h → Wednesday 02:00', () => {
    const nights: BusinessCalendar = {
      time_zone: 'Asia/Shanghai',
      week: weekdays(['00:00-06:00', '22:00-24:00']),
      holidays: [],
    };
    expect(due('2026-03-10T15:00:00Z', 3, nights)).toBe('2026-03-10T18:00:00.000Z');
  });
  it('zero hours is the start itself, even when closed', () => {
    expect(due('2026-03-07T04:00:00Z', 0, shanghai)).toBe('2026-03-07T04:00:00.000Z');
  });
});

describe('business hours in America/New_York (daylight saving)', () => {
  it('across spring forward (8 Mar 2026): Friday 16:00 EST + 2 h → Monday 10:00 EDT', () => {
    expect(due('2026-03-06T21:00:00Z', 2, newYork)).toBe('2026-03-09T14:00:00.000Z');
  });
  it('across fall back (1 Nov 2026): Friday 16:00 EDT + 2 h → Monday 10:00 EST', () => {
    expect(due('2026-10-30T20:00:00Z', 2, newYork)).toBe('2026-11-02T15:00:00.000Z');
  });
  it('an open day counts the hours that pass: 24 h around the clock over the 23-hour day is 24 real hours', () => {
    const always: BusinessCalendar = {
      time_zone: 'America/New_York',
      week: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['00:00-24:00']])),
      holidays: [],
    };
    expect(due('2026-03-07T17:00:00Z', 24, always)).toBe('2026-03-08T17:00:00.000Z');
    expect(due('2026-10-31T16:00:00Z', 24, always)).toBe('2026-11-01T16:00:00.000Z');
  });
  it('an opening at a skipped time moves forward with the clock: 02:30 on 8 Mar opens at 03:30 EDT', () => {
    const early: BusinessCalendar = { time_zone: 'America/New_York', week: { sun: ['02:30-04:00'] }, holidays: [] };
    expect(due('2026-03-08T05:00:00Z', 0.25, early)).toBe('2026-03-08T07:45:00.000Z');
  });
});

describe('the calendar’s pieces', () => {
  it('around the clock without a calendar', () => {
    expect(dueAfter(new Date('2026-01-01T00:00:00Z'), 8, null).toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });
  it('reads intervals, refusing malformed and empty ones', () => {
    expect(intervalOf('09:00-18:00')).toEqual([540, 1080]);
    expect(intervalOf('22:00-24:00')).toEqual([1320, 1440]);
    expect(intervalOf('18:00-09:00')).toBeNull();
    expect(intervalOf('9-18')).toBeNull();
    expect(intervalOf('24:30-25:00')).toBeNull();
  });
  it('a calendar without open hours has no due time', () => {
    expect(() => addBusinessHours(new Date(0), 1, { time_zone: 'UTC', week: {}, holidays: [] })).toThrow(RangeError);
  });
});
