import { randomUUID } from 'node:crypto';
import type { Task } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { stageTaskChangeNotifications } from '../notifications/stage-notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { labelIdsInWorkspace } from '../tasks/tasks.repository';
import { writeNewTask } from '../tasks/write-new-task';
import { memberIdsAmong } from '../workspaces/workspaces.repository';
import {
  claimOccurrence,
  type SeriesRow,
  setOccurrenceTask,
  updateSeries,
  userName,
} from './series.repository';
import { scheduleAfter } from './series-schedule';

/**
 * Makes the series' task for `occursOn` in the caller's transaction (which holds the series row),
 * then moves the series on. Null when the date was already claimed (made or skipped): that is the
 * second worker, the retry or the other trigger, and it changes nothing.
 */
export async function writeOccurrence(
  tx: DbOrTx,
  deps: Pick<CoreDeps, 'logger'>,
  series: SeriesRow,
  occursOn: string,
): Promise<Task | null> {
  const claimed = await claimOccurrence(tx, {
    workspaceId: series.workspaceId,
    seriesId: series.id,
    occursOn,
    taskId: null,
    skipped: false,
  });
  if (!claimed) return null;
  const authorId = series.createdBy;
  const authorName = authorId ? await userName(tx, authorId) : undefined;
  // The author left or the project is gone: the date stays claimed, the series stops.
  const stop = async () => {
    await updateSeries(tx, series.id, { state: 'stopped', nextOn: null, nextAt: null });
    return null;
  };
  if (!authorId || !authorName) return stop();
  const ctx: WorkspaceCtx = {
    actor: { id: authorId, name: authorName },
    requestId: `series-${series.id}`,
    logger: deps.logger,
    workspaceId: series.workspaceId,
    role: 'member',
    timeZone: series.timeZone,
  };
  // People and labels that left the workspace since the rule was set are dropped, not refused.
  const { blueprint } = series;
  const members = await memberIdsAmong(tx, series.workspaceId, blueprint.assigneeIds);
  const labels = await labelIdsInWorkspace(tx, series.workspaceId, blueprint.labelIds);
  const draft = {
    id: randomUUID(),
    workspaceId: series.workspaceId,
    projectId: series.projectId,
    title: blueprint.title,
    description: blueprint.description,
    status: 'todo' as const,
    priority: blueprint.priority,
    storyPoints: blueprint.storyPoints,
    dueDate: occursOn,
    parentId: null,
    sprintId: null,
    createdBy: authorId,
    completedAt: null,
    at: new Date(),
    assigneeIds: blueprint.assigneeIds.filter((id) => members.has(id)),
    labelIds: blueprint.labelIds.filter((id) => labels.has(id)),
  };
  const task = await writeNewTask(tx, ctx, draft);
  if (!task) return stop();
  await setOccurrenceTask(tx, claimed.id, task.id);
  await stageTaskChangeNotifications(
    tx,
    { workspaceId: series.workspaceId, taskId: task.id, actorId: authorId },
    { assigneeIds: [], description: null },
    draft,
  );
  await updateSeries(tx, series.id, { currentTaskId: task.id, ...scheduleAfter(series, occursOn) });
  return task;
}
