import { randomUUID } from 'node:crypto';
import type { Task, TaskCreate } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import { notifiesOnTaskChange, stageTaskChangeNotifications } from '../notifications/stage-notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { recordIdempotentWrite } from '../platform/idempotent-writes';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
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

/** Writes a draft in the caller's transaction: the row, its event, its notifications and analytics. */
export async function writeCreatedTask(tx: DbOrTx, ctx: WorkspaceCtx, draft: NewTask): Promise<Task> {
  const task = await writeNewTask(tx, ctx, draft);
  if (!task) throw notFound('Project');
  await stageTaskChangeNotifications(tx, createdChange(ctx, draft), NOTHING_BEFORE, draft);
  await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: draft.projectId }, [
    draft.sprintId,
  ]);
  return task;
}

const NOTHING_BEFORE = { assigneeIds: [], description: null };
const createdChange = (ctx: WorkspaceCtx, draft: NewTask) => ({
  workspaceId: ctx.workspaceId,
  taskId: draft.id,
  actorId: ctx.actor.id,
});

/** Creates a task at the bottom of its column, numbered within its project (TF-42), with its activity and event. */
export async function createTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: TaskCreate,
): Promise<Task> {
  const draft = draftTask(ctx, projectId, input);
  await assertReferences(deps.db, { workspaceId: ctx.workspaceId, projectId }, draft);
  // Most creates write only the task and its event: that is one statement, committed on its own
  // (no BEGIN and COMMIT round trips, the project row locked for that one statement). Anything
  // more (notifications, sprint analytics, the idempotency record) needs the transaction.
  const alone =
    !ctx.idempotency &&
    !draft.sprintId &&
    !notifiesOnTaskChange(createdChange(ctx, draft), NOTHING_BEFORE, draft);
  if (alone) {
    const task = await writeNewTask(deps.db, ctx, draft, deps.outboxRelay);
    if (!task) throw notFound('Project');
    return task;
  }
  return deps.db.transaction(async (tx) => {
    const task = await writeCreatedTask(tx, ctx, draft);
    await recordIdempotentWrite(tx, ctx, task.id);
    return task;
  });
}
