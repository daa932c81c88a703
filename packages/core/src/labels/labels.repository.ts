import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { labels } from '@teamflow/db/schema/index';

export type LabelRow = typeof labels.$inferSelect;

export async function listLabelRows(db: DbOrTx, workspaceId: string): Promise<LabelRow[]> {
  return db
    .select()
    .from(labels)
    .where(eq(labels.workspaceId, workspaceId))
    .orderBy(asc(labels.name), asc(labels.id));
}

/** Inserts a label; undefined when the name (case-insensitive) is taken in the workspace. */
export async function insertLabel(
  db: DbOrTx,
  values: { workspaceId: string; name: string; color: string },
): Promise<LabelRow | undefined> {
  const [row] = await db.insert(labels).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteLabelRow(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(labels)
    .where(and(eq(labels.id, id), eq(labels.workspaceId, workspaceId)))
    .returning({ id: labels.id });
  return rows.length > 0;
}
