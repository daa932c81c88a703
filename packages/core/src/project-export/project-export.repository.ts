import { sql } from 'drizzle-orm';
import type { ExportedTask } from '@teamflow/contracts/project-import-export';
import type { DbOrTx } from '@teamflow/db/client';

export async function findProjectHeader(
  db: DbOrTx,
  projectId: string,
): Promise<{ id: string; key: string; name: string } | undefined> {
  const result = await db.execute<{ id: string; key: string; name: string }>(sql`
    select id, key, name from projects where id = ${projectId} and deleted_at is null`);
  return result.rows[0];
}

/**
 * One page of a project's tasks in number order, after `afterNumber`, with their people, labels
 * and parent: each page is one indexed query, so an export is linear in the project's size.
 */
export async function exportTaskPage(
  db: DbOrTx,
  project: { id: string; key: string },
  afterNumber: number,
  limit: number,
): Promise<(ExportedTask & { number: number })[]> {
  const result = await db.execute<{
    id: string;
    number: number;
    title: string;
    description: string | null;
    status: ExportedTask['status'];
    priority: ExportedTask['priority'];
    story_points: number | null;
    due_date: string | null;
    parent_id: string | null;
    parent_number: number | null;
    created_at: Date | string;
    completed_at: Date | string | null;
    assignees: ExportedTask['assignees'];
    labels: ExportedTask['labels'];
  }>(sql`
    select t.id, t.number, t.title, t.description, t.status, t.priority, t.story_points,
           to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.parent_id, p.number as parent_number,
           t.created_at, t.completed_at,
           coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email) order by u.email)
                     from task_assignees ta join users u on u.id = ta.user_id where ta.task_id = t.id), '[]') as assignees,
           coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) order by l.name)
                     from task_labels tl join labels l on l.id = tl.label_id where tl.task_id = t.id), '[]') as labels
    from tasks t left join tasks p on p.id = t.parent_id and p.deleted_at is null
    where t.project_id = ${project.id} and t.deleted_at is null and t.number > ${afterNumber}
    order by t.number limit ${limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    key: `${project.key}-${r.number}`,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    storyPoints: r.story_points,
    dueDate: r.due_date,
    parent:
      r.parent_id && r.parent_number !== null
        ? { id: r.parent_id, key: `${project.key}-${r.parent_number}` }
        : null,
    assignees: r.assignees,
    labels: r.labels,
    createdAt: new Date(r.created_at).toISOString(),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at).toISOString(),
  }));
}
