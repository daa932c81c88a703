import type { TaskFieldsChanged } from '@teamflow/contracts/activity';
import type { Task, TaskUpdate } from '@teamflow/contracts/tasks';
import { emitEvent } from '../events/emit-event';
import { taskChange } from './task-event';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import { recordSprintMove } from '../sprints/sprint-membership';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { stageRecurrenceOnDone } from '../recurrence/stage-recurrence';
import { completedAtAfter } from './completion';
import { stageTaskChangeNotifications } from '../notifications/stage-notifications';
import { staleTask } from './stale-task';
import { assertReferences, unique } from './task-references';
import { toTask } from './task.mapper';
import {
  findTaskRecord,
  replaceAssignees,
  replaceLabels,
  updateTaskIfVersion,
  type TaskRecord,
} from './tasks.repository';

function diff(before: TaskRecord, after: Task): TaskFieldsChanged {
  const out: Partial<Record<keyof TaskFieldsChanged, { from: unknown; to: unknown }>> = {};
  for (const key of [
    'title',
    'description',
    'status',
    'priority',
    'storyPoints',
    'dueDate',
    'parentId',
    'sprintId',
  ] as const) {
    if (before[key] !== after[key]) out[key] = { from: before[key], to: after[key] };
  }
  for (const key of ['assigneeIds', 'labelIds'] as const) {
    if ([...before[key]].sort().join() !== [...after[key]].sort().join())
      out[key] = { from: before[key], to: after[key] };
  }
  // Each key is a Task field, from and to that field's values: the activity's shape for it.
  return out as TaskFieldsChanged;
}

export async function updateTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  input: TaskUpdate,
): Promise<Task> {
  return deps.db.transaction(async (tx) => {
    const before = await findTaskRecord(tx, taskId);
    if (!before) throw notFound('Task');
    if (before.version !== input.version) return staleTask(tx, taskId);
    const assigneeIds = unique(input.assigneeIds);
    const labelIds = unique(input.labelIds);
    await assertReferences(
      tx,
      { workspaceId: ctx.workspaceId, projectId: before.projectId, taskId, currentSprintId: before.sprintId },
      { assigneeIds, labelIds, parentId: input.parentId, sprintId: input.sprintId },
    );
    const statusChanged = input.status !== undefined && input.status !== before.status;
    const at = new Date();
    const row = await updateTaskIfVersion(tx, taskId, input.version, {
      title: input.title,
      description: input.description == null ? input.description : sanitizeMarkdown(input.description),
      status: input.status,
      priority: input.priority,
      storyPoints: input.storyPoints,
      dueDate: input.dueDate,
      parentId: input.parentId,
      sprintId: input.sprintId,
      ...(statusChanged ? { completedAt: completedAtAfter(before, input.status!, at) } : {}),
    });
    if (!row) return staleTask(tx, taskId);
    const sprintChanged = input.sprintId !== undefined && input.sprintId !== before.sprintId;
    if (sprintChanged) {
      await recordSprintMove(tx, {
        workspaceId: ctx.workspaceId,
        taskId,
        from: before.sprintId,
        to: input.sprintId ?? null,
        at,
        by: ctx.actor.id,
      });
    }
    const pointsChanged = input.storyPoints !== undefined && input.storyPoints !== before.storyPoints;
    if (sprintChanged || statusChanged || pointsChanged) {
      await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: before.projectId }, [
        before.sprintId,
        row.sprintId,
      ]);
    }
    if (assigneeIds) await replaceAssignees(tx, taskId, assigneeIds);
    if (labelIds) await replaceLabels(tx, taskId, labelIds);
    const task = toTask({
      ...row,
      projectKey: before.projectKey,
      assigneeIds: assigneeIds ?? before.assigneeIds,
      labelIds: labelIds ?? before.labelIds,
    });
    if (statusChanged) await stageRecurrenceOnDone(tx, task);
    await emitEvent(tx, 'TASK_UPDATED', task, taskChange(ctx, task, 'updated', diff(before, task)));
    await stageTaskChangeNotifications(
      tx,
      { workspaceId: ctx.workspaceId, taskId, actorId: ctx.actor.id },
      before,
      task,
    );
    return task;
  });
}
