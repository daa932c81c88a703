import { asc, eq, sql } from 'drizzle-orm';
import type {
  ExportedComment,
  ExportedMembership,
  ExportedMore,
  ExportedNotification,
  ExportedProfile,
  ExportedTask,
  ExportedWorklogEntry,
  ExportedWorklogExport,
} from '@teamflow/contracts/me';
import type { Role } from '@teamflow/contracts/permissions';
import type { DbOrTx } from '@teamflow/db/client';
import {
  aiUsage,
  blockers,
  decisions,
  statusUpdates,
  userAchievements,
  userIdentities,
  userStats,
  xpEvents,
} from '@teamflow/db/schema/index';

/**
 * The account's own rows across areas, for `GET /me/export` and `DELETE /me`. Every query is
 * fenced by the caller's id: the export holds their rows and nobody else's.
 */

type Row = Record<string, unknown>;
// Each query names its columns as the export's schema does (contracts/me.ts).
const rows = async <T extends Row = Row>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> =>
  (await db.execute<T>(query)).rows as T[];

// `execute` hands timestamps over as PostgreSQL's text ("2026-12-07 05:46:59.06+00"); the export
// writes them as every answer does, ISO-8601 UTC as toISOString would. Column names are ours, never input.
const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A row read through the schema: its camelCase names, with its Dates as ISO-8601 UTC text. */
const exported = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

export async function accountRows(db: DbOrTx, userId: string) {
  const [profile, memberships, tasksCreated, comments, notifications, entries, exports] = await Promise.all([
    rows<ExportedProfile>(
      db,
      sql`select id, email, name, avatar_url as "avatarUrl", time_zone as "timeZone",
      ${iso('email_verified_at')} as "emailVerifiedAt", ${iso('created_at')} as "createdAt" from users where id = ${userId}`,
    ),
    rows<ExportedMembership>(
      db,
      sql`select m.workspace_id as "workspaceId", w.name as "workspaceName", m.role, ${iso('m.created_at')} as "joinedAt"
      from workspace_members m join workspaces w on w.id = m.workspace_id where m.user_id = ${userId} order by m.created_at`,
    ),
    rows<ExportedTask>(
      db,
      sql`select t.id, p.key || '-' || t.number as key, t.title, t.description, t.status, t.priority,
      t.due_date as "dueDate", ${iso('t.created_at')} as "createdAt", ${iso('t.completed_at')} as "completedAt", p.name as project
      from tasks t join projects p on p.id = t.project_id where t.created_by = ${userId} order by t.created_at`,
    ),
    rows<ExportedComment>(
      db,
      sql`select c.id, c.task_id as "taskId", c.body, ${iso('c.created_at')} as "createdAt", ${iso('c.updated_at')} as "updatedAt",
      ${iso('c.deleted_at')} as "deletedAt" from comments c where c.author_id = ${userId} order by c.created_at`,
    ),
    rows<ExportedNotification>(
      db,
      sql`select id, workspace_id as "workspaceId", type, task_id as "taskId", data, ${iso('read_at')} as "readAt", ${iso('created_at')} as "createdAt"
      from notifications where user_id = ${userId} order by created_at`,
    ),
    rows<ExportedWorklogEntry>(
      db,
      sql`select e.id, e.date::text as date, e.body, e.tags, e.version, ${iso('e.created_at')} as "createdAt",
      ${iso('e.updated_at')} as "updatedAt", i.status as "analysisStatus", i.provider, i.sentiment_score as "sentimentScore",
      i.sentiment_label as "sentimentLabel", i.projects, i.skills, i.achievements, i.themes
      from worklog_entries e left join worklog_insights i on i.entry_id = e.id and i.user_id = ${userId}
      where e.user_id = ${userId} order by e.date, e.created_at`,
    ),
    rows<ExportedWorklogExport>(
      db,
      sql`select id, kind, format, from_date::text as "from", to_date::text as "to", status, ${iso('created_at')} as "createdAt"
      from worklog_exports where user_id = ${userId} order by created_at`,
    ),
  ]);
  // Undefined once the account is gone (a request racing its deletion).
  return { profile: profile[0], memberships, tasksCreated, comments, notifications, entries, exports };
}

/**
 * The other areas' rows the caller authored: status updates, blockers they reported, decisions they
 * recorded, and their progress (XP events, stats, achievements). Read through the schema, so they
 * come out under the api's camelCase names.
 */
export async function extraAuthoredRows(db: DbOrTx, userId: string): Promise<ExportedMore> {
  // Trusts each table's columns to be what its section's schema in contracts/me.ts declares; the
  // export test parses a document with every section filled to hold that.
  const all = async <T>(query: Promise<Row[]>): Promise<T[]> => (await query).map(exported) as T[];
  return {
    statusUpdates: await all(
      db
        .select()
        .from(statusUpdates)
        .where(eq(statusUpdates.userId, userId))
        .orderBy(asc(statusUpdates.date)),
    ),
    blockers: await all(
      db.select().from(blockers).where(eq(blockers.reportedBy, userId)).orderBy(asc(blockers.createdAt)),
    ),
    decisions: await all(
      db.select().from(decisions).where(eq(decisions.createdBy, userId)).orderBy(asc(decisions.createdAt)),
    ),
    xpEvents: await all(
      db.select().from(xpEvents).where(eq(xpEvents.userId, userId)).orderBy(asc(xpEvents.earnedAt)),
    ),
    userStats: await all(db.select().from(userStats).where(eq(userStats.userId, userId))),
    userAchievements: await all(
      db.select().from(userAchievements).where(eq(userAchievements.userId, userId)),
    ),
    // Every AI call made for them (a workspace's feature or their own work log) and what it cost.
    aiUsage: await all(
      db
        .select({
          id: aiUsage.id,
          workspaceId: aiUsage.workspaceId,
          feature: aiUsage.feature,
          provider: aiUsage.provider,
          model: aiUsage.model,
          promptTokens: aiUsage.promptTokens,
          completionTokens: aiUsage.completionTokens,
          costMicros: aiUsage.costMicros,
          cached: aiUsage.cached,
          createdAt: aiUsage.createdAt,
        })
        .from(aiUsage)
        .where(eq(aiUsage.userId, userId))
        .orderBy(asc(aiUsage.createdAt)),
    ),
    signInIdentities: await all(
      db
        .select({
          issuer: userIdentities.issuer,
          subject: userIdentities.subject,
          email: userIdentities.email,
          createdAt: userIdentities.createdAt,
        })
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId)),
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
): Promise<{ workspaceId: string; role: Role }[]> {
  const result = await db.execute<{ workspace_id: string; role: Role }>(
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
