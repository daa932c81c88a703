import { and, desc, eq, sql } from 'drizzle-orm';
import type { ServerEvent } from '@teamflow/contracts/events';
import type { DbOrTx } from '@teamflow/db/client';
import {
  progressPreferences,
  sprints,
  progressSettings,
  taskXpPlans,
  userAchievements,
  userStats,
  users,
  xpEvents,
} from '@teamflow/db/schema/index';
import type { AchievementFacts } from './achievements';
import type { WorkCalendar } from './streaks';

export type XpEventRow = typeof xpEvents.$inferSelect;
export type NewXpEvent = typeof xpEvents.$inferInsert;
export type UserStatsRow = typeof userStats.$inferSelect;

// ---- the consumer's cursor and its events ----

/** Locks (creating it at 0) a consumer's cursor on one workspace: one reader at a time, in order. */
export async function lockCursor(tx: DbOrTx, consumer: string, workspaceId: string): Promise<number> {
  await tx.execute(sql`
    insert into event_consumer_cursors (consumer, workspace_id) values (${consumer}, ${workspaceId})
    on conflict do nothing`);
  const result = await tx.execute<{ last_seq: string }>(sql`
    select last_seq from event_consumer_cursors
    where consumer = ${consumer} and workspace_id = ${workspaceId} for update`);
  return Number(result.rows[0]!.last_seq);
}

export async function saveCursor(
  tx: DbOrTx,
  consumer: string,
  workspaceId: string,
  lastSeq: number,
): Promise<void> {
  await tx.execute(sql`
    update event_consumer_cursors set last_seq = ${lastSeq}, updated_at = now()
    where consumer = ${consumer} and workspace_id = ${workspaceId}`);
}

/** Published events of the given types after a seq, in seq (publish) order, as the stream carried them. */
export async function publishedEventsAfter(
  tx: DbOrTx,
  workspaceId: string,
  afterSeq: number,
  types: readonly string[],
  limit: number,
): Promise<ServerEvent[]> {
  const result = await tx.execute<{ payload: Omit<ServerEvent, 'seq'>; seq: string }>(sql`
    select payload, seq from outbox
    where workspace_id = ${workspaceId} and seq > ${afterSeq} and type = any(${sql.param([...types])}::text[])
    order by seq limit ${limit}`);
  return result.rows.map((r) => ({ ...r.payload, seq: Number(r.seq) }) as ServerEvent);
}

/** The newest seq published in a workspace. */
export async function lastPublishedSeq(tx: DbOrTx, workspaceId: string): Promise<number> {
  const result = await tx.execute<{ last_seq: string }>(
    sql`select last_seq from workspace_event_seq where workspace_id = ${workspaceId}`,
  );
  return Number(result.rows[0]?.last_seq ?? 0);
}

// ---- what the consumer knows of tasks and sprints ----

export async function findTaskPlan(tx: DbOrTx, taskId: string) {
  const [row] = await tx.select().from(taskXpPlans).where(eq(taskXpPlans.taskId, taskId)).limit(1);
  return row;
}

/** Notes a task's latest points; freezes its XP when `freeze` is given and none is frozen yet. */
export async function noteTaskPlan(
  tx: DbOrTx,
  workspaceId: string,
  taskId: string,
  storyPoints: number | null,
  freeze?: { xp: number; at: Date },
): Promise<void> {
  await tx
    .insert(taskXpPlans)
    .values({
      taskId,
      workspaceId,
      storyPoints,
      plannedXp: freeze?.xp ?? null,
      plannedAt: freeze?.at ?? null,
    })
    .onConflictDoUpdate({
      target: taskXpPlans.taskId,
      set: {
        storyPoints,
        plannedXp: sql`coalesce(${taskXpPlans.plannedXp}, excluded.planned_xp)`,
        plannedAt: sql`coalesce(${taskXpPlans.plannedAt}, excluded.planned_at)`,
        updatedAt: sql`now()`,
      },
    });
}

export async function sprintStateOf(tx: DbOrTx, sprintId: string): Promise<string | undefined> {
  const result = await tx.execute<{ state: string }>(sql`select state from sprints where id = ${sprintId}`);
  return result.rows[0]?.state;
}

