import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * JSON text built by PostgreSQL with one `concat()`, for a hot read whose rows the api sends on
 * unparsed (the board's task list). It costs PostgreSQL what `json_build_object` does (within
 * noise in `bench:api` and pgbench), but writes compact JSON: `json_build_object` writes
 * `"key" : value`, 7% more bytes on every list page. A chain of `||` cost more than one `concat()`.
 *
 * Each value helper yields JSON text and turns SQL NULL into `null`. Only `string` escapes: the
 * others are types whose text form cannot hold a quote or a backslash.
 */
export const jsonValue = {
  /** Any text, escaped by PostgreSQL's own to_json. */
  string: (value: SQLWrapper) => sql`coalesce(to_json(${value})::text, 'null')`,
  /** uuid or date: quoted as they are. */
  quoted: (value: SQLWrapper) => sql`coalesce('"' || ${value} || '"', 'null')`,
  /** integer or double precision (finite: positions and counts). */
  number: (value: SQLWrapper) => sql`coalesce((${value})::text, 'null')`,
  /** A timestamp as JavaScript's toISOString writes it: UTC, milliseconds truncated as node-postgres does. */
  timestamp: (value: SQLWrapper) =>
    sql`coalesce('"' || to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`,
  /** A non-null array of uuids or numbers. */
  array: (value: SQLWrapper) => sql`array_to_json(${value})::text`,
};

/** `{"key":value,…}` in the order given; every value one of jsonValue's. */
export function jsonObject(fields: Record<string, SQL>): SQL<string> {
  const parts = Object.entries(fields).map(([key, value], i) => {
    if (!/^\w+$/.test(key)) throw new Error(`jsonObject: "${key}" is not a plain key`);
    return sql`${sql.raw(`'${i ? ',' : '{'}"${key}":'`)}, ${value}`;
  });
  // One concat() call: a chain of || copies the growing text at every step.
  return sql<string>`concat(${sql.join(parts, sql`, `)}, '}')`;
}
