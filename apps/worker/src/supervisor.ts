import { setTimeout as sleep } from 'node:timers/promises';
import { reconcileStagedJobs } from '@teamflow/core/jobs/job-reconciler';
import type { JobCatalogue } from '@teamflow/core/jobs/job-relay';
import type { Logger } from '@teamflow/core/platform/logger';
import { redisRunId, type Redis } from '@teamflow/core/platform/redis';
import type { Database } from '@teamflow/db/client';
import type { Queues } from '@teamflow/queue/producer';
import type { QueueName } from '@teamflow/queue/queues';
import { registerSchedules, SCHEDULES, type Schedule } from '@teamflow/queue/schedules';
import type { Runtime } from './runtime';

export interface SupervisorOptions {
  db: Database;
  /** A command connection of the supervisor's own (fails fast; never a blocking one). */
  redis: Redis;
  queues: Queues;
  runtime: Runtime;
  logger: Logger;
  jobs?: JobCatalogue;
  schedules?: Schedule[];
  /** How often Redis is looked at (its run id, each queue's oldest waiting job). */
  checkEveryMs?: number;
  /** A sweep for jobs BullMQ lost without restarting (eviction, a failover to a lagging replica). */
  reconcileEveryMs?: number;
  /** The sweep leaves rows enqueued more recently than this alone (their add may be in flight). */
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
 * Keeps a worker process useful through what a Redis can do to it, without anyone restarting it:
 *
 * - **Redis came back empty or is another server** (its `run_id` changed: a restart, a failover):
 *   re-registers the job schedules (a Redis that lost its data lost them too) and reconciles at
 *   once every job enqueued before, so what the old server took with it runs again.
 * - **Lost without a restart** (eviction, a replica promoted before it had everything): a sweep
 *   every `reconcileEveryMs` over jobs enqueued more than `reconcileAfterMs` ago.
 * - **A wedged worker**: the oldest waiting job of a queue stays the same for `stallAfterMs` while
 *   fewer jobs than our concurrency are active, so nobody is taking it: the queue's BullMQ worker
 *   is replaced (new connections, new fetch loop). `health()` says so until it takes jobs again.
 *
 * At start-up it reconciles once (a worker starting after an outage finds what was lost).
 */
export function startSupervisor(options: SupervisorOptions): Supervisor {
  const log = options.logger;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const reconcileEveryMs = options.reconcileEveryMs ?? 30_000;
  const reconcileAfterMs = options.reconcileAfterMs ?? 60_000;
  const stallAfterMs = options.stallAfterMs ?? 15_000;
  const schedules = options.schedules ?? SCHEDULES;
  const state: WorkerHealth = { redis: 'down', consuming: true, stalledQueues: [], lastCheckAt: 0 };
  // Per queue: the oldest waiting job seen and since when.
  const oldestWaiting = new Map<string, { jobId: string; since: number }>();
  let lastSweep = 0;
  let running = true;
  const halt = new AbortController();

  async function reconcile(enqueuedBefore: Date, why: string): Promise<void> {
    const result = await reconcileStagedJobs({ db: options.db, logger: log }, options.queues, {
      enqueuedBefore,
      jobs: options.jobs,
    });
    if (result.requeued > 0) log.warn('jobs re-added after Redis lost them', { why, ...result });
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
      runId = await redisRunId(options.redis);
    } catch (error) {
      if (state.redis === 'up')
        log.warn('supervisor: Redis is not answering', { error: (error as Error).message });
      state.redis = 'down';
      state.lastCheckAt = now;
      return;
    }
    state.redis = 'up';
    const previous = state.redisRunId;
    if (previous === undefined) {
      await reconcile(new Date(now - reconcileAfterMs), 'start-up');
      lastSweep = now;
    } else if (previous !== runId) {
      log.warn('Redis is another server now (restarted or failed over): restoring schedules and lost jobs', {
        previous,
        runId,
      });
      await registerSchedules(options.queues, schedules);
      // Everything enqueued until now may have gone with the old server.
      await reconcile(new Date(now), 'redis restarted');
      lastSweep = now;
    } else if (now - lastSweep >= reconcileEveryMs) {
      await reconcile(new Date(now - reconcileAfterMs), 'sweep');
      lastSweep = now;
    }
    // Only once restored: a restart whose reconcile failed is tried again at the next check.
    state.redisRunId = runId;
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
