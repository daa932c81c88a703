import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, getISODay } from 'date-fns';

/**
 * Local dates on the web: every "today", month grid, agenda day, due-date label, "overdue" and
 * sprint day the web shows is computed here, in the signed-in user's IANA zone (`user.timeZone`,
 * read through `useTimeZone()` in modules/auth), with @date-fns/tz (daylight saving and zone
 * history included). The names mirror the server's packages/core/src/platform/local-dates.ts.
 *
 * A local date is the string `YYYY-MM-DD` (a due date, a sprint's start); an instant is a `Date`
 * or an ISO timestamp. Arithmetic and labels on a local date never involve a zone: 17 May is
 * 17 May wherever it is read. Only turning an instant into a local date (or a wall-clock time)
 * needs one.
 */

/** `YYYY-MM-DD`. */
export type LocalDate = string;
/** `YYYY-MM`. */
export type LocalMonth = string;

const LOCAL_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Read and written by hand rather than with date-fns' parseISO / format: those two (pattern
// parser, locale) would be most of this module's weight in the board's first-load JS.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date a Date shows on its own clock (a TZDate's is its zone's). */
const dateOnClock = (d: Date): LocalDate =>
  `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A local date as midnight on this device's clock, for date-fns' calendar arithmetic. */
function onDeviceClock(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The zone this device is set to: only used before the signed-in user (and so their zone) is known. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The date an instant falls on in a zone: 23:30 in Los Angeles on the 6th is the 7th in Berlin. */
export function localDateOf(instant: Date | string, zone: string): LocalDate {
  return dateOnClock(new TZDate(new Date(instant), zone));
}

/** Today in a zone. */
export function todayIn(zone: string, now: Date = new Date()): LocalDate {
  return localDateOf(now, zone);
}

/** The wall-clock time (`HH:mm`) of an instant in a zone. */
export function localTimeOf(instant: Date | string, zone: string): string {
  const there = new TZDate(new Date(instant), zone);
  return `${pad(there.getHours())}:${pad(there.getMinutes())}`;
}

/** The instant a local date begins in a zone (a DST day is 23 or 25 hours long, not 24). */
export function startOfLocalDay(date: LocalDate, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(TZDate.tz(zone, y, m - 1, d).getTime());
}

/** The instant a local date ends (the next day's start). */
export function endOfLocalDay(date: LocalDate, zone: string): Date {
  return startOfLocalDay(shiftDate(date, 1), zone);
}

/** Calendar arithmetic on a local date, free of zones. */
export function shiftDate(date: LocalDate, days: number): LocalDate {
  return dateOnClock(addDays(onDeviceClock(date), days));
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: LocalDate): number {
  return getISODay(onDeviceClock(date));
}

/** The local dates from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) dates.push(d);
  return dates;
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(onDeviceClock(to), onDeviceClock(from));
}

/** The month a local date is in. */
export const monthOf = (date: LocalDate): LocalMonth => date.slice(0, 7);

/** A `YYYY-MM` from the URL, or the fallback when it is missing or malformed. */
export function parseMonth(value: string | null | undefined, fallback: LocalMonth): LocalMonth {
  return value && LOCAL_MONTH.test(value) ? value : fallback;
}

/** Month arithmetic, free of zones. */
export function shiftMonth(month: LocalMonth, delta: number): LocalMonth {
  return monthOf(dateOnClock(addMonths(onDeviceClock(`${month}-01`), delta)));
}

/** The weeks (Monday first) covering a month: 4 to 6 rows of 7 local dates. */
export function monthWeeks(month: LocalMonth): LocalDate[][] {
  const first = `${month}-01`;
  let day = shiftDate(first, 1 - isoWeekdayOf(first));
  const weeks: LocalDate[][] = [];
  do {
    const week: LocalDate[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = shiftDate(day, 1);
    }
    weeks.push(week);
  } while (monthOf(day) === month);
  return weeks;
}

/**
 * A task due on `dueDate` is overdue once that day has ended where the user is: due on the 6th,
 * it is overdue from the 7th on in their zone, whatever the hour is in UTC.
 */
export function isOverdue(dueDate: LocalDate, zone: string, now: Date = new Date()): boolean {
  return dueDate < todayIn(zone, now);
}

// Labels of a local date are computed in UTC on purpose: the date is already local, and reading
// it at midnight UTC in UTC gives back the same day on every device.
const LOCAL_DATE_FORMATS = {
  /** "17 May" */
  short: new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  /** "Friday, May 17, 2030" */
  long: new Intl.DateTimeFormat('en', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  /** "May 17, 2030" */
  medium: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }),
} as const;

/** A local date as words ("17 May", "Friday, May 17, 2030"). */
export function formatLocalDate(date: LocalDate, style: keyof typeof LOCAL_DATE_FORMATS = 'short'): string {
  return LOCAL_DATE_FORMATS[style].format(new Date(`${date}T00:00:00Z`));
}

/**
 * Two local dates as one span, said once where they share it ("Dec 4 – 8, 2026", and a single day
 * as that day: "Dec 4, 2026", not "Dec 4, 2026 – Dec 4, 2026").
 */
export function formatLocalDateRange(
  from: LocalDate,
  to: LocalDate,
  style: keyof typeof LOCAL_DATE_FORMATS = 'short',
): string {
  return LOCAL_DATE_FORMATS[style].formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

const monthTitleFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "May 2030" */
export const formatLocalMonth = (month: LocalMonth): string =>
  monthTitleFormat.format(new Date(`${month}-01T00:00:00Z`));

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the date and time on the user's clock ("May 17, 2030, 9:30 AM"). */
export function formatInstant(instant: Date | string, zone: string): string {
  let formatter = instantFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    instantFormats.set(zone, formatter);
  }
  return formatter.format(new Date(instant));
}

/** Every IANA zone this browser knows (for a zone picker), with UTC always among them. */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The zone's offset from UTC at an instant, as shown beside its name ("UTC+02:00"). */
export function utcOffsetLabel(zone: string, now: Date = new Date()): string {
  // getTimezoneOffset is minutes behind UTC (Berlin in summer: -120); a TZDate answers for its zone.
  const ahead = -new TZDate(now, zone).getTimezoneOffset();
  const minutes = Math.abs(ahead);
  return `UTC${ahead < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
