import { randomUUID } from 'node:crypto';
import type { Task, TaskCreate } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import { stageTaskChangeNotifications } from '../notifications/stage-notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { recordIdempotentWrite } from '../platform/idempotent-writes';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { nextTaskNumber } from '../projects/projects.repository';
import type { NewTask } from './task-creation.repository';
import { assertReferences, unique } from './task-references';
import { writeNewTask } from './write-new-task';

/** The row a create will write: ids de-duplicated, description sanitised; nothing checked or written yet. */
export function draftTask(ctx: WorkspaceCtx, projectId: string, input: TaskCreate, at = new Date()): NewTask {
  return {
    id: randomUUID(),
    workspaceId: ctx.workspaceId,
    projectId,
    title: input.title,
    description: input.description === undefined ? null : sanitizeMarkdown(input.description),
    status: input.status,
    priority: input.priority,
    storyPoints: input.storyPoints ?? null,
    dueDate: input.dueDate ?? null,
    parentId: input.parentId ?? null,
    sprintId: input.sprintId ?? null,
    createdBy: ctx.actor.id,
    completedAt: input.status === 'done' ? at : null,
    at,
    assigneeIds: unique(input.assigneeIds) ?? [],
    labelIds: unique(input.labelIds) ?? [],
  };
}

/** Writes a numbered draft in the caller's transaction: the row, its event, its notifications and analytics. */
export async function writeCreatedTask(
  tx: DbOrTx,
  ctx: WorkspaceCtx,
  draft: NewTask,
  numbered: { number: number; key: string },
): Promise<Task> {
  const task = await writeNewTask(tx, ctx, draft, numbered);
  await stageTaskChangeNotifications(
    tx,
    { workspaceId: ctx.workspaceId, taskId: task.id, actorId: ctx.actor.id },
    { assigneeIds: [], description: null },
    draft,
  );
  await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: draft.projectId }, [
    draft.sprintId,
  ]);
  return task;
}

/** Creates a task at the bottom of its column, numbered within its project (TF-42), with its activity and event. */
export async function createTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: TaskCreate,
): Promise<Task> {
  const draft = draftTask(ctx, projectId, input);
  await assertReferences(deps.db, { workspaceId: ctx.workspaceId, projectId }, draft);
  // Numbering is its own short statement: the project row is locked for microseconds, not for the
  // whole create, so creates in one project run side by side. A create that then fails leaves a
  // gap in the numbers (as in most trackers); numbers stay unique and increasing.
  const numbered = await nextTaskNumber(deps.db, projectId);
  if (!numbered) throw notFound('Project');
  return deps.db.transaction(async (tx) => {
    const task = await writeCreatedTask(tx, ctx, draft, numbered);
    await recordIdempotentWrite(tx, ctx, task.id);
    return task;
  });
}
