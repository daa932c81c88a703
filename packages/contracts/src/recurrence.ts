import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from './common';

/**
 * Recurring tasks: an RRULE (RFC 5545) subset, read in the series' time zone.
 *
 * - `FREQ=DAILY` (every day), `FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR` (weekdays)
 * - `FREQ=WEEKLY;BYDAY=MO,WE` (weekly on days; without BYDAY, the start date's weekday)
 * - `FREQ=MONTHLY;BYMONTHDAY=15` (monthly on a day, -1 = the last day; without it, the start's day)
 * - `INTERVAL=n` on any of them (every n days, weeks or months)
 *
 * A month without the day (the 31st in April) has no occurrence, as RFC 5545 says.
 */
export const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface ParsedRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday; empty = every day (daily) or the start's (weekly). */
  byDay: number[];
  /** 1–31, or -1 for the last day; null = the start's day. */
  byMonthDay: number | null;
}

/** Reads the subset above; a string outside it is an error message, not a guess. */
export function parseRecurrenceRule(text: string): ParsedRule | string {
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) return `"${part}" is not KEY=VALUE`;
    const name = key.trim().toUpperCase();
    if (parts.has(name)) return `${name} is given twice`;
    parts.set(name, value.trim().toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY')
    return 'FREQ must be DAILY, WEEKLY or MONTHLY';
  for (const key of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY'].includes(key))
      return `${key} is not supported (FREQ, INTERVAL, BYDAY, BYMONTHDAY are)`;
  }
  const intervalText = parts.get('INTERVAL') ?? '1';
  const interval = /^\d{1,3}$/.test(intervalText) ? Number(intervalText) : NaN;
  if (!(interval >= 1 && interval <= 365)) return 'INTERVAL must be a whole number from 1 to 365';
  let byDay: number[] = [];
  const dayText = parts.get('BYDAY');
  if (dayText !== undefined) {
    if (freq === 'MONTHLY') return 'BYDAY is for DAILY and WEEKLY rules';
    const days = dayText
      .split(',')
      .map((d) => RRULE_WEEKDAYS.indexOf(d as (typeof RRULE_WEEKDAYS)[number]) + 1);
    if (days.some((d) => d === 0)) return 'BYDAY takes MO, TU, WE, TH, FR, SA, SU';
    byDay = [...new Set(days)].sort((a, b) => a - b);
  }
  let byMonthDay: number | null = null;
  const monthDayText = parts.get('BYMONTHDAY');
  if (monthDayText !== undefined) {
    if (freq !== 'MONTHLY') return 'BYMONTHDAY is for MONTHLY rules';
    byMonthDay = /^-?\d{1,2}$/.test(monthDayText) ? Number(monthDayText) : NaN;
    if (!((byMonthDay >= 1 && byMonthDay <= 31) || byMonthDay === -1))
      return 'BYMONTHDAY must be 1 to 31, or -1 for the last day';
  }
  return { freq, interval, byDay, byMonthDay };
}

/** The rule written back in one canonical form (what the api stores and answers). */
export function formatRecurrenceRule(rule: ParsedRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => RRULE_WEEKDAYS[d - 1]).join(',')}`);
  if (rule.byMonthDay !== null) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  return parts.join(';');
}

export const RecurrenceRuleText = z
  .string()
  .max(200)
  .superRefine((value, issue) => {
    const parsed = parseRecurrenceRule(value);
    if (typeof parsed === 'string') issue.addIssue({ code: 'custom', message: parsed });
  });

/**
 * When the next occurrence is made, like Todoist's "every" and "every!": `every` when the
 * previous one is done (dated from the day it was done), `every!` at its scheduled time whatever
 * became of the previous one.
 */
export const RecurrenceMode = z.enum(['every', 'every!']);
export type RecurrenceMode = z.infer<typeof RecurrenceMode>;

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 09:30');

export const RecurrenceSet = z.object({
  rule: RecurrenceRuleText,
  mode: RecurrenceMode.default('every'),
  /** Wall-clock time of each occurrence in the series' zone (when `every!` creates it). */
  time: LocalTime.default('09:00'),
  /** The first occurrence's date (this task's); default: its due date, else today. */
  startDate: CalendarDate.optional(),
});
export type RecurrenceSet = z.infer<typeof RecurrenceSet>;

export const SeriesState = z.enum(['active', 'stopped']);

export const SeriesOccurrence = z.object({
  occursOn: z.iso.date(),
  /** Null when the occurrence was skipped. */
  taskId: Id.nullable(),
  skipped: z.boolean(),
});

export const TaskSeries = z.object({
  id: Id,
  workspaceId: Id,
  projectId: Id,
  rule: z.string(),
  mode: RecurrenceMode,
  time: z.string(),
  timeZone: z.string(),
  startDate: z.iso.date(),
  state: SeriesState,
  /** The latest task of the series: the one whose completion makes the next (`every`). */
  currentTaskId: Id.nullable(),
  /** The date the next occurrence will carry (`every!`; for `every` it is known once the current one is done). */
  nextOn: z.iso.date().nullable(),
  /** When `every!` creates it. */
  nextAt: Timestamp.nullable(),
  /** The latest occurrences, newest first. */
  occurrences: z.array(SeriesOccurrence),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TaskSeries = z.infer<typeof TaskSeries>;

export const TaskRecurrence = z.object({ series: TaskSeries.nullable() });
export type TaskRecurrence = z.infer<typeof TaskRecurrence>;
