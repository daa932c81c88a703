import type { Server } from 'node:http';
import type { JobCatalogue } from '@teamflow/core/jobs/job-relay';
import type { Logger } from '@teamflow/core/platform/logger';
import { createRedis, connectRedis, warnUnlessNoEviction } from '@teamflow/core/platform/redis';
import type { Database } from '@teamflow/db/client';
import { pingDatabase } from '@teamflow/db/ping';
import { closeQueues, createQueues } from '@teamflow/queue/producer';
import type { QueueName } from '@teamflow/queue/queues';
import { RECONCILE_SCHEDULE, registerSchedules, SCHEDULES, type Schedule } from '@teamflow/queue/schedules';
import { reconcileJobsHandler } from './handlers/maintenance/reconcile-jobs.job';
import { startHealthServer } from './health-server';
import { startWorkers, type Registration, type Runtime, type RuntimeOptions } from './runtime';
import { startSupervisor, type Supervisor, type SupervisorOptions } from './supervisor';

export interface WorkerProcess {
  runtime: Runtime;
  supervisor: Supervisor;
  health?: Server;
  /** Stops the supervisor, stops taking jobs, waits for active ones (bounded); true if they finished. */
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * Everything a worker process runs besides its handlers, shared by `main.ts` and the fault tests'
 * worker: Redis proven and its eviction policy checked, the schedules registered (the job
 * reconciler's sweep always among them), a BullMQ worker per queue that marks outbox jobs done in
 * PostgreSQL, the supervisor (Redis restarts or lost data, wedged workers) and the health port.
 */
export async function startWorkerProcess(options: {
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: Redis is a cluster reached through these seeds. */
  redisClusterNodes?: readonly string[];
  redisKeyPrefix: string;
  db: Database;
  logger: Logger;
  registrations: Registration[];
  alwaysServe?: readonly QueueName[];
  jobs?: JobCatalogue;
  schedules?: Schedule[];
  healthPort?: number;
  runtime?: Pick<RuntimeOptions, 'concurrency' | 'stalledIntervalMs' | 'lockDurationMs' | 'onFailed'>;
  supervisor?: Pick<SupervisorOptions, 'checkEveryMs' | 'reconcileAfterMs' | 'stallAfterMs'>;
}): Promise<WorkerProcess> {
  const { logger } = options;
  const redis = createRedis(options.redisUrl, {
    keyPrefix: options.redisKeyPrefix,
    clusterNodes: options.redisClusterNodes,
    logger,
    name: 'worker',
  });
  await connectRedis(redis, options.redisUrl);
  await warnUnlessNoEviction(redis, logger);
  const queues = createQueues(options.redisUrl, options.redisKeyPrefix, options.redisClusterNodes);
  // The reconciler's sweep belongs to the process, whatever schedules it was given.
  const schedules = options.schedules ? [...options.schedules, RECONCILE_SCHEDULE] : SCHEDULES;
  await registerSchedules(queues, schedules);
  const reconcileAfterMs = options.supervisor?.reconcileAfterMs ?? 60_000;
  const runtime = startWorkers({
    redisUrl: options.redisUrl,
    redisClusterNodes: options.redisClusterNodes,
    redisKeyPrefix: options.redisKeyPrefix,
    logger,
    db: options.db,
    alwaysServe: options.alwaysServe,
    registrations: [
      ...options.registrations,
      reconcileJobsHandler({ db: options.db, queues, jobs: options.jobs, reconcileAfterMs }),
    ],
    ...options.runtime,
  });
  const supervisor = startSupervisor({
    db: options.db,
    redis,
    queues,
    runtime,
    logger,
    jobs: options.jobs,
    schedules,
    ...options.supervisor,
    reconcileAfterMs,
  });
  let closing = false;
  const health = options.healthPort
    ? await startHealthServer({
        port: options.healthPort,
        logger,
        health: () => supervisor.health(),
        pingDatabase: () => pingDatabase(options.db),
        shuttingDown: () => closing,
      })
    : undefined;
  return {
    runtime,
    supervisor,
    health,
    async close(timeoutMs) {
      closing = true;
      await supervisor.stop();
      const drained = await runtime.close(timeoutMs);
      await closeQueues(queues).catch(() => undefined);
      redis.disconnect();
      await new Promise((resolve) => (health ? health.close(resolve) : resolve(undefined)));
      return drained;
    },
  };
}
