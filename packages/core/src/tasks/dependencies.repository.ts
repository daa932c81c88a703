import { and, eq, sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { taskDependencies } from '@teamflow/db/schema/index';

export async function insertDependency(
  db: DbOrTx,
  taskId: string,
  dependsOnTaskId: string,
  createdBy: string,
): Promise<boolean> {
  const rows = await db
    .insert(taskDependencies)
    .values({ taskId, dependsOnTaskId, createdBy })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteDependency(
  db: DbOrTx,
  taskId: string,
  dependsOnTaskId: string,
): Promise<boolean> {
  const rows = await db
    .delete(taskDependencies)
    .where(and(eq(taskDependencies.taskId, taskId), eq(taskDependencies.dependsOnTaskId, dependsOnTaskId)))
    .returning();
  return rows.length > 0;
}

/** True when `dependsOn` already (transitively) depends on `taskId`: adding the edge would close a loop. */
export async function wouldCreateDependencyCycle(
  db: DbOrTx,
  taskId: string,
  dependsOn: string,
): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive reach(id) as (
      select ${dependsOn}::uuid
      union
      select d.depends_on_task_id from task_dependencies d join reach r on d.task_id = r.id
    )
    select exists (select 1 from reach where id = ${taskId}::uuid) as found`);
  return result.rows[0]?.found === true;
}

/** Serialises dependency edits within a workspace so two concurrent inserts cannot close a cycle. */
export async function lockDependencyGraph(db: DbOrTx, workspaceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`deps:${workspaceId}`}, 0))`);
}

export async function listDependencyRows(db: DbOrTx, taskId: string) {
  const result = await db.execute<{
    direction: 'dependsOn' | 'blocks';
    id: string;
    key: string;
    title: string;
    status: TaskStatus;
  }>(sql`
    select 'dependsOn' as direction, t.id, p.key || '-' || t.number as key, t.title, t.status
      from task_dependencies d join tasks t on t.id = d.depends_on_task_id join projects p on p.id = t.project_id
      where d.task_id = ${taskId} and t.deleted_at is null
    union all
    select 'blocks', t.id, p.key || '-' || t.number, t.title, t.status
      from task_dependencies d join tasks t on t.id = d.task_id join projects p on p.id = t.project_id
      where d.depends_on_task_id = ${taskId} and t.deleted_at is null
    order by key`);
  return result.rows;
}
