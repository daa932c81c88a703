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
