import { loadEnv } from '@teamflow/config/env';
import { createDb } from '@teamflow/db/client';
import { createReadRouter } from '@teamflow/db/read-replica';
import { createLogger } from '../src/platform/logger';
import { connectRedis, createRedis } from '../src/platform/redis';

/**
 * Core's deps on this run's test database and Redis (no replica, a silent logger), for a test file
 * that calls use cases directly: opened before its tests, closed after. `env` overrides the
 * environment (e.g. the local AI provider only).
 */
export function testCoreDeps(env: Record<string, string> = {}) {
  const config = loadEnv({ ...process.env, NODE_ENV: 'test', ...env });
  const handle = createDb(config.DATABASE_URL, { max: 2 });
  const redis = createRedis(config.REDIS_URL, { keyPrefix: config.REDIS_KEY_PREFIX });
  const deps = {
    db: handle.db,
    reads: createReadRouter({ primary: handle.db }),
    redis,
    env: config,
    logger: createLogger({ level: 'silent', service: 'test' }),
  };
  beforeAll(() => connectRedis(redis, config.REDIS_URL));
  afterAll(async () => {
    redis.disconnect();
    await handle.close();
  });
  return { deps, handle };
}
