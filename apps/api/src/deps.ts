import type { Env } from '@teamflow/config/env';
import type { CoreDeps } from '@teamflow/core/platform/context';
import { createLogger, type Logger } from '@teamflow/core/platform/logger';
import { closeObjectStorage } from '@teamflow/core/platform/object-storage';
import { createRedis, type Redis } from '@teamflow/core/platform/redis';
import { AccessCache } from '@teamflow/core/workspaces/access-cache';
import { createDb, type DbHandle } from '@teamflow/db/client';
import { createReadRouter } from '@teamflow/db/read-replica';
import { redisWriteMarks } from '@teamflow/core/platform/write-marks';
import { logReplicaEvents } from '@teamflow/core/platform/replica-events';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { createMetrics, type Metrics } from './observability/metrics';
import { registerQueueMetrics } from './observability/queue-metrics';

/** Everything the api process holds open: built once in server.ts (or per test), passed to createApp. */
export interface ApiDeps extends CoreDeps {
  pool: DbHandle['pool'];
  metrics: Metrics;
  /** Memberships this process resolved, checked against the caller's access stamp on every use. */
  accessCache: AccessCache;
  /** BullMQ producer queues (fail fast): the job relay, Bull Board and queue metrics use them. */
  queues: Queues;
  reportError?: (error: unknown, context: Record<string, unknown>) => void;
  /** Set by attachRealtime when this process serves sockets. */
  realtime?: {
    signedOut(userId: string): void;
    /** Takes the user's sockets (every instance) out of the workspace's rooms. */
    memberRemoved(workspaceId: string, userId: string): void;
  };
  close(): Promise<void>;
}

export function buildDeps(env: Env, overrides: { logger?: Logger; redis?: Redis } = {}): ApiDeps {
  const logger = overrides.logger ?? createLogger({ level: env.LOG_LEVEL, service: 'api' });
  const handle = createDb(env.DATABASE_URL, { max: env.DB_POOL_MAX });
  const redis =
    overrides.redis ??
    createRedis(env.REDIS_URL, {
      keyPrefix: env.REDIS_KEY_PREFIX,
      clusterNodes: env.REDIS_CLUSTER_NODES,
      logger,
      name: 'api',
    });
  const reads = createReadRouter({
    primary: handle.db,
    replicaUrl: env.DATABASE_REPLICA_URL,
    poolMax: env.DB_POOL_MAX,
    marks: redisWriteMarks(redis),
    onEvent: logReplicaEvents(logger),
  });
  const queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX, env.REDIS_CLUSTER_NODES);
  // Connection trouble is already logged by the Redis client and shows in readiness; keep it quiet here.
  for (const q of Object.values(queues))
    q.on('error', (error) => logger.debug('queue connection error', { queue: q.name, error: error.message }));
  const metrics = createMetrics({ pool: handle.pool, redis });
  registerQueueMetrics(metrics.registry, queues);
  return {
    env,
    logger,
    db: handle.db,
    reads,
    pool: handle.pool,
    redis,
    metrics,
    accessCache: new AccessCache(),
    queues,
    async close() {
      // A queue whose Redis is gone may never finish closing: give it a moment, then drop it.
      await Promise.race([
        closeQueues(queues).catch(() => undefined),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ]);
      redis.disconnect();
      closeObjectStorage(env);
      await reads.close();
      await handle.close();
    },
  };
}
