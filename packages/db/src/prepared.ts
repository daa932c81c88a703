import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from './client';

const dialect = new PgDialect();

// What PostgreSQL answers when a named statement is not where the client believes it is: behind a
// pooler in transaction mode that does not carry named statements (PgBouncer before 1.21, and
// Debian's 1.18), each statement may reach another server connection, where the name is missing
// (26000 at Bind) or was prepared by another client (42P05 at Parse). Both come before anything
// runs, so the statement can simply be sent again unnamed.
const MISPLACED_STATEMENT = new Set(['26000', '42P05']);

// Pools that answered so: from then on they run every statement unnamed.
const unnamedOnly = new WeakSet<pg.Pool>();

/** The pool under a Drizzle handle; undefined for a transaction (its client is checked out already). */
function poolOf(db: DbOrTx): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

/**
 * Runs one statement as a named prepared statement, so PostgreSQL parses and plans it once per
 * server connection rather than on every call. For a statement of many CTEs planning is most of
 * its database CPU: a task create (one statement writing the task, its links, activity and outbox
 * row) went from 1.75 to 0.90 ms of PostgreSQL CPU, 532 → 806 creates/s in `bench:api`. The name
 * is the statement's hash, so a name always means the same text wherever it is found.
 *
 * Only on the pool, outside a transaction: in one (`db` a transaction handle) it runs unnamed
 * through Drizzle, since a failed Parse would abort the caller's transaction. Behind a pooler that
 * does not keep named statements, the first misplaced name (see MISPLACED_STATEMENT) is answered
 * before anything ran; the statement is sent again unnamed, and so is every later one on that pool.
 */
export async function executePrepared<T extends pg.QueryResultRow>(db: DbOrTx, query: SQL): Promise<T[]> {
  const unnamed = async () => (await db.execute<T>(query)).rows as T[];
  const pool = poolOf(db);
  if (!pool || unnamedOnly.has(pool)) return unnamed();
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `tf_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  try {
    return (await pool.query<T>({ name, text, values: params })).rows;
  } catch (error) {
    if (!MISPLACED_STATEMENT.has((error as { code?: string }).code ?? '')) throw error;
    unnamedOnly.add(pool);
    return unnamed();
  }
}
