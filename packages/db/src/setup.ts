import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { connectionUrl } from './client';

export const MIGRATIONS_DIR = findMigrations();

function findMigrations(): string {
  // Source checkout: ../migrations beside src/. Bundled apps copy the folder next to their output.
  for (const dir of [join(__dirname, '..', 'migrations'), join(__dirname, 'migrations')]) {
    if (existsSync(join(dir, 'meta', '_journal.json'))) return dir;
  }
  return join(__dirname, '..', 'migrations');
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The URL with any password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const START_HINT =
  'start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (or docker compose up -d postgres), or set DATABASE_URL';

/** Connects once, creating the database if it does not exist. Throws a one-line error when PostgreSQL is not answering. */
export async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(url), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    await client.end().catch(() => undefined);
    const code = (error as { code?: string }).code;
    if (code !== '3D000') {
      throw new DatabaseUnavailableError(
        `PostgreSQL is not answering at ${redactUrl(url)} (${describe(error)}); ${START_HINT}`,
      );
    }
  }
  const admin = new pg.Client({
    connectionString: connectionUrl(withDatabase(url, 'postgres')),
    connectionTimeoutMillis: 5000,
  });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName(url))}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') {
      throw new DatabaseUnavailableError(
        `Could not create the database at ${redactUrl(url)} (${describe(error)})`,
      );
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: connectionUrl(withDatabase(url, 'postgres')) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName(url))} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The statement timeout when the environment names none (DB_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15000;

/**
 * Applies the committed SQL migrations (idempotent), then makes `statementTimeoutMs` the database's
 * default statement_timeout. `url` is the direct connection (DATABASE_DIRECT_URL when a pooler
 * sits in front): ALTER DATABASE and a long migration want a session of their own.
 */
export async function runMigrations(
  url: string,
  options: { statementTimeoutMs?: number } = {},
): Promise<void> {
  const pool = new pg.Pool({ connectionString: connectionUrl(url), max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: MIGRATIONS_DIR });
    await applyStatementTimeout(pool, options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  } finally {
    await pool.end();
  }
}

/**
 * The statement timeout every session on this database starts with, pooled or not. Why the
 * database's default: through PgBouncer in transaction mode a `SET` would stick to whichever server
 * connection ran it, `SET LOCAL` covers only explicit transactions, a startup parameter is refused
 * by the pooler, and a client-side timer (pg's `query_timeout`) leaves the query running on the
 * server. A role default would do the same but belongs to whoever manages the role; the database
 * is the app's own (created here when missing). New sessions pick it up; PgBouncer's server connections
 * are new sessions too (restart PgBouncer, or wait for server_lifetime, after changing it).
 * Serialised by a transaction-scoped advisory lock (concurrent ALTER DATABASE of one row fails),
 * and skipped when already in place.
 */
async function applyStatementTimeout(pool: pg.Pool, timeoutMs: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query("select pg_advisory_xact_lock(hashtextextended('teamflow:statement_timeout', 0))");
    const wanted = `statement_timeout=${timeoutMs}`;
    const { rows } = await client.query<{ name: string; config: string[] | null }>(
      `select current_database() as name,
              (select s.setconfig from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase
                where d.datname = current_database() and s.setrole = 0) as config`,
    );
    const { name, config } = rows[0]!;
    if (!config?.includes(wanted)) {
      await client.query(`alter database ${pg.escapeIdentifier(name)} set statement_timeout = ${timeoutMs}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    // Not the database's owner: say how to set it instead of refusing to start over a default.
    if ((error as { code?: string }).code !== '42501') throw error;
    process.emitWarning(
      `could not set the database's statement_timeout (${(error as Error).message}); ` +
        `set it as the app role's default: ALTER ROLE <role> SET statement_timeout = ${timeoutMs}`,
    );
  } finally {
    client.release();
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message?: string }[] };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.errors?.length) return e.errors.map((x) => x.message).join('; ');
  return e.code ?? e.message ?? 'unknown error';
}
