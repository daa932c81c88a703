import { XP_RULES } from '@teamflow/contracts/progress';
import { isoWeekdayOf, localDateOf, shiftDate } from '../platform/local-dates';

/**
 * Workday streaks, as a pure reducer over local dates. A streak counts workdays (the check-in
 * days) on which the person earned XP; days off never break it; one freeze is earned per 7
 * counted days (at most 2 held) and is spent automatically on a missed workday. The incremental
 * path (each award, the hourly settle job) and the rebuild from xp_events run the same two steps,
 * so they cannot disagree.
 */
export interface StreakState {
  current: number;
  longest: number;
  freezes: number;
  /** Counted days since the last freeze was earned. */
  run: number;
  lastActiveDate: string | null;
  /** The last local date whose outcome is settled (counted, frozen or broken). */
  through: string | null;
}

export const EMPTY_STREAK: StreakState = {
  current: 0,
  longest: 0,
  freezes: 0,
  run: 0,
  lastActiveDate: null,
  through: null,
};

/**
 * Whose workdays: the workspace's check-in days (ISO weekdays) minus the person's away days.
 * Anything else is a day off, and a day off never breaks a streak.
 */
export interface WorkCalendar {
  weekdays: readonly number[];
  away: readonly { from: string; to: string }[];
}

/** The check-in defaults (a workspace that never changed its check-in days), nobody away. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = { weekdays: [1, 2, 3, 4, 5], away: [] };

const isWorkday = (date: string, calendar: WorkCalendar) =>
  calendar.weekdays.includes(isoWeekdayOf(date)) &&
  !calendar.away.some((range) => date >= range.from && date <= range.to);

/** Settles every date after `through` up to `to`: a workday without XP spends a freeze or breaks the streak. */
export function settleStreak(state: StreakState, to: string, workdays: WorkCalendar): StreakState {
  if (state.through === null || state.through >= to) return state;
  const next = { ...state };
  for (let d = shiftDate(state.through, 1); d <= to; d = shiftDate(d, 1)) {
    if (!isWorkday(d, workdays) || next.current === 0) continue;
    if (next.freezes > 0) next.freezes -= 1;
    else Object.assign(next, { current: 0, run: 0 });
  }
  next.through = to;
  return next;
}

/** A local date on which the person earned XP. A date already settled changes nothing. */
export function recordActiveDay(state: StreakState, date: string, workdays: WorkCalendar): StreakState {
  if (state.through !== null && date <= state.through) return state;
  const next = { ...settleStreak(state, shiftDate(date, -1), workdays), through: date, lastActiveDate: date };
  if (!isWorkday(date, workdays)) return next;
  next.current += 1;
  next.longest = Math.max(next.longest, next.current);
  next.run += 1;
  if (next.run >= XP_RULES.freezeEvery) {
    next.run = 0;
    next.freezes = Math.min(XP_RULES.maxFreezes, next.freezes + 1);
  }
  return next;
}

// Work may reach the xp consumer a little after midnight; a day is settled only an hour after it ends.
const SETTLE_GRACE_MS = 3_600_000;

/** The last local date that may be settled now in a zone (yesterday, an hour after midnight). */
export function settledThrough(now: Date, zone: string): string {
  return shiftDate(localDateOf(new Date(now.getTime() - SETTLE_GRACE_MS), zone), -1);
}
