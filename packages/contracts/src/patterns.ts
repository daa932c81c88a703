import { z } from 'zod';
import { CalendarDate, datesInOrder } from './common';
import { AiSource } from './ai';
import { TaskPriority } from './tasks';

/**
 * `GET /me/patterns?from=&to=`: how the caller works, from their own assigned tasks only (private
 * like the work log: nobody else can ask for it). Dates are the caller's own (`user.timeZone`);
 * both default to the last 30 days, and a range is at most 366 days.
 */
export const PatternsQuery = z
  .object({ from: CalendarDate.optional(), to: CalendarDate.optional() })
  .refine(...datesInOrder);
export type PatternsQuery = z.infer<typeof PatternsQuery>;

export const MyPatterns = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string(),
  /** Tasks finished in the range (reached done), counted by ISO weekday (1 = Monday) × hour (0–23) in the caller's zone. */
  finished: z.object({
    total: z.number().int(),
    byWeekdayHour: z.array(
      z.object({ weekday: z.number().int(), hour: z.number().int(), count: z.number().int() }),
    ),
    busiestWeekday: z.number().int().nullable(),
    busiestHour: z.number().int().nullable(),
  }),
  /** Points against hours in progress (first move to in_progress → done; created → done when never moved). */
  estimates: z.object({
    byPoints: z.array(
      z.object({ points: z.number().int(), tasks: z.number().int(), medianHours: z.number() }),
    ),
    /** Spearman-like agreement of points and hours, −1…1; null under 3 pointed tasks. */
    agreement: z.number().nullable(),
  }),
  /** Median hours from created to done, per priority. */
  cycleTime: z.array(z.object({ priority: TaskPriority, tasks: z.number().int(), medianHours: z.number() })),
  blocked: z.object({
    /** Of the caller's tasks touched in the range (finished, or open), how many were blocked at some point in it. */
    tasks: z.number().int(),
    times: z.number().int(),
    share: z.number(),
    /** The tasks they waited on most (dependencies), with how many of the caller's tasks each held up. */
    byTask: z.array(z.object({ key: z.string(), title: z.string(), holds: z.number().int() })),
  }),
  summary: z.string(),
  source: AiSource,
});
export type MyPatterns = z.infer<typeof MyPatterns>;
