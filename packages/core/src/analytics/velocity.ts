import type { VelocitySprint } from '@teamflow/contracts/sprints';
import { scopeAt, startInstant, type SprintTimes, type Stint } from './burndown';

/** Committed (scope when the sprint started) against completed (done by the time it completed). */
export function velocityOf(sprint: SprintTimes & { name: string }, stints: Stint[]): VelocitySprint {
  const completedAt = sprint.completedAt ?? new Date();
  const start = startInstant(sprint) ?? completedAt;
  const committed = scopeAt(stints, start);
  const done = scopeAt(stints, completedAt).done;
  return {
    sprintId: sprint.id,
    name: sprint.name,
    completedAt: completedAt.toISOString(),
    committedPoints: committed.points,
    committedTasks: committed.tasks,
    completedPoints: done.reduce((t, s) => t + s.points, 0),
    completedTasks: done.length,
  };
}

export const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : 0;
