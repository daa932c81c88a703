import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationType } from '@teamflow/contracts/notifications';
import type { DbOrTx } from '@teamflow/db/client';
import {
  notificationPreferences,
  notifications,
  taskWatchers,
  workspaceMembers,
} from '@teamflow/db/schema/index';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  'workspaceId' | 'userId' | 'type' | 'taskId' | 'actorId' | 'data' | 'dedupeKey'
>;

export interface TaskContext {
  id: string;
  workspaceId: string;
  projectId: string;
  key: string;
  title: string;
  description: string | null;
  createdBy: string | null;
  dueDate: string | null;
}

/** A live task (not deleted) with what notifications show of it. */
export async function findTaskContext(db: DbOrTx, taskId: string): Promise<TaskContext | undefined> {
  const result = await db.execute<{
    id: string;
    workspace_id: string;
    project_id: string;
    key: string;
    title: string;
    description: string | null;
    created_by: string | null;
    due_date: string | null;
  }>(sql`
    select t.id, t.workspace_id, t.project_id, p.key || '-' || t.number as key, t.title, t.description,
           t.created_by, t.due_date::text as due_date
    from tasks t join projects p on p.id = t.project_id
    where t.id = ${taskId} and t.deleted_at is null and p.deleted_at is null`);
  const r = result.rows[0];
  return r
    ? {
        id: r.id,
        workspaceId: r.workspace_id,
        projectId: r.project_id,
        key: r.key,
        title: r.title,
        description: r.description,
        createdBy: r.created_by,
        dueDate: r.due_date,
      }
    : undefined;
}

/** Who follows a task: its creator, its assignees and its watchers. */
export async function taskFollowers(db: DbOrTx, taskId: string): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    select created_by as user_id from tasks where id = ${taskId} and created_by is not null
    union select user_id from task_assignees where task_id = ${taskId}
    union select user_id from task_watchers where task_id = ${taskId}`);
  return result.rows.map((r) => r.user_id);
}

/** The subset of `userIds` who are (still) members of the workspace. */
export async function membersAmong(db: DbOrTx, workspaceId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), inArray(workspaceMembers.userId, userIds)));
  return rows.map((r) => r.userId);
}

export async function userName(db: DbOrTx, userId: string): Promise<string | undefined> {
  const result = await db.execute<{ name: string }>(sql`select name from users where id = ${userId}`);
  return result.rows[0]?.name;
}

export interface PreferenceRow {
  userId: string;
  type: NotificationType;
  inApp: boolean;
  email: boolean;
}

export async function listPreferences(db: DbOrTx, userIds: string[]): Promise<PreferenceRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: notificationPreferences.userId,
      type: notificationPreferences.type,
      inApp: notificationPreferences.inApp,
      email: notificationPreferences.email,
    })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
}

export async function upsertPreferences(db: DbOrTx, rows: PreferenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.type],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: sql`now()` },
    });
}

/**
 * Writes notifications that do not exist yet (unique user + dedupe key). Returns only the rows
 * written now, so a retried job neither duplicates a notification nor emits its event twice.
 */
export async function insertNewNotifications(
  tx: DbOrTx,
  rows: NewNotification[],
): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning();
}

/** Newest first, keyset by (created_at, id); `cursorAt` keeps created_at at microsecond precision. */
export async function listNotificationRows(
  db: DbOrTx,
  userId: string,
  options: { unread?: boolean; limit: number; after?: { createdAt: string; id: string } },
): Promise<(NotificationRow & { cursorAt: string })[]> {
  const conditions = [eq(notifications.userId, userId)];
  if (options.unread) conditions.push(isNull(notifications.readAt));
  if (options.after) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${options.after.createdAt}::timestamptz, ${options.after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ n: notifications, cursorAt: sql<string>`to_json(${notifications.createdAt}) #>> '{}'` })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r.n, cursorAt: r.cursorAt }));
}

/** Marks one of the user's notifications read (keeping the first read time); undefined when not theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function addWatcher(db: DbOrTx, taskId: string, userId: string): Promise<void> {
  await db.insert(taskWatchers).values({ taskId, userId }).onConflictDoNothing();
}

export async function removeWatcher(db: DbOrTx, taskId: string, userId: string): Promise<void> {
  await db.delete(taskWatchers).where(and(eq(taskWatchers.taskId, taskId), eq(taskWatchers.userId, userId)));
}

export async function isWatching(db: DbOrTx, taskId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: taskWatchers.userId })
    .from(taskWatchers)
    .where(and(eq(taskWatchers.taskId, taskId), eq(taskWatchers.userId, userId)));
  return rows.length > 0;
}

/**
 * Open tasks due between today and the horizon, with each assignee who is still a member. A due
 * date is the assignee's own date: "today" and the horizon's date are read in their time zone.
 */
export async function dueSoonAssignments(
  db: DbOrTx,
  horizon: Date,
): Promise<{ taskId: string; userId: string }[]> {
  const result = await db.execute<{ task_id: string; user_id: string }>(sql`
    select t.id as task_id, a.user_id
    from tasks t
    join task_assignees a on a.task_id = t.id
    join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = a.user_id
    join users u on u.id = a.user_id
    where t.deleted_at is null and t.status not in ('done', 'archived') and t.due_date is not null
      and t.due_date >= (now() at time zone u.time_zone)::date
      and t.due_date <= (${horizon.toISOString()}::timestamptz at time zone u.time_zone)::date
    order by t.id`);
  return result.rows.map((r) => ({ taskId: r.task_id, userId: r.user_id }));
}

/** Users with unread, not yet emailed notifications created before `olderThan`. */
export async function usersWithDigestDue(db: DbOrTx, olderThan: Date, limit: number): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    select distinct user_id from notifications
    where read_at is null and emailed_at is null and created_at <= ${olderThan.toISOString()}::timestamptz
    limit ${limit}`);
  return result.rows.map((r) => r.user_id);
}

/** A user's digest candidates, locked for the transaction (a concurrent digest skips them). */
export async function lockDigestRows(
  db: DbOrTx,
  userId: string,
  olderThan: Date,
): Promise<NotificationRow[]> {
  const result = await db.execute<{ id: string }>(sql`
    select id from notifications
    where user_id = ${userId} and read_at is null and emailed_at is null
      and created_at <= ${olderThan.toISOString()}::timestamptz
    order by created_at, id
    for update skip locked`);
  const ids = result.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, ids))
    .orderBy(notifications.createdAt, notifications.id);
}

export async function markEmailed(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ emailedAt: sql`now()` })
    .where(inArray(notifications.id, ids));
}

export async function userContact(
  db: DbOrTx,
  userId: string,
): Promise<{ email: string; name: string } | undefined> {
  const result = await db.execute<{ email: string; name: string }>(
    sql`select email, name from users where id = ${userId}`,
  );
  return result.rows[0];
}

export async function findLiveCommentBody(db: DbOrTx, commentId: string): Promise<string | undefined> {
  const result = await db.execute<{ body: string }>(
    sql`select body from comments where id = ${commentId} and deleted_at is null`,
  );
  return result.rows[0]?.body;
}
