import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';

/**
 * The account's own rows across areas, for `GET /me/export` and `DELETE /me`. Every query is
 * fenced by the caller's id: the export holds their rows and nobody else's.
 */

type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>): Promise<Row[]> =>
  (await db.execute<Row>(query)).rows;

export async function accountRows(db: DbOrTx, userId: string) {
  const [profile, memberships, tasksCreated, comments, notifications, entries, exports] = await Promise.all([
    rows(
      db,
      sql`select id, email, name, avatar_url as "avatarUrl", time_zone as "timeZone",
      email_verified_at as "emailVerifiedAt", created_at as "createdAt" from users where id = ${userId}`,
    ),
    rows(
      db,
      sql`select m.workspace_id as "workspaceId", w.name as "workspaceName", m.role, m.created_at as "joinedAt"
      from workspace_members m join workspaces w on w.id = m.workspace_id where m.user_id = ${userId} order by m.created_at`,
    ),
    rows(
      db,
      sql`select t.id, p.key || '-' || t.number as key, t.title, t.description, t.status, t.priority,
      t.due_date as "dueDate", t.created_at as "createdAt", t.completed_at as "completedAt", p.name as project
      from tasks t join projects p on p.id = t.project_id where t.created_by = ${userId} order by t.created_at`,
    ),
    rows(
      db,
      sql`select c.id, c.task_id as "taskId", c.body, c.created_at as "createdAt", c.updated_at as "updatedAt",
      c.deleted_at as "deletedAt" from comments c where c.author_id = ${userId} order by c.created_at`,
    ),
    rows(
      db,
      sql`select id, workspace_id as "workspaceId", type, task_id as "taskId", data, read_at as "readAt", created_at as "createdAt"
      from notifications where user_id = ${userId} order by created_at`,
    ),
    rows(
      db,
      sql`select e.id, e.date::text as date, e.body, e.tags, e.version, e.created_at as "createdAt",
      e.updated_at as "updatedAt", i.status as "analysisStatus", i.provider, i.sentiment_score as "sentimentScore",
      i.sentiment_label as "sentimentLabel", i.projects, i.skills, i.achievements, i.themes
      from worklog_entries e left join worklog_insights i on i.entry_id = e.id and i.user_id = ${userId}
      where e.user_id = ${userId} order by e.date, e.created_at`,
    ),
    rows(
      db,
      sql`select id, kind, format, from_date::text as "from", to_date::text as "to", status, created_at as "createdAt"
      from worklog_exports where user_id = ${userId} order by created_at`,
    ),
  ]);
  return { profile: profile[0] ?? {}, memberships, tasksCreated, comments, notifications, entries, exports };
}

/**
 * The other areas' rows the caller authored: status updates, blockers they reported, decisions they
 * recorded, and their progress (XP events, stats, achievements). Fixed tables and author columns.
 */
export async function extraAuthoredRows(db: DbOrTx, userId: string): Promise<Record<string, Row[]>> {
  return {
    statusUpdates: await rows(db, sql`select * from status_updates where user_id = ${userId} order by date`),
    blockers: await rows(db, sql`select * from blockers where reported_by = ${userId} order by created_at`),
    decisions: await rows(db, sql`select * from decisions where created_by = ${userId} order by created_at`),
    xpEvents: await rows(db, sql`select * from xp_events where user_id = ${userId} order by earned_at`),
    userStats: await rows(db, sql`select * from user_stats where user_id = ${userId}`),
    userAchievements: await rows(db, sql`select * from user_achievements where user_id = ${userId}`),
    // Every AI call made for them (a workspace's feature or their own work log) and what it cost.
    aiUsage: await rows(
      db,
      sql`select id, workspace_id, feature, provider, model, prompt_tokens, completion_tokens, cost_micros,
                 cached, created_at
          from ai_usage where user_id = ${userId} order by created_at`,
    ),
    signInIdentities: await rows(
      db,
      sql`select issuer, subject, email, created_at from user_identities where user_id = ${userId}`,
    ),
  };
}

