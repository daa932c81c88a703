import type { TaskSeries } from '@teamflow/contracts/recurrence';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { listOccurrences, lockSeriesOfTask, updateSeries } from './series.repository';
import { toSeries } from './series.mapper';

/** Stops the series: no further tasks; those already made stay. Setting a rule again restarts it. */
export async function stopRecurrence(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
): Promise<TaskSeries> {
  return deps.db.transaction(async (tx) => {
    const series = await lockSeriesOfTask(tx, taskId);
    if (!series) throw notFound('Series');
    const row = await updateSeries(tx, series.id, { state: 'stopped', nextOn: null, nextAt: null });
    return toSeries(row, await listOccurrences(tx, series.id));
  });
}
