import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { recordStagedJobOutcome } from '@teamflow/core/jobs/staged-job-outcome';
import type { Logger } from '@teamflow/core/platform/logger';
import type { Database } from '@teamflow/db/client';
import { bullConnection, releaseBullConnection } from '@teamflow/queue/connection';
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
  /** REDIS_CLUSTER_NODES: the queues live on a Redis Cluster, under a hash-tagged prefix. */
  redisClusterNodes?: readonly string[];
  redisKeyPrefix: string;
  logger: Logger;
  registrations: Registration[];
  /**
   * Queues to serve even without handlers (the process passes them all), so a job nobody can
   * run fails visibly instead of waiting forever, and Bull Board shows a worker on every queue.
   */
  alwaysServe?: readonly QueueName[];
  concurrency?: number;
  /**
   * Where jobs staged in `job_outbox` are marked done (after the handler succeeds) or failed (out
   * of attempts): PostgreSQL, not Redis, says whether a job still has to run.
   */
  db?: Database;
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
  /** The live BullMQ worker of each queue served (a replaced one drops out). */
  workers: Worker[];
  readonly concurrency: number;
  /**
   * Swaps a queue's BullMQ worker for a fresh one (new connections, new fetch loop) and lets the
   * old one finish its active jobs in the background: the supervisor's remedy for a wedged worker.
   */
  replace(queue: string, reason: string): void;
  /** Stops taking jobs and waits for the active ones (bounded); true when all finished in time. */
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * One BullMQ worker per queue that has handlers (or is named in `alwaysServe`). A payload that
 * fails its schema, or a job name no handler knows, fails at once without retries
 * (UnrecoverableError) and stays visible as failed. With `db`, a job from the outbox is marked
 * done in PostgreSQL when its handler succeeds and failed when it is out of attempts.
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
  const concurrency = options.concurrency ?? 5;
  const db = options.db;

  function createWorker(queue: QueueName, names: Map<string, Registration>): Worker {
    const worker = new Worker(
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
        const result = await registration.handle(parsed.data, { job, log });
        // Before BullMQ hears of the completion: if Redis loses the job from here on, the row
        // already says it ran, and no reconciler adds it again. Handlers whose work is a
        // PostgreSQL write have claimed the row in that transaction already (`claimStagedJob`), and
        // this finds it done; it is the mark for work outside PostgreSQL (email, webhooks) and for
        // catch-up jobs whose own cursor or content hash is their claim (xp, embeddings).
        if (db) await recordStagedJobOutcome(db, job.id, 'done');
        return result;
      },
      {
        connection: bullConnection(options.redisUrl, 'worker', options.redisClusterNodes),
        prefix: queuePrefix(options.redisKeyPrefix, options.redisClusterNodes !== undefined),
        concurrency,
        // A fetch that failed on a connection error is retried after this (BullMQ's default: 15 s).
        runRetryDelay: 1000,
        ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
        ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      },
    );
    worker.on('failed', (job, error) => {
      options.logger.warn('job failed', {
        queue: worker.name,
        job: job?.name,
        jobId: job?.id,
        error: error.message,
      });
      const final =
        job && (error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1));
      // Failed for good (a retry is not reported): Sentry hears of it once, naming the last attempt.
      if (job && final)
        options.onFailed?.({
          queue: worker.name as QueueName,
          job: job.name,
          jobId: job.id,
          attempt: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          error,
        });
      if (db && final)
        void recordStagedJobOutcome(db, job.id, 'failed').catch((e: unknown) =>
          options.logger.warn('could not record a failed job', {
            jobId: job.id,
            error: (e as Error).message,
          }),
        );
    });
    worker.on('error', (error) =>
      options.logger.warn('worker error', { queue: worker.name, error: error.message }),
    );
    return worker;
  }

  const workers = [...byQueue.entries()].map(([queue, names]) => createWorker(queue, names));
  const closeWorker = (worker: Worker, force = false) =>
    worker.close(force).finally(() => releaseBullConnection(worker.opts.connection));
  const retiring = new Set<Promise<unknown>>();
  return {
    workers,
    concurrency,
    replace(queue, reason) {
      const at = workers.findIndex((w) => w.name === queue);
      const names = byQueue.get(queue as QueueName);
      if (at < 0 || !names) return;
      const old = workers[at]!;
      options.logger.warn('replacing a worker that is not taking jobs', { queue, reason });
      workers[at] = createWorker(queue as QueueName, names);
      // Its active jobs may still finish; if they cannot, BullMQ's stalled check hands them on.
      const closing = closeWorker(old)
        .catch(() => undefined)
        .finally(() => retiring.delete(closing));
      retiring.add(closing);
    },
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const finished = Promise.all([...workers.map((w) => closeWorker(w)), ...retiring]).then(() => true);
      const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
      const result = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      if (!result) await Promise.all(workers.map((w) => closeWorker(w, true)));
      return result;
    },
  };
}
