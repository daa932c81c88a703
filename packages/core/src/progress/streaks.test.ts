import {
  DEFAULT_WORK_CALENDAR,
  EMPTY_STREAK,
  recordActiveDay,
  settleStreak,
  settledThrough,
  type StreakState,
} from './streaks';

const W = DEFAULT_WORK_CALENDAR;
const days = (dates: string[], state: StreakState = EMPTY_STREAK) =>
  dates.reduce((s, d) => recordActiveDay(s, d, W), state);

// 2026-11-30 is a Monday.
describe('workday streaks', () => {
  it('counts consecutive workdays with XP', () => {
    const s = days(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(s).toMatchObject({ current: 3, longest: 3, lastActiveDate: '2026-12-02' });
  });

  it('a weekend does not break a streak', () => {
    const s = days(['2026-12-03', '2026-12-04', '2026-12-07']);
    expect(s.current).toBe(3);
  });

  it('an away day does not break a streak (days off never do)', () => {
    const away = { ...W, away: [{ from: '2026-12-01', to: '2026-12-01' }] };
    const s = ['2026-11-30', '2026-12-02'].reduce((st, d) => recordActiveDay(st, d, away), EMPTY_STREAK);
    expect(s).toMatchObject({ current: 2, freezes: 0 });
  });

  it("counts the workspace's own check-in days: a Saturday team's Saturday counts, its Monday is a day off", () => {
    const tueToSat = { weekdays: [2, 3, 4, 5, 6], away: [] };
    // Fri 2026-12-04, Sat 12-05, (Sun, Mon off), Tue 12-08.
    const s = ['2026-12-04', '2026-12-05', '2026-12-08'].reduce(
      (st, d) => recordActiveDay(st, d, tueToSat),
      EMPTY_STREAK,
    );
    expect(s).toMatchObject({ current: 3, longest: 3 });
    // Monday to Friday, the same days miss Monday and break the streak.
    expect(days(['2026-12-04', '2026-12-05', '2026-12-08'])).toMatchObject({ current: 1 });
  });

  it('a missed workday without a freeze breaks the streak', () => {
    const s = days(['2026-11-30', '2026-12-02']);
    expect(s).toMatchObject({ current: 1, longest: 1 });
  });

  it('a missed workday spends a freeze', () => {
    // Seven workdays earn a freeze; missing the eighth spends it and the streak goes on.
    const seven = days([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
    ]);
    expect(seven).toMatchObject({ current: 7, freezes: 1 });
    const after = recordActiveDay(seven, '2026-12-10', W);
    expect(after).toMatchObject({ current: 8, freezes: 0 });
  });

  it('holds at most two freezes', () => {
    const dates: string[] = [];
    for (
      let d = new Date('2026-01-05T00:00:00Z');
      dates.length < 40;
      d = new Date(d.getTime() + 86_400_000)
    ) {
      const iso = d.toISOString().slice(0, 10);
      if (![0, 6].includes(d.getUTCDay())) dates.push(iso);
    }
    expect(days(dates).freezes).toBe(2);
  });

  it('settling the days since the last activity breaks an idle streak', () => {
    const s = settleStreak(days(['2026-11-30']), '2026-12-02', W);
    expect(s).toMatchObject({ current: 0, longest: 1, through: '2026-12-02' });
    expect(settleStreak(s, '2026-12-02', W)).toEqual(s);
  });

  it('a date already settled changes nothing', () => {
    const s = settleStreak(days(['2026-11-30']), '2026-12-02', W);
    expect(recordActiveDay(s, '2026-12-01', W)).toEqual(s);
  });

  it("settles yesterday in the person's own zone, an hour after their midnight", () => {
    const now = new Date('2026-12-07T00:30:00Z');
    expect(settledThrough(now, 'UTC')).toBe('2026-12-05');
    expect(settledThrough(now, 'Europe/Berlin')).toBe('2026-12-06');
    expect(settledThrough(now, 'America/Los_Angeles')).toBe('2026-12-05');
  });
});
