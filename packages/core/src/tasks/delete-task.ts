import { emitEvent } from '../events/emit-event';
import { taskChange } from './task-event';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { assertMayDeleteTask } from './tasks.policy';
import { findTaskRecord, softDeleteTask } from './tasks.repository';

/** Soft delete, so an undo can bring the task back with its comments and history. */
export async function deleteTask(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const task = await findTaskRecord(tx, taskId);
    if (!task) throw notFound('Task');
    assertMayDeleteTask(ctx, task.createdBy);
    const row = await softDeleteTask(tx, taskId);
    if (!row) throw notFound('Task');
    await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: task.projectId }, [
      task.sprintId,
    ]);
    await emitEvent(
      tx,
      'TASK_DELETED',
      { id: taskId, projectId: task.projectId },
      taskChange(ctx, { id: taskId, projectId: task.projectId, version: row.version }, 'deleted', {
        title: task.title,
      }),
    );
  });
}
