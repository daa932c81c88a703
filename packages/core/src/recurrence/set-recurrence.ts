import {
  formatRecurrenceRule,
  parseRecurrenceRule,
  type RecurrenceSet,
  type TaskSeries,
} from '@teamflow/contracts/recurrence';
import type { SeriesBlueprint } from '@teamflow/db/schema/index';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import { projectTimeZone } from '../projects/projects.repository';
import { todayIn } from '../platform/local-dates';
import { findTaskRecord, type TaskRecord } from '../tasks/tasks.repository';
import { anchorRule } from './next-occurrence';
import {
  claimOccurrence,
  insertSeries,
  latestOccurrenceDate,
  listOccurrences,
  lockSeriesOfTask,
  updateSeries,
} from './series.repository';
import { toSeries } from './series.mapper';
import { scheduleAfter } from './series-schedule';

const blueprintOf = (task: TaskRecord): SeriesBlueprint => ({
  title: task.title,
  description: task.description,
  priority: task.priority,
  storyPoints: task.storyPoints,
  assigneeIds: task.assigneeIds,
  labelIds: task.labelIds,
});

/**
 * Makes a task recurring, or changes (and restarts) the rule of the series it belongs to. The
 * task is the series' first occurrence, on `startDate` (default its due date, else today in the
 * project's zone); later ones copy it as it is now. The series runs in the project's zone (its own,
 * else the workspace's), taken when the rule is set.
 */
export async function setRecurrence(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  input: RecurrenceSet,
): Promise<TaskSeries> {
  const parsed = parseRecurrenceRule(input.rule);
  if (typeof parsed === 'string') throw invalid([{ field: 'rule', message: parsed }]);
  return deps.db.transaction(async (tx) => {
    const task = await findTaskRecord(tx, taskId);
    if (!task) throw notFound('Task');
    const existing = await lockSeriesOfTask(tx, taskId);
    const timeZone = (await projectTimeZone(tx, task.projectId)) ?? ctx.timeZone;
    const startDate = input.startDate ?? existing?.startDate ?? task.dueDate ?? todayIn(timeZone);
    const fields = {
      rule: formatRecurrenceRule(anchorRule(parsed, startDate)),
      mode: input.mode,
      time: input.time,
      timeZone,
      startDate,
      blueprint: blueprintOf(task),
    };
    let series;
    if (existing) {
      const latest = (await latestOccurrenceDate(tx, existing.id)) ?? startDate;
      series = await updateSeries(tx, existing.id, {
        ...fields,
        state: 'active',
        ...scheduleAfter(fields, latest < startDate ? startDate : latest),
      });
    } else {
      series = await insertSeries(tx, {
        ...fields,
        workspaceId: ctx.workspaceId,
        projectId: task.projectId,
        currentTaskId: taskId,
        createdBy: ctx.actor.id,
        ...scheduleAfter(fields, startDate),
      });
      await claimOccurrence(tx, {
        workspaceId: ctx.workspaceId,
        seriesId: series.id,
        occursOn: startDate,
        taskId,
        skipped: false,
      });
    }
    return toSeries(series, await listOccurrences(tx, series.id));
  });
}
