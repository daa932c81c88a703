import type { Task, TaskCreate } from '@teamflow/contracts/tasks';
import { recordChange } from '../activity/activity.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { nextTaskNumber } from '../projects/projects.repository';
import { POSITION_GAP } from './positions';
import { assertReferences, unique } from './task-references';
import { toTask } from './task.mapper';
import {
  findTaskRecord,
  insertTask,
  lastPositionInColumn,
  replaceAssignees,
  replaceLabels,
} from './tasks.repository';

/** Creates a task at the bottom of its column, numbered within its project (TF-42). */
export async function createTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: TaskCreate,
): Promise<Task> {
  const assigneeIds = unique(input.assigneeIds) ?? [];
  const labelIds = unique(input.labelIds) ?? [];
  return deps.db.transaction(async (tx) => {
    await assertReferences(
      tx,
      { workspaceId: ctx.workspaceId, projectId },
      { ...input, assigneeIds, labelIds },
    );
    const numbered = await nextTaskNumber(tx, projectId);
    if (!numbered) throw notFound('Project');
    const last = await lastPositionInColumn(tx, projectId, input.status);
    const row = await insertTask(tx, {
      workspaceId: ctx.workspaceId,
      projectId,
      number: numbered.number,
      title: input.title,
      description: input.description === undefined ? null : sanitizeMarkdown(input.description),
      status: input.status,
      priority: input.priority,
      storyPoints: input.storyPoints ?? null,
      dueDate: input.dueDate ?? null,
      position: (last ?? 0) + POSITION_GAP,
      parentId: input.parentId ?? null,
      createdBy: ctx.actor.id,
      completedAt: input.status === 'done' ? new Date() : null,
    });
    await replaceAssignees(tx, row.id, assigneeIds);
    await replaceLabels(tx, row.id, labelIds);
    const task = toTask({ ...row, projectKey: numbered.key, assigneeIds, labelIds });
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      projectId,
      taskId: row.id,
      entityType: 'task',
      entityId: row.id,
      action: 'created',
      changes: { title: task.title, status: task.status },
      actor: ctx.actor,
      event: { type: 'TASK_CREATED', data: task, version: task.version },
    });
    return task;
  });
}

export async function getTask(deps: CoreDeps, _ctx: WorkspaceCtx, taskId: string): Promise<Task> {
  const row = await findTaskRecord(deps.db, taskId);
  if (!row) throw notFound('Task');
  return toTask(row);
}
