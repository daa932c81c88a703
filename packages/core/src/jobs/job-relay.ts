import { JOBS } from '@teamflow/queue/jobs';
import { enqueue, type Queues } from '@teamflow/queue/producer';
import type { Database } from '@teamflow/db/client';
import type { Logger } from '../platform/logger';
import { pollingLoop } from '../platform/polling-loop';
import { lockPendingJobs, markJobsEnqueued } from './job-outbox.repository';

export interface JobRelay {
  /** One pass: enqueues up to one batch; returns how many jobs went to BullMQ. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
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
 * Moves staged jobs (`job_outbox`) to BullMQ. Rows are locked (`skip locked`, so relays in
 * several api processes share the work), added with job id `outbox-<id>` and stamped in the same
 * transaction; if Redis is down the add fails, the transaction rolls back and the rows wait.
 */
export function createJobRelay(
  deps: { db: Database; logger: Logger },
  queues: Queues,
  options: { batchSize?: number; idleMs?: number; maxBackoffMs?: number; enqueueTimeoutMs?: number } = {},
): JobRelay {
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5000;
  const batchSize = options.batchSize ?? 50;
  const idleMs = options.idleMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;

  async function runOnce(): Promise<number> {
    return deps.db.transaction(async (tx) => {
      const pending = await lockPendingJobs(tx, batchSize);
      for (const row of pending) {
        const def = JOBS.find((j) => j.queue === row.queue && j.name === row.name);
        if (!def) {
          // Kept (stamped, so it does not block the rest) and logged: a job kind this build does not know.
          deps.logger.error('job outbox row has an unknown job kind', {
            id: row.id,
            queue: row.queue,
            name: row.name,
          });
          continue;
        }
        // BullMQ waits for a lost connection instead of failing; bound it so the transaction (and
        // its row locks) end. An add that lands later is harmless: the next pass reuses its job id.
        await withTimeout(
          enqueue(queues, def, row.payload as never, { jobId: outboxJobId(row.id) }),
          enqueueTimeoutMs,
        );
      }
      await markJobsEnqueued(
        tx,
        pending.map((r) => r.id),
      );
      return pending.length;
    });
  }

  const loop = pollingLoop('job relay', runOnce, { batchSize, idleMs, maxBackoffMs, logger: deps.logger });
  return { runOnce, start: loop.start, stop: loop.stop };
}
