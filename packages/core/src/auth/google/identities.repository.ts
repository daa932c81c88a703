import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { userIdentities } from '@teamflow/db/schema/index';

export type UserIdentityRow = typeof userIdentities.$inferSelect;

export async function findIdentity(
  db: DbOrTx,
  issuer: string,
  subject: string,
): Promise<UserIdentityRow | undefined> {
  const [row] = await db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  return row;
}

/** Links the issuer's subject to a user; a link that already exists (a concurrent callback) is kept. */
export async function insertIdentity(
  db: DbOrTx,
  values: { userId: string; issuer: string; subject: string; email: string },
): Promise<void> {
  await db
    .insert(userIdentities)
    .values(values)
    .onConflictDoNothing({ target: [userIdentities.issuer, userIdentities.subject] });
}
