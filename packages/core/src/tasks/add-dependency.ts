import type { TaskDependencies } from '@teamflow/contracts/tasks';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { insertDependency, lockDependencyGraph, wouldCreateDependencyCycle } from './dependencies.repository';
import { listDependencies } from './list-dependencies';
import { taskChange } from './task-event';
import { findTaskBrief } from './tasks.repository';

/** `taskId` depends on `dependsOnTaskId`; an edge that would close a loop is a 409. */
export async function addDependency(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  dependsOnTaskId: string,
): Promise<TaskDependencies> {
  if (taskId === dependsOnTaskId)
    throw invalid([{ field: 'dependsOnTaskId', message: 'A task cannot depend on itself' }]);
  await deps.db.transaction(async (tx) => {
    await lockDependencyGraph(tx, ctx.workspaceId);
    const target = await findTaskBrief(tx, dependsOnTaskId);
    if (!target || target.workspaceId !== ctx.workspaceId) {
      throw invalid([{ field: 'dependsOnTaskId', message: 'Unknown task in this workspace' }]);
    }
    if (await wouldCreateDependencyCycle(tx, taskId, dependsOnTaskId)) {
      throw conflict('This dependency would create a cycle');
    }
    if (!(await insertDependency(tx, taskId, dependsOnTaskId, ctx.actor.id))) return;
    const source = await findTaskBrief(tx, taskId);
    if (!source) throw notFound('Task');
    await emitEvent(
      tx,
      'TASK_DEPENDENCY_ADDED',
      { taskId, dependsOnTaskId, projectId: source.projectId },
      taskChange(ctx, { id: taskId, projectId: source.projectId }, 'dependency_added', { dependsOnTaskId }),
    );
  });
  return listDependencies(deps, ctx, taskId);
}
