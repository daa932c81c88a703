import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  format,
  getDaysInMonth,
  getISODay,
  parseISO,
} from 'date-fns';

/**
 * Local dates on the server: every "today", check-in day, digest day and streak day is computed
 * here, in someone's IANA zone, with @date-fns/tz (daylight saving and zone history included).
 * A local date is the string `YYYY-MM-DD`; an instant is a `Date`.
 */

/** The date an instant falls on in a zone: 23:30 in Los Angeles on the 6th is the 7th in Berlin. */
export function localDateOf(instant: Date, zone: string): string {
  return format(new TZDate(instant, zone), 'yyyy-MM-dd');
}

/** Today in a zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return localDateOf(now, zone);
}

/** The wall-clock time (`HH:mm`) of an instant in a zone. */
export function localTimeOf(instant: Date, zone: string): string {
  return format(new TZDate(instant, zone), 'HH:mm');
}

/** The instant a local date begins in a zone (not always 00:00 UTC-offset-wise: DST days differ). */
export function startOfLocalDay(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(TZDate.tz(zone, y, m - 1, d).getTime());
}

/** The instant a local date ends (the next day's start). */
export function endOfLocalDay(date: string, zone: string): Date {
  return startOfLocalDay(shiftDate(date, 1), zone);
}

/** Calendar arithmetic on a local date, free of zones. */
export function shiftDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  return getISODay(parseISO(date));
}

/** The local dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) dates.push(d);
  return dates;
}

/**
 * Labels of a local date for text (template placeholders): `weekday` "Monday", `week` the ISO
 * week "2026-W49", `month` "December 2026", `year` "2026". Zone-free, like all local-date arithmetic.
 */
export function localDateLabels(date: string): {
  weekday: string;
  week: string;
  month: string;
  year: string;
} {
  const day = parseISO(date);
  return {
    weekday: format(day, 'EEEE'),
    week: format(day, "RRRR-'W'II"),
    month: format(day, 'MMMM yyyy'),
    year: format(day, 'yyyy'),
  };
}

/** The instant a wall-clock time (`HH:mm`) on a local date happens in a zone (DST included). */
export function instantOfLocalTime(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(TZDate.tz(zone, y, m - 1, d, hh, mm).getTime());
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * Day `day` of the month `months` after the month of `date` (-1 = that month's last day); null
 * when the month has no such day (the 31st of April).
 */
export function dayOfMonthAfter(date: string, months: number, day: number): string | null {
  const first = addMonths(parseISO(`${date.slice(0, 7)}-01`), months);
  const length = getDaysInMonth(first);
  const wanted = day === -1 ? length : day;
  if (wanted > length) return null;
  return format(addDays(first, wanted - 1), 'yyyy-MM-dd');
}
