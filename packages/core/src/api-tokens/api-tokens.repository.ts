import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { apiTokens, users } from '@teamflow/db/schema/index';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(
  db: DbOrTx,
  values: typeof apiTokens.$inferInsert,
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

/**
 * The user's tokens still in force (revoked ones disappear from the list), newest first, keyset by
 * (created, id); `cursorAt` is created_at to the microsecond (a JS Date would cut it and repeat rows).
 */
export async function listApiTokenRows(
  db: DbOrTx,
  userId: string,
  page: { limit: number; before?: { createdAt: string; id: string } },
): Promise<(ApiTokenRow & { cursorAt: string })[]> {
  const { before } = page;
  const rows = await db
    .select({ token: apiTokens, cursorAt: sql<string>`to_json(${apiTokens.createdAt}) #>> '{}'` })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, userId),
        isNull(apiTokens.revokedAt),
        before &&
          sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`,
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.token, cursorAt: r.cursorAt }));
}

/** One of the user's tokens still in force; another user's, or a revoked one, is not found. */
export async function findApiTokenRow(
  db: DbOrTx,
  userId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return row;
}

export async function revokeApiTokenRow(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** A token that is not revoked nor expired, of a user who still exists (not deleted). */
export async function findLiveApiToken(
  db: DbOrTx,
  tokenHash: string,
): Promise<Pick<ApiTokenRow, 'id' | 'userId' | 'scope' | 'expiresAt'> | undefined> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > now()`),
      ),
    )
    .limit(1);
  return row;
}

/** Stamps last use at most once a minute per token: a busy script does not write on every call. */
export async function touchApiToken(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), sql`${apiTokens.lastUsedAt} < now() - interval '1 minute'`),
      ),
    );
}
