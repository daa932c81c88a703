import { reconcileStagedJobs } from '@teamflow/core/jobs/job-reconciler';
import type { JobCatalogue } from '@teamflow/core/jobs/job-relay';
import type { Database } from '@teamflow/db/client';
import type { Queues } from '@teamflow/queue/producer';
import { reconcileJobsJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/**
 * maintenance/reconcile-jobs (its scheduler fires once a minute, whichever worker takes it): re-adds
 * staged jobs BullMQ lost without a restart. Rows enqueued in the last `reconcileAfterMs` are left
 * alone (their add may be in flight). The worker process registers it (it needs the process's
 * queues); what a restart or failover lost, the supervisor restores at once instead.
 */
export const reconcileJobsHandler = (deps: {
  db: Database;
  queues: Queues;
  jobs?: JobCatalogue;
  reconcileAfterMs: number;
}): Registration =>
  register(reconcileJobsJob, async (_payload, { log }) =>
    reconcileStagedJobs({ db: deps.db, logger: log }, deps.queues, {
      enqueuedBefore: new Date(Date.now() - deps.reconcileAfterMs),
      jobs: deps.jobs,
    }),
  );
