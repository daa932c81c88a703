import type { DbOrTx } from '@teamflow/db/client';
import { instantOfLocalTime } from '../platform/local-dates';
import { lockActiveSeriesOfProject, updateSeries } from './series.repository';

/**
 * When a project's zone changes, its active series follow: each keeps its next date and time of
 * day, now read in the new zone (09:00 stays 09:00 where the project is). Past occurrences stay.
 */
export async function rezoneProjectSeries(tx: DbOrTx, projectId: string, timeZone: string): Promise<void> {
  for (const series of await lockActiveSeriesOfProject(tx, projectId)) {
    if (series.timeZone === timeZone) continue;
    await updateSeries(tx, series.id, {
      timeZone,
      nextAt: series.nextOn ? instantOfLocalTime(series.nextOn, series.time, timeZone) : null,
    });
  }
}
