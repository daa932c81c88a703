import type { LocalNginx, LocalPgBouncer, LocalRedisCluster, LocalReplica } from '@teamflow/local-services';

export interface TopologyProcess {
  name: string;
  /** Its output so far (the last few hundred lines). */
  log(): string;
  /** SIGTERM drains it as a deploy would; SIGKILL is a crash. Resolves once it exited. */
  stop(signal?: NodeJS.Signals): Promise<unknown>;
}

export interface ApiInstance extends TopologyProcess {
  port: number;
  /** This instance directly, bypassing nginx. */
  url: string;
  pid: number | undefined;
  /** Starts it (again) on its port, `env` over the shared variables, and waits for /health/ready. */
  start(env?: Record<string, string>): Promise<void>;
}

export interface WorkerProcess extends TopologyProcess {
  healthUrl: string;
}

export interface Topology {
  /** The api through nginx: what clients use. */
  url: string;
  nginx: LocalNginx;
  pgbouncer: LocalPgBouncer;
  /** The PostgreSQL primary and its streaming replica (`replica: true`). */
  replica: LocalReplica | undefined;
  /** The Redis Cluster (`redisCluster: true`). */
  redisCluster: LocalRedisCluster | undefined;
  /** PostgreSQL itself (the replica's primary when there is one). */
  databaseUrl: string;
  apis: ApiInstance[];
  workers: WorkerProcess[];
  /** The variables every api and worker runs with (ports aside). */
  env: Record<string, string>;
  secrets: { access: string; refresh: string };
  stop(): Promise<void>;
}

export function startTopology(options: {
  /**
   * PostgreSQL itself (not a pooler): migrated first, then fronted by PgBouncer. With `replica`,
   * only its database name is used, on the replica's primary.
   */
  databaseUrl: string;
  /** A PostgreSQL primary of its own with a streaming replica: DATABASE_REPLICA_URL. */
  replica?: boolean;
  /** A Redis Cluster (three primaries, a replica each) instead of `redisUrl`: REDIS_CLUSTER_NODES. */
  redisCluster?: boolean;
  redisUrl: string;
  redisKeyPrefix: string;
  apis?: number;
  workers?: number;
  nginxPort?: number;
  pgbouncerPoolSize?: number;
  webOrigin?: string;
  secrets?: { access: string; refresh: string };
  env?: Record<string, string>;
  onLine?: (name: string, line: string) => void;
}): Promise<Topology>;
