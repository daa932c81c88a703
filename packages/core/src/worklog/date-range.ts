import type { WorklogRangeQuery } from '@teamflow/contracts/worklog';
import { invalid } from '../platform/errors';
import { shiftDate, todayIn } from '../platform/local-dates';

// A range longer than this is refused (a year and a bit: insights over a year are the goal).
const MAX_DAYS = 400;

/** The range asked for, in the author's zone: defaults to the 30 days ending today. */
export function resolveRange(query: WorklogRangeQuery, timeZone: string): { from: string; to: string } {
  const to = query.to ?? todayIn(timeZone);
  const from = query.from ?? shiftDate(to, -29);
  if (from > to) throw invalid([{ field: 'from', message: '`from` must not be after `to`' }]);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_DAYS) throw invalid([{ field: 'from', message: `A range is at most ${MAX_DAYS} days` }]);
  return { from, to };
}
