import type { UserStatsRow } from './progress.repository';
import type { StreakState } from './streaks';

/** The streak held in a user_stats row. */
export function statsStreak(row: UserStatsRow): StreakState {
  return {
    current: row.streakCurrent,
    longest: row.streakLongest,
    freezes: row.streakFreezes,
    run: row.streakRun,
    lastActiveDate: row.lastActiveDate,
    through: row.streakThrough,
  };
}

export function withStreak(row: UserStatsRow, s: StreakState): UserStatsRow {
  return {
    ...row,
    streakCurrent: s.current,
    streakLongest: s.longest,
    streakFreezes: s.freezes,
    streakRun: s.run,
    lastActiveDate: s.lastActiveDate,
    streakThrough: s.through,
  };
}
