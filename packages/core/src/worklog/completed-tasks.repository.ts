import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';

// The tasks an author completed, for their own work log (timeline, insights, review exports).
// PRIVACY as in worklog.repository.ts: every query is fenced by the author's id and membership.

// The author's completed tasks between two instants: assigned to them, in workspaces they still
// belong to, neither the task nor its project deleted. The list and the daily count share it.
const completedBy = (userId: string, from: Date, to: Date): SQL => sql`
    from tasks t
    join task_assignees a on a.task_id = t.id and a.user_id = ${userId}
    join projects p on p.id = t.project_id and p.deleted_at is null
    join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = ${userId}
    where t.deleted_at is null and t.completed_at is not null
      and t.completed_at >= ${from.toISOString()} and t.completed_at < ${to.toISOString()}`;

export type CompletedTaskRow = {
  id: string;
  key: string;
  title: string;
  project_id: string;
  project_name: string;
  workspace_id: string;
  done_at: Date;
  /** completed_at to the microsecond, for `after`: a JS Date would cut it and skip rows. */
  cursor_at: string;
};

/**
 * Tasks the author completed between two instants, most recently done first: done (or archived
 * after done), assigned to them, in workspaces they still belong to. (A task is the team's; only
 * its key, title and project appear in the author's own timeline.) At most `limit`, after the
 * `after` row when given (keyset on completed_at, id): no default, so no caller cuts a range short
 * without choosing to.
 */
export async function completedTasks(
  db: DbOrTx,
  userId: string,
  from: Date,
  to: Date,
  page: { limit: number; after?: { cursorAt: string; id: string } },
): Promise<CompletedTaskRow[]> {
  const { after } = page;
  const result = await db.execute<CompletedTaskRow>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, p.id as project_id, p.name as project_name,
           t.workspace_id, t.completed_at as done_at, to_json(t.completed_at) #>> '{}' as cursor_at
    ${completedBy(userId, from, to)}
      ${after ? sql`and (t.completed_at, t.id) < (${after.cursorAt}::timestamptz, ${after.id}::uuid)` : sql``}
    order by t.completed_at desc, t.id desc
    limit ${page.limit}`);
  return result.rows.map((r) => ({ ...r, done_at: new Date(r.done_at) }));
}

/**
 * How many tasks the author completed on each day, counted in SQL (no rows read) with the same
 * filters as `completedTasks`. `bounds` are the instants the days begin, in order, then the
 * instant the last one ends: day i holds `bounds[i] <= completed_at < bounds[i + 1]`. One count
 * per day, zeros included.
 */
export async function tasksDonePerDay(db: DbOrTx, userId: string, bounds: Date[]): Promise<number[]> {
  const counts = Array.from({ length: Math.max(bounds.length - 1, 0) }, () => 0);
  if (counts.length === 0) return counts;
  // width_bucket finds each task's day in the sorted bounds: 1 for the first day, and so on.
  const result = await db.execute<{ day: number; done: number }>(sql`
    select width_bucket(t.completed_at, ${sql.param(bounds.map((b) => b.toISOString()))}::timestamptz[]) as day,
           count(*)::int as done
    ${completedBy(userId, bounds[0]!, bounds.at(-1)!)}
    group by 1`);
  for (const r of result.rows) counts[r.day - 1] = r.done;
  return counts;
}

/**
 * What the insights' task counts depend on, in one short string: how many tasks `completedBy`
 * finds in the range and the newest change among them. Read through the same filters as the
 * counts, so a deleted project, a workspace left or a task unassigned changes it as surely as a
 * task done: a cache keyed by it never serves counts those filters would no longer give.
 */
export async function completedTasksStamp(db: DbOrTx, userId: string, from: Date, to: Date): Promise<string> {
  const result = await db.execute<{ stamp: string }>(sql`
    select count(*) || ':' || coalesce(max(t.updated_at)::text, '') as stamp
    ${completedBy(userId, from, to)}`);
  return result.rows[0]?.stamp ?? '';
}
