import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { activities, users } from '@teamflow/db/schema/index';

export type ActivityRow = typeof activities.$inferSelect & { actorName: string | null };

/**
 * Newest first, keyset on (created_at, id). `cursorAt` is created_at to the microsecond: one task
 * change writes several rows in one transaction (one now()), and a JS Date would cut it and skip them.
 */
export async function listActivities(
  db: DbOrTx,
  filter: { workspaceId: string; taskId?: string },
  limit: number,
  after?: { createdAt: string; id: string },
): Promise<(ActivityRow & { cursorAt: string })[]> {
  const conditions = [eq(activities.workspaceId, filter.workspaceId)];
  if (filter.taskId) conditions.push(eq(activities.taskId, filter.taskId));
  if (after) {
    conditions.push(
      sql`(${activities.createdAt}, ${activities.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      activity: activities,
      actorName: users.name,
      cursorAt: sql<string>`to_json(${activities.createdAt}) #>> '{}'`,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(...conditions))
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.activity, actorName: r.actorName, cursorAt: r.cursorAt }));
}

/** Changes published after `since` in a workspace, in seq order. */
export async function listActivitiesSince(
  db: DbOrTx,
  filter: { workspaceId: string; taskId?: string },
  since: number,
  limit: number,
): Promise<ActivityRow[]> {
  const conditions = [eq(activities.workspaceId, filter.workspaceId), gt(activities.eventSeq, since)];
  if (filter.taskId) conditions.push(eq(activities.taskId, filter.taskId));
  const rows = await db
    .select({ activity: activities, actorName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(...conditions))
    .orderBy(asc(activities.eventSeq))
    .limit(limit);
  return rows.map((r) => ({ ...r.activity, actorName: r.actorName }));
}
