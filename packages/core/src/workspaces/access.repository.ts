import { sql } from 'drizzle-orm';
import type { Role } from '@teamflow/contracts/permissions';
import type { DbOrTx } from '@teamflow/db/client';
import { isOutboxJobId, outboxJobRow, WORKSPACE_JOBS } from '../jobs/workspace-jobs';
import type { ScopeKind } from './scope';

/** The outbox job behind `outbox-<n>`, if it is of a kind handed out to workspaces: its payload names the workspace. */
function workspaceJobScope(jobId: string) {
  const row = outboxJobRow(jobId);
  if (row === undefined) return sql`select null::uuid as workspace_id where false`;
  const kinds = sql.join(
    WORKSPACE_JOBS.map((k) => sql`(${k.queue}, ${k.name})`),
    sql`, `,
  );
  return sql`select (o.payload->>'workspaceId')::uuid as workspace_id from job_outbox o
             where o.id = ${row} and (o.queue, o.name) in (${kinds})`;
}

// Each scope finds its live workspace; the caller's membership (if any) comes along in the same query.
const SCOPE_SQL: Record<ScopeKind, (id: string) => ReturnType<typeof sql>> = {
  workspace: (id) =>
    sql`select w.id as workspace_id from workspaces w where w.id = ${id} and w.deleted_at is null`,
  project: (id) => sql`select p.workspace_id from projects p where p.id = ${id} and p.deleted_at is null`,
  // A task lives only as long as its project: deleting a project hides its tasks too.
  task: (id) =>
    sql`select t.workspace_id from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
        where t.id = ${id} and t.deleted_at is null`,
  // Likewise a comment lives only as long as its task and that task's project.
  comment: (id) =>
    sql`select c.workspace_id from comments c
        join tasks t on t.id = c.task_id and t.deleted_at is null
        join projects p on p.id = t.project_id and p.deleted_at is null
        where c.id = ${id} and c.deleted_at is null`,
  label: (id) => sql`select l.workspace_id from labels l where l.id = ${id}`,
  sprint: (id) =>
    sql`select s.workspace_id from sprints s join projects p on p.id = s.project_id and p.deleted_at is null
        where s.id = ${id}`,
  // An AI job (a UUID), or an outbox job the api handed out (`outbox-<n>`).
  job: (id) =>
    isOutboxJobId(id) ? workspaceJobScope(id) : sql`select j.workspace_id from ai_jobs j where j.id = ${id}`,
  statusUpdate: (id) => sql`select u.workspace_id from status_updates u where u.id = ${id}`,
  blocker: (id) => sql`select b.workspace_id from blockers b where b.id = ${id}`,
  incident: (id) => sql`select i.workspace_id from incidents i where i.id = ${id}`,
  decision: (id) => sql`select d.workspace_id from decisions d where d.id = ${id}`,
  template: (id) =>
    sql`select t.workspace_id from task_templates t left join projects p on p.id = t.project_id
        where t.id = ${id} and (t.project_id is null or p.deleted_at is null)`,
  series: (id) => sql`select s.workspace_id from task_series s where s.id = ${id}`,
  // An attachment lives only as long as its task and that task's project.
  attachment: (id) =>
    sql`select a.workspace_id from attachments a
        join tasks t on t.id = a.task_id and t.deleted_at is null
        join projects p on p.id = t.project_id and p.deleted_at is null
        where a.id = ${id} and a.deleted_at is null`,
  webhook: (id) => sql`select h.workspace_id from webhooks h where h.id = ${id}`,
};

export async function findMembershipByScope(
  db: DbOrTx,
  kind: ScopeKind,
  id: string,
  userId: string,
): Promise<{ workspaceId: string; role: Role; userName: string; timeZone: string } | undefined> {
  // The member's name and the workspace's zone come along: a request needs no further lookups.
  const result = await db.execute<{ workspace_id: string; role: Role; name: string; time_zone: string }>(sql`
    with scope as (${SCOPE_SQL[kind](id)})
    select s.workspace_id, m.role, u.name, w.time_zone
    from scope s
    join workspaces w on w.id = s.workspace_id and w.deleted_at is null
    join workspace_members m on m.workspace_id = s.workspace_id and m.user_id = ${userId}
    join users u on u.id = m.user_id
  `);
  const row = result.rows[0];
  return row
    ? { workspaceId: row.workspace_id, role: row.role, userName: row.name, timeZone: row.time_zone }
    : undefined;
}
