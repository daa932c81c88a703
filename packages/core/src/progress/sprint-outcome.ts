import type { SprintState } from '@teamflow/contracts/sprints';
import type { DbOrTx } from '@teamflow/db/client';
import { stintsOf } from '../analytics/analytics.repository';
import { scopeAt, startInstant } from '../analytics/burndown';

/** A sprint's commitment (scope when it started) and the tasks done in it by now (or by its completion). */
export async function sprintOutcome(
  tx: DbOrTx,
  sprint: {
    id: string;
    state: SprintState;
    startDate: string | null;
    endDate: string | null;
    startedAt: Date | string | null;
    completedAt: Date | string | null;
  },
  now: Date = new Date(),
): Promise<{ committedPoints: number; donePoints: number; doneTaskIds: string[] }> {
  const times = {
    ...sprint,
    startedAt: sprint.startedAt ? new Date(sprint.startedAt) : null,
    completedAt: sprint.completedAt ? new Date(sprint.completedAt) : null,
  };
  const stints = (await stintsOf(tx, [sprint.id])).get(sprint.id) ?? [];
  const end = times.completedAt ?? now;
  const committed = scopeAt(stints, startInstant(times) ?? end);
  const done = scopeAt(stints, end).done;
  return {
    committedPoints: committed.points,
    donePoints: done.reduce((total, s) => total + s.points, 0),
    doneTaskIds: done.map((s) => s.taskId),
  };
}
