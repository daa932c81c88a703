import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { attachments, tasks, users } from '@teamflow/db/schema/index';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentRecord = AttachmentRow & {
  projectId: string;
  uploader: { id: string; name: string } | null;
};

const columns = {
  attachment: attachments,
  projectId: tasks.projectId,
  uploaderId: users.id,
  uploaderName: users.name,
};

type Joined = {
  attachment: AttachmentRow;
  projectId: string;
  uploaderId: string | null;
  uploaderName: string | null;
};
const toRecord = (row: Joined): AttachmentRecord => ({
  ...row.attachment,
  projectId: row.projectId,
  uploader: row.uploaderId ? { id: row.uploaderId, name: row.uploaderName ?? '' } : null,
});

export async function insertAttachment(
  db: DbOrTx,
  values: typeof attachments.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(attachments).values(values);
}

export async function findAttachmentRecord(db: DbOrTx, id: string): Promise<AttachmentRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(attachments)
    .innerJoin(tasks, eq(tasks.id, attachments.taskId))
    .leftJoin(users, eq(users.id, attachments.uploaderId))
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .limit(1);
  return row ? toRecord(row) : undefined;
}

/**
 * A task's attachments, oldest first (the order they were added), keyset by (created_at, id);
 * `cursorAt` is created_at to the microsecond (a JS Date would cut it and repeat rows).
 */
export async function listAttachmentRecords(
  db: DbOrTx,
  taskId: string,
  page: { limit: number; after?: { createdAt: string; id: string } },
): Promise<(AttachmentRecord & { cursorAt: string })[]> {
  const { after } = page;
  const rows = await db
    .select({ ...columns, cursorAt: sql<string>`to_json(${attachments.createdAt}) #>> '{}'` })
    .from(attachments)
    .innerJoin(tasks, eq(tasks.id, attachments.taskId))
    .leftJoin(users, eq(users.id, attachments.uploaderId))
    .where(
      and(
        eq(attachments.taskId, taskId),
        isNull(attachments.deletedAt),
        after &&
          sql`(${attachments.createdAt}, ${attachments.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .limit(page.limit);
  return rows.map((row) => ({ ...toRecord(row), cursorAt: row.cursorAt }));
}

/**
 * Bytes a task's attachments hold in storage (infected ones are deleted from it), after locking
 * the task row so that two uploads to one task are counted one after the other.
 */
export async function lockTaskAttachmentBytes(db: DbOrTx, taskId: string): Promise<number> {
  await db.execute(sql`select 1 from ${tasks} where ${tasks.id} = ${taskId} for update`);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${attachments.size}), 0)` })
    .from(attachments)
    .where(
      and(
        eq(attachments.taskId, taskId),
        isNull(attachments.deletedAt),
        ne(attachments.scanStatus, 'infected'),
      ),
    );
  return Number(row?.total ?? 0);
}

export async function setScanResult(
  db: DbOrTx,
  id: string,
  result: { scanStatus: 'clean' | 'infected'; threat: string | null },
): Promise<boolean> {
  // Only a pending row changes: a retried job or a second worker finds nothing to do.
  const updated = await db
    .update(attachments)
    .set({ ...result, scannedAt: new Date() })
    .where(and(eq(attachments.id, id), eq(attachments.scanStatus, 'pending')))
    .returning({ id: attachments.id });
  return updated.length > 0;
}

export async function softDeleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.update(attachments).set({ deletedAt: new Date() }).where(eq(attachments.id, id));
}
