import { randomBytes } from 'node:crypto';
import { startObjectStorage } from '@teamflow/local-services';
import { ensureDatabase, runMigrations } from '@teamflow/db/setup';

/**
 * Jest global setup for suites on real PostgreSQL and Redis: a database of this run's own
 * (created and migrated here, dropped in teardown) and a Redis key prefix of its own, so
 * parallel runs on one machine never see each other's rows or keys. An S3-compatible server of
 * its own too (s3rver on loopback, bucket created), which the S3_* variables point every api and
 * worker of the run at: attachments go through the real SDK on the real wire protocol.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/teamflow',
  );
  base.pathname = `/teamflow_test_${runId}`;
  process.env.DATABASE_URL = base.toString();
  process.env.REDIS_KEY_PREFIX = `tf:test:${runId}:`;
  process.env.NODE_ENV = 'test';

  await ensureDatabase(base.toString());
  await runMigrations(base.toString());

  const storage = await startObjectStorage({ bucket: `teamflow-test-${runId.replace('_', '-')}` });
  Object.assign(process.env, storage.env);
  // Read by global-teardown, which Jest runs in this same process.
  (globalThis as { __teamflowObjectStorage?: { close(): Promise<void> } }).__teamflowObjectStorage = storage;
}
