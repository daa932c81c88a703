import type { TaskSeries } from '@teamflow/contracts/recurrence';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { todayIn } from '../platform/local-dates';
import { nextOccurrenceAfter } from './next-occurrence';
import {
  claimOccurrence,
  latestOccurrenceDate,
  listOccurrences,
  lockSeriesOfTask,
  updateSeries,
} from './series.repository';
import { toSeries } from './series.mapper';
import { ruleOf, scheduleAfter } from './series-schedule';

/**
 * Skips the series' next date: it is claimed with no task, so neither the scheduler (`every!`)
 * nor the next completion (`every`, which dates from the latest claimed date) makes it.
 */
export async function skipOccurrence(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<TaskSeries> {
  return deps.db.transaction(async (tx) => {
    const series = await lockSeriesOfTask(tx, taskId);
    if (!series) throw notFound('Series');
    if (series.state !== 'active') throw conflict('This series is stopped');
    const latest = (await latestOccurrenceDate(tx, series.id)) ?? series.startDate;
    const today = todayIn(series.timeZone);
    const base = latest > today ? latest : today;
    const skipped =
      series.mode === 'every!' && series.nextOn
        ? series.nextOn
        : nextOccurrenceAfter(ruleOf(series), base, base);
    await claimOccurrence(tx, {
      workspaceId: ctx.workspaceId,
      seriesId: series.id,
      occursOn: skipped,
      taskId: null,
      skipped: true,
    });
    const row = await updateSeries(tx, series.id, scheduleAfter(series, skipped));
    return toSeries(row, await listOccurrences(tx, series.id));
  });
}
