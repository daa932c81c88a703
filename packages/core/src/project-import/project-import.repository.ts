import { sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import type { LabelRow } from '../labels/labels.repository';
import type { NewTask } from '../tasks/task-creation.repository';

/** The workspace's members by lower-cased email: who a file's people can be. */
export async function memberIdsByEmail(db: DbOrTx, workspaceId: string): Promise<Map<string, string>> {
  const result = await db.execute<{ email: string; id: string }>(sql`
    select lower(u.email) as email, u.id from workspace_members m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and u.deleted_at is null`);
  return new Map(result.rows.map((r) => [r.email, r.id]));
}

/**
 * Takes `count` task numbers from the project's sequence, in one short statement committed on its
 * own (a single create numbers itself in its insert, `insertTaskWithEvent`): creates beside a long
 * import never wait for it, and no two tasks of the project ever share a number. Increasing, and
 * consecutive unless creates drew numbers at the same moment. Undefined when the project is gone.
 */
export async function reserveTaskNumbers(
  db: DbOrTx,
  projectId: string,
  count: number,
): Promise<number[] | undefined> {
  const result = await db.execute<{ numbers: string[] }>(sql`
    select array(select nextval(task_number_sequence(p.id)) from generate_series(1, ${count}) order by 1) as numbers
    from projects p where p.id = ${projectId} and p.deleted_at is null`);
  return result.rows[0]?.numbers.map(Number);
}

/** The workspace's labels with these names (case-insensitive), creating the missing ones. */
export async function ensureLabels(
  db: DbOrTx,
  workspaceId: string,
  names: string[],
  color: string,
): Promise<{ byName: Map<string, string>; created: LabelRow[] }> {
  if (names.length === 0) return { byName: new Map(), created: [] };
  const inserted = await db.execute<{ id: string }>(sql`
    insert into labels (workspace_id, name, color)
    select ${workspaceId}, n, ${color} from unnest(${sql.param(names)}::text[]) n
    on conflict do nothing returning id`);
  const createdIds = new Set(inserted.rows.map((r) => r.id));
  const all = await db.execute<{
    id: string;
    workspace_id: string;
    name: string;
    color: string;
    created_at: Date | string;
    updated_at: Date | string;
  }>(sql`
    select id, workspace_id, name, color, created_at, updated_at from labels
    where workspace_id = ${workspaceId} and lower(name) = any(${sql.param(names.map((n) => n.toLowerCase()))}::text[])`);
  const created = all.rows
    .filter((r) => createdIds.has(r.id))
    .map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      name: r.name,
      color: r.color,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    }));
  return { byName: new Map(all.rows.map((r) => [r.name.toLowerCase(), r.id])), created };
}

/** The bottom card's position of each status column, so imported cards go under what is there. */
export async function columnBottoms(db: DbOrTx, projectId: string): Promise<Map<TaskStatus, number>> {
  const result = await db.execute<{ status: TaskStatus; bottom: number }>(sql`
    select status, max(position) as bottom from tasks
    where project_id = ${projectId} and deleted_at is null group by status`);
  return new Map(result.rows.map((r) => [r.status, Number(r.bottom)]));
}

/** A task as an import writes it: what createTask writes, numbered and placed up front. */
export type ImportedTaskRow = Pick<
  NewTask,
  | 'id'
  | 'title'
  | 'description'
  | 'status'
  | 'priority'
  | 'storyPoints'
  | 'dueDate'
  | 'parentId'
  | 'completedAt'
  | 'assigneeIds'
  | 'labelIds'
> & { number: number; position: number };

const column = <K extends keyof ImportedTaskRow>(rows: ImportedTaskRow[], key: K) =>
  sql.param(rows.map((r) => r[key]));

/**
 * Writes a batch of tasks with their assignees and labels in three statements, whatever the batch
 * size: each column travels as one array parameter and `unnest` turns them back into rows (so
 * there is no bind-parameter limit to split around). Parents must be in this or an earlier batch.
 */
export async function insertImportedTasks(
  db: DbOrTx,
  scope: { workspaceId: string; projectId: string; createdBy: string; at: Date },
  rows: ImportedTaskRow[],
): Promise<void> {
  const { workspaceId, projectId, createdBy, at } = scope;
  await db.execute(sql`
    insert into tasks (id, workspace_id, project_id, number, title, description, status, priority, story_points,
                       due_date, position, parent_id, created_by, completed_at, created_at, updated_at)
    select t.id, ${workspaceId}, ${projectId}, t.number, t.title, t.description, t.status, t.priority, t.points,
           t.due, t.position, t.parent, ${createdBy}, t.completed, ${at}, ${at}
    from unnest(${column(rows, 'id')}::uuid[], ${column(rows, 'number')}::int[], ${column(rows, 'title')}::text[],
                ${column(rows, 'description')}::text[], ${column(rows, 'status')}::text[],
                ${column(rows, 'priority')}::text[], ${column(rows, 'storyPoints')}::int[],
                ${column(rows, 'dueDate')}::date[], ${column(rows, 'position')}::float8[],
                ${column(rows, 'parentId')}::uuid[], ${column(rows, 'completedAt')}::timestamptz[])
      as t(id, number, title, description, status, priority, points, due, position, parent, completed)`);
  const pairs = (key: 'assigneeIds' | 'labelIds') => {
    const taskIds: string[] = [];
    const otherIds: string[] = [];
    for (const row of rows)
      for (const other of row[key]) {
        taskIds.push(row.id);
        otherIds.push(other);
      }
    return { taskIds, otherIds };
  };
  const assignees = pairs('assigneeIds');
  if (assignees.taskIds.length)
    await db.execute(sql`
      insert into task_assignees (task_id, user_id, created_at)
      select t, u, ${at} from unnest(${sql.param(assignees.taskIds)}::uuid[], ${sql.param(assignees.otherIds)}::uuid[]) as x(t, u)`);
  const labels = pairs('labelIds');
  if (labels.taskIds.length)
    await db.execute(sql`
      insert into task_labels (task_id, label_id, created_at)
      select t, l, ${at} from unnest(${sql.param(labels.taskIds)}::uuid[], ${sql.param(labels.otherIds)}::uuid[]) as x(t, l)`);
}
