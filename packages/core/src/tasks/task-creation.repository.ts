import { sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { executePrepared } from '@teamflow/db/prepared';
import { notifyRelays, outboxRow, outboxWrites, type OutboxEntry } from '../events/outbox.repository';
import type { TaskRow } from './tasks.repository';

export interface NewTask {
  id: string;
  workspaceId: string;
  projectId: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskRow['priority'];
  storyPoints: number | null;
  dueDate: string | null;
  parentId: string | null;
  sprintId: string | null;
  createdBy: string;
  completedAt: Date | null;
  at: Date;
  assigneeIds: string[];
  labelIds: string[];
}

/**
 * Creates a task in ONE statement: takes the next number of its project (`projects.task_counter`),
 * appends the card to its column, links assignees, labels and its sprint stint, and writes its
 * event and activity (`event`: the `TASK_CREATED` entry, whose number, key and position the
 * statement fills in), and with `notify` the relays' NOTIFY. On its own, outside a transaction, it is a whole
 * create in one round trip and one commit; the project row is then locked from the numbering to
 * that commit only. Undefined (nothing written) when the project is gone or deleted.
 */
export async function insertTaskWithEvent(
  db: DbOrTx,
  task: NewTask,
  event: OutboxEntry,
  gap: number,
  notify: boolean,
): Promise<{ number: number; key: string; position: number } | undefined> {
  // A named statement on the pool (planned once per connection: most of this statement's cost).
  const [row] = await executePrepared<{ number: number; key: string; position: number }>(
    db,
    sql`
    with n as (
      update projects set task_counter = task_counter + 1, updated_at = ${task.at}
      where id = ${task.projectId} and deleted_at is null
      returning task_counter as number, key
    ),
    t as (
      insert into tasks (id, workspace_id, project_id, number, title, description, status, priority, story_points,
                         due_date, position, parent_id, sprint_id, created_by, completed_at, created_at, updated_at)
      select ${task.id}, ${task.workspaceId}, ${task.projectId}, n.number, ${task.title}, ${task.description},
             ${task.status}, ${task.priority}, ${task.storyPoints}, ${task.dueDate},
             coalesce((select max(x.position) from tasks x
                        where x.project_id = ${task.projectId} and x.status = ${task.status} and x.deleted_at is null), 0) + ${gap},
             ${task.parentId}, ${task.sprintId}, ${task.createdBy}, ${task.completedAt}, ${task.at}, ${task.at}
      from n
      returning id, workspace_id, sprint_id, number, position
    ),
    a as (insert into task_assignees (task_id, user_id, created_at)
          select t.id, u, ${task.at} from t, unnest(${sql.param(task.assigneeIds)}::uuid[]) u),
    st as (insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at, added_by, created_at, updated_at)
           select t.workspace_id, t.sprint_id, t.id, ${task.at}, ${task.createdBy}, ${task.at}, ${task.at}
           from t where t.sprint_id is not null),
    l as (insert into task_labels (task_id, label_id, created_at)
          select t.id, x, ${task.at} from t, unnest(${sql.param(task.labelIds)}::uuid[]) x),
    ${outboxWrites(
      sql`(select jsonb_build_array(
             jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(outboxRow(event, 0))}::jsonb,
               '{payload,data,number}', to_jsonb(t.number)),
               '{payload,data,key}', to_jsonb(n.key || '-' || t.number)),
               '{payload,data,position}', to_jsonb(t.position)))
           from t, n)`,
      task.at,
    )}
    select t.number, n.key, t.position ${notify ? sql`, ${notifyRelays}` : sql``} from t, n`,
  );
  if (!row) return undefined;
  return { number: Number(row.number), key: row.key, position: Number(row.position) };
}
