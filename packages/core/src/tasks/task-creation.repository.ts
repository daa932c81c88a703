import { sql } from 'drizzle-orm';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { prepareQuery, runPrepared } from '@teamflow/db/prepared';
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
 * Creates a task in ONE statement: takes the next number of its project (its sequence, migration
 * 0018), appends the card to its column, links assignees, labels and its sprint stint, and writes
 * its event and activity (`event`: the `TASK_CREATED` entry, whose number, key and position the
 * statement fills in), and with `notify` the relays' NOTIFY. On its own, outside a transaction, it
 * is a whole create in one round trip and one commit. It locks no project row: creates in one
 * project do not wait for each other's commits. Undefined (nothing written, no number taken) when
 * the project is gone or deleted.
 */
export async function insertTaskWithEvent(
  db: DbOrTx,
  task: NewTask,
  event: OutboxEntry,
  gap: number,
  notify: boolean,
): Promise<{ number: number; key: string; position: number } | undefined> {
  // A named statement on the pool (planned once per connection: most of this statement's cost),
  // compiled once per process.
  const [row] = await runPrepared<{ number: number; key: string; position: number }>(
    db,
    notify ? insertNotifying : insertQuietly,
    {
      ...task,
      event: JSON.stringify(outboxRow(event, 0)),
      gap,
    } satisfies Record<InsertValue, unknown>,
  );
  if (!row) return undefined;
  return { number: Number(row.number), key: row.key, position: Number(row.position) };
}

type InsertValue = keyof NewTask | 'event' | 'gap';
const p = (name: InsertValue) => sql.placeholder(name);

const insertTaskStatement = (notify: boolean) =>
  prepareQuery(sql`
    with n as (
      select nextval(task_number_sequence(id)) as number, key from projects
      where id = ${p('projectId')} and deleted_at is null
    ),
    t as (
      insert into tasks (id, workspace_id, project_id, number, title, description, status, priority, story_points,
                         due_date, position, parent_id, sprint_id, created_by, completed_at, created_at, updated_at)
      select ${p('id')}, ${p('workspaceId')}, ${p('projectId')}, n.number, ${p('title')}, ${p('description')},
             ${p('status')}, ${p('priority')}, ${p('storyPoints')}, ${p('dueDate')},
             coalesce((select max(x.position) from tasks x
                        where x.project_id = ${p('projectId')} and x.status = ${p('status')} and x.deleted_at is null), 0) + ${p('gap')},
             ${p('parentId')}, ${p('sprintId')}, ${p('createdBy')}, ${p('completedAt')}, ${p('at')}, ${p('at')}
      from n
      returning id, workspace_id, sprint_id, number, position
    ),
    a as (insert into task_assignees (task_id, user_id, created_at)
          select t.id, u, ${p('at')} from t, unnest(${p('assigneeIds')}::uuid[]) u),
    st as (insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at, added_by, created_at, updated_at)
           select t.workspace_id, t.sprint_id, t.id, ${p('at')}, ${p('createdBy')}, ${p('at')}, ${p('at')}
           from t where t.sprint_id is not null),
    l as (insert into task_labels (task_id, label_id, created_at)
          select t.id, x, ${p('at')} from t, unnest(${p('labelIds')}::uuid[]) x),
    ${outboxWrites(
      sql`(select jsonb_build_array(
             jsonb_set(jsonb_set(jsonb_set(${p('event')}::jsonb,
               '{payload,data,number}', to_jsonb(t.number)),
               '{payload,data,key}', to_jsonb(n.key || '-' || t.number)),
               '{payload,data,position}', to_jsonb(t.position)))
           from t, n)`,
      p('at'),
    )}
    select t.number, n.key, t.position ${notify ? sql`, ${notifyRelays}` : sql``} from t, n`);
const insertNotifying = insertTaskStatement(true);
const insertQuietly = insertTaskStatement(false);
