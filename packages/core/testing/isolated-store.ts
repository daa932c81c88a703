import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, runMigrations } from '@teamflow/db/setup';

export interface IsolatedStore {
  /** Env overrides: this suite's own database and Redis key prefix. */
  env: { DATABASE_URL: string; REDIS_KEY_PREFIX: string };
  drop(): Promise<void>;
}

/**
 * A database and Redis key prefix for one test file. A suite that runs a job relay and a worker
 * needs it: with the run's shared database, its relay would also move jobs staged by suites
 * running beside it, and its worker would run them (against this suite's fake providers).
 */
export async function isolatedStore(tag: string): Promise<IsolatedStore> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/teamflow');
  const prefix = process.env.REDIS_KEY_PREFIX ?? 'tf:test:';

  const suffix = `${tag}_${randomBytes(3).toString('hex')}`;
  base.pathname = `${base.pathname}_${suffix}`;
  const url = base.toString();
  await ensureDatabase(url);
  await runMigrations(url);
  return {
    env: { DATABASE_URL: url, REDIS_KEY_PREFIX: `${prefix}${suffix}:` },
    drop: () => dropDatabase(url),
  };
}