/** Tasks in a sprint now, with the points the consumer last saw (or the task's own). */
export async function tasksInSprint(
  tx: DbOrTx,
  sprintId: string,
): Promise<{ id: string; storyPoints: number | null }[]> {
  const result = await tx.execute<{ id: string; story_points: number | null }>(sql`
    select t.id, coalesce(p.story_points, t.story_points) as story_points
    from tasks t left join task_xp_plans p on p.task_id = t.id
    where t.sprint_id = ${sprintId} and t.deleted_at is null`);
  return result.rows.map((r) => ({ id: r.id, storyPoints: r.story_points }));
}

/** Assignees of the given tasks, each once, with the points of the tasks they share. */
export async function assigneePoints(
  tx: DbOrTx,
  taskIds: string[],
): Promise<{ userId: string; name: string; points: number }[]> {
  if (taskIds.length === 0) return [];
  const result = await tx.execute<{ user_id: string; name: string; points: string }>(sql`
    select a.user_id, u.name, sum(coalesce(t.story_points, 0)) as points
    from task_assignees a join tasks t on t.id = a.task_id join users u on u.id = a.user_id
    where a.task_id = any(${sql.param(taskIds)}::uuid[])
    group by a.user_id, u.name order by points desc, u.name`);
  return result.rows.map((r) => ({ userId: r.user_id, name: r.name, points: Number(r.points) }));
}

// ---- awards ----

export async function userZone(tx: DbOrTx, userId: string): Promise<string | undefined> {
  const [row] = await tx.select({ zone: users.timeZone }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.zone;
}

/** True when anyone was already paid (even 0) for this source and kind: "once ever". */
export async function sourcePaid(
  tx: DbOrTx,
  sourceType: string,
  sourceId: string,
  kind: string,
): Promise<boolean> {
  const result = await tx.execute(sql`
    select 1 from xp_events where source_type = ${sourceType} and source_id = ${sourceId} and kind = ${kind} limit 1`);
  return result.rows.length > 0;
}

export async function xpOnDay(
  tx: DbOrTx,
  workspaceId: string,
  userId: string,
  localDate: string,
): Promise<number> {
  const result = await tx.execute<{ total: string | null }>(sql`
    select sum(xp) as total from xp_events
    where workspace_id = ${workspaceId} and user_id = ${userId} and local_date = ${localDate}`);
  return Number(result.rows[0]?.total ?? 0);
}

/** Inserts the award unless its (user, source, kind) is already there; returns it when new. */
export async function insertXpEvent(tx: DbOrTx, row: NewXpEvent): Promise<XpEventRow | undefined> {
  const [inserted] = await tx.insert(xpEvents).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** The person's stats row in a workspace, created empty if missing, locked for the transaction. */
export async function lockStats(tx: DbOrTx, workspaceId: string, userId: string): Promise<UserStatsRow> {
  await tx.insert(userStats).values({ workspaceId, userId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(userStats)
    .where(and(eq(userStats.workspaceId, workspaceId), eq(userStats.userId, userId)))
    .for('update');
  return row!;
}

export async function saveStats(tx: DbOrTx, row: UserStatsRow): Promise<void> {
  const { workspaceId, userId, createdAt: _c, updatedAt: _u, ...values } = row;
  await tx
    .update(userStats)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(userStats.workspaceId, workspaceId), eq(userStats.userId, userId)));
}

export async function achievementFacts(
  tx: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<Omit<AchievementFacts, 'longestStreak' | 'level'>> {
  const result = await tx.execute<Record<string, string | null>>(sql`
    with paid as (
      select * from xp_events where workspace_id = ${workspaceId} and user_id = ${userId} and xp > 0
    ),
    weeks as (
      select count(distinct local_date) as days from paid
      where kind = 'status_update' group by date_trunc('week', local_date)
    )
    select
      count(*) filter (where kind = 'task_done') as tasks_done,
      count(*) filter (where kind = 'task_done' and detail->>'helped' = 'true') as tasks_helped,
      count(*) filter (where kind = 'status_update') as status_updates,
      (select coalesce(max(days), 0) from weeks) as best_week,
      count(*) filter (where kind = 'decision_accepted') as decisions,
      count(*) filter (where kind = 'incident_resolved') as incidents,
      count(*) filter (where kind = 'sprint_bonus') as sprint_bonuses
    from paid`);
  const r = result.rows[0] ?? {};
  const n = (v: string | null | undefined) => Number(v ?? 0);
  return {
    tasksDone: n(r.tasks_done),
    tasksHelped: n(r.tasks_helped),
    statusUpdates: n(r.status_updates),
    checkInDaysInBestWeek: n(r.best_week),
    decisionsAccepted: n(r.decisions),
    incidentsCommanded: n(r.incidents),
    sprintBonuses: n(r.sprint_bonuses),
  };
}

/** Records achievements not held yet; returns those that are new. */
export async function insertAchievements(
  tx: DbOrTx,
  workspaceId: string,
  userId: string,
  ids: string[],
  at: Date,
): Promise<{ achievementId: string; unlockedAt: Date }[]> {
  if (ids.length === 0) return [];
  return tx
    .insert(userAchievements)
    .values(ids.map((achievementId) => ({ workspaceId, userId, achievementId, unlockedAt: at })))
    .onConflictDoNothing()
    .returning({ achievementId: userAchievements.achievementId, unlockedAt: userAchievements.unlockedAt });
}

// ---- settings ----

export async function gamificationEnabled(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: progressSettings.enabled })
    .from(progressSettings)
    .where(eq(progressSettings.workspaceId, workspaceId))
    .limit(1);
  return row?.enabled ?? true;
}

export async function setGamificationEnabled(
  db: DbOrTx,
  workspaceId: string,
  enabled: boolean,
): Promise<void> {
  await db
    .insert(progressSettings)
    .values({ workspaceId, enabled })
    .onConflictDoUpdate({ target: progressSettings.workspaceId, set: { enabled, updatedAt: new Date() } });
}

export async function showsOnLeaderboard(db: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ show: progressPreferences.showOnLeaderboard })
    .from(progressPreferences)
    .where(and(eq(progressPreferences.workspaceId, workspaceId), eq(progressPreferences.userId, userId)))
    .limit(1);
  return row?.show ?? true;
}

