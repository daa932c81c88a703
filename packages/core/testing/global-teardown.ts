import { Redis } from 'ioredis';
import { dropDatabase } from '@teamflow/db/setup';

/** Drops this run's database, deletes its Redis keys and stops its object storage. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __teamflowObjectStorage?: { close(): Promise<void> } }).__teamflowObjectStorage
    ?.close()
    .catch(() => undefined);
  const url = process.env.DATABASE_URL;
  const prefix = process.env.REDIS_KEY_PREFIX;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  if (url?.includes('teamflow_test_')) await dropDatabase(url);
  if (prefix?.startsWith('tf:test:')) {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } catch {
      // Redis gone at the end of a run (a fault test may have stopped it): nothing to clean.
    } finally {
      redis.disconnect();
    }
  }
}
