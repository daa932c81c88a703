import type { TaskRecurrence } from '@teamflow/contracts/recurrence';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { findSeriesOfTask, listOccurrences } from './series.repository';
import { toSeries } from './series.mapper';

/** The series a task belongs to, with its latest dates (null when the task does not recur). */
export async function getRecurrence(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
): Promise<TaskRecurrence> {
  const series = await findSeriesOfTask(deps.db, taskId);
  if (!series) return { series: null };
  return { series: toSeries(series, await listOccurrences(deps.db, series.id)) };
}
