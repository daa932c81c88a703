import { sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { OUTBOX_CHANNEL } from '../events/outbox.repository';
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
 * Creates a task in ONE statement: appends the card to its column, links assignees and labels,
 * and writes the activity and outbox rows (what `recordChange` writes for other changes). A single
 * statement is atomic on its own. The number was taken just before (see `nextTaskNumber`), so no
 * project-wide lock is held while this runs. `event` is the outbox payload; the database fills in
 * the position it decides. `jobs` are staged into the job outbox by the same statement.
 */
export async function insertTaskWithEvent(
  db: DbOrTx,
  task: NewTask,
  numbered: { number: number; key: string },
  actor: { id: string },
  event: Record<string, unknown>,
  gap: number,
  jobs: { queue: string; name: string; payload: Record<string, unknown> }[] = [],
): Promise<(TaskRow & { projectKey: string }) | undefined> {
  const result = await db.execute<{ number: number; position: number; project_key: string }>(sql`
    with p as (select ${numbered.number}::int as task_counter, ${numbered.key}::text as key),
    t as (
      insert into tasks (id, workspace_id, project_id, number, title, description, status, priority, story_points,
                         due_date, position, parent_id, sprint_id, created_by, completed_at, created_at, updated_at)
      select ${task.id}, ${task.workspaceId}, ${task.projectId}, p.task_counter, ${task.title}, ${task.description},
             ${task.status}, ${task.priority}, ${task.storyPoints}, ${task.dueDate},
             coalesce((select max(x.position) from tasks x
                        where x.project_id = ${task.projectId} and x.status = ${task.status} and x.deleted_at is null), 0) + ${gap},
             ${task.parentId}, ${task.sprintId}, ${task.createdBy}, ${task.completedAt}, ${task.at}, ${task.at}
      from p
      returning *
    ),
    a as (insert into task_assignees (task_id, user_id, created_at)
          select t.id, u, ${task.at} from t, unnest(${sql.param(task.assigneeIds)}::uuid[]) u),
    st as (insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at, added_by, created_at, updated_at)
           select t.workspace_id, t.sprint_id, t.id, ${task.at}, ${task.createdBy}, ${task.at}, ${task.at}
           from t where t.sprint_id is not null),
    l as (insert into task_labels (task_id, label_id, created_at)
          select t.id, x, ${task.at} from t, unnest(${sql.param(task.labelIds)}::uuid[]) x),
    act as (insert into activities (workspace_id, project_id, task_id, entity_type, entity_id, actor_id, action, changes, created_at)
            select t.workspace_id, t.project_id, t.id, 'task', t.id, ${actor.id}, 'created',
                   jsonb_build_object('title', t.title, 'status', t.status), ${task.at} from t
            returning id),
    ob as (insert into outbox (workspace_id, activity_id, type, entity_id, actor_id, payload, created_at)
           select t.workspace_id, act.id, 'TASK_CREATED', t.id, ${actor.id},
                  jsonb_set(jsonb_set(jsonb_set(${JSON.stringify(event)}::jsonb,
                    '{data,number}', to_jsonb(t.number)),
                    '{data,key}', to_jsonb(p.key || '-' || t.number)),
                    '{data,position}', to_jsonb(t.position)),
                  ${task.at}
           from t, p, act),
    -- Jobs the creation calls for (notifications), staged like stageJob does: only if the task is.
    jo as (insert into job_outbox (queue, name, payload)
           select x.queue, x.name, x.payload
           from t, jsonb_to_recordset(${JSON.stringify(jobs)}::jsonb) as x(queue text, name text, payload jsonb))
    -- wakes the outbox relays at commit (see events/outbox.repository.ts OUTBOX_CHANNEL)
    select t.number, t.position, p.key as project_key, pg_notify(${OUTBOX_CHANNEL}, '') from t, p`);
  const row = result.rows[0];
  if (!row) return undefined;
  // Only what the database decided is read back; the rest is what was written.
  return {
    ...task,
    number: Number(row.number),
    position: Number(row.position),
    version: 1,
    createdAt: task.at,
    updatedAt: task.at,
    deletedAt: null,
    searchVector: null,
    projectKey: String(row.project_key),
  };
}
