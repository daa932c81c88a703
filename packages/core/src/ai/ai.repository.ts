import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { AiJobKind } from '@teamflow/contracts/ai';
import type { BacklogTask, NextTask } from '@teamflow/ai/inputs';
import type { DbOrTx } from '@teamflow/db/client';
import { aiBudgets, aiJobs, aiUsage } from '@teamflow/db/schema/index';
import { backlogTaskColumns, toBacklogTask, type BacklogTaskRow } from './backlog-tasks.repository';

export type AiJobRow = typeof aiJobs.$inferSelect;

export async function insertAiJob(db: DbOrTx, values: typeof aiJobs.$inferInsert): Promise<AiJobRow> {
  const [row] = await db.insert(aiJobs).values(values).returning();
  return row!;
}

export async function findAiJob(db: DbOrTx, id: string): Promise<AiJobRow | undefined> {
  const [row] = await db.select().from(aiJobs).where(eq(aiJobs.id, id));
  return row;
}

/** A completed job of the same kind and input in this workspace, finished after `since`. */
export async function findCachedAiJob(
  db: DbOrTx,
  workspaceId: string,
  kind: AiJobKind,
  inputHash: string,
  since: Date,
): Promise<AiJobRow | undefined> {
  const [row] = await db
    .select()
    .from(aiJobs)
    .where(
      and(
        eq(aiJobs.workspaceId, workspaceId),
        eq(aiJobs.kind, kind),
        eq(aiJobs.inputHash, inputHash),
        eq(aiJobs.state, 'completed'),
        gt(aiJobs.finishedAt, since),
      ),
    )
    .orderBy(desc(aiJobs.finishedAt))
    .limit(1);
  return row;
}

/** Moves a job on; never touches a job that already finished (a late retry cannot undo a result). */
export async function updateAiJob(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<AiJobRow, 'state' | 'progress' | 'result' | 'error' | 'provider' | 'finishedAt'>>,
): Promise<void> {
  await db
    .update(aiJobs)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(aiJobs.id, id), sql`${aiJobs.state} in ('queued', 'active')`));
}

export async function insertAiUsage(db: DbOrTx, values: typeof aiUsage.$inferInsert): Promise<void> {
  await db.insert(aiUsage).values(values);
}

export interface UsageGroup {
  provider: string;
  model: string;
  feature: string;
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  costMicros: number;
}

export async function usageSince(db: DbOrTx, workspaceId: string, since: Date): Promise<UsageGroup[]> {
  const result = await db.execute<Record<keyof UsageGroup, string>>(sql`
    select provider, model, feature,
           count(*) filter (where not cached) as "calls", count(*) filter (where cached) as "cachedCalls",
           coalesce(sum(prompt_tokens), 0) as "promptTokens", coalesce(sum(completion_tokens), 0) as "completionTokens",
           coalesce(sum(cost_micros), 0) as "costMicros"
    from ai_usage where workspace_id = ${workspaceId} and created_at >= ${since}
    group by provider, model, feature order by provider, model, feature`);
  return result.rows.map((r) => ({
    provider: r.provider,
    model: r.model,
    feature: r.feature,
    calls: Number(r.calls),
    cachedCalls: Number(r.cachedCalls),
    promptTokens: Number(r.promptTokens),
    completionTokens: Number(r.completionTokens),
    costMicros: Number(r.costMicros),
  }));
}

export async function spentSince(db: DbOrTx, workspaceId: string, since: Date): Promise<number> {
  const result = await db.execute<{ micros: string }>(
    sql`select coalesce(sum(cost_micros), 0) as micros from ai_usage where workspace_id = ${workspaceId} and created_at >= ${since}`,
  );
  return Number(result.rows[0]?.micros ?? 0);
}

/** What one person's own AI use (their work log: no workspace) cost since `since`. */
export async function personalSpentSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
  const result = await db.execute<{ micros: string }>(
    sql`select coalesce(sum(cost_micros), 0) as micros from ai_usage where workspace_id is null and user_id = ${userId} and created_at >= ${since}`,
  );
  return Number(result.rows[0]?.micros ?? 0);
}

export async function findBudgetMicros(db: DbOrTx, workspaceId: string): Promise<number | undefined> {
  const [row] = await db.select().from(aiBudgets).where(eq(aiBudgets.workspaceId, workspaceId));
  return row?.monthlyBudgetMicros;
}

export async function upsertBudget(db: DbOrTx, workspaceId: string, micros: number): Promise<void> {
  await db
    .insert(aiBudgets)
    .values({ workspaceId, monthlyBudgetMicros: micros })
    .onConflictDoUpdate({
      target: aiBudgets.workspaceId,
      set: { monthlyBudgetMicros: micros, updatedAt: sql`now()` },
    });
}

