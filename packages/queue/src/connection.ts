import type { ConnectionOptions } from 'bullmq';

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
  };
}
