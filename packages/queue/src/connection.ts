import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis } from 'ioredis';

/** A connection to Redis: one server, or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisConnection = Redis | Cluster;

/**
 * Reconnect attempts while Redis is away: 100 ms, 200 ms, … then every second. BullMQ's own
 * default (`max(min(e^n, 20 s), 1 s)`) reaches 8 s after about 9 failed attempts and 20 s after
 * 10, so a worker whose Redis was gone for ten seconds or more could sit up to 20 s on a server
 * that is already back. A reconnect is cheap; a worker not taking jobs is not.
 */
export const reconnectDelayMs = (attempt: number) => Math.min(attempt * 100, 1000);

export interface RedisConnectionOptions {
  /** REDIS_CLUSTER_NODES: host:port seeds of a Redis Cluster; unset, `url` is the one server. */
  clusterNodes?: readonly string[];
  keyPrefix?: string;
  connectionName?: string;
  /** null: a command waits out an outage (workers, adapters); a number: fails after that many. */
  maxRetriesPerRequest: number | null;
  /** false: a command while disconnected fails at once instead of queueing. */
  enableOfflineQueue: boolean;
  lazyConnect?: boolean;
  connectTimeout?: number;
  retryStrategy?: (attempt: number) => number;
  /** Cluster only: one subscriber per primary, so SSUBSCRIBE reaches each channel's shard. */
  shardedSubscribers?: boolean;
  /**
   * Commands issued in one tick go out in one write (ioredis auto-pipelining). One server only:
   * on a cluster ioredis would group them by slot owner, which was neither measured nor needed
   * there, and a cluster test failed once in a dozen runs with it on (not reproduced since). A
   * script added with `defineCommand` must not be sent in the tick that defines it (a pipeline
   * opened before lacks it and ioredis ends the process): see core/platform/rate-limits.ts.
   */
  autoPipelining?: boolean;
}

/**
 * THE way a process opens Redis: an ioredis `Cluster` when `clusterNodes` is set (the URL then
 * lends only its user, password and TLS to every node), a plain client on `url` otherwise.
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions): RedisConnection {
  const u = new URL(url);
  const common = {
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    connectionName: options.connectionName,
    connectTimeout: options.connectTimeout,
    maxRetriesPerRequest: options.maxRetriesPerRequest,
  };
  if (!options.clusterNodes) {
    // eslint-disable-next-line no-restricted-syntax -- this is the factory
    return new Redis({
      ...common,
      host: u.hostname,
      port: Number(u.port || 6379),
      db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: options.enableOfflineQueue,
      lazyConnect: options.lazyConnect,
      retryStrategy: options.retryStrategy,
      enableAutoPipelining: options.autoPipelining,
    });
  }
  // eslint-disable-next-line no-restricted-syntax -- this is the factory
  return new Cluster(
    options.clusterNodes.map((node) => {
      const at = node.lastIndexOf(':');
      return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    }),
    {
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: options.enableOfflineQueue,
      lazyConnect: options.lazyConnect,
      clusterRetryStrategy: options.retryStrategy,
      shardedSubscribers: options.shardedSubscribers,
      // A failed-over slot is found again at once (MOVED) and the map refreshed every second,
      // rather than after ioredis's 5 s, so a promoted replica takes traffic within the failover.
      slotsRefreshInterval: 1000,
      redisOptions: common,
    },
  );
}

/**
 * BullMQ connection settings. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers fail fast. On a plain server BullMQ opens its own
 * clients from these options; on a cluster it is given a `Cluster`, which BullMQ does not close:
 * {@link releaseBullConnection} does, after the queue or worker closed.
 */
export function bullConnection(
  redisUrl: string,
  role: 'worker' | 'producer',
  clusterNodes?: readonly string[],
): ConnectionOptions {
  const failFast = role === 'producer';
  if (clusterNodes)
    return createRedisConnection(redisUrl, {
      clusterNodes,
      connectionName: `bull-${role}`,
      maxRetriesPerRequest: failFast ? 1 : null,
      enableOfflineQueue: !failFast,
      retryStrategy: reconnectDelayMs,
    });
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: failFast ? 1 : null,
    enableOfflineQueue: !failFast,
    retryStrategy: reconnectDelayMs,
  };
}

/** Disconnects a `Cluster` that {@link bullConnection} made (options need nothing). */
export function releaseBullConnection(connection: ConnectionOptions): void {
  if (connection instanceof Cluster) connection.disconnect();
}
