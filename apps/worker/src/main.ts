import { ConfigError, loadEnv } from '@teamflow/config/env';
import { createLogger } from '@teamflow/core/platform/logger';
import { connectRedis, createRedis, RedisUnavailableError } from '@teamflow/core/platform/redis';
import { createDb } from '@teamflow/db/client';
import { pingDatabase } from '@teamflow/db/ping';
import { DatabaseUnavailableError, ensureDatabase, redactUrl } from '@teamflow/db/setup';

/**
 * The worker process. Until the queue handlers land it proves its connections, reports ready,
 * and shuts down cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, service: 'worker' });
  await ensureDatabase(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL, { max: 5 });
  try {
    await pingDatabase(db.db);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `PostgreSQL is not answering at ${redactUrl(env.DATABASE_URL)} (${(error as Error).message})`,
    );
  }
  const redis = createRedis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, logger, name: 'worker' });
  await connectRedis(redis, env.REDIS_URL);
  logger.info('worker ready', { pid: process.pid });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('worker shutting down', { signal });
    const force = setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    redis.disconnect();
    await db.close();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Keep the process alive while idle.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof RedisUnavailableError
  ) {
    process.stderr.write(`teamflow worker: ${error.message}\n`);
  } else {
    process.stderr.write(`teamflow worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
