import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { taskTemplates } from '@teamflow/db/schema/index';

export type TemplateRow = typeof taskTemplates.$inferSelect;
export type NewTemplate = typeof taskTemplates.$inferInsert;
type TemplateChanges = Partial<
  Omit<NewTemplate, 'id' | 'workspaceId' | 'projectId' | 'version' | 'createdBy' | 'createdAt'>
>;

export async function insertTemplate(db: DbOrTx, values: NewTemplate): Promise<TemplateRow> {
  const [row] = await db.insert(taskTemplates).values(values).returning();
  return row!;
}

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(taskTemplates).where(eq(taskTemplates.id, id)).limit(1);
  return row;
}

/** A project's templates and the workspace's (workspace ones first), by name. */
export async function listTemplatesFor(
  db: DbOrTx,
  workspaceId: string,
  projectId: string | null,
): Promise<TemplateRow[]> {
  const scope = projectId
    ? or(isNull(taskTemplates.projectId), eq(taskTemplates.projectId, projectId))
    : isNull(taskTemplates.projectId);
  return db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.workspaceId, workspaceId), scope))
    .orderBy(sql`${taskTemplates.projectId} is not null`, asc(taskTemplates.name), asc(taskTemplates.id));
}

/** Compare-and-set on `version`; undefined when the template moved on (or is gone). */
export async function updateTemplateIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: TemplateChanges,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .update(taskTemplates)
    .set({ ...values, version: sql`${taskTemplates.version} + 1` })
    .where(and(eq(taskTemplates.id, id), eq(taskTemplates.version, version)))
    .returning();
  return row;
}

export async function deleteTemplate(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .delete(taskTemplates)
    .where(eq(taskTemplates.id, id))
    .returning({ id: taskTemplates.id });
  return rows.length > 0;
}
