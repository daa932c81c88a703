import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { deleteDependency } from './dependencies.repository';
import { taskChange } from './task-event';
import { findTaskBrief } from './tasks.repository';

export async function removeDependency(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  dependsOnTaskId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await deleteDependency(tx, taskId, dependsOnTaskId))) throw notFound('Dependency');
    const source = await findTaskBrief(tx, taskId);
    if (!source) throw notFound('Task');
    await emitEvent(
      tx,
      'TASK_DEPENDENCY_REMOVED',
      { taskId, dependsOnTaskId, projectId: source.projectId },
      taskChange(ctx, { id: taskId, projectId: source.projectId }, 'dependency_removed', { dependsOnTaskId }),
    );
  });
}
