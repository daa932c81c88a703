import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';

async function deleted(db: DbOrTx, statement: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute(statement);
  return result.rowCount ?? 0;
}

export const deleteExpiredRefreshTokens = (db: DbOrTx) =>
  deleted(db, sql`delete from refresh_tokens where expires_at < now()`);

export const purgeDeletedComments = (db: DbOrTx, days: number) =>
  deleted(db, sql`delete from comments where deleted_at < now() - make_interval(days => ${days})`);

export const purgeOldActivities = (db: DbOrTx, days: number) =>
  deleted(db, sql`delete from activities where created_at < now() - make_interval(days => ${days})`);

// Work-log export files are kept 7 days (their `expires_at`), then removed here.
export const deleteExpiredWorklogExports = (db: DbOrTx) =>
  deleted(db, sql`delete from worklog_exports where expires_at < now()`);
/**
 * Staged jobs that finished long ago: the row was the job's record while it could still be lost;
 * done ones go after a week, failed ones (someone may look into them) after a month.
 */
export const purgeFinishedJobs = (db: DbOrTx) =>
  deleted(
    db,
    sql`delete from job_outbox where (state = 'done' and finished_at < now() - interval '7 days')
        or (state = 'failed' and finished_at < now() - interval '30 days')`,
  );

// GitHub redelivers for three days at most; a week of delivery ids keeps every redelivery a no-op.
export const purgeOldGithubDeliveries = (db: DbOrTx) =>
  deleted(db, sql`delete from github_deliveries where received_at < now() - interval '7 days'`);

// A create's Idempotency-Key is kept as long as the api keeps answers for replays (24 h).
export const purgeOldIdempotentWrites = (db: DbOrTx) =>
  deleted(db, sql`delete from idempotent_writes where created_at < now() - interval '24 hours'`);
