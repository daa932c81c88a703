import {
  datesBetween,
  endOfLocalDay,
  isoWeekdayOf,
  localDateOf,
  localTimeOf,
  shiftDate,
  startOfLocalDay,
  todayIn,
} from './local-dates';

describe('local dates in a time zone', () => {
  it('puts 23:30 in Los Angeles on the next day in Berlin', () => {
    const instant = new Date('2026-12-07T07:30:00Z'); // 23:30 on the 6th in Los Angeles (UTC−8)
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2026-12-06');
    expect(localTimeOf(instant, 'America/Los_Angeles')).toBe('23:30');
    expect(localDateOf(instant, 'Europe/Berlin')).toBe('2026-12-07');
    expect(todayIn('UTC', instant)).toBe('2026-12-07');
  });

  it('starts a local day at the zone’s midnight, and a DST day is 23 hours long', () => {
    expect(startOfLocalDay('2026-12-07', 'Europe/Berlin').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    // Spring forward in New York: 2026-03-08 has 23 hours.
    const start = startOfLocalDay('2026-03-08', 'America/New_York');
    const end = endOfLocalDay('2026-03-08', 'America/New_York');
    expect(start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('does calendar arithmetic on dates without a zone', () => {
    expect(shiftDate('2026-02-28', 1)).toBe('2026-03-01');
    expect(shiftDate('2026-01-01', -1)).toBe('2025-12-31');
    expect(isoWeekdayOf('2026-12-06')).toBe(7);
    expect(isoWeekdayOf('2026-12-07')).toBe(1);
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});
