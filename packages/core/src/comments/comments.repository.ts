import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { comments, users } from '@teamflow/db/schema/index';

export type CommentRow = typeof comments.$inferSelect;
export type CommentRecord = CommentRow & {
  author: { id: string; name: string; email: string; avatarUrl: string | null };
};

const columns = {
  comment: comments,
  author: { id: users.id, name: users.name, email: users.email, avatarUrl: users.avatarUrl },
};

export async function insertComment(
  db: DbOrTx,
  values: { workspaceId: string; taskId: string; authorId: string; body: string },
): Promise<CommentRow> {
  const [row] = await db.insert(comments).values(values).returning();
  return row!;
}

export async function findCommentRecord(db: DbOrTx, id: string): Promise<CommentRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
    .limit(1);
  return row ? { ...row.comment, author: row.author } : undefined;
}

/**
 * Oldest first (a conversation reads top-down), keyset by (createdAt, id). `cursorAt` is created_at
 * at full (microsecond) precision: a JS Date would cut it to milliseconds and repeat rows across pages.
 */
export async function listCommentRecords(
  db: DbOrTx,
  taskId: string,
  limit: number,
  after?: { createdAt: string; id: string },
): Promise<(CommentRecord & { cursorAt: string })[]> {
  const conditions = [eq(comments.taskId, taskId), isNull(comments.deletedAt)];
  if (after) {
    conditions.push(
      sql`(${comments.createdAt}, ${comments.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ ...columns, cursorAt: sql<string>`to_json(${comments.createdAt}) #>> '{}'` })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(...conditions))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.comment, author: r.author, cursorAt: r.cursorAt }));
}

export async function updateCommentBody(
  db: DbOrTx,
  id: string,
  body: string,
): Promise<CommentRow | undefined> {
  const [row] = await db
    .update(comments)
    .set({ body, editedAt: sql`now()` })
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
    .returning();
  return row;
}

export async function softDeleteComment(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(comments)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
    .returning({ id: comments.id });
  return rows.length > 0;
}
