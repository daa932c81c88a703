import { and, desc, eq, getTableColumns, gte, lte, sql } from 'drizzle-orm';
import type { LinkedTask } from '@teamflow/contracts/refs';
import type { DbOrTx } from '@teamflow/db/client';
import { statusUpdates } from '@teamflow/db/schema/index';

export type StatusUpdateRow = typeof statusUpdates.$inferSelect;

/** Inserts unless the person already has an update for that date (then undefined: the unique index decides). */
export async function insertStatusUpdateOnce(
  db: DbOrTx,
  values: typeof statusUpdates.$inferInsert,
): Promise<StatusUpdateRow | undefined> {
  const [row] = await db.insert(statusUpdates).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findStatusUpdate(db: DbOrTx, id: string): Promise<StatusUpdateRow | undefined> {
  const [row] = await db.select().from(statusUpdates).where(eq(statusUpdates.id, id));
  return row;
}

export async function findStatusUpdateOfDay(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  date: string,
): Promise<StatusUpdateRow | undefined> {
  const [row] = await db
    .select()
    .from(statusUpdates)
    .where(
      and(
        eq(statusUpdates.workspaceId, workspaceId),
        eq(statusUpdates.userId, userId),
        eq(statusUpdates.date, date),
      ),
    );
  return row;
}

/** Compare-and-set on `version`; undefined when the update moved on. */
export async function updateStatusUpdateIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<Pick<StatusUpdateRow, 'done' | 'doing' | 'blockers' | 'mood' | 'taskIds'>>,
): Promise<StatusUpdateRow | undefined> {
  const [row] = await db
    .update(statusUpdates)
    .set({ ...values, version: sql`${statusUpdates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(statusUpdates.id, id), eq(statusUpdates.version, version)))
    .returning();
  return row;
}

export async function deleteStatusUpdateRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(statusUpdates).where(eq(statusUpdates.id, id));
}

export interface StatusUpdateFilter {
  date?: string;
  userId?: string;
  from?: string;
  to?: string;
}

/**
 * Newest first: by date, then time of posting; keyset on (date, created_at, id). `cursorAt` is
 * created_at to the microsecond (a JS Date would cut it and skip rows).
 */
export async function listStatusUpdateRows(
  db: DbOrTx,
  workspaceId: string,
  filter: StatusUpdateFilter,
  options: { limit: number; after?: { date: string; createdAt: string; id: string } },
): Promise<(StatusUpdateRow & { cursorAt: string })[]> {
  const c = [eq(statusUpdates.workspaceId, workspaceId)];
  if (filter.date) c.push(eq(statusUpdates.date, filter.date));
  if (filter.userId) c.push(eq(statusUpdates.userId, filter.userId));
  if (filter.from) c.push(gte(statusUpdates.date, filter.from));
  if (filter.to) c.push(lte(statusUpdates.date, filter.to));
  if (options.after) {
    const a = options.after;
    c.push(
      sql`(${statusUpdates.date}, ${statusUpdates.createdAt}, ${statusUpdates.id}) < (${a.date}::date, ${a.createdAt}::timestamptz, ${a.id}::uuid)`,
    );
  }
  return db
    .select({
      ...getTableColumns(statusUpdates),
      cursorAt: sql<string>`to_json(${statusUpdates.createdAt}) #>> '{}'`,
    })
    .from(statusUpdates)
    .where(and(...c))
    .orderBy(desc(statusUpdates.date), desc(statusUpdates.createdAt), desc(statusUpdates.id))
    .limit(options.limit);
}

/** The person's latest update in the workspace (the draft looks back to it). */
export async function lastStatusUpdateOf(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<StatusUpdateRow | undefined> {
  const [row] = await db
    .select()
    .from(statusUpdates)
    .where(and(eq(statusUpdates.workspaceId, workspaceId), eq(statusUpdates.userId, userId)))
    .orderBy(desc(statusUpdates.createdAt))
    .limit(1);
  return row;
}

/**
 * Tasks the person finished since `since`: done now, completed after it, and theirs (assigned to
 * them, or moved by them per the activity history).
 */
export async function tasksFinishedBy(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  since: Date,
): Promise<LinkedTask[]> {
  const result = await db.execute<LinkedTask>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.status
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    where t.workspace_id = ${workspaceId} and t.deleted_at is null
      and t.status = 'done' and t.completed_at > ${since.toISOString()}::timestamptz
      and (
        exists (select 1 from task_assignees a where a.task_id = t.id and a.user_id = ${userId})
        or exists (select 1 from activities h where h.task_id = t.id and h.actor_id = ${userId}
                   and h.created_at > ${since.toISOString()}::timestamptz)
      )
    order by t.completed_at
    limit 50
  `);
  return result.rows;
}

/** Tasks assigned to the person in the given statuses (in progress / in review, or blocked). */
export async function tasksAssignedIn(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  statuses: string[],
): Promise<LinkedTask[]> {
  const result = await db.execute<LinkedTask>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.status
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    join task_assignees a on a.task_id = t.id and a.user_id = ${userId}
    where t.workspace_id = ${workspaceId} and t.deleted_at is null
      and t.status in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )})
    order by t.updated_at desc
    limit 50
  `);
  return result.rows;
}

/** Keys of the workspace's tasks among `keys` that are done (a carried line naming one is dropped). */
export async function doneTaskKeys(db: DbOrTx, workspaceId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const result = await db.execute<{ key: string }>(sql`
    select p.key || '-' || t.number as key
    from tasks t join projects p on p.id = t.project_id
    where t.workspace_id = ${workspaceId} and t.status in ('done', 'archived')
      and p.key || '-' || t.number in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})
  `);
  return new Set(result.rows.map((r) => r.key));
}
