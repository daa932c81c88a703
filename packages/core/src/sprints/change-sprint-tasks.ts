import type { Sprint, SprintTasksChange } from '@teamflow/contracts/sprints';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { findTaskRecord, type TaskRecord } from '../tasks/tasks.repository';
import { recordSprintChange } from './sprint-events';
import { moveTaskToSprint } from './sprint-membership';
import { lockSprint, touchSprint } from './sprints.repository';

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
