import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '@teamflow/core/platform/logger';
import { bullConnection } from '@teamflow/queue/connection';
import type { JobDefinition, JobPayload } from '@teamflow/queue/define-job';
import { queuePrefix, type QueueName } from '@teamflow/queue/queues';

export interface JobContext {
  job: Job;
  log: Logger;
}

export interface Registration {
  def: JobDefinition;
  handle: (payload: unknown, ctx: JobContext) => Promise<unknown>;
}

/** Pairs a job definition with its handler; the handler receives the parsed payload. */
export function register<D extends JobDefinition>(
  def: D,
  handle: (payload: JobPayload<D>, ctx: JobContext) => Promise<unknown>,
): Registration {
  return { def, handle: (payload, ctx) => handle(payload as JobPayload<D>, ctx) };
}

/** A job that failed for good (no attempt left, or unrecoverable): what an error report may say. */
export interface JobFailure {
  queue: QueueName;
  job: string;
  jobId: string | undefined;
  /** The attempt that failed, from 1; equal to `attempts` unless the failure was unrecoverable. */
  attempt: number;
  attempts: number;
  error: Error;
}

export interface RuntimeOptions {
  redisUrl: string;
  redisKeyPrefix: string;
  logger: Logger;
  registrations: Registration[];
  /**
   * Queues to serve even without handlers (the process passes them all), so a job nobody can
   * run fails visibly instead of waiting forever, and Bull Board shows a worker on every queue.
   */
  alwaysServe?: readonly QueueName[];
  concurrency?: number;
  /** How soon a job whose worker died is handed to another (BullMQ's stalled check). */
  stalledIntervalMs?: number;
  lockDurationMs?: number;
  /**
   * Called once per job that failed for good (not for an attempt that will be retried), e.g. to
   * report it to Sentry. Gets names and numbers only, never the payload.
   */
  onFailed?: (failure: JobFailure) => void;
}

export interface Runtime {
  workers: Worker[];
  /** Stops taking jobs and waits for the active ones (bounded); true when all finished in time. */
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * One BullMQ worker per queue that has handlers (or is named in `alwaysServe`). A payload that
 * fails its schema, or a job name no handler knows, fails at once without retries
 * (UnrecoverableError) and stays visible as failed.
 */
export function startWorkers(options: RuntimeOptions): Runtime {
  const byQueue = new Map<QueueName, Map<string, Registration>>(
    (options.alwaysServe ?? []).map((queue) => [queue, new Map<string, Registration>()]),
  );
  for (const r of options.registrations) {
    const names = byQueue.get(r.def.queue) ?? new Map<string, Registration>();
    names.set(r.def.name, r);
    byQueue.set(r.def.queue, names);
  }
  const workers = [...byQueue.entries()].map(
    ([queue, names]) =>
      new Worker(
        queue,
        async (job: Job) => {
          const registration = names.get(job.name);
          if (!registration) throw new UnrecoverableError(`No handler for ${queue}/${job.name}`);
          const parsed = registration.def.payload.safeParse(job.data);
          if (!parsed.success) {
            throw new UnrecoverableError(
              `Invalid payload for ${queue}/${job.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
            );
          }
          const log = options.logger.child({
            queue,
            job: job.name,
            jobId: job.id,
            attempt: job.attemptsMade + 1,
          });
          return registration.handle(parsed.data, { job, log });
        },
        {
          connection: bullConnection(options.redisUrl, 'worker'),
          prefix: queuePrefix(options.redisKeyPrefix),
          concurrency: options.concurrency ?? 5,
          ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
          ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
        },
      ),
  );
  for (const w of workers) {
    w.on('failed', (job, error) => {
      options.logger.warn('job failed', {
        queue: w.name,
        job: job?.name,
        jobId: job?.id,
        error: error.message,
      });
      // BullMQ sets finishedOn only when the job is moved to failed for good; a retry leaves it unset.
      if (job && job.finishedOn !== undefined) {
        options.onFailed?.({
          queue: w.name as QueueName,
          job: job.name,
          jobId: job.id,
          attempt: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          error,
        });
      }
    });
    w.on('error', (error) => options.logger.warn('worker error', { queue: w.name, error: error.message }));
  }
  return {
    workers,
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const finished = Promise.all(workers.map((w) => w.close())).then(() => true);
      const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
      const result = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      if (!result) await Promise.all(workers.map((w) => w.close(true)));
      return result;
    },
  };
}
