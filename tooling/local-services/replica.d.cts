export interface LocalReplica {
  host: string;
  primaryPort: number;
  replicaPort: number;
  /** A database on the primary (writes go here). */
  primaryUrl(database: string): string;
  /** The same database on the streaming replica (read-only, a moment behind). */
  replicaUrl(database: string): string;
  /** Stops the replica at once, as a crash would. */
  stopReplica(): Promise<void>;
  /** Starts the stopped replica again; it catches up from the primary. */
  restartReplica(): Promise<void>;
  /** Stops both servers and removes their folders. */
  close(): Promise<void>;
}

export function startReplica(options?: {
  primaryPort?: number;
  replicaPort?: number;
  /** The superuser both clusters are made with (the caller's account by default). */
  user?: string;
  /** PostgreSQL's binaries folder (the newest under /usr/lib/postgresql by default). */
  binDir?: string;
}): Promise<LocalReplica>;

export function findPostgresBin(): string | undefined;
