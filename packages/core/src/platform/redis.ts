import { Cluster, type Redis as RedisServer } from 'ioredis';
import { createRedisConnection, type RedisConnection } from '@teamflow/queue/connection';
import type { Logger } from './logger';
import { unavailable } from './errors';
import { defineRateLimitScript } from './rate-limits';

/** A command client: one Redis server, or a Redis Cluster when REDIS_CLUSTER_NODES is set. */
export type Redis = RedisConnection;

/**
 * A command client that fails fast while Redis is away (no offline queue) and reconnects by itself.
 * `keyPrefix` keeps test runs and environments apart. `clusterNodes` (REDIS_CLUSTER_NODES) makes it
 * a Cluster client: every key used with another in one command, MULTI or script must then share a
 * hash tag (`{...}`), see docs/ARCHITECTURE.md "Redis Cluster".
 */
export function createRedis(
  url: string,
  options: { keyPrefix?: string; logger?: Logger; name?: string; clusterNodes?: readonly string[] } = {},
): Redis {
  const redis = createRedisConnection(url, {
    clusterNodes: options.clusterNodes,
    keyPrefix: options.keyPrefix,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    lazyConnect: true,
    connectionName: options.name,
    // Commands issued in one tick leave in one write: a request's deny-list, access-stamp and
    // rate-limit commands (and those of every request handled in that tick) cost one syscall,
    // not one each (one Redis server; see the option for a cluster).
    autoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Before any command: every auto-pipeline is opened after it, so each carries the script.
  defineRateLimitScript(redis);
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

/** One field of `INFO <section>` (INFO works where CONFIG is disabled, as on most managed Redis). */
async function infoField(redis: Redis, section: string, field: string): Promise<string | undefined> {
  const info = await redis.info(section);
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** The primary that serves `key` (unprefixed, as the caller names it) on a cluster. */
async function primaryServing(cluster: Cluster, key: string): Promise<RedisServer> {
  const slot = Number(await cluster.cluster('KEYSLOT', `${cluster.options.keyPrefix ?? ''}${key}`));
  const address = cluster.slots[slot]?.[0];
  const primary = cluster
    .nodes('master')
    .find((node) => `${node.options.host}:${node.options.port}` === address);
  if (!primary) throw new Error(`no known Redis Cluster primary serves slot ${slot}`);
  return primary;
}

/**
 * The run id of the server holding `key`: a new one means a restarted or different server (a
 * failover), which may have lost what was written last. On a cluster that is the primary serving
 * the key's slot, so a failover of another shard does not count.
 */
export async function redisRunId(redis: Redis, key: string): Promise<string> {
  const server = redis instanceof Cluster ? await primaryServing(redis, key) : redis;
  const runId = await infoField(server, 'server', 'run_id');
  if (!runId) throw new Error('Redis INFO has no run_id');
  return runId;
}

/**
 * Warns when Redis may evict keys: BullMQ keeps jobs and their locks in plain keys, and an
 * evicting policy drops them under memory pressure (the reconciler would re-add lost jobs, but
 * late and after losing locks). Returns the policy, or undefined when INFO does not say.
 */
export async function warnUnlessNoEviction(redis: Redis, logger: Logger): Promise<string | undefined> {
  const policy = await infoField(redis, 'memory', 'maxmemory_policy').catch(() => undefined);
  if (policy && policy !== 'noeviction')
    logger.warn(
      `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or jobs can be evicted (set maxmemory-policy noeviction)`,
      { maxmemoryPolicy: policy },
    );
  return policy;
}
