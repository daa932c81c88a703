import { createHash } from 'node:crypto';
import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
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

/** A statement compiled to text once: its name, text and parameters (placeholders among them). */
export interface PreparedQuery {
  readonly name: string;
  readonly text: string;
  readonly params: readonly unknown[];
  /** For each parameter, the placeholder it is filled from (undefined: a fixed value). */
  readonly placeholders: readonly (string | undefined)[];
}

/**
 * Compiles a statement once, for `runPrepared`: values that change per run are
 * `sql.placeholder('name')`. Building a statement of many CTEs through Drizzle and hashing its
 * text for a name cost ~6% of the api's CPU per task create when done on every call. The text
 * must hold no `$` but its parameters (it is split on them to run unnamed in a transaction).
 */
export function prepareQuery(query: SQL): PreparedQuery {
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (/\$(?!\d)/.test(text)) throw new Error('a prepared query may hold no $ but its parameters');
  return {
    name: `tf_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`,
    text,
    params,
    placeholders: params.map((p) => (is(p, Placeholder) ? p.name : undefined)),
  };
}

function fill(query: PreparedQuery, values: Record<string, unknown>): unknown[] {
  return query.params.map((value, i) => {
    const name = query.placeholders[i];
    if (name === undefined) return value;
    if (!(name in values)) throw new Error(`no value for placeholder "${name}"`);
    return values[name];
  });
}

/** The compiled text with its values, as a Drizzle SQL (to run unnamed through a transaction handle). */
function asSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1]))),
    sql.raw(''),
  );
}

/**
 * Runs a statement as a named prepared statement, so PostgreSQL parses and plans it once per
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
export async function runPrepared<T extends pg.QueryResultRow>(
  db: DbOrTx,
  query: PreparedQuery,
  values: Record<string, unknown> = {},
): Promise<T[]> {
  const params = fill(query, values);
  const unnamed = async () => (await db.execute<T>(asSql(query.text, params))).rows as T[];
  const pool = poolOf(db);
  if (!pool || unnamedOnly.has(pool)) return unnamed();
  try {
    return (await pool.query<T>({ name: query.name, text: query.text, values: params })).rows;
  } catch (error) {
    if (!MISPLACED_STATEMENT.has((error as { code?: string }).code ?? '')) throw error;
    unnamedOnly.add(pool);
    return unnamed();
  }
}
