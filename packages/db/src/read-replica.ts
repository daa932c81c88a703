import { sql } from 'drizzle-orm';
import { createDb, type Database, type DbHandle } from './client';

/**
 * Where each reader's latest write ended on the primary (a WAL position, see parseLsn), kept
 * where every instance sees it (Redis, under the run's key prefix). `raise` never lowers a mark:
 * two writes answered out of order leave the later position.
 */
export interface WriteMarks {
  get(readerId: string): Promise<bigint | null>;
  raise(readerId: string, lsn: bigint): Promise<void>;
}

export interface ReadRouter {
  /**
   * Runs `run` on the connection this read belongs on (the rule below); a read that meets a
   * replica that is down or cancelled by it runs again on the primary. `run` must only read.
   * `readerId` null: a read on nobody's behalf (a scheduled digest), which tolerates the lag.
   */
  read<T>(readerId: string | null, run: (db: Database) => Promise<T>): Promise<T>;
  /** Records that `readerId` just wrote: call after the commit and before answering them. */
  wrote(readerId: string): Promise<void>;
  readonly replica: DbHandle | undefined;
  close(): Promise<void>;
}

export interface ReadRouterOptions {
  primary: Database;
  /** DATABASE_REPLICA_URL; without it every read goes to the primary. */
  replicaUrl?: string;
  poolMax?: number;
  /** Without marks, a named reader always reads the primary: nothing could prove the replica has their writes. */
  marks?: WriteMarks;
  /** How long reads keep off a replica that failed to answer before one read tries it again. */
  breakerMs?: number;
  /** Told when the replica stops answering (once per outage), when it answers again, and when a write mark could not be stored. */
  onEvent?: (event: 'replica-down' | 'replica-up' | 'mark-failed', error?: unknown) => void;
}

const DEFAULT_BREAKER_MS = 5000;
// A replica that does not accept a connection in this time is down: the request that finds out
// pays this once, then the breaker keeps every read off it.
const REPLICA_CONNECT_TIMEOUT_MS = 1000;

/**
 * The one place that decides where a read goes (read-your-writes by WAL position):
 * - no replica configured, or the breaker open after a failure → the primary;
 * - a reader with a write mark (their latest write's WAL position on the primary) that the
 *   replica has not replayed yet (`pg_last_wal_replay_lsn()`) → the primary;
 * - otherwise → the replica.
 * A WAL position rather than a fixed "primary for N seconds after a write" window: it is exact
 * whatever the lag (a window is wrong as soon as the lag outgrows it), and a writer's reads return
 * to the replica as soon as it has caught up, usually milliseconds, instead of after the window.
 * It costs one `pg_current_wal_insert_lsn()` and one Redis SET per write, and one Redis GET per read;
 * the replica's replay position is cached and only asked again when a mark is ahead of it.
 * A mark that cannot be read (Redis down) sends that read to the primary.
 */
export function createReadRouter(options: ReadRouterOptions): ReadRouter {
  const { primary, marks } = options;
  const replica = options.replicaUrl
    ? createDb(options.replicaUrl, {
        max: options.poolMax,
        connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS,
        applicationName: 'teamflow-replica-reads',
      })
    : undefined;
  const breakerMs = options.breakerMs ?? DEFAULT_BREAKER_MS;
  const onEvent = options.onEvent ?? (() => undefined);
  // Only ever behind the replica's real position (replay moves forward), so a stale value can
  // only send a read to the primary, never a read to a replica that lacks the write.
  let replayed = 0n;
  let downUntil = 0;

  const usable = (): boolean => {
    if (!downUntil) return true;
    if (Date.now() < downUntil) return false;
    // This read probes the replica; the others keep to the primary until it has answered.
    downUntil = Date.now() + breakerMs;
    return true;
  };
  const answered = () => {
    if (!downUntil) return;
    downUntil = 0;
    onEvent('replica-up');
  };
  const failed = (error: unknown) => {
    const wasUp = !downUntil;
    downUntil = Date.now() + breakerMs;
    if (wasUp) onEvent('replica-down', error);
  };

  const hasReplayed = async (db: Database, lsn: bigint): Promise<boolean> => {
    if (replayed >= lsn) return true;
    const { rows } = await db.execute<{ lsn: string | null }>(
      sql`select pg_last_wal_replay_lsn()::text as lsn`,
    );
    // null: not a replica (promoted, or pointed at a primary); nothing proves it has the write.
    const position = rows[0]?.lsn;
    if (!position) return false;
    const now = parseLsn(position);
    if (now > replayed) replayed = now;
    return replayed >= lsn;
  };

  const markOf = async (readerId: string): Promise<bigint | 'unknown' | null> => {
    if (!marks) return 'unknown';
    try {
      return await marks.get(readerId);
    } catch {
      // Redis is down (its client logs that): the primary is the read that is surely fresh.
      return 'unknown';
    }
  };

  return {
    replica,
    async read(readerId, run) {
      if (!replica || !usable()) return run(primary);
      const mark = readerId === null ? null : await markOf(readerId);
      if (mark === 'unknown') return run(primary);
      let replicaHasIt: boolean;
      try {
        replicaHasIt = mark === null || (await hasReplayed(replica.db, mark));
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        failed(error);
        return run(primary);
      }
      if (!replicaHasIt) {
        answered();
        return run(primary);
      }
      try {
        const result = await run(replica.db);
        answered();
        return result;
      } catch (error) {
        if (isRecoveryConflict(error)) return run(primary);
        if (!isUnavailable(error)) throw error;
        failed(error);
        return run(primary);
      }
    },
    async wrote(readerId) {
      if (!replica || !marks) return;
      try {
        const { rows } = await primary.execute<{ lsn: string }>(
          // The insert position, not pg_current_wal_lsn(): with synchronous_commit off a commit
          // returns before its record is written out, past the write position.
          sql`select pg_current_wal_insert_lsn()::text as lsn`,
        );
        await marks.raise(readerId, parseLsn(rows[0]!.lsn));
      } catch (error) {
        // The write itself committed; its author may see the replica's older copy for a moment.
        onEvent('mark-failed', error);
      }
    },
    close: async () => replica?.close(),
  };
}

/** `16/B374D848` → a number that orders like the WAL position. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  if (!high || !low) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

// Each error under its wrappers (Drizzle keeps the driver's as `cause`). Not `instanceof Error`:
// socket errors are made by Node itself, in another realm than a Jest test's.
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

// Connection exceptions (08), the server shutting down or starting (57P01–57P03), too many
// connections (53300), and socket errors (ECONNREFUSED, ECONNRESET, …).
const UNAVAILABLE_CODE = /^(08...|57P0[123]|53300|E[A-Z]+)$/;
// node-postgres's own errors carry no code.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed/;

/** The replica did not answer (down, restarting, unreachable), as opposed to the query being wrong. */
export function isUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODE.test(e.code)) return true;
    if (e.code === undefined && UNAVAILABLE_MESSAGE.test(String(e.message))) return true;
  }
  return false;
}

/** A hot standby cancelled the query to apply WAL (40001 there means nothing else); the primary will answer it. */
function isRecoveryConflict(error: unknown): boolean {
  for (const e of causes(error)) if (e.code === '40001' || e.code === '40P01') return true;
  return false;
}
