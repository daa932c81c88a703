import { randomBytes } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import { createLogger } from '@teamflow/core/platform/logger';
import { createDb } from '@teamflow/db/client';
import { isolatedStore } from '@teamflow/core/testing/isolated-store';

/** This run's settings (from the jest global setup) with a key prefix of the suite's own. */
export function suiteEnv() {
  // The local AI provider: a developer's own key in the environment must not reach the tests.
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', AI_PROVIDER: 'local' });
  return { ...env, REDIS_KEY_PREFIX: `${env.REDIS_KEY_PREFIX}${randomBytes(3).toString('hex')}:` };
}

export const quietLogger = () => createLogger({ level: 'silent', service: 'worker-test' });

export const openDb = (url: string) => createDb(url, { max: 3 });

export async function until(
  predicate: () => Promise<boolean> | boolean,
  ms: number,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A database and key prefix of the suite's own, for suites that run a job relay: a relay moves
 * every staged job in its database, so another suite's relay on a shared one would carry this
 * suite's jobs off to its own queues.
 */
export async function isolatedSuite(tag: string) {
  const store = await isolatedStore(tag);
  const env = { ...suiteEnv(), ...store.env };
  return { env, db: openDb(env.DATABASE_URL), drop: () => store.drop() };
}

/** A recovery time a fault test measured, printed only when asked (RECOVERY_FIGURES=1) for the docs. */
export function recoveryFigure(name: string, ms: number): void {
  if (process.env.RECOVERY_FIGURES) process.stdout.write(`recovery figure ${name}: ${ms} ms\n`);
}
