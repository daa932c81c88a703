import type { DbOrTx } from '@teamflow/db/client';
import { recurrenceNextJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import { findSeriesOfTask } from './series.repository';

/**
 * A task just reached done, in the caller's transaction: when it is the current task of an
 * active `every` series, the worker makes the next one (only if this change commits).
 */
export async function stageRecurrenceOnDone(tx: DbOrTx, task: { id: string; status: string }): Promise<void> {
  if (task.status !== 'done') return;
  const series = await findSeriesOfTask(tx, task.id);
  if (!series || series.state !== 'active' || series.mode !== 'every' || series.currentTaskId !== task.id)
    return;
  await stageJob(tx, recurrenceNextJob, { seriesId: series.id, taskId: task.id });
}
