import { sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
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
 * Inserts a task in ONE statement: appends the card to its column and links assignees, labels and
 * its sprint stint. The number was taken just before (see `nextTaskNumber`), so no project-wide
 * lock is held while this runs. Undefined when the project row is gone.
 */
export async function insertTask(
  db: DbOrTx,
  task: NewTask,
  numbered: { number: number; key: string },
  gap: number,
): Promise<(TaskRow & { projectKey: string }) | undefined> {
  const result = await db.execute<{ position: number }>(sql`
    with t as (
      insert into tasks (id, workspace_id, project_id, number, title, description, status, priority, story_points,
                         due_date, position, parent_id, sprint_id, created_by, completed_at, created_at, updated_at)
      values (${task.id}, ${task.workspaceId}, ${task.projectId}, ${numbered.number}, ${task.title}, ${task.description},
             ${task.status}, ${task.priority}, ${task.storyPoints}, ${task.dueDate},
             coalesce((select max(x.position) from tasks x
                        where x.project_id = ${task.projectId} and x.status = ${task.status} and x.deleted_at is null), 0) + ${gap},
             ${task.parentId}, ${task.sprintId}, ${task.createdBy}, ${task.completedAt}, ${task.at}, ${task.at})
      returning *
    ),
    a as (insert into task_assignees (task_id, user_id, created_at)
          select t.id, u, ${task.at} from t, unnest(${sql.param(task.assigneeIds)}::uuid[]) u),
    st as (insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at, added_by, created_at, updated_at)
           select t.workspace_id, t.sprint_id, t.id, ${task.at}, ${task.createdBy}, ${task.at}, ${task.at}
           from t where t.sprint_id is not null),
    l as (insert into task_labels (task_id, label_id, created_at)
          select t.id, x, ${task.at} from t, unnest(${sql.param(task.labelIds)}::uuid[]) x)
    select t.position from t`);
  const row = result.rows[0];
  if (!row) return undefined;
  // Only what the database decided is read back; the rest is what was written.
  return {
    ...task,
    number: numbered.number,
    position: Number(row.position),
    version: 1,
    createdAt: task.at,
    updatedAt: task.at,
    deletedAt: null,
    searchVector: null,
    projectKey: numbered.key,
  };
}
