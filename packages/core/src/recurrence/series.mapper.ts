import type { TaskSeries } from '@teamflow/contracts/recurrence';
import type { OccurrenceRow, SeriesRow } from './series.repository';

export function toSeries(row: SeriesRow, occurrences: OccurrenceRow[]): TaskSeries {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    rule: row.rule,
    mode: row.mode,
    time: row.time,
    timeZone: row.timeZone,
    startDate: row.startDate,
    state: row.state,
    currentTaskId: row.currentTaskId,
    nextOn: row.nextOn,
    nextAt: row.nextAt?.toISOString() ?? null,
    occurrences: occurrences.map((o) => ({ occursOn: o.occursOn, taskId: o.taskId, skipped: o.skipped })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
