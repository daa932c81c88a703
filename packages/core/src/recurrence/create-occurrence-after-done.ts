import type { Task } from '@teamflow/contracts/tasks';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import { localDateOf } from '../platform/local-dates';
import { findTaskRecord } from '../tasks/tasks.repository';
import { nextOccurrenceAfter } from './next-occurrence';
import { latestOccurrenceDate, lockSeries } from './series.repository';
import { ruleOf } from './series-schedule';
import { writeOccurrence } from './write-occurrence';

/**
 * `every`: the current task was done, so the next one is made, dated by the rule from the day it
 * was done in the series' zone (never before a date the series already has, made or skipped).
 * Run by the `maintenance/recurrence-next` job; a repeat, a second worker or a task reopened
 * before the job ran changes nothing; with the BullMQ job, its staged job is claimed first in the
 * transaction, so a job that already ran makes nothing.
 */
export async function createOccurrenceAfterDone(
  deps: Pick<CoreDeps, 'db' | 'logger'>,
  input: { seriesId: string; taskId: string },
  job: { id?: string } = {},
): Promise<Task | null> {
  return deps.db.transaction(async (tx) => {
    if (!(await claimStagedJob(tx, job.id))) return null;
    const series = await lockSeries(tx, input.seriesId);
    if (!series || series.state !== 'active' || series.mode !== 'every') return null;
    if (series.currentTaskId !== input.taskId) return null;
    const task = await findTaskRecord(tx, input.taskId);
    if (!task || task.status !== 'done') return null;
    const doneOn = localDateOf(task.completedAt ?? new Date(), series.timeZone);
    const latest = (await latestOccurrenceDate(tx, series.id)) ?? series.startDate;
    const base = latest > doneOn ? latest : doneOn;
    return writeOccurrence(tx, deps, series, nextOccurrenceAfter(ruleOf(series), base, base));
  });
}
