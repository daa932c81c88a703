import { exitOnStartupFailure } from '@teamflow/core/platform/startup-failure';
import { directDatabaseUrl, loadEnv } from '@teamflow/config/env';
import { createLogger } from '@teamflow/core/platform/logger';
import { connectRedis, createRedis } from '@teamflow/core/platform/redis';
import { seedDemo } from '@teamflow/core/seed/seed-demo';
import { createDb } from '@teamflow/db/client';
import { createReadRouter } from '@teamflow/db/read-replica';
import { ensureDatabase, runMigrations } from '@teamflow/db/setup';

/**
 * `npm start`'s data step: checks both servers answer, creates the database if missing, applies the
 * committed migrations, seeds the demo workspace (once), and prints the demo logins as JSON.
 * Flags: --no-seed.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ level: 'warn', service: 'prepare' });
  const redis = createRedis(env.REDIS_URL, {
    keyPrefix: env.REDIS_KEY_PREFIX,
    clusterNodes: env.REDIS_CLUSTER_NODES,
    logger,
    name: 'prepare',
  });
  await connectRedis(redis, env.REDIS_URL);
  await ensureDatabase(directDatabaseUrl(env));
  await runMigrations(directDatabaseUrl(env), { statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS });
  const handle = createDb(env.DATABASE_URL, { max: 2 });
  try {
    const seed = process.argv.includes('--no-seed')
      ? undefined
      : // The seed reads back what it just wrote: every read on the primary.
        await seedDemo({
          db: handle.db,
          reads: createReadRouter({ primary: handle.db }),
          redis,
          env,
          logger,
        });
    process.stdout.write(`${JSON.stringify({ migrated: true, seed })}\n`);
  } finally {
    redis.disconnect();
    await handle.close();
  }
}

main().catch((error: unknown) => exitOnStartupFailure(error));
