import type { Task } from '@teamflow/contracts/tasks';
import { emitEvent } from '../events/emit-event';
import { taskChange } from './task-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import { toTask } from './task.mapper';
import { addTaskLabel, findTaskRecord, labelIdsInWorkspace, removeTaskLabel } from './tasks.repository';

// Adding and removing a label differ only in the write and in how an unknown label is answered.
export async function changeTaskLabel(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  labelId: string,
  action: 'label_added' | 'label_removed',
): Promise<Task> {
  return deps.db.transaction(async (tx) => {
    const found = await labelIdsInWorkspace(tx, ctx.workspaceId, [labelId]);
    if (!found.has(labelId)) {
      if (action === 'label_removed') throw notFound('Label');
      throw invalid([{ field: 'labelId', message: 'Unknown label for this workspace' }]);
    }
    const changed =
      action === 'label_added'
        ? await addTaskLabel(tx, taskId, labelId)
        : await removeTaskLabel(tx, taskId, labelId);
    const record = await findTaskRecord(tx, taskId);
    if (!record) throw notFound('Task');
    const task = toTask(record);
    if (changed) {
      await emitEvent(tx, 'TASK_UPDATED', task, taskChange(ctx, task, action, { labelId }));
    }
    return task;
  });
}
