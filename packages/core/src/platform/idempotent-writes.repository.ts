import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { idempotentWrites } from '@teamflow/db/schema/index';

type IdempotentWrite = typeof idempotentWrites.$inferInsert;

/**
 * Inserts the key's row unless one exists; true when this call inserted it. On a row another open
 * transaction inserted, PostgreSQL makes this wait for that transaction's end.
 */
export async function insertIdempotentWrite(tx: DbOrTx, row: IdempotentWrite): Promise<boolean> {
  const inserted = await tx
    .insert(idempotentWrites)
    .values(row)
    .onConflictDoNothing()
    .returning({ resourceId: idempotentWrites.resourceId });
  return inserted.length > 0;
}

export async function findIdempotentWrite(
  tx: DbOrTx,
  userId: string,
  keyHash: string,
): Promise<{ resourceId: string; fingerprint: string } | undefined> {
  const [row] = await tx
    .select({ resourceId: idempotentWrites.resourceId, fingerprint: idempotentWrites.fingerprint })
    .from(idempotentWrites)
    .where(and(eq(idempotentWrites.userId, userId), eq(idempotentWrites.keyHash, keyHash)));
  return row;
}
