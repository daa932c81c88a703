import { parseRecurrenceRule, type ParsedRule } from '@teamflow/contracts/recurrence';
import { instantOfLocalTime } from '../platform/local-dates';
import { nextOccurrenceAfter } from './next-occurrence';
import type { SeriesRow } from './series.repository';

/** The stored rule (already validated and anchored when it was set). */
export function ruleOf(series: Pick<SeriesRow, 'rule'>): ParsedRule {
  const parsed = parseRecurrenceRule(series.rule);
  if (typeof parsed === 'string') throw new Error(`stored rule is invalid: ${parsed}`);
  return parsed;
}

/**
 * Where an `every!` series stands after its latest date: the next date and the instant it is made
 * (the series' time of day in its zone, so 09:00 stays 09:00 across a DST change). An `every`
 * series has no schedule: its next date follows from the day the current task is done.
 */
export function scheduleAfter(
  series: Pick<SeriesRow, 'rule' | 'mode' | 'time' | 'timeZone' | 'startDate'>,
  latest: string,
): { nextOn: string | null; nextAt: Date | null } {
  if (series.mode !== 'every!') return { nextOn: null, nextAt: null };
  const nextOn = nextOccurrenceAfter(ruleOf(series), series.startDate, latest);
  return { nextOn, nextAt: instantOfLocalTime(nextOn, series.time, series.timeZone) };
}
