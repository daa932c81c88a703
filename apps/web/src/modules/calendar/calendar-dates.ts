// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so a due date never shifts with the time zone.

export type IsoDate = string;
/** YYYY-MM */
export type IsoMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const fromIso = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);

/** Today in the user's own calendar (not UTC), as an ISO date. */
export function todayIso(now = new Date()): IsoDate {
  const local = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  return toIso(local);
}

export const monthOf = (iso: IsoDate): IsoMonth => iso.slice(0, 7);

export function parseMonth(value: string | null | undefined, fallback: IsoMonth): IsoMonth {
  return value && MONTH.test(value) ? value : fallback;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = fromIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function addMonths(month: IsoMonth, delta: number): IsoMonth {
  const d = fromIso(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return toIso(d).slice(0, 7);
}

/** The weeks (Monday first) covering the month: 4 to 6 rows of 7 ISO dates. */
export function monthWeeks(month: IsoMonth): IsoDate[][] {
  const first = fromIso(`${month}-01`);
  const offset = (first.getUTCDay() + 6) % 7; // days since Monday
  let day = addDays(`${month}-01`, -offset);
  const weeks: IsoDate[][] = [];
  do {
    const week: IsoDate[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (monthOf(day) === month);
  return weeks;
}

const monthTitleFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayLabelFormat = new Intl.DateTimeFormat('en', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export const monthTitle = (month: IsoMonth) => monthTitleFormat.format(fromIso(`${month}-01`));
export const dayLabel = (iso: IsoDate) => dayLabelFormat.format(fromIso(iso));
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
