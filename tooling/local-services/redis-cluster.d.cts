export interface RedisClusterNode {
  host: string;
  port: number;
}

export interface LocalRedisCluster {
  host: string;
  /** host:port of every node (primaries and replicas): the seeds a client starts from. */
  seeds: string[];
  ports: number[];
  /** REDIS_CLUSTER_NODES, which turns the api and the worker onto this cluster. */
  env: { REDIS_CLUSTER_NODES: string };
  /** The hash slot of a full key (its `{hash tag}` when it has one). */
  keySlot(key: string): Promise<number>;
  /** The primaries now serving slots. */
  primaries(): Promise<(RedisClusterNode & { id: string })[]>;
  /**
   * Kills (SIGKILL) the primary serving `key`'s slot (slot 0's without a key) and resolves once a
   * replica has taken it over and the surviving nodes say cluster_state:ok.
   */
  killPrimary(options?: { key?: string }): Promise<{
    killed: RedisClusterNode;
    promoted: RedisClusterNode;
    failoverMs: number;
  }>;
  /** Stops every node and removes their folders. */
  close(): Promise<void>;
}

export function startRedisCluster(options?: {
  host?: string;
  primaries?: number;
  replicasPerPrimary?: number;
  /** cluster-node-timeout: how long a silent primary takes to be declared failed (500). */
  nodeTimeoutMs?: number;
  timeoutMs?: number;
  redisServerPath?: string;
  redisCliPath?: string;
}): Promise<LocalRedisCluster>;

export function findRedisBinary(name: 'redis-server' | 'redis-cli'): string | undefined;
