import { and, asc, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { EventType } from '@teamflow/contracts/events';
import type { DbOrTx } from '@teamflow/db/client';
import { activities, outbox, users } from '@teamflow/db/schema/index';
import { notifyOutbox } from '../events/outbox.repository';
import type { Actor } from '../platform/context';

export interface Change {
  workspaceId: string;
  projectId?: string | null;
  taskId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes?: Record<string, unknown>;
  actor: Actor;
  event: { type: EventType; data: Record<string, unknown>; version?: number };
}

/** Writes the activity row and the outbox event of a change, inside the caller's transaction. */
export async function recordChange(tx: DbOrTx, change: Change): Promise<void> {
  const now = new Date();
  const [activity] = await tx
    .insert(activities)
    .values({
      workspaceId: change.workspaceId,
      projectId: change.projectId ?? null,
      taskId: change.taskId ?? null,
      entityType: change.entityType,
      entityId: change.entityId,
      actorId: change.actor.id,
      action: change.action,
      changes: change.changes ?? {},
      createdAt: now,
    })
    .returning({ id: activities.id });
  await tx.insert(outbox).values({
    workspaceId: change.workspaceId,
    activityId: activity!.id,
    type: change.event.type,
    entityId: change.entityId,
    actorId: change.actor.id,
    payload: {
      type: change.event.type,
      workspaceId: change.workspaceId,
      entityId: change.entityId,
      data: change.event.data,
      actor: { id: change.actor.id, name: change.actor.name },
      ...(change.event.version !== undefined ? { version: change.event.version } : {}),
      at: now.toISOString(),
    },
    createdAt: now,
  });
  await notifyOutbox(tx);
}

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
