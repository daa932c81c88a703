import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { QueueName } from './queues';

/** One job kind: where it runs, the shape of its payload, and how it retries and is kept. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  name: string;
  payload: S;
  options: JobsOptions;
  /**
   * Jobs with the same id coalesce: while one waits, another is dropped; while one runs, the
   * latest waits for it (BullMQ deduplication, keepLastIfActive). For idempotent "bring X up to
   * date" jobs.
   */
  dedupeId?(payload: z.infer<S>): string;
  /**
   * With `dedupeId`: wait this long before running, and let each new job of the same id replace
   * the waiting one and restart the wait (BullMQ debounce: deduplication with ttl, extend and
   * replace), so a burst of saves runs once, after the last.
   */
  debounceMs?: number;
}

export type JobPayload<D extends JobDefinition> = z.infer<D['payload']>;

// Completed jobs are trimmed; failed ones are kept (visible in Bull Board) until someone looks.
const KEEP = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: false } as const;

export function defineJob<S extends z.ZodType>(def: {
  queue: QueueName;
  name: string;
  payload: S;
  attempts: number;
  backoffMs?: number;
  dedupeId?: (payload: z.infer<S>) => string;
  debounceMs?: number;
}): JobDefinition<S> {
  return {
    queue: def.queue,
    name: def.name,
    payload: def.payload,
    dedupeId: def.dedupeId,
    debounceMs: def.debounceMs,
    options: {
      attempts: def.attempts,
      ...(def.backoffMs ? { backoff: { type: 'exponential', delay: def.backoffMs } } : {}),
      ...KEEP,
    },
  };
}
