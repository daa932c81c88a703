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

export function createDb(url: string, options: { max?: number; statementTimeoutMs?: number } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: connectionUrl(url),
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    statement_timeout: options.statementTimeoutMs ?? 15000,
    application_name: 'teamflow',
  });
  // A backend killed under an idle client surfaces here; the pool drops that client and carries on.
  pool.on('error', () => undefined);
  // A backend killed while a client is checked out but between queries (inside a transaction) is
  // emitted on the client itself; unheard, that 'error' event would crash the process. The query
  // that follows fails on its own, and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle({ client: pool, schema });
  return { db, pool, close: () => pool.end() };
}
