import { Redis } from 'ioredis';
import type { Logger } from './logger';
import { unavailable } from './errors';

export type { Redis };

/**
 * A command client that fails fast while Redis is away (no offline queue) and reconnects by itself.
 * `keyPrefix` keeps test runs and environments apart.
 */
export function createRedis(
  url: string,
  options: { keyPrefix?: string; logger?: Logger; name?: string } = {},
): Redis {
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    lazyConnect: true,
    connectionName: options.name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let warned = false;
  redis.on('error', (error: Error) => {
    if (!warned) options.logger?.warn('redis connection error', { error: error.message });
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) options.logger?.info('redis reconnected');
    warned = false;
  });
  return redis;
}

/** Connects, or throws a one-line error naming the URL and how to start Redis. */
export async function connectRedis(redis: Redis, url: string): Promise<void> {
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    redis.disconnect();
    throw new RedisUnavailableError(
      `Redis is not answering at ${redactRedisUrl(url)}; start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no (or docker compose up -d redis), or set REDIS_URL`,
    );
  }
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Runs a Redis call; a connection failure becomes a 503 with a clear message instead of a crash. */
export async function withRedis<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw unavailable(`Redis is unavailable (${(error as Error).message}); try again shortly`);
  }
}
