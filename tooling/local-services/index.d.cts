export interface LocalObjectStorage {
  endpoint: string;
  bucket: string;
  /** The S3_* variables that point the api and the worker at it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface LocalClamd {
  host: string;
  port: number;
  pid: number | undefined;
  /** CLAMAV_HOST and CLAMAV_PORT. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export function startObjectStorage(options?: {
  host?: string;
  port?: number;
  directory?: string;
  bucket?: string;
}): Promise<LocalObjectStorage>;

export function startClamd(options?: {
  host?: string;
  port?: number;
  clamdPath?: string;
  databaseDirectory?: string;
  timeoutMs?: number;
}): Promise<LocalClamd>;

export function findClamd(): string | undefined;

export interface LocalPgBouncer {
  host: string;
  port: number;
  pid: number | undefined;
  /** A URL on the upstream server rewritten to go through this PgBouncer. */
  pooledUrl(databaseUrl: string): string;
  /** What PgBouncer logged so far. */
  log(): string;
  close(): Promise<void>;
}

export function startPgBouncer(options?: {
  upstreamUrl?: string;
  host?: string;
  port?: number;
  poolSize?: number;
  pgbouncerPath?: string;
  timeoutMs?: number;
}): Promise<LocalPgBouncer>;

export function findPgBouncer(): string | undefined;
export function eicarTestFile(): Buffer;
/** A TCP port nothing listens on right now on `host` (default 127.0.0.1). */
export function freePort(host?: string): Promise<number>;
/**
 * Runs `start` on `port`, or on a free port when none is given: again on another one (up to three
 * tries) when the daemon found it taken ("Address already in use") before it bound.
 */
export function onFreePort<T>(
  host: string,
  port: number | undefined,
  start: (port: number) => Promise<T>,
): Promise<T>;
export const LOCAL_S3_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };
export * from './replica.cjs';
export * from './redis-cluster.cjs';
export * from './nginx.cjs';
