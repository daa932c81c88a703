import { sql } from 'drizzle-orm';
import type { TaskPriority } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';

export interface FinishedTaskRow {
  id: string;
  priority: TaskPriority;
  storyPoints: number | null;
  createdAt: Date;
  completedAt: Date;
  /** The first move to in_progress (from the activity log), if any. */
  startedAt: Date | null;
}

/**
 * The caller's assigned tasks that reached done in [start, end). Fenced to `userId` in the query
 * itself: nothing here can return someone else's work.
 */
export async function listFinishedTasksOf(
  db: DbOrTx,
  userId: string,
  start: Date,
  end: Date,
): Promise<FinishedTaskRow[]> {
  const result = await db.execute<{
    id: string;
    priority: TaskPriority;
    story_points: number | null;
    created_at: string | Date;
    completed_at: string | Date;
    started_at: string | Date | null;
  }>(sql`
    select t.id, t.priority, t.story_points, t.created_at, t.completed_at,
           (select min(a.created_at) from activities a
             where a.task_id = t.id and a.changes -> 'status' ->> 'to' = 'in_progress') as started_at
    from tasks t
    join task_assignees ta on ta.task_id = t.id and ta.user_id = ${userId}
    where t.deleted_at is null and t.completed_at >= ${start} and t.completed_at < ${end}
    order by t.completed_at
    limit 5000`);
  return result.rows.map((r) => ({
    id: r.id,
    priority: r.priority,
    storyPoints: r.story_points,
    createdAt: new Date(r.created_at),
    completedAt: new Date(r.completed_at),
    startedAt: r.started_at ? new Date(r.started_at) : null,
  }));
}

export interface BlockedFigures {
  /** The caller's tasks in view: finished in the range, or open and created before its end. */
  tasks: number;
  blockedTasks: number;
  /** Moves to blocked within the range. */
  times: number;
  byTask: { key: string; title: string; holds: number }[];
}

/**
 * How often the caller's tasks were held up: marked blocked within the range, or waiting on
 * another task (a dependency). Only the caller's own assigned tasks are read.
 */
export async function blockedFiguresOf(
  db: DbOrTx,
  userId: string,
  start: Date,
  end: Date,
): Promise<BlockedFigures> {
  const mine = sql`
    select t.id from tasks t
    join task_assignees ta on ta.task_id = t.id and ta.user_id = ${userId}
    where t.deleted_at is null and t.created_at < ${end}
      and ((t.completed_at >= ${start} and t.completed_at < ${end})
           or t.status in ('todo', 'in_progress', 'in_review', 'blocked'))`;
  const counts = await db.execute<{ tasks: number; blocked_tasks: number; times: number }>(sql`
    with mine as (${mine}),
    marks as (
      select a.task_id, count(*)::int as times from activities a
      where a.task_id in (select id from mine) and a.changes -> 'status' ->> 'to' = 'blocked'
        and a.created_at >= ${start} and a.created_at < ${end}
      group by a.task_id),
    waits as (select distinct td.task_id from task_dependencies td where td.task_id in (select id from mine))
    select (select count(*)::int from mine) as tasks,
           (select count(*)::int from mine where id in (select task_id from marks) or id in (select task_id from waits)) as blocked_tasks,
           (select coalesce(sum(times), 0)::int from marks) as times`);
  const byTask = await db.execute<{ key: string; title: string; holds: number }>(sql`
    with mine as (${mine})
    select p.key || '-' || d.number as key, d.title, count(*)::int as holds
    from task_dependencies td
    join tasks d on d.id = td.depends_on_task_id and d.deleted_at is null
    join projects p on p.id = d.project_id
    where td.task_id in (select id from mine)
    group by p.key, d.number, d.title
    order by holds desc, key
    limit 5`);
  const row = counts.rows[0]!;
  return { tasks: row.tasks, blockedTasks: row.blocked_tasks, times: row.times, byTask: byTask.rows };
}

export async function timeZoneOf(db: DbOrTx, userId: string): Promise<string> {
  const result = await db.execute<{ time_zone: string }>(
    sql`select time_zone from users where id = ${userId}`,
  );
  return result.rows[0]?.time_zone ?? 'UTC';
}
