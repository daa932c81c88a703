import type { CoreDeps } from '../platform/context';
import { dueSeriesIds, lockSeries, updateSeries } from './series.repository';
import { scheduleAfter } from './series-schedule';
import { writeOccurrence } from './write-occurrence';

/**
 * `every!`: makes each active series' occurrence whose time has come (one per series per pass;
 * the minute scheduler catches up after an outage one date a minute). Each series is its own
 * transaction on its locked row, so two passes at once make each task once.
 */
export async function createDueOccurrences(
  deps: Pick<CoreDeps, 'db' | 'logger'>,
  options: { now?: Date; limit?: number } = {},
): Promise<{ due: number; created: number }> {
  const now = options.now ?? new Date();
  const ids = await dueSeriesIds(deps.db, now, options.limit ?? 200);
  let created = 0;
  for (const id of ids) {
    const task = await deps.db.transaction(async (tx) => {
      const series = await lockSeries(tx, id);
      if (!series || series.state !== 'active' || series.mode !== 'every!') return null;
      if (!series.nextOn || !series.nextAt || series.nextAt > now) return null;
      const made = await writeOccurrence(tx, deps, series, series.nextOn);
      // Claimed already (skipped, or made by another pass): just move the schedule on.
      if (!made && (await lockSeries(tx, id))?.state === 'active') {
        await updateSeries(tx, id, scheduleAfter(series, series.nextOn));
      }
      return made;
    });
    if (task) created++;
  }
  return { due: ids.length, created };
}
