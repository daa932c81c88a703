import { JOBS } from '@teamflow/queue/jobs';
import { enqueue, type Queues } from '@teamflow/queue/producer';
import type { QueueName } from '@teamflow/queue/queues';
import type { Database } from '@teamflow/db/client';
import type { Logger } from '../platform/logger';
import { finishJob, lockUnfinishedJobs, markJobsRequeued } from './job-outbox.repository';
import { findJob, outboxJobId, stagedJobOptions, withTimeout, type JobCatalogue } from './job-relay';

export interface ReconcileResult {
  /** Re-added to BullMQ: enqueued, not finished, and BullMQ no longer had them. */
  requeued: number;
  /** Finished in BullMQ while their row never heard (completed → done, failed → failed). */
  settled: number;
  /** Still in BullMQ (waiting, delayed, active): left alone. */
  present: number;
}

/**
 * The other half of the job outbox: PostgreSQL keeps every enqueued job until the worker marks it
 * done, so what a Redis restarted empty (or a failover that lost acknowledged writes, or an
 * eviction) took away is found here and added again under the same job id `outbox-<id>`. Rows
 * enqueued at or after `enqueuedBefore` are skipped: their add may still be in flight.
 *
 * Handlers are idempotent and those that write to PostgreSQL claim their row in their own
 * transaction (`claimStagedJob`), so a job re-added while its first run was still finishing does
 * its work once. Rows are locked `skip locked`, so several workers reconcile side by side.
 */
export async function reconcileStagedJobs(
  deps: { db: Database; logger: Logger },
  queues: Queues,
  options: { enqueuedBefore: Date; batchSize?: number; jobs?: JobCatalogue; enqueueTimeoutMs?: number },
): Promise<ReconcileResult> {
  const jobs = options.jobs ?? JOBS;
  const batchSize = options.batchSize ?? 200;
  const total: ReconcileResult = { requeued: 0, settled: 0, present: 0 };
  // Batches in id order until one comes back short: each row is looked at once per call.
  let afterId = 0;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const rows = await lockUnfinishedJobs(tx, options.enqueuedBefore, afterId, batchSize);
      const requeued: number[] = [];
      for (const row of rows) {
        afterId = row.id;
        // A kind this build does not run (another version's) is left for a worker that does.
        const def = findJob(jobs, row.queue, row.name);
        if (!def) continue;
        if (!def.payload.safeParse(row.payload).success) {
          // Its schema changed since it was staged: it could never run; failed, and said so.
          deps.logger.error('staged job no longer fits its schema', {
            id: row.id,
            queue: row.queue,
            name: row.name,
          });
          await finishJob(tx, row.id, 'failed');
          total.settled++;
          continue;
        }
        const queue = queues[row.queue as QueueName];
        const timeoutMs = options.enqueueTimeoutMs ?? 5000;
        const job = await withTimeout(queue.getJob(outboxJobId(row.id)), timeoutMs);
        let state = job ? await withTimeout(job.getState(), timeoutMs) : 'unknown';
        // A job under this id that was not added for this row (its stamp is another time): left in
        // Redis by the database before a restore or a re-creation, which numbered rows the same.
        // Its outcome says nothing of this row's job, which never ran: it goes, and this one is added.
        if (job && state !== 'active' && job.timestamp !== stagedJobOptions(row).timestamp) {
          deps.logger.warn("a job of another database held this staged job id; adding this row's job", {
            id: row.id,
            queue: row.queue,
            name: row.name,
            leftoverState: state,
          });
          await withTimeout(job.remove(), timeoutMs);
          state = 'unknown';
        }
        if (state === 'completed' || state === 'failed') {
          await finishJob(tx, row.id, state === 'completed' ? 'done' : 'failed');
          total.settled++;
        } else if (state === 'unknown') {
          await withTimeout(enqueue(queues, def, row.payload as never, stagedJobOptions(row)), timeoutMs);
          requeued.push(row.id);
        } else {
          total.present++;
        }
      }
      await markJobsRequeued(tx, requeued);
      total.requeued += requeued.length;
      return rows.length;
    });
    if (batch < batchSize) break;
  }
  if (total.requeued > 0 || total.settled > 0)
    deps.logger.warn('job reconciler found jobs BullMQ had lost', { ...total });
  return total;
}
