import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../src/schema';

/** One column as a release's code reads and writes it. */
export interface ReleaseColumn {
  /** PostgreSQL's own spelling (`format_type`), e.g. `timestamp with time zone`, `character varying(200)`. */
  type: string;
  notNull: boolean;
}

/**
 * The tables and columns one release's Drizzle schema declares. Drizzle names every declared
 * column in its queries (`select().from(t)` lists them all, `returning()` too), so a release's
 * api needs each of these to exist with a type it can read.
 */
export interface ReleaseSchema {
  /** The release this was taken from (its `v*` tag, or the commit when none was tagged yet). */
  release: string;
  /** The last migration that release applied: later ones are what the next rollout runs. */
  lastMigration: string;
  tables: Record<string, Record<string, ReleaseColumn>>;
}

export const PREVIOUS_RELEASE_FILE = join(__dirname, 'previous-release-schema.json');

export function readPreviousRelease(): ReleaseSchema {
  return JSON.parse(readFileSync(PREVIOUS_RELEASE_FILE, 'utf8')) as ReleaseSchema;
}

// Drizzle writes SQL types the way CREATE TABLE accepts them; PostgreSQL's catalog reports its
// canonical names. Normalise Drizzle's to PostgreSQL's so a snapshot compares with the catalog.
const CANONICAL: [RegExp, string][] = [
  [/^varchar\b/, 'character varying'],
  [/^char\b/, 'character'],
  [/^timestamp with time zone\b/, 'timestamp with time zone'],
  [/^timestamp\b(?! with)/, 'timestamp without time zone'],
  [/^time\b(?! with)/, 'time without time zone'],
  [/^(int|int4)\b/, 'integer'],
  [/^(int8)\b/, 'bigint'],
  [/^(int2)\b/, 'smallint'],
  [/^serial\b/, 'integer'],
  [/^bigserial\b/, 'bigint'],
  [/^smallserial\b/, 'smallint'],
  [/^float8\b/, 'double precision'],
  [/^float4\b/, 'real'],
  [/^decimal\b/, 'numeric'],
  [/^bool\b/, 'boolean'],
];

export function canonicalType(drizzleType: string): string {
  let type = drizzleType.trim().toLowerCase().replace(/\s+/g, ' ');
  // `timestamp (3) with time zone` → `timestamp(3) with time zone`, as format_type spells it.
  type = type.replace(/\s+\(/g, '(');
  const array = /(\[\])+$/.exec(type)?.[0] ?? '';
  let base = type.slice(0, type.length - array.length);
  for (const [pattern, name] of CANONICAL) {
    if (pattern.test(base)) {
      base = base.replace(pattern, name);
      break;
    }
  }
  // format_type spells precision inside the name: timestamp(3) with time zone.
  base = base.replace(
    /^(timestamp|time)(?: (with|without) time zone)?\((\d+)\)(?: (with|without) time zone)?$/,
    (_m, kind, a, p, b) => `${kind}(${p}) ${a ?? b ?? 'without'} time zone`,
  );
  return base + array;
}

/** The tables and columns the Drizzle schema in this checkout declares. */
export function currentSchemaTables(): ReleaseSchema['tables'] {
  const tables: ReleaseSchema['tables'] = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const name = config.schema ? `${config.schema}.${config.name}` : config.name;
    tables[name] = Object.fromEntries(
      config.columns
        .map((c) => [c.name, { type: canonicalType(c.getSQLType()), notNull: c.notNull }] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => a.localeCompare(b)));
}

/** The name of the newest committed migration (drizzle-kit's journal). */
export function lastMigration(): string {
  const journal = JSON.parse(
    readFileSync(join(__dirname, '..', 'migrations', 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('migrations/meta/_journal.json lists no migration');
  return last.tag;
}
