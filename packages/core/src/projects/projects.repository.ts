import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { projects } from '@teamflow/db/schema/index';

export type ProjectRow = typeof projects.$inferSelect;

/** Inserts a project; undefined when its key is taken in the workspace. */
export async function insertProject(
  db: DbOrTx,
  values: { workspaceId: string; key: string; name: string; description: string | null; createdBy: string },
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .insert(projects)
    .values(values)
    .onConflictDoNothing({ target: [projects.workspaceId, projects.key], where: sql`deleted_at is null` })
    .returning();
  return row;
}

/** The workspace's projects by name, keyset by (name, id). */
export async function listProjectRows(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; after?: { name: string; id: string } },
): Promise<ProjectRow[]> {
  const { after } = page;
  return db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.workspaceId, workspaceId),
        isNull(projects.deletedAt),
        after && sql`(${projects.name}, ${projects.id}) > (${after.name}, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(page.limit);
}

export async function findProject(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), isNull(projects.deletedAt)))
    .limit(1);
  return row;
}

/** Compare-and-set on `version`: undefined when the row moved on (or is gone). */
export async function updateProjectIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: { name?: string; description?: string | null; timeZone?: string | null },
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, id), eq(projects.version, version), isNull(projects.deletedAt)))
    .returning();
  return row;
}

/** The zone a project's dates are in: its own, else its workspace's; undefined when the project is gone. */
export async function projectTimeZone(db: DbOrTx, projectId: string): Promise<string | undefined> {
  const result = await db.execute<{ zone: string }>(sql`
    select coalesce(p.time_zone, w.time_zone) as zone
    from projects p join workspaces w on w.id = p.workspace_id
    where p.id = ${projectId} and p.deleted_at is null`);
  return result.rows[0]?.zone;
}

export async function softDeleteProject(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ deletedAt: sql`now()`, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, id), isNull(projects.deletedAt)))
    .returning();
  return row;
}
