import type { Task } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import { taskChange } from '../tasks/task-event';
import type { WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toTask } from '../tasks/task.mapper';
import type { TaskRecord } from '../tasks/tasks.repository';
import { closeStint, openStint, setTaskSprint } from './sprints.repository';

/** Writes the membership history of a task changing sprint: the old stint ends, a new one begins. */
export async function recordSprintMove(
  db: DbOrTx,
  move: { workspaceId: string; taskId: string; from: string | null; to: string | null; at: Date; by: string },
): Promise<void> {
  if (move.from === move.to) return;
  if (move.from) await closeStint(db, move.from, move.taskId, move.at, move.by);
  if (move.to)
    await openStint(db, {
      workspaceId: move.workspaceId,
      sprintId: move.to,
      taskId: move.taskId,
      at: move.at,
      by: move.by,
    });
}

/** Moves one task into `to` (or the backlog): history, the task's sprint and version, its event. */
export async function moveTaskToSprint(
  tx: DbOrTx,
  ctx: WorkspaceCtx,
  before: TaskRecord,
  to: string | null,
  at: Date,
): Promise<Task> {
  await recordSprintMove(tx, {
    workspaceId: ctx.workspaceId,
    taskId: before.id,
    from: before.sprintId,
    to,
    at,
    by: ctx.actor.id,
  });
  const row = await setTaskSprint(tx, before.id, to);
  if (!row) throw notFound('Task');
  const task = toTask({
    ...row,
    projectKey: before.projectKey,
    assigneeIds: before.assigneeIds,
    labelIds: before.labelIds,
  });
  await emitEvent(
    tx,
    'TASK_UPDATED',
    task,
    taskChange(ctx, task, 'updated', { sprintId: { from: before.sprintId, to } }),
  );
  return task;
}
