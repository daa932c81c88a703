import type { Database } from '@teamflow/db/client';
import { refreshVelocity } from '@teamflow/core/analytics/refresh-velocity';
import { claimStagedJob } from '@teamflow/core/jobs/staged-job-outcome';
import { velocityJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * Recomputes a project's velocity and replaces its snapshot, claiming its staged job in the same
 * transaction (a job that already ran computes nothing again).
 */
export const velocityHandler = (db: Database) =>
  register(velocityJob, async (payload, { job, log }) => {
    const velocity = await db.transaction(async (tx) =>
      (await claimStagedJob(tx, job.id))
        ? refreshVelocity(tx, payload.workspaceId, payload.projectId, { force: true })
        : undefined,
    );
    if (!velocity) return { skipped: 'already ran' };
    log.info('velocity snapshot written', { projectId: payload.projectId, sprints: velocity.sprints.length });
    return { sprints: velocity.sprints.length, average: velocity.averageCompletedPoints };
  });
