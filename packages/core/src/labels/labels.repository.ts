import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { labels, taskLabels } from '@teamflow/db/schema/index';

export type LabelRow = typeof labels.$inferSelect;

/** The workspace's labels by name, keyset by (name, id); with `taskId`, only the labels on that task. */
export async function listLabelRows(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; after?: { name: string; id: string }; taskId?: string },
): Promise<LabelRow[]> {
  const { after, taskId } = page;
  return db
    .select()
    .from(labels)
    .where(
      and(
        eq(labels.workspaceId, workspaceId),
        taskId === undefined
          ? undefined
          : sql`exists (select 1 from ${taskLabels} where ${taskLabels.labelId} = ${labels.id} and ${taskLabels.taskId} = ${taskId})`,
        after && sql`(${labels.name}, ${labels.id}) > (${after.name}, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(labels.name), asc(labels.id))
    .limit(page.limit);
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
