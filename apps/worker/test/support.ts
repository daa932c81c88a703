import { randomBytes } from 'node:crypto';
import { loadEnv, type Env } from '@teamflow/config/env';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { createDb, type Database } from '@teamflow/db/client';
import { isolatedStore } from '@teamflow/core/testing/isolated-store';
import { closeQueues, createQueues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers } from '../src/runtime';

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

/**
 * The whole job path for a suite: its queues, a runtime serving every handler, and a job relay
 * that moves staged jobs into BullMQ as they commit. `runtimeDb` lets the runtime mark outbox rows
 * after the handler, as the worker process does. `stop` tears it down and empties the queues.
 */
export function startJobPipeline(db: Database, env: Env, options: { runtimeDb?: Database } = {}) {
  const queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX, env.REDIS_CLUSTER_NODES);
  const runtime = startWorkers({
    redisUrl: env.REDIS_URL,
    redisClusterNodes: env.REDIS_CLUSTER_NODES,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(db, env),
    ...(options.runtimeDb ? { db: options.runtimeDb } : {}),
  });
  const relay = createJobRelay({ db, logger: quietLogger() }, queues, { idleMs: 50 });
  relay.start();
  const stop = async () => {
    await relay.stop();
    await runtime.close(5000);
    for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
    await closeQueues(queues);
  };
  return { queues, runtime, relay, stop };
}