/** Workspaces (not deleted) where the caller is an owner, with how many other owners and members each has. */
export async function ownedWorkspacesForUpdate(
  db: DbOrTx,
  userId: string,
): Promise<{ id: string; name: string; otherOwners: number; otherMembers: number }[]> {
  const result = await db.execute<{
    id: string;
    name: string;
    other_owners: number;
    other_members: number;
  }>(sql`
    select w.id, w.name,
      (select count(*)::int from workspace_members o where o.workspace_id = w.id and o.role = 'owner' and o.user_id <> ${userId}) as other_owners,
      (select count(*)::int from workspace_members o where o.workspace_id = w.id and o.user_id <> ${userId}) as other_members
    from workspaces w
    join workspace_members m on m.workspace_id = w.id and m.user_id = ${userId} and m.role = 'owner'
    where w.deleted_at is null
    for update of w`);
  return result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    otherOwners: r.other_owners,
    otherMembers: r.other_members,
  }));
}

export async function membershipsOf(
  db: DbOrTx,
  userId: string,
): Promise<{ workspaceId: string; role: string }[]> {
  const result = await db.execute<{ workspace_id: string; role: string }>(
    sql`select workspace_id, role from workspace_members where user_id = ${userId}`,
  );
  return result.rows.map((r) => ({ workspaceId: r.workspace_id, role: r.role }));
}

/**
 * Erases the account in the caller's transaction: the journal, exports, tokens, notifications,
 * preferences, watches and memberships go; workspaces where they were alone are soft-deleted; the
 * user row stays as "Deleted user" (no email, no password), so tasks and comments keep an author.
 */
export async function eraseAccount(db: DbOrTx, userId: string, soleWorkspaceIds: string[]): Promise<void> {
  await db.execute(sql`delete from worklog_entries where user_id = ${userId}`);
  await db.execute(sql`delete from worklog_exports where user_id = ${userId}`);
  await db.execute(sql`delete from worklog_insights where user_id = ${userId}`);
  // Their check-ins stay with the team (like comments); the mood in them was only ever theirs.
  await db.execute(sql`update status_updates set mood = null where user_id = ${userId}`);
  await db.execute(sql`delete from away_ranges where user_id = ${userId}`);
  // Progress is personal: no "Deleted user" on a leaderboard.
  await db.execute(sql`delete from xp_events where user_id = ${userId}`);
  await db.execute(sql`delete from user_achievements where user_id = ${userId}`);
  await db.execute(sql`delete from user_stats where user_id = ${userId}`);
  await db.execute(sql`delete from progress_preferences where user_id = ${userId}`);
  await db.execute(sql`delete from refresh_tokens where user_id = ${userId}`);
  await db.execute(sql`delete from user_tokens where user_id = ${userId}`);
  // Its Google sign-in goes too: signing in there again starts a new account, not this one.
  await db.execute(sql`delete from user_identities where user_id = ${userId}`);
  await db.execute(sql`delete from api_tokens where user_id = ${userId}`);
  await db.execute(sql`delete from calendar_feeds where user_id = ${userId}`);
  await db.execute(sql`delete from notifications where user_id = ${userId}`);
  await db.execute(sql`delete from notification_preferences where user_id = ${userId}`);
  await db.execute(sql`delete from task_watchers where user_id = ${userId}`);
  await db.execute(sql`delete from workspace_members where user_id = ${userId}`);
  if (soleWorkspaceIds.length > 0)
    await db.execute(sql`update workspaces set deleted_at = now(), updated_at = now()
      where id in (${sql.join(
        soleWorkspaceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  await db.execute(sql`
    update users set name = 'Deleted user', email = 'deleted-' || id || '@deleted.invalid', password_hash = null,
      avatar_url = null, email_verified_at = null, deleted_at = now(), updated_at = now()
    where id = ${userId}`);
}
