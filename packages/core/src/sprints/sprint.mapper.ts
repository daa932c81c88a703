import type { Sprint } from '@teamflow/contracts/sprints';
import type { SprintRecord } from './sprints.repository';

export function toSprint(row: SprintRecord): Sprint {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    name: row.name,
    goal: row.goal,
    state: row.state,
    startDate: row.startDate,
    endDate: row.endDate,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    taskCount: Number(row.taskCount),
    totalPoints: Number(row.totalPoints),
    donePoints: Number(row.donePoints),
  };
}
