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

/** Applies the committed SQL migrations (idempotent). */
export async function runMigrations(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: connectionUrl(url), max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await pool.end();
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message?: string }[] };
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.errors?.length) return e.errors.map((x) => x.message).join('; ');
  return e.code ?? e.message ?? 'unknown error';
}
