import { randomUUID } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import { hitLimit } from './rate-limits';
import { connectRedis, createRedis, type Redis } from './redis';

const env = loadEnv({ ...process.env, NODE_ENV: 'test', RATE_LIMIT_DEFAULT_PER_MINUTE: '3' });
const clients: Redis[] = [];

// A client of its own per test: the limiters (and their script) are set up once per client.
async function freshClient(): Promise<Redis> {
  const redis = createRedis(env.REDIS_URL, { keyPrefix: `${env.REDIS_KEY_PREFIX}limits:` });
  clients.push(redis);
  await connectRedis(redis, env.REDIS_URL);
  return redis;
}

afterAll(() => clients.forEach((c) => c.disconnect()));

describe('rate limits on an auto-pipelining Redis client', () => {
  it('counts the first hits of a new client sent in the same tick as other commands', async () => {
    const redis = await freshClient();
    const key = `u:${randomUUID()}`;
    // What a request's first tick does: a deny-list read opens the tick's pipeline, then the
    // limiter (built on first use, defining its script) counts the hit, with other requests'.
    const read = redis.get(`deny:${randomUUID()}`);
    const hits = [hitLimit({ redis, env }, 'default', key), hitLimit({ redis, env }, 'default', key)];
    const again = redis.get(`deny:${randomUUID()}`);
    expect(await read).toBeNull();
    expect(await again).toBeNull();
    const [first, second] = await Promise.all(hits);
    expect([first!.remaining, second!.remaining].sort()).toEqual([1, 2]);
    expect(first!.exceeded || second!.exceeded).toBe(false);
  });

  it('counts the first hits of a new client queued behind a pipeline still in flight', async () => {
    const redis = await freshClient();
    const key = `u:${randomUUID()}`;
    // A slow command keeps the first pipeline in flight; a read queued meanwhile opens the next one,
    // which stays open for many ticks until the first answers. The limiters are first used then,
    // so their counts join that already-open pipeline.
    const slow = redis.blpop(`wait:${randomUUID()}`, 0.3);
    await new Promise((resolve) => setImmediate(resolve));
    const read = redis.get(`deny:${randomUUID()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const hits = [hitLimit({ redis, env }, 'default', key), hitLimit({ redis, env }, 'default', key)];
    expect(await slow).toBeNull();
    expect(await read).toBeNull();
    const [first, second] = await Promise.all(hits);
    expect([first!.remaining, second!.remaining].sort()).toEqual([1, 2]);
  });

  it('refuses the hit past the limit with the time left in the window', async () => {
    const redis = await freshClient();
    const key = `u:${randomUUID()}`;
    const hits = await Promise.all([1, 2, 3, 4].map(() => hitLimit({ redis, env }, 'default', key)));
    expect(hits.filter((h) => h.exceeded)).toHaveLength(1);
    const over = hits.find((h) => h.exceeded)!;
    expect(over).toMatchObject({ limit: 3, windowSeconds: 60, remaining: 0 });
    expect(over.resetSeconds).toBeGreaterThan(0);
    expect(over.resetSeconds).toBeLessThanOrEqual(60);
    // Another caller has a count of its own.
    expect((await hitLimit({ redis, env }, 'default', `u:${randomUUID()}`)).remaining).toBe(2);
  });
});