export async function setShowOnLeaderboard(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  showOnLeaderboard: boolean,
): Promise<void> {
  await db
    .insert(progressPreferences)
    .values({ workspaceId, userId, showOnLeaderboard })
    .onConflictDoUpdate({
      target: [progressPreferences.workspaceId, progressPreferences.userId],
      set: { showOnLeaderboard, updatedAt: new Date() },
    });
}

// ---- reads ----

export async function isMember(db: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const result = await db.execute(
    sql`select 1 from workspace_members where workspace_id = ${workspaceId} and user_id = ${userId}`,
  );
  return result.rows.length > 0;
}

export async function findStats(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<UserStatsRow | undefined> {
  const [row] = await db
    .select()
    .from(userStats)
    .where(and(eq(userStats.workspaceId, workspaceId), eq(userStats.userId, userId)))
    .limit(1);
  return row;
}

export async function recentXpEvents(db: DbOrTx, workspaceId: string, userId: string, limit: number) {
  return db
    .select()
    .from(xpEvents)
    .where(and(eq(xpEvents.workspaceId, workspaceId), eq(xpEvents.userId, userId)))
    .orderBy(desc(xpEvents.earnedAt), desc(xpEvents.createdAt))
    .limit(limit);
}

export async function achievementsOf(db: DbOrTx, workspaceId: string, userId: string) {
  return db
    .select({ achievementId: userAchievements.achievementId, unlockedAt: userAchievements.unlockedAt })
    .from(userAchievements)
    .where(and(eq(userAchievements.workspaceId, workspaceId), eq(userAchievements.userId, userId)))
    .orderBy(userAchievements.unlockedAt, userAchievements.achievementId);
}

/** Members who have not opted out, by XP from a local date on (or all time), with their total XP. */
export async function leaderboardRows(db: DbOrTx, workspaceId: string, from: string | null, limit: number) {
  const result = await db.execute<{
    user_id: string;
    name: string;
    avatar_url: string | null;
    period_xp: string;
    total_xp: number | null;
  }>(sql`
    select m.user_id, u.name, u.avatar_url,
           coalesce(sum(e.xp), 0) as period_xp, s.xp as total_xp
    from workspace_members m
    join users u on u.id = m.user_id
    left join progress_preferences p on p.workspace_id = m.workspace_id and p.user_id = m.user_id
    left join xp_events e on e.workspace_id = m.workspace_id and e.user_id = m.user_id
      and (${from}::date is null or e.local_date >= ${from}::date)
    left join user_stats s on s.workspace_id = m.workspace_id and s.user_id = m.user_id
    where m.workspace_id = ${workspaceId} and coalesce(p.show_on_leaderboard, true)
    group by m.user_id, u.name, u.avatar_url, s.xp
    having coalesce(sum(e.xp), 0) > 0
    order by period_xp desc, u.name, m.user_id
    limit ${limit}`);
  return result.rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    avatarUrl: r.avatar_url,
    xp: Number(r.period_xp),
    totalXp: Number(r.total_xp ?? 0),
  }));
}

