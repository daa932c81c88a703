import type { DbOrTx } from '@teamflow/db/client';
import { burndownJob, velocityJob } from '@teamflow/queue/jobs';
import { stageJobOnce } from '../jobs/job-outbox.repository';

/**
 * Asks the analytics worker to recompute the burndown of these sprints and the project's
 * velocity, in the caller's transaction (so only committed changes trigger it). Repeated changes
 * before the relay runs collapse into one job each.
 */
export async function stageSprintAnalytics(
  db: DbOrTx,
  scope: { workspaceId: string; projectId: string },
  sprintIds: (string | null | undefined)[],
): Promise<void> {
  const ids = [...new Set(sprintIds.filter((id): id is string => Boolean(id)))];
  if (!ids.length) return;
  for (const sprintId of ids) {
    await stageJobOnce(db, burndownJob, { workspaceId: scope.workspaceId, sprintId });
  }
  await stageJobOnce(db, velocityJob, { workspaceId: scope.workspaceId, projectId: scope.projectId });
}
