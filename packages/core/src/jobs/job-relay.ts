import type { JobDefinition } from '@teamflow/queue/define-job';
import { JOBS } from '@teamflow/queue/jobs';
import { enqueue, type Queues } from '@teamflow/queue/producer';
import type { Database } from '@teamflow/db/client';
import type { Logger } from '../platform/logger';
import { pollingLoop } from '../platform/polling-loop';
import { finishJob, lockPendingJobs, markJobsCoalesced, markJobsEnqueued } from './job-outbox.repository';

export interface JobRelay {
  /** One pass: enqueues up to one batch; returns how many jobs went to BullMQ. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`enqueue timed out after ${ms} ms (Redis unavailable?)`)), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** BullMQ job id of a staged job: a pass repeated after a failed commit adds nothing twice. */
export const outboxJobId = (id: number) => `outbox-${id}`;

/**
 * How a staged job is added to BullMQ: under its row's job id, stamped with the row's staging time.
 * The id alone does not name one job for ever: a database restored from a backup, or dropped and
 * migrated again, numbers its rows from an earlier point while Redis still holds the jobs those
 * numbers once had. BullMQ keeps an existing job rather than add one of the same id, so the new row's
 * job would never run; the stamp lets the reconciler tell such a leftover from the row's own job.
 */
export const stagedJobOptions = (row: { id: number; createdAt: Date }) => ({
  jobId: outboxJobId(row.id),
  timestamp: row.createdAt.getTime(),
});

/** The job_outbox row behind a BullMQ job id, if it came from the outbox. */
export function outboxRowId(jobId: string | undefined): number | undefined {
  const match = /^outbox-(\d+)$/.exec(jobId ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The job kinds this build runs, by queue and name (tests add kinds of their own). */
export type JobCatalogue = readonly JobDefinition[];
export const findJob = (jobs: JobCatalogue, queue: string, name: string) =>
  jobs.find((j) => j.queue === queue && j.name === name);

/**
 * Moves staged jobs (`job_outbox`) to BullMQ. Rows are locked (`skip locked`, so relays in
 * several api processes share the work), added with job id `outbox-<id>` and stamped `enqueued`
 * in the same transaction; if Redis is down the add fails, the transaction rolls back and the rows
 * wait. The row stays the record of the job until the worker marks it done (see job-reconciler.ts).
 */
export function createJobRelay(
  deps: { db: Database; logger: Logger },
  queues: Queues,
  options: {
    batchSize?: number;
    idleMs?: number;
    maxBackoffMs?: number;
    enqueueTimeoutMs?: number;
    jobs?: JobCatalogue;
  } = {},
): JobRelay {
  const jobs = options.jobs ?? JOBS;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  const batchSize = options.batchSize ?? 50;
  const idleMs = options.idleMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;

  async function runOnce(): Promise<number> {
    return deps.db.transaction(async (tx) => {
      const pending = await lockPendingJobs(tx, batchSize);
      const coalesced: number[] = [];
      for (const row of pending) {
        const def = findJob(jobs, row.queue, row.name);
        if (!def) {
          // Failed (so it does not block the rest, and no reconciler re-adds it) and logged: a job
          // kind this build does not know.
          deps.logger.error('job outbox row has an unknown job kind', {
            id: row.id,
            queue: row.queue,
            name: row.name,
          });
          await finishJob(tx, row.id, 'failed');
          continue;
        }
        // BullMQ waits for a lost connection instead of failing; bound it so the transaction (and
        // its row locks) end. An add that lands later is harmless: the next pass reuses its job id.
        const added = await withTimeout(
          enqueue(queues, def, row.payload as never, stagedJobOptions(row)),
          enqueueTimeoutMs,
        );
        // BullMQ deduplication kept another job that covers this one (`dedupeId` kinds).
        if (added !== outboxJobId(row.id)) coalesced.push(row.id);
      }
      await markJobsEnqueued(
        tx,
        pending.filter((r) => !coalesced.includes(r.id)).map((r) => r.id),
      );
      await markJobsCoalesced(tx, coalesced);
      return pending.length;
    });
  }

  const loop = pollingLoop('job relay', runOnce, { batchSize, idleMs, maxBackoffMs, logger: deps.logger });
  return { runOnce, start: loop.start, stop: loop.stop };
}
