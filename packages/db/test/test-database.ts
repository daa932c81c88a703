import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { connectionUrl } from '../src/client';
import { MIGRATIONS_DIR } from '../src/setup';

/** A database of its own for one test file (`teamflow_test_<name>_<pid>_<random>`) on the test server. */
export function testDatabaseUrl(name: string): string {
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/teamflow',
  );
  base.pathname = `/teamflow_test_${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  return base.toString();
}

/** The repository's migrations up to `last`, in a folder of their own (journal cut there). */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === last);
  if (at < 0) throw new Error(`no migration ${last}`);
  journal.entries = journal.entries.slice(0, at + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** Migrates the (existing) database at `url` up to migration `last` and no further: the schema an older release ran on. */
export async function migrateUpTo(url: string, last: string): Promise<void> {
  const folder = migrationsUpTo(last);
  const pool = new pg.Pool({ connectionString: connectionUrl(url), max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: folder });
  } finally {
    await pool.end();
    rmSync(folder, { recursive: true, force: true });
  }
}
