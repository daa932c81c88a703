import { and, asc, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { activities, users } from '@teamflow/db/schema/index';

export type ActivityRow = typeof activities.$inferSelect & { actorName: string | null };

export async function listActivities(
  db: DbOrTx,
  filter: { workspaceId: string; taskId?: string },
  limit: number,
  after?: { createdAt: string; id: string },
): Promise<ActivityRow[]> {
  const conditions = [eq(activities.workspaceId, filter.workspaceId)];
  if (filter.taskId) conditions.push(eq(activities.taskId, filter.taskId));
  if (after) {
    const at = new Date(after.createdAt);
    conditions.push(
      or(lt(activities.createdAt, at), and(eq(activities.createdAt, at), lt(activities.id, after.id)))!,
    );
  }
  const rows = await db
    .select({ activity: activities, actorName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(...conditions))
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.activity, actorName: r.actorName }));
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
