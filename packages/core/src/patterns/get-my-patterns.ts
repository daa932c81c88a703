import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { localPatternsSummary } from '@teamflow/ai/local/patterns.rules';
import type { MyPatterns, PatternsQuery } from '@teamflow/contracts/patterns';
import type { CoreDeps } from '../platform/context';
import { invalid } from '../platform/errors';
import { daysBetween, endOfLocalDay, shiftDate, startOfLocalDay, todayIn } from '../platform/local-dates';
import { patternFigures } from './pattern-figures';
import { blockedFiguresOf, listFinishedTasksOf, timeZoneOf } from './patterns.repository';

const MAX_DAYS = 366;

/**
 * "My patterns" for the caller, over their own assigned tasks and in their own zone. There is no
 * way to ask for someone else's: the user comes from the session and every query is fenced to
 * them. The summary is the local model's template sentences (no paid call on a page load).
 */
export async function getMyPatterns(
  deps: Pick<CoreDeps, 'db'>,
  userId: string,
  query: PatternsQuery,
): Promise<MyPatterns> {
  const timeZone = await timeZoneOf(deps.db, userId);
  const to = query.to ?? todayIn(timeZone);
  const from = query.from ?? shiftDate(to, -29);
  if (from > to) throw invalid([{ field: 'from', message: '`from` must not be after `to`' }]);
  if (daysBetween(from, to) >= MAX_DAYS)
    throw invalid([{ field: 'from', message: `A range is at most ${MAX_DAYS} days` }]);
  const start = startOfLocalDay(from, timeZone);
  const end = endOfLocalDay(to, timeZone);
  const figures = patternFigures(
    { from, to, timeZone },
    await listFinishedTasksOf(deps.db, userId, start, end),
    await blockedFiguresOf(deps.db, userId, start, end),
  );
  return {
    ...figures,
    summary: localPatternsSummary(figures),
    source: { provider: 'local', model: LOCAL_MODEL },
  };
}
