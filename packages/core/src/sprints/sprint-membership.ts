import type { Sprint, SprintTasksChange } from '@teamflow/contracts/sprints';
import type { Task } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import { taskChange } from '../tasks/task-event';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { toTask } from '../tasks/task.mapper';
import { findTaskRecord, type TaskRecord } from '../tasks/tasks.repository';
import { recordSprintChange } from './sprint-events';
import { closeStint, lockSprint, openStint, setTaskSprint, touchSprint } from './sprints.repository';

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

/**
 * Adds tasks to a sprint (a task in another sprint moves from there) or removes them to the
 * backlog, all in one transaction. Only tasks of the sprint's project; a completed sprint is
 * history and cannot change (409).
 */
export async function changeSprintTasks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  sprintId: string,
  input: SprintTasksChange,
  op: 'add' | 'remove',
): Promise<Sprint> {
  return deps.db.transaction(async (tx) => {
    const sprint = await lockSprint(tx, sprintId);
    if (!sprint) throw notFound('Sprint');
    if (sprint.state === 'completed') throw conflict('A completed sprint cannot change its tasks');
    const at = new Date();
    const touched = new Set<string>();
    const ids = [...new Set(input.taskIds)];
    const records: TaskRecord[] = [];
    for (const [i, id] of ids.entries()) {
      const record = await findTaskRecord(tx, id);
      if (!record || record.projectId !== sprint.projectId) {
        throw invalid([{ field: `taskIds.${i}`, message: 'Must be a task of the sprint’s project' }]);
      }
      records.push(record);
    }
    for (const record of records) {
      const to = op === 'add' ? sprintId : null;
      if (op === 'remove' && record.sprintId !== sprintId) continue;
      if (record.sprintId === to) continue;
      if (record.sprintId) touched.add(record.sprintId);
      touched.add(sprintId);
      await moveTaskToSprint(tx, ctx, record, to, at);
    }
    for (const id of touched) {
      await touchSprint(tx, id);
      if (id !== sprintId) await recordSprintChange(tx, ctx, id, 'tasks_removed', {});
    }
    await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: sprint.projectId }, [
      ...touched,
    ]);
    return recordSprintChange(tx, ctx, sprintId, op === 'add' ? 'tasks_added' : 'tasks_removed', {
      taskIds: ids,
    });
  });
}
