import { setTimeout as sleep } from 'node:timers/promises';
import { reconcileStagedJobs } from '@teamflow/core/jobs/job-reconciler';
import type { JobCatalogue } from '@teamflow/core/jobs/job-relay';
import type { Logger } from '@teamflow/core/platform/logger';
import { redisRunId, type Redis } from '@teamflow/core/platform/redis';
import type { Database } from '@teamflow/db/client';
import type { Queues } from '@teamflow/queue/producer';
import type { QueueName } from '@teamflow/queue/queues';
import { RECONCILE_SCHEDULE, registerSchedules, type Schedule } from '@teamflow/queue/schedules';
import type { Runtime } from './runtime';

export interface SupervisorOptions {
  db: Database;
  /** A command connection of the supervisor's own (fails fast; never a blocking one). */
  redis: Redis;
  queues: Queues;
  runtime: Runtime;
  logger: Logger;
  jobs?: JobCatalogue;
  /** Every job scheduler this process registers (the reconciler's sweep among them). */
  schedules: Schedule[];
  /** How often Redis is looked at (its run id, our schedulers, each queue's oldest waiting job). */
  checkEveryMs?: number;
  /** The start-up reconcile leaves rows enqueued more recently than this alone (their add may be in flight). */
  reconcileAfterMs?: number;
  /** A waiting job no worker took for this long, while the queue has room, means ours is wedged. */
  stallAfterMs?: number;
}

export interface WorkerHealth {
  redis: 'up' | 'down';
  /** False while a queue has a job nobody takes (the supervisor replaces that queue's worker). */
  consuming: boolean;
  stalledQueues: string[];
  lastCheckAt: number;
  redisRunId?: string;
}

export interface Supervisor {
  health(): WorkerHealth;
  /** One look now (tests, start-up); the loop calls it on its own. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a worker process useful through what a Redis can do to it, without anyone restarting it.
 * Its loop (every `checkEveryMs`) is the one timer of the process: the reconciler's regular sweep
 * is a BullMQ job scheduler (`RECONCILE_SCHEDULE`), and this loop is what notices when that
 * scheduler itself is gone.
 *
 * - **Redis came back** (it did not answer the previous check), **is another server** (its
 *   `run_id` changed: a restart, a failover) or **lost our data** (the reconciler's job scheduler
 *   is missing: FLUSHALL, eviction): every job scheduler is upserted again (a Redis that lost its
 *   data lost them too, and nothing would fire the reminders, digests or the sweep) and every job
 *   enqueued until now is reconciled at once, so what the old data took with it runs again.
 * - **A wedged worker**: the oldest waiting job of a queue stays the same for `stallAfterMs` while
 *   fewer jobs than our concurrency are active, so nobody is taking it: the queue's BullMQ worker
 *   is replaced (new connections, new fetch loop). `health()` says so until it takes jobs again.
 *
 * At start-up it reconciles jobs enqueued more than `reconcileAfterMs` ago (a worker starting
 * after an outage finds what was lost); schedules were registered just before it started.
 */
export function startSupervisor(options: SupervisorOptions): Supervisor {
  const log = options.logger;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const reconcileAfterMs = options.reconcileAfterMs ?? 60_000;
  const stallAfterMs = options.stallAfterMs ?? 15_000;
  const schedules = options.schedules;
  // The scheduler whose absence says Redis lost our data (the sweep's, when this process has it).
  const sentinel = schedules.find((s) => s.id === RECONCILE_SCHEDULE.id) ?? schedules[0];
  const state: WorkerHealth = { redis: 'down', consuming: true, stalledQueues: [], lastCheckAt: 0 };
  // Per queue: the oldest waiting job seen and since when.
  const oldestWaiting = new Map<string, { jobId: string; since: number }>();
  // Redis did not answer at the last check.
  let wasDown = false;
  let running = true;
  const halt = new AbortController();

  async function reconcile(enqueuedBefore: Date, why: string): Promise<void> {
    const result = await reconcileStagedJobs({ db: options.db, logger: log }, options.queues, {
      enqueuedBefore,
      jobs: options.jobs,
    });
    if (result.requeued > 0) log.warn('jobs re-added after Redis lost them', { why, ...result });
  }

  /** Why Redis's data must be restored now, if it must. */
  async function lostData(runId: string): Promise<string | undefined> {
    if (wasDown) return 'redis answered again';
    if (state.redisRunId !== undefined && state.redisRunId !== runId) return 'redis is another server';
    if (sentinel && !(await options.queues[sentinel.job.queue].getJobScheduler(sentinel.id)))
      return 'job schedulers missing';
    return undefined;
  }

  async function checkConsuming(now: number): Promise<void> {
    const stalled: string[] = [];
    for (const worker of [...options.runtime.workers]) {
      const queue = options.queues[worker.name as QueueName];
      const [oldest] = await queue.getWaiting(0, 0);
      const seen = oldestWaiting.get(worker.name);
      if (!oldest?.id) {
        oldestWaiting.delete(worker.name);
        continue;
      }
      if (!seen || seen.jobId !== oldest.id) {
        oldestWaiting.set(worker.name, { jobId: oldest.id, since: now });
        continue;
      }
      if (now - seen.since < stallAfterMs) continue;
      // Busy elsewhere, or paused on purpose (Bull Board): a job waits, and nothing is wrong.
      if ((await queue.getActiveCount()) >= options.runtime.concurrency) continue;
      if (await queue.isPaused()) continue;
      stalled.push(worker.name);
      oldestWaiting.delete(worker.name);
      options.runtime.replace(worker.name, `job ${oldest.id} waited ${now - seen.since} ms`);
    }
    // A queue just replaced counts as not consuming until a later check finds it taking jobs.
    state.stalledQueues = stalled;
    state.consuming = stalled.length === 0 && options.runtime.workers.every((w) => w.isRunning());
  }

  async function check(): Promise<void> {
    const now = Date.now();
    let runId: string;
    try {
      // The server holding the queues' keys (on a cluster, the primary of their hash tag's slot).
      runId = await redisRunId(options.redis, options.queues.maintenance.qualifiedName);
    } catch (error) {
      if (state.redis === 'up')
        log.warn('supervisor: Redis is not answering', { error: (error as Error).message });
      state.redis = 'down';
      wasDown = true;
      state.lastCheckAt = now;
      return;
    }
    state.redis = 'up';
    const why = await lostData(runId);
    if (why) {
      log.warn('restoring job schedulers and lost jobs', { why, previous: state.redisRunId, runId });
      await registerSchedules(options.queues, schedules);
      // Everything enqueued until now may have gone with the old data.
      await reconcile(new Date(now), why);
    } else if (state.redisRunId === undefined) {
      await reconcile(new Date(now - reconcileAfterMs), 'start-up');
    }
    // Only once restored: a restore that failed is tried again at the next check.
    state.redisRunId = runId;
    wasDown = false;
    await checkConsuming(now);
    state.lastCheckAt = now;
  }

  const loop = (async () => {
    while (running) {
      await check().catch((error: unknown) =>
        log.warn('supervisor check failed; retrying', { error: (error as Error).message }),
      );
      await sleep(checkEveryMs, undefined, { signal: halt.signal }).catch(() => undefined);
    }
  })();

  return {
    health: () => ({ ...state, stalledQueues: [...state.stalledQueues] }),
    check,
    async stop() {
      running = false;
      halt.abort();
      await loop;
    },
  };
}
