import { userInfo } from 'node:os';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

// Dates come back as ISO strings for DATE columns (no timezone shifts).
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/**
 * node-postgres takes the user from $USER when the URL names none; services and CI often run
 * without $USER, so fall back to $PGUSER or the OS account (what psql does).
 */
export function connectionUrl(url: string): string {
  const u = new URL(url);
  if (!u.username) {
    // eslint-disable-next-line no-restricted-properties -- libpq's own variable, read where libpq would read it
    u.username = process.env.PGUSER ?? userInfo().username;
  }
  return u.toString();
}

/**
 * A pool on `url`, which may be PgBouncer in transaction mode: each query or transaction may run on
 * a different server connection, so nothing here sets session state. The statement timeout is the
 * database's own default (`applyStatementTimeout`, run by the migration step), not a startup
 * parameter: PgBouncer refuses unknown startup parameters, or drops them when told to ignore them.
 */
export function createDb(
  url: string,
  options: { max?: number; connectTimeoutMs?: number; applicationName?: string } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString: connectionUrl(url),
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30000,
    application_name: options.applicationName ?? 'teamflow',
  });
  // A backend killed under an idle client surfaces here; the pool drops that client and carries on.
  pool.on('error', () => undefined);
  // A backend killed while a client is checked out but between queries (inside a transaction) is
  // emitted on the client itself; unheard, that 'error' event would crash the process. The query
  // that follows fails on its own, and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  releaseDeadCheckouts(pool);
  const db = drizzle({ client: pool, schema });
  return { db, pool, close: () => pool.end() };
}

/**
 * Drizzle's `transaction()` runs `begin` before its try/finally, so when the backend dies right as
 * a client is checked out, `begin` throws and the client is never released: each such event leaks
 * a pool slot until the api answers 503 forever (found by the pg_terminate_backend fault test).
 * So a client checked out through `pool.connect()` (the promise form Drizzle uses) is released
 * with an error — which makes the pool discard it — as soon as its connection ends, and a second
 * release of the same checkout is ignored.
 */
function releaseDeadCheckouts(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    if (args.length > 0) return connect(...args); // callback form (pool.query): releases on every path
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const releaseOnce = (err?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('end', onEnd);
        release(err);
      };
      const onEnd = () => releaseOnce(new Error('connection ended while checked out'));
      client.release = releaseOnce;
      client.once('end', onEnd);
      return client;
    });
  }) as typeof pool.connect;
}
