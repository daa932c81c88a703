import { desc } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { devMail } from '@teamflow/db/schema/index';

export type DevMailRow = typeof devMail.$inferSelect;

/** Keeps one message in the dev outbox; a second call for the same job id changes nothing. */
export async function insertDevMail(
  db: DbOrTx,
  values: { jobId: string; to: string; subject: string; text: string; html: string; template: string },
): Promise<boolean> {
  const rows = await db
    .insert(devMail)
    .values(values)
    .onConflictDoNothing({ target: devMail.jobId })
    .returning({ id: devMail.id });
  return rows.length === 1;
}

export async function listDevMail(db: DbOrTx, limit: number): Promise<DevMailRow[]> {
  return db.select().from(devMail).orderBy(desc(devMail.createdAt), desc(devMail.id)).limit(limit);
}
