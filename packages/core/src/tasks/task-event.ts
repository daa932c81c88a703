import type { ActivityAction, ActivityChanges } from '@teamflow/contracts/activity';
import type { Task } from '@teamflow/contracts/tasks';
import { activity, type EventMeta } from '../events/emit-event';
import type { Actor, WorkspaceCtx } from '../platform/context';

/** Who changed a task: a member, or nobody (an integration acting on its own, such as GitHub). */
export type TaskChangeScope = Pick<WorkspaceCtx, 'workspaceId'> & { actor: Actor | null };

/** Where a task change is heard and filed: its workspace, project and task, at the task's new version. */
export function taskChange<A extends ActivityAction<'task'>>(
  ctx: TaskChangeScope,
  task: Pick<Task, 'id' | 'projectId'> & { version?: number },
  action: A,
  changes: ActivityChanges<'task', A>,
): EventMeta {
  return {
    workspaceId: ctx.workspaceId,
    entityId: task.id,
    actor: ctx.actor,
    version: task.version,
    projectId: task.projectId,
    taskId: task.id,
    activity: activity('task', action, changes),
  };
}
