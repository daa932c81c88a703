import type { Env } from '@teamflow/config/env';
import type { CoreDeps } from '@teamflow/core/platform/context';
import { createLogger, type Logger } from '@teamflow/core/platform/logger';
import { createRedis, type Redis } from '@teamflow/core/platform/redis';
import { createDb, type DbHandle } from '@teamflow/db/client';
import { createMetrics, type Metrics } from './observability/metrics';

/** Everything the api process holds open: built once in server.ts (or per test), passed to createApp. */
export interface ApiDeps extends CoreDeps {
  pool: DbHandle['pool'];
  metrics: Metrics;
  reportError?: (error: unknown, context: Record<string, unknown>) => void;
  close(): Promise<void>;
}

export function buildDeps(env: Env, overrides: { logger?: Logger; redis?: Redis } = {}): ApiDeps {
  const logger = overrides.logger ?? createLogger({ level: env.LOG_LEVEL, service: 'api' });
  const handle = createDb(env.DATABASE_URL, { max: env.DB_POOL_MAX });
  const redis =
    overrides.redis ?? createRedis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, logger, name: 'api' });
  const metrics = createMetrics({ pool: handle.pool, redis });
  return {
    env,
    logger,
    db: handle.db,
    pool: handle.pool,
    redis,
    metrics,
    async close() {
      redis.disconnect();
      await handle.close();
    },
  };
}
