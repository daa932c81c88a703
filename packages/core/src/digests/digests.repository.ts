import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { LinkedTask } from '@teamflow/contracts/refs';
import type { BacklogTask } from '@teamflow/ai/inputs';
import type { DbOrTx } from '@teamflow/db/client';
import { dailySummaries } from '@teamflow/db/schema/index';
import { backlogTaskColumns, toBacklogTask, type BacklogTaskRow } from '../ai/backlog-tasks.repository';

export type DailySummaryRow = typeof dailySummaries.$inferSelect;
type NewSummary = Omit<typeof dailySummaries.$inferInsert, 'id'>;

/** Writes the day's digest once: undefined when it already exists (two workers, or a retry). */
export async function insertDailySummaryOnce(
  db: DbOrTx,
  values: NewSummary,
): Promise<DailySummaryRow | undefined> {
  const [row] = await db.insert(dailySummaries).values(values).onConflictDoNothing().returning();
  return row;
}

/** Regenerate: the day keeps one row, replaced. */
export async function replaceDailySummary(db: DbOrTx, values: NewSummary): Promise<DailySummaryRow> {
  const [row] = await db
    .insert(dailySummaries)
    .values(values)
    .onConflictDoUpdate({
      target: [dailySummaries.workspaceId, dailySummaries.date],
      set: {
        provider: values.provider,
        summary: values.summary,
        sections: values.sections,
        generatedAt: values.generatedAt,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function findDailySummary(
  db: DbOrTx,
  workspaceId: string,
  date: string,
): Promise<DailySummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(dailySummaries)
    .where(and(eq(dailySummaries.workspaceId, workspaceId), eq(dailySummaries.date, date)));
  return row;
}

export async function listDailySummaryRows(
  db: DbOrTx,
  workspaceId: string,
  options: { limit: number; before?: string },
): Promise<DailySummaryRow[]> {
  const c = [eq(dailySummaries.workspaceId, workspaceId)];
  if (options.before) c.push(lt(dailySummaries.date, options.before));
  return db
    .select()
    .from(dailySummaries)
    .where(and(...c))
    .orderBy(desc(dailySummaries.date))
    .limit(options.limit);
}

export interface DayCounts {
  blockers: { opened: number; open: number; unacknowledged: number; escalated: number };
  incidents: { declared: number; open: number; resolved: number };
}

/** The day's figures for blockers and incidents, between the instants the local day starts and ends. */
export async function dayCounts(db: DbOrTx, workspaceId: string, start: Date, end: Date): Promise<DayCounts> {
  const s = start.toISOString();
  const e = end.toISOString();
  const b = await db.execute<Record<string, number>>(sql`
    select
      count(*) filter (where created_at >= ${s}::timestamptz)::int as opened,
      count(*) filter (where resolved_at is null or resolved_at >= ${e}::timestamptz)::int as open,
      count(*) filter (where status = 'open')::int as unacknowledged,
      count(*) filter (where escalation_level > 0 and status <> 'resolved')::int as escalated
    from blockers where workspace_id = ${workspaceId} and created_at < ${e}::timestamptz
  `);
  const i = await db.execute<Record<string, number>>(sql`
    select
      count(*) filter (where created_at >= ${s}::timestamptz)::int as declared,
      count(*) filter (where resolved_at is null or resolved_at >= ${e}::timestamptz)::int as open,
      count(*) filter (where resolved_at >= ${s}::timestamptz and resolved_at < ${e}::timestamptz)::int as resolved
    from incidents where workspace_id = ${workspaceId} and created_at < ${e}::timestamptz
  `);
  const br = b.rows[0]!;
  const ir = i.rows[0]!;
  return {
    blockers: {
      opened: Number(br.opened),
      open: Number(br.open),
      unacknowledged: Number(br.unacknowledged),
      escalated: Number(br.escalated),
    },
    incidents: { declared: Number(ir.declared), open: Number(ir.open), resolved: Number(ir.resolved) },
  };
}

/** Tasks of the workspace finished during the day. */
export async function tasksCompletedBetween(
  db: DbOrTx,
  workspaceId: string,
  start: Date,
  end: Date,
): Promise<LinkedTask[]> {
  const result = await db.execute<LinkedTask>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.status
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.status = 'done'
      and t.completed_at >= ${start.toISOString()}::timestamptz and t.completed_at < ${end.toISOString()}::timestamptz
    order by t.completed_at
    limit 100
  `);
  return result.rows;
}

/** What the AI summary reads: the day's finished tasks plus what is blocked now, as a backlog. */
export async function digestBacklog(
  db: DbOrTx,
  workspaceId: string,
  start: Date,
  end: Date,
): Promise<BacklogTask[]> {
  const result = await db.execute<BacklogTaskRow>(sql`
    select ${backlogTaskColumns}
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    where t.workspace_id = ${workspaceId} and t.deleted_at is null
      and ((t.status = 'done' and t.completed_at >= ${start.toISOString()}::timestamptz and t.completed_at < ${end.toISOString()}::timestamptz)
           or t.status = 'blocked')
    order by t.updated_at desc
    limit 100
  `);
  return result.rows.map(toBacklogTask);
}

export async function workspaceName(db: DbOrTx, workspaceId: string): Promise<string> {
  const result = await db.execute<{ name: string }>(
    sql`select name from workspaces where id = ${workspaceId}`,
  );
  return result.rows[0]?.name ?? 'Workspace';
}

export async function workspaceZone(db: DbOrTx, workspaceId: string): Promise<string> {
  const result = await db.execute<{ time_zone: string }>(
    sql`select time_zone from workspaces where id = ${workspaceId}`,
  );
  return result.rows[0]?.time_zone ?? 'UTC';
}

/**
 * Claims the day's digest email for every member who switched the `daily_digest` email on (the
 * default is off, so a preference row must say so): one `digest_emails` row each, once per
 * workspace and date. Answers only the members claimed now; a second run claims nobody.
 */
export async function claimDigestEmails(
  db: DbOrTx,
  workspaceId: string,
  date: string,
): Promise<{ email: string; name: string }[]> {
  const result = await db.execute<{ email: string; name: string }>(sql`
    with claimed as (
      insert into digest_emails (workspace_id, user_id, date)
      select m.workspace_id, m.user_id, ${date}
      from workspace_members m
      join notification_preferences p on p.user_id = m.user_id and p.type = 'daily_digest' and p.email
      where m.workspace_id = ${workspaceId}
      on conflict do nothing
      returning user_id
    )
    select u.email, u.name from claimed c join users u on u.id = c.user_id
    where u.deleted_at is null
    order by u.email`);
  return result.rows;
}
