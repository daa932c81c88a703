import type { ConnectionOptions } from 'bullmq';

/**
 * Reconnect attempts while Redis is away: 100 ms, 200 ms, … then every second. BullMQ's own
 * default (`max(min(e^n, 20 s), 1 s)`) reaches 8 s after about 9 failed attempts and 20 s after
 * 10, so a worker whose Redis was gone for ten seconds or more could sit up to 20 s on a server
 * that is already back. A reconnect is cheap; a worker not taking jobs is not.
 */
export const reconnectDelayMs = (attempt: number) => Math.min(attempt * 100, 1000);

/**
 * BullMQ connection settings. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers should fail fast, so callers pass their own limit.
 */
export function bullConnection(redisUrl: string, role: 'worker' | 'producer'): ConnectionOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: reconnectDelayMs,
  };
}
