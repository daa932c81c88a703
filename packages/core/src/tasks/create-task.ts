import { randomUUID } from 'node:crypto';
import type { Task, TaskCreate } from '@teamflow/contracts/tasks';
import { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { taskChangeDispatches } from '../notifications/stage-notifications';
import { nextTaskNumber } from '../projects/projects.repository';
import { POSITION_GAP } from './positions';
import { assertReferences, unique } from './task-references';
import { toTask } from './task.mapper';
import { insertTaskWithEvent, type NewTask } from './task-creation.repository';
import { findTaskRecord } from './tasks.repository';

/** Creates a task at the bottom of its column, numbered within its project (TF-42), with its activity and event. */
export async function createTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: TaskCreate,
): Promise<Task> {
  const assigneeIds = unique(input.assigneeIds) ?? [];
  const labelIds = unique(input.labelIds) ?? [];
  await assertReferences(
    deps.db,
    { workspaceId: ctx.workspaceId, projectId },
    { ...input, assigneeIds, labelIds },
  );
  const at = new Date();
  const task: NewTask = {
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
    assigneeIds,
    labelIds,
  };
  // The event carries the task as the api returns it; number, key and position are set by the database.
  const draft = toTask({
    ...task,
    number: 0,
    position: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    projectKey: '',
  });
  const event = {
    type: 'TASK_CREATED',
    workspaceId: ctx.workspaceId,
    entityId: task.id,
    data: draft,
    actor: { id: ctx.actor.id, name: ctx.actor.name },
    version: 1,
    at: at.toISOString(),
  };
  // Numbering is its own short statement: the project row is locked for microseconds, not for the
  // whole insert, so creates in one project run side by side. A create that then fails leaves a
  // gap in the numbers (as in most trackers); numbers stay unique and increasing.
  const jobs = taskChangeDispatches(
    { workspaceId: ctx.workspaceId, taskId: task.id, actorId: ctx.actor.id },
    { assigneeIds: [], description: null },
    task,
  ).map((payload) => ({
    queue: dispatchNotificationsJob.queue,
    name: dispatchNotificationsJob.name,
    payload,
  }));
  const numbered = await nextTaskNumber(deps.db, projectId);
  if (!numbered) throw notFound('Project');
  const row = await insertTaskWithEvent(deps.db, task, numbered, ctx.actor, event, POSITION_GAP, jobs);
  if (!row) throw notFound('Project');
  // After the insert (its own statement): if this is lost, the analytics endpoints still
  // recompute on read, because the snapshot no longer matches its inputs.
  await stageSprintAnalytics(deps.db, { workspaceId: ctx.workspaceId, projectId }, [task.sprintId]);
  return toTask({ ...row, assigneeIds, labelIds });
}

export async function getTask(deps: CoreDeps, _ctx: WorkspaceCtx, taskId: string): Promise<Task> {
  const row = await findTaskRecord(deps.db, taskId);
  if (!row) throw notFound('Task');
  return toTask(row);
}
