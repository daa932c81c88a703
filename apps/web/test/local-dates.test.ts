import {
  daysBetween,
  endOfLocalDay,
  formatLocalDate,
  formatLocalDateRange,
  isOverdue,
  localDateOf,
  localTimeOf,
  monthWeeks,
  parseMonth,
  shiftDate,
  shiftMonth,
  startOfLocalDay,
  todayIn,
  utcOffsetLabel,
} from '@/lib/local-dates';

// 23:30 on Monday 6 May 2030 in Los Angeles (UTC-7 in summer) is 06:30 UTC on the 7th.
const LA_LATE_EVENING = new Date('2030-05-07T06:30:00Z');

describe('local dates at a zone boundary', () => {
  it('puts 23:30 in Los Angeles on the same day there and on the next day in Berlin', () => {
    expect(localDateOf(LA_LATE_EVENING, 'America/Los_Angeles')).toBe('2030-05-06');
    expect(localDateOf(LA_LATE_EVENING, 'Europe/Berlin')).toBe('2030-05-07');
    expect(localTimeOf(LA_LATE_EVENING, 'America/Los_Angeles')).toBe('23:30');
    expect(localTimeOf(LA_LATE_EVENING, 'Europe/Berlin')).toBe('08:30');
  });

  it("counts today in the user's zone, not the device's", () => {
    // The device (jest.config.js) is in Los Angeles: its own calendar still says the 6th.
    expect(LA_LATE_EVENING.getDate()).toBe(6);
    expect(todayIn('Europe/Berlin', LA_LATE_EVENING)).toBe('2030-05-07');
    expect(todayIn('America/Los_Angeles', LA_LATE_EVENING)).toBe('2030-05-06');
    expect(todayIn('UTC', LA_LATE_EVENING)).toBe('2030-05-07');
  });

  it('makes a task due on the 6th overdue in Berlin but not yet in Los Angeles at that instant', () => {
    expect(isOverdue('2030-05-06', 'Europe/Berlin', LA_LATE_EVENING)).toBe(true);
    expect(isOverdue('2030-05-06', 'America/Los_Angeles', LA_LATE_EVENING)).toBe(false);
    expect(isOverdue('2030-05-07', 'Europe/Berlin', LA_LATE_EVENING)).toBe(false);
  });
});

describe('local dates on a daylight-saving day', () => {
  // Europe moves its clocks forward on Sunday 31 March 2030; the US on Sunday 10 March 2030.
  it('makes the day the clocks go forward 23 hours long', () => {
    expect(startOfLocalDay('2030-03-31', 'Europe/Berlin').toISOString()).toBe('2030-03-30T23:00:00.000Z');
    expect(endOfLocalDay('2030-03-31', 'Europe/Berlin').toISOString()).toBe('2030-03-31T22:00:00.000Z');
    expect(startOfLocalDay('2030-03-10', 'America/Los_Angeles').toISOString()).toBe(
      '2030-03-10T08:00:00.000Z',
    );
    expect(endOfLocalDay('2030-03-10', 'America/Los_Angeles').toISOString()).toBe('2030-03-11T07:00:00.000Z');
  });

  it('reads wall-clock times on both sides of the change', () => {
    expect(localTimeOf(new Date('2030-03-31T00:30:00Z'), 'Europe/Berlin')).toBe('01:30');
    expect(localTimeOf(new Date('2030-03-31T01:30:00Z'), 'Europe/Berlin')).toBe('03:30');
    expect(utcOffsetLabel('Europe/Berlin', new Date('2030-03-30T12:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffsetLabel('Europe/Berlin', new Date('2030-03-31T12:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffsetLabel('Asia/Kolkata')).toBe('UTC+05:30');
    expect(utcOffsetLabel('UTC')).toBe('UTC+00:00');
  });

  it("steps over the change one calendar day at a time, with the device's own clocks changing too", () => {
    // The device's zone (Los Angeles) goes forward on 10 March and back on 3 November 2030.
    expect(shiftDate('2030-03-09', 1)).toBe('2030-03-10');
    expect(shiftDate('2030-03-10', 1)).toBe('2030-03-11');
    expect(shiftDate('2030-03-11', -2)).toBe('2030-03-09');
    expect(shiftDate('2030-11-02', 2)).toBe('2030-11-04');
    expect(daysBetween('2030-03-09', '2030-03-12')).toBe(3);
    expect(daysBetween('2030-11-05', '2030-11-02')).toBe(-3);
  });
});

describe('calendar months', () => {
  const MARCH_2030 = [
    ['2030-02-25', '2030-02-26', '2030-02-27', '2030-02-28', '2030-03-01', '2030-03-02', '2030-03-03'],
    ['2030-03-04', '2030-03-05', '2030-03-06', '2030-03-07', '2030-03-08', '2030-03-09', '2030-03-10'],
    ['2030-03-11', '2030-03-12', '2030-03-13', '2030-03-14', '2030-03-15', '2030-03-16', '2030-03-17'],
    ['2030-03-18', '2030-03-19', '2030-03-20', '2030-03-21', '2030-03-22', '2030-03-23', '2030-03-24'],
    ['2030-03-25', '2030-03-26', '2030-03-27', '2030-03-28', '2030-03-29', '2030-03-30', '2030-03-31'],
  ];

  it('lays out March 2030 (a DST change for the device and for Europe) as Monday-first weeks', () => {
    expect(monthWeeks('2030-03')).toEqual(MARCH_2030);
    expect(formatLocalDate('2030-03-31', 'long')).toBe('Sunday, March 31, 2030');
    expect(formatLocalDate('2030-03-10')).toBe('Mar 10');
  });

  it('gives a month starting on Monday no leading days and a February its own rows', () => {
    expect(monthWeeks('2027-02')[0]![0]).toBe('2027-02-01');
    expect(monthWeeks('2027-02')).toHaveLength(4);
    expect(monthWeeks('2030-09')).toHaveLength(6);
  });

  it('moves between months across a year and refuses a malformed month from the URL', () => {
    expect(shiftMonth('2030-01', -1)).toBe('2029-12');
    expect(shiftMonth('2030-12', 1)).toBe('2031-01');
    expect(parseMonth('2030-13', '2030-05')).toBe('2030-05');
    expect(parseMonth('2030-02', '2030-05')).toBe('2030-02');
    expect(parseMonth(null, '2030-05')).toBe('2030-05');
  });
});

describe('date spans', () => {
  // ICU sets the dash between thin spaces.
  it('say a one-day span as that day, and what two dates share once', () => {
    expect(formatLocalDateRange('2026-12-04', '2026-12-04', 'medium')).toBe('Dec 4, 2026');
    expect(formatLocalDateRange('2026-12-04', '2026-12-08', 'medium')).toBe('Dec 4\u2009–\u20098, 2026');
    expect(formatLocalDateRange('2026-12-28', '2027-01-03', 'medium')).toBe(
      'Dec 28, 2026\u2009–\u2009Jan 3, 2027',
    );
  });
});
