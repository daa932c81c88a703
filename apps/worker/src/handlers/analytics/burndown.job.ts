import type { Database } from '@teamflow/db/client';
import { refreshBurndown } from '@teamflow/core/analytics/refresh-burndown';
import { claimStagedJob } from '@teamflow/core/jobs/staged-job-outcome';
import { burndownJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * Recomputes a sprint's burndown and replaces its snapshot, claiming its staged job in the same
 * transaction (a job that already ran computes nothing again).
 */
export const burndownHandler = (db: Database) =>
  register(burndownJob, async (payload, { job, log }) => {
    const burndown = await db.transaction(async (tx) =>
      (await claimStagedJob(tx, job.id)) ? refreshBurndown(tx, payload.sprintId, { force: true }) : undefined,
    );
    if (!burndown) return { skipped: 'already ran' };
    log.info('burndown snapshot written', { sprintId: payload.sprintId, days: burndown.days.length });
    return { days: burndown.days.length, committedPoints: burndown.committedPoints };
  });