/** The task to break down, with its key and project name. */
export async function findTaskForAi(db: DbOrTx, taskId: string) {
  const result = await db.execute<{
    id: string;
    project_id: string;
    project_name: string;
    key: string;
    title: string;
    description: string | null;
    priority: BacklogTask['priority'];
    story_points: number | null;
  }>(sql`
    select t.id, t.project_id, p.name as project_name, p.key || '-' || t.number as key, t.title, t.description,
           t.priority, t.story_points
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    where t.id = ${taskId} and t.deleted_at is null`);
  return result.rows[0];
}

const OPEN_STATUSES = sql`('todo', 'in_progress', 'in_review', 'blocked')`;

/** Keys of the open tasks `t` waits on (`waits_on`) and that wait on it (`blocks`), for a select list. */
const dependencyKeys = sql`
  array(select dp.key || '-' || d.number from task_dependencies td
          join tasks d on d.id = td.depends_on_task_id and d.deleted_at is null and d.status in ${OPEN_STATUSES}
          join projects dp on dp.id = d.project_id
        where td.task_id = t.id order by dp.key, d.number) as waits_on,
  array(select wp.key || '-' || w.number from task_dependencies td
          join tasks w on w.id = td.task_id and w.deleted_at is null and w.status in ${OPEN_STATUSES}
          join projects wp on wp.id = w.project_id
        where td.depends_on_task_id = t.id order by wp.key, w.number) as blocks`;

/**
 * A project's tasks as the AI features read them, with dependencies resolved to keys of open
 * tasks. `openOnly` leaves out done work (prioritisation); archived tasks are always left out.
 */
export async function listBacklog(
  db: DbOrTx,
  projectId: string,
  openOnly: boolean,
  limit: number,
): Promise<{ projectName: string; tasks: BacklogTask[] } | undefined> {
  const project = await db.execute<{ name: string }>(
    sql`select name from projects where id = ${projectId} and deleted_at is null`,
  );
  if (!project.rows[0]) return undefined;
  const result = await db.execute<BacklogTaskRow>(sql`
    select ${backlogTaskColumns}, ${dependencyKeys}
    from tasks t join projects p on p.id = t.project_id
    where t.project_id = ${projectId} and t.deleted_at is null and t.status <> 'archived'
      ${openOnly ? sql`and t.status in ${OPEN_STATUSES}` : sql``}
    order by t.number
    limit ${limit}`);
  return { projectName: project.rows[0].name, tasks: result.rows.map(toBacklogTask) };
}

/**
 * "What next" input: the open tasks assigned to one person in a workspace, with what waits on
 * them, what they wait on and the active sprint they are in.
 */
export async function listAssignedOpenTasks(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  today: string,
  limit: number,
): Promise<NextTask[]> {
  const result = await db.execute<{
    id: string;
    key: string;
    title: string;
    project_id: string;
    status: NextTask['status'];
    priority: NextTask['priority'];
    due_date: string | null;
    story_points: number | null;
    updated_on: string;
    waits_on: string[];
    blocks: string[];
    sprint_name: string | null;
    sprint_goal: string | null;
    in_check_in: boolean;
  }>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.project_id, t.status, t.priority,
           t.due_date::text as due_date, t.story_points,
           to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD') as updated_on,
           ${dependencyKeys},
           s.name as sprint_name, s.goal as sprint_goal,
           exists(select 1 from status_updates su
                  where su.workspace_id = ${workspaceId} and su.user_id = ${userId} and su.date = ${today}::date
                    and t.id = any(su.task_ids)) as in_check_in
    from tasks t
    join projects p on p.id = t.project_id and p.deleted_at is null
    join task_assignees a on a.task_id = t.id and a.user_id = ${userId}
    left join sprints s on s.id = t.sprint_id and s.state = 'active'
    where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.status in ${OPEN_STATUSES}
    order by p.key, t.number
    limit ${limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    projectId: r.project_id,
    status: r.status,
    priority: r.priority,
    dueDate: r.due_date,
    storyPoints: r.story_points,
    updatedOn: r.updated_on,
    waitsOn: r.waits_on,
    blocks: r.blocks,
    sprint: r.sprint_name === null ? null : { name: r.sprint_name, goal: r.sprint_goal || null },
    inCheckIn: r.in_check_in,
  }));
}

/** Open tasks of a project matching any of `terms` (PostgreSQL full-text search), best first. */
export async function searchOpenTasks(db: DbOrTx, projectId: string, terms: string[], limit: number) {
  if (terms.length === 0) return [];
  const query = terms.join(' or ');
  const result = await db.execute<
    Pick<BacklogTaskRow, 'id' | 'key' | 'title' | 'description' | 'status' | 'priority'>
  >(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.description, t.status, t.priority
    from tasks t join projects p on p.id = t.project_id
    where t.project_id = ${projectId} and t.deleted_at is null
      and t.status in ('todo', 'in_progress', 'in_review', 'blocked')
      and t.search_vector @@ websearch_to_tsquery('english', ${query})
    order by ts_rank(t.search_vector, websearch_to_tsquery('english', ${query})) desc, t.number
    limit ${limit}`);
  return result.rows;
}
