import { z } from 'zod';
import { CalendarDate, Id } from './common';
import { Person } from './refs';

/** `HH:mm`, 24-hour, in someone's own zone (a member's for reminders, the workspace's for the digest). */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:mm, 00:00 to 23:59')
  .describe('HH:mm');

const IsoWeekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1, 'Pick at least one check-in day')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'Each day at most once');

/** When the team checks in, when the digest is made, and when an open blocker escalates. */
export const CheckInSettings = z.object({
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: IsoWeekdays,
  reminderTime: ClockTime,
  digestTime: ClockTime,
  blockerEscalationHours: z.number().int().min(1).max(168),
  digestAi: z.boolean(),
});
export type CheckInSettings = z.infer<typeof CheckInSettings>;

export const CheckInSettingsUpdate = CheckInSettings.partial().refine(
  (v) => Object.values(v).some((x) => x !== undefined),
  'Change at least one setting',
);
export type CheckInSettingsUpdate = z.infer<typeof CheckInSettingsUpdate>;

export const CheckInsTodayQuery = z.object({ date: CalendarDate.optional() });
export type CheckInsTodayQuery = z.infer<typeof CheckInsTodayQuery>;

/** Who has posted for a date, who has not, and who is away (away is never "missing"). */
export const CheckInsToday = z.object({
  date: z.iso.date(),
  posted: z.array(Person),
  missing: z.array(Person),
  away: z.array(Person),
});
export type CheckInsToday = z.infer<typeof CheckInsToday>;

/** Days off, in the person's own zone, both ends included. */
export const AwayRange = z
  .object({ from: CalendarDate, to: CalendarDate, note: z.string().trim().max(200).optional() })
  .refine((r) => r.to >= r.from, { message: 'The range cannot end before it starts', path: ['to'] });
export type AwayRange = z.infer<typeof AwayRange>;

/** The caller's away days: a PUT replaces them all. */
export const AwayRanges = z.object({ ranges: z.array(AwayRange).max(50) });
export type AwayRanges = z.infer<typeof AwayRanges>;

export const AwayRangeView = z.object({
  id: Id,
  from: z.iso.date(),
  to: z.iso.date(),
  note: z.string().nullable(),
});
export const AwayRangeList = z.object({ ranges: z.array(AwayRangeView) });
export type AwayRangeList = z.infer<typeof AwayRangeList>;
