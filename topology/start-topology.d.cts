import type { LocalNginx, LocalPgBouncer } from '@teamflow/local-services';

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
  /** Starts it (again) on its port and waits for /health/ready. */
  start(): Promise<void>;
}

export interface WorkerProcess extends TopologyProcess {
  healthUrl: string;
}

export interface Topology {
  /** The api through nginx: what clients use. */
  url: string;
  nginx: LocalNginx;
  pgbouncer: LocalPgBouncer;
  apis: ApiInstance[];
  workers: WorkerProcess[];
  /** The variables every api and worker runs with (ports aside). */
  env: Record<string, string>;
  secrets: { access: string; refresh: string };
  stop(): Promise<void>;
}

export function startTopology(options: {
  /** PostgreSQL itself (not a pooler): migrated first, then fronted by PgBouncer. */
  databaseUrl: string;
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
