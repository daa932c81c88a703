import { exitOnStartupFailure } from '@teamflow/core/platform/startup-failure';
import { directDatabaseUrl, loadEnv } from '@teamflow/config/env';
import { initErrorReporter } from '@teamflow/core/platform/error-reporter';
import { createLogger } from '@teamflow/core/platform/logger';
import { logReplicaEvents } from '@teamflow/core/platform/replica-events';
import { createDb } from '@teamflow/db/client';
import { createReadRouter } from '@teamflow/db/read-replica';
import { pingDatabase } from '@teamflow/db/ping';
import { DatabaseUnavailableError, ensureDatabase, redactUrl } from '@teamflow/db/setup';
import { QUEUES } from '@teamflow/queue/queues';
import { allHandlers } from './handlers/index';
import { reportJobFailure } from './report-job-failure';
import { startWorkerProcess } from './worker-process';

/**
 * The worker process: proves its connections, registers the job schedules, runs a BullMQ worker
 * per queue under a supervisor (Redis restarts, lost jobs, wedged workers), serves its health
 * probes, and on SIGTERM/SIGINT stops taking jobs and lets the active ones finish.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, service: 'worker' });
  const reporter = initErrorReporter(env, 'worker');
  await ensureDatabase(directDatabaseUrl(env));
  const db = createDb(env.DATABASE_URL, { max: 5 });
  try {
    await pingDatabase(db.db);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `PostgreSQL is not answering at ${redactUrl(env.DATABASE_URL)} (${(error as Error).message})`,
    );
  }
  // The digests' reads (on nobody's behalf, so no write marks): the replica when one is set.
  const reads = createReadRouter({
    primary: db.db,
    replicaUrl: env.DATABASE_REPLICA_URL,
    poolMax: 5,
    onEvent: logReplicaEvents(logger),
  });
  const worker = await startWorkerProcess({
    redisUrl: env.REDIS_URL,
    redisClusterNodes: env.REDIS_CLUSTER_NODES,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    db: db.db,
    logger,
    alwaysServe: QUEUES,
    registrations: allHandlers(db.db, env, reads),
    healthPort: env.WORKER_HEALTH_PORT,
    runtime: { onFailed: reporter ? (failure) => reportJobFailure(reporter, failure) : undefined },
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('worker shutting down', { signal });
    const force = setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    const drained = await worker.close(env.SHUTDOWN_TIMEOUT_MS - 1000);
    if (!drained) logger.warn('active jobs did not finish in time; they will be retried');
    await reads.close();
    await db.close();
    await reporter?.close();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Announced only once a SIGTERM would be handled: whoever acts on this line (a test, a deploy
  // script) may signal at once, and before the handlers a signal killed the process outright.
  logger.info('worker ready', { pid: process.pid, queues: worker.runtime.workers.map((w) => w.name) });
}

main().catch((error: unknown) => exitOnStartupFailure(error, 'teamflow worker'));
