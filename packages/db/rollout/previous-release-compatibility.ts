import type pg from 'pg';
import type { ReleaseSchema } from './release-schema';

interface CatalogColumn {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  /** Has a default, or is an identity or generated column: an insert that omits it still works. */
  fills_itself: boolean;
}

/** Every column of every ordinary table in the `public` schema, as PostgreSQL's catalog has it. */
export async function catalogColumns(client: pg.ClientBase): Promise<CatalogColumn[]> {
  const { rows } = await client.query<CatalogColumn>(`
    SELECT c.relname AS table, a.attname AS column,
           format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null,
           (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS fills_itself
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
  return rows;
}

/**
 * Whether code written for a column of type `previous` still reads and writes one of type `now`.
 * Only widening a varchar (or turning it into text) qualifies: any other change alters what the
 * driver returns (bigint comes back as a string, numeric as a string, …) or what it may write.
 */
export function stillReadable(previous: string, now: string): boolean {
  if (previous === now) return true;
  const array = (t: string) => /(\[\])*$/.exec(t)?.[0] ?? '';
  if (array(previous) !== array(now)) return false;
  const [p, n] = [
    previous.slice(0, previous.length - array(previous).length),
    now.slice(0, now.length - array(now).length),
  ];
  const varchar = /^character varying(?:\((\d+)\))?$/;
  const pv = varchar.exec(p);
  const nv = varchar.exec(n);
  if (pv && n === 'text') return true;
  if (pv && nv) return nv[1] === undefined || (pv[1] !== undefined && Number(nv[1]) >= Number(pv[1]));
  return false;
}

/**
 * What would break the previous release's api on this database: a table or column it selects
 * that is gone or changed type, and a column it does not know that its inserts leave empty but
 * the schema requires. Empty when that release keeps working.
 */
export async function previousReleaseProblems(
  client: pg.ClientBase,
  previous: ReleaseSchema,
): Promise<string[]> {
  const catalog = await catalogColumns(client);
  const tables = new Map<string, Map<string, CatalogColumn>>();
  for (const c of catalog) {
    if (!tables.has(c.table)) tables.set(c.table, new Map());
    tables.get(c.table)?.set(c.column, c);
  }
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(previous.tables)) {
    const now = tables.get(table);
    if (!now) {
      problems.push(`table "${table}" is gone (${previous.release} reads it)`);
      continue;
    }
    for (const [column, expected] of Object.entries(columns)) {
      const actual = now.get(column);
      if (!actual) problems.push(`column "${table}"."${column}" is gone (${previous.release} reads it)`);
      else if (!stillReadable(expected.type, actual.type)) {
        problems.push(
          `column "${table}"."${column}" is ${actual.type}; ${previous.release} reads it as ${expected.type}`,
        );
      }
    }
    for (const actual of now.values()) {
      if (actual.column in columns || !actual.not_null || actual.fills_itself) continue;
      problems.push(
        `column "${table}"."${actual.column}" is NOT NULL without a default: ${previous.release}'s inserts into "${table}" do not set it`,
      );
    }
  }
  return problems;
}