// ---- rebuild ----

/** Every award of one person in a workspace, in the order the consumer wrote them. */
export async function xpEventsInOrder(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<XpEventRow[]> {
  return db
    .select()
    .from(xpEvents)
    .where(and(eq(xpEvents.workspaceId, workspaceId), eq(xpEvents.userId, userId)))
    .orderBy(xpEvents.createdAt, xpEvents.earnedAt, xpEvents.localDate);
}

/** Everyone with awards or stats in a workspace (or every workspace), with their zone. */
export async function progressPeople(
  db: DbOrTx,
  workspaceId?: string,
): Promise<{ workspaceId: string; userId: string; zone: string }[]> {
  const result = await db.execute<{ workspace_id: string; user_id: string; time_zone: string }>(sql`
    select k.workspace_id, k.user_id, u.time_zone from (
      select workspace_id, user_id from xp_events
      union select workspace_id, user_id from user_stats
    ) k join users u on u.id = k.user_id
    where ${workspaceId ?? null}::uuid is null or k.workspace_id = ${workspaceId ?? null}::uuid
    order by k.workspace_id, k.user_id`);
  return result.rows.map((r) => ({ workspaceId: r.workspace_id, userId: r.user_id, zone: r.time_zone }));
}

/** The workspace's check-in days and the person's away days: the days a streak counts (see streaks.ts). */
export async function workCalendarOf(db: DbOrTx, workspaceId: string, userId: string): Promise<WorkCalendar> {
  const result = await db.execute<{ days: number[]; away: { from: string; to: string }[] }>(sql`
    select coalesce((select days from check_in_settings where workspace_id = ${workspaceId}), '{1,2,3,4,5}') as days,
           coalesce((select json_agg(json_build_object('from', from_date, 'to', to_date))
                     from away_ranges where user_id = ${userId}), '[]'::json) as away`);
  const row = result.rows[0]!;
  return { weekdays: row.days, away: row.away };
}

/** The workspace's active sprint (of one project, if named) started most recently. */
export async function activeSprint(db: DbOrTx, workspaceId: string, projectId?: string) {
  const [row] = await db
    .select()
    .from(sprints)
    .where(
      and(
        eq(sprints.workspaceId, workspaceId),
        eq(sprints.state, 'active'),
        projectId ? eq(sprints.projectId, projectId) : undefined,
      ),
    )
    .orderBy(desc(sprints.startedAt), desc(sprints.id))
    .limit(1);
  return row;
}

/** A workspace's done tasks with their assignees, oldest first (the demo seed's history). */
export async function doneTasksOf(db: DbOrTx, workspaceId: string) {
  const result = await db.execute<{
    id: string;
    key: string;
    title: string;
    story_points: number | null;
    created_by: string;
    assignee_ids: string[] | null;
  }>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.story_points, t.created_by,
           array_remove(array_agg(a.user_id), null) as assignee_ids
    from tasks t join projects p on p.id = t.project_id
    left join task_assignees a on a.task_id = t.id
    where t.workspace_id = ${workspaceId} and t.status = 'done' and t.deleted_at is null
    group by t.id, p.key order by t.created_at, t.id`);
  return result.rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    storyPoints: r.story_points,
    createdBy: r.created_by,
    assigneeIds: r.assignee_ids ?? [],
  }));
}
