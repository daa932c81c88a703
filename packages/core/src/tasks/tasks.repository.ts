import { and, asc, desc, eq, getTableColumns, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { TaskSort, TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { jsonObject, jsonValue } from '@teamflow/db/json-text';
import { labels, projects, sprints, taskAssignees, taskLabels, tasks } from '@teamflow/db/schema/index';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskRecord = Omit<TaskRow, 'searchVector'> & {
  projectKey: string;
  assigneeIds: string[];
  labelIds: string[];
};

const assigneeIds = sql<
  string[]
>`coalesce((select array_agg(ta.user_id order by ta.created_at, ta.user_id) from task_assignees ta where ta.task_id = ${tasks.id}), '{}')`;
const labelIds = sql<
  string[]
>`coalesce((select array_agg(tl.label_id order by tl.created_at, tl.label_id) from task_labels tl where tl.task_id = ${tasks.id}), '{}')`;

const { searchVector: _omit, ...taskColumns } = getTableColumns(tasks);
const recordColumns = { ...taskColumns, projectKey: projects.key, assigneeIds, labelIds };

/**
 * The contract's Task (task.mapper.ts#toTask) as JSON text built by PostgreSQL, for the board's
 * list: the api passes it through instead of parsing every column, mapping and stringifying again.
 * Same fields, order and formats as toTask; `apps/api/test/task-list-json.test.ts` holds the two
 * equal for tasks with every field set and unset.
 */
const taskJson = jsonObject({
  id: jsonValue.quoted(tasks.id),
  key: jsonValue.string(sql`${projects.key} || '-' || ${tasks.number}`),
  number: jsonValue.number(tasks.number),
  projectId: jsonValue.quoted(tasks.projectId),
  workspaceId: jsonValue.quoted(tasks.workspaceId),
  title: jsonValue.string(tasks.title),
  description: jsonValue.string(tasks.description),
  status: jsonValue.string(tasks.status),
  priority: jsonValue.string(tasks.priority),
  storyPoints: jsonValue.number(tasks.storyPoints),
  dueDate: jsonValue.quoted(tasks.dueDate),
  position: jsonValue.number(tasks.position),
  parentId: jsonValue.quoted(tasks.parentId),
  sprintId: jsonValue.quoted(tasks.sprintId),
  assigneeIds: jsonValue.array(assigneeIds),
  labelIds: jsonValue.array(labelIds),
  version: jsonValue.number(tasks.version),
  createdBy: jsonValue.quoted(tasks.createdBy),
  completedAt: jsonValue.timestamp(tasks.completedAt),
  createdAt: jsonValue.timestamp(tasks.createdAt),
  updatedAt: jsonValue.timestamp(tasks.updatedAt),
});

export interface TaskFilter {
  projectId: string;
  status?: TaskStatus[];
  priority?: string[];
  assigneeId?: string;
  labelId?: string;
  sprintId?: string;
  /** Only tasks in no sprint (the backlog). */
  backlog?: boolean;
  parentId?: string;
  dueBefore?: string;
  q?: string;
}

const PRIORITY_RANK = sql<number>`(case ${tasks.priority} when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end)`;
const DUE_OR_LAST = sql<string>`coalesce(${tasks.dueDate}, '9999-12-31'::date)`;

/** Keyset orderings: all keys share one direction so a row comparison finds the page boundary. */
export const SORTS: Record<TaskSort, { keys: SQL[]; direction: 'asc' | 'desc' }> = {
  position: { keys: [sql`${tasks.status}`, sql`${tasks.position}`], direction: 'asc' },
  createdAt: { keys: [sql`${tasks.createdAt}`], direction: 'asc' },
  '-createdAt': { keys: [sql`${tasks.createdAt}`], direction: 'desc' },
  updatedAt: { keys: [sql`${tasks.updatedAt}`], direction: 'asc' },
  '-updatedAt': { keys: [sql`${tasks.updatedAt}`], direction: 'desc' },
  priority: { keys: [PRIORITY_RANK], direction: 'desc' },
  dueDate: { keys: [DUE_OR_LAST], direction: 'asc' },
};

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Every value is a placeholder, so one list "shape" (sort, which filters, cursor or not) is
// built once per process and database handle, then run with each request's values.
const ph = (name: string) => sql.placeholder(name);

/**
 * One status (a board column's page) is an equality, not `= any(...)`: only then does PostgreSQL
 * use it in `tasks_board_idx`'s condition and read the column in position order, stopping at the
 * page's end. With `= any` it walked the project's index filtering the status out (a 10,000-task
 * project's last column: 8,000 rows read for a page of 100).
 */
const oneStatus = (f: TaskFilter) => f.status?.length === 1;

function filterConditions(f: TaskFilter): SQL[] {
  const c: SQL[] = [sql`${tasks.projectId} = ${ph('projectId')}`, isNull(tasks.deletedAt)];
  if (oneStatus(f)) c.push(sql`${tasks.status} = (${ph('status')}::text[])[1]`);
  else if (f.status?.length) c.push(sql`${tasks.status} = any(${ph('status')}::text[])`);
  if (f.priority?.length) c.push(sql`${tasks.priority} = any(${ph('priority')}::text[])`);
  if (f.assigneeId)
    c.push(
      sql`exists (select 1 from task_assignees ta where ta.task_id = ${tasks.id} and ta.user_id = ${ph('assigneeId')})`,
    );
  if (f.labelId)
    c.push(
      sql`exists (select 1 from task_labels tl where tl.task_id = ${tasks.id} and tl.label_id = ${ph('labelId')})`,
    );
  if (f.sprintId) c.push(sql`${tasks.sprintId} = ${ph('sprintId')}`);
  if (f.backlog) c.push(isNull(tasks.sprintId));
  if (f.parentId) c.push(sql`${tasks.parentId} = ${ph('parentId')}`);
  if (f.dueBefore) c.push(sql`${tasks.dueDate} <= ${ph('dueBefore')}`);
  if (f.q) {
    c.push(
      sql`(${tasks.searchVector} @@ websearch_to_tsquery('english', ${ph('q')}) or ${tasks.title} ilike ${ph('qLike')} escape '\\')`,
    );
  }
  return c;
}

function buildListQuery(db: DbOrTx, filter: TaskFilter, sort: TaskSort, hasCursor: boolean) {
  const spec = SORTS[sort];
  const conditions = filterConditions(filter);
  // Within one column the status key is constant: the page boundary is (position, id) alone. The
  // planner estimates a row comparison that starts with the status at a row or so, and then sorts
  // the rest of the column for every page instead of reading 100 rows of the index in order.
  const skip = sort === 'position' && oneStatus(filter) ? 1 : 0;
  const keyList = [...spec.keys, sql`${tasks.id}`].slice(skip);
  if (hasCursor) {
    // The cursor still holds every key (one cursor format per sort); k0 is the status when skipped.
    const values = keyList.map((_, i) => ph(`k${i + skip}`));
    const op = spec.direction === 'asc' ? sql`>` : sql`<`;
    conditions.push(sql`(${sql.join(keyList, sql`, `)}) ${op} (${sql.join(values, sql`, `)})`);
  }
  const order = keyList.map((k) => (spec.direction === 'asc' ? asc(k) : desc(k)));
  return db
    .select({
      json: taskJson,
      cursorKeys: sql<unknown[]>`json_build_array(${sql.join([...spec.keys, tasks.id], sql`, `)})`,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(ph('limit'))
    .prepare(UNNAMED_STATEMENT);
}

/**
 * node-postgres's unnamed statement (an empty name): parsed, bound and run in one round trip, so
 * it works on whichever server connection PgBouncer hands out in transaction mode. A named one
 * would be parsed on one server connection and then looked for on another (PgBouncer 1.18, what
 * Debian ships, does not track them). The query is still built once per list shape.
 */
const UNNAMED_STATEMENT = '';

type ListQuery = ReturnType<typeof buildListQuery>;
const preparedLists = new WeakMap<object, Map<string, ListQuery>>();

/** A page of the list: each task as contract JSON text, with its cursor's values (sort keys, then id). */
export async function listTaskJson(
  db: DbOrTx,
  filter: TaskFilter,
  sort: TaskSort,
  limit: number,
  after?: { keys: unknown[]; id: string },
): Promise<{ json: string; cursorKeys: unknown[] }[]> {
  const present = (Object.keys(filter) as (keyof TaskFilter)[]).filter((k) => {
    const v = filter[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
  const shape = `${sort}|${present.sort().join(',')}|${oneStatus(filter) ? 'one' : 'any'}|${after ? 'after' : 'first'}`;
  let cache = preparedLists.get(db);
  if (!cache) preparedLists.set(db, (cache = new Map<string, ListQuery>()));
  let query = cache.get(shape);
  if (!query) {
    query = buildListQuery(db, filter, sort, after !== undefined);
    cache.set(shape, query);
  }
  const values: Record<string, unknown> = { ...filter, limit };
  if (filter.q) values.qLike = `%${escapeLike(filter.q)}%`;
  if (after) [...after.keys, after.id].forEach((v, i) => (values[`k${i}`] = v));
  return query.execute(values);
}

export async function findTaskRecord(db: DbOrTx, id: string): Promise<TaskRecord | undefined> {
  const [row] = await db
    .select(recordColumns)
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(eq(tasks.id, id), isNull(tasks.deletedAt)))
    .limit(1);
  return row;
}

export async function insertTask(db: DbOrTx, values: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row!;
}

/** Compare-and-set on `version`; undefined when someone else changed the task first (or it is gone). */
export async function updateTaskIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<
    Omit<typeof tasks.$inferInsert, 'id' | 'workspaceId' | 'projectId' | 'version' | 'searchVector'>
  >,
): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version), isNull(tasks.deletedAt)))
    .returning();
  return row;
}

export async function replaceAssignees(db: DbOrTx, taskId: string, userIds: string[]): Promise<void> {
  await db.delete(taskAssignees).where(eq(taskAssignees.taskId, taskId));
  if (userIds.length) await db.insert(taskAssignees).values(userIds.map((userId) => ({ taskId, userId })));
}

export async function replaceLabels(db: DbOrTx, taskId: string, labelIdList: string[]): Promise<void> {
  await db.delete(taskLabels).where(eq(taskLabels.taskId, taskId));
  if (labelIdList.length)
    await db.insert(taskLabels).values(labelIdList.map((labelId) => ({ taskId, labelId })));
}

export async function addTaskLabel(db: DbOrTx, taskId: string, labelId: string): Promise<boolean> {
  const rows = await db.insert(taskLabels).values({ taskId, labelId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function removeTaskLabel(db: DbOrTx, taskId: string, labelId: string): Promise<boolean> {
  const rows = await db
    .delete(taskLabels)
    .where(and(eq(taskLabels.taskId, taskId), eq(taskLabels.labelId, labelId)))
    .returning();
  return rows.length > 0;
}

export async function labelIdsInWorkspace(
  db: DbOrTx,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.workspaceId, workspaceId), sql`${labels.id} = any(${sql.param(ids)}::uuid[])`));
  return new Set(rows.map((r) => r.id));
}

/** The task's project, for checking that a parent sits in the same project. */
export async function findTaskBrief(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: tasks.id,
      projectId: tasks.projectId,
      workspaceId: tasks.workspaceId,
      status: tasks.status,
      position: tasks.position,
    })
    .from(tasks)
    .where(and(eq(tasks.id, id), isNull(tasks.deletedAt)))
    .limit(1);
  return row;
}

/** True when `candidateParent` is `taskId` itself or one of its descendants. */
export async function wouldCreateParentCycle(
  db: DbOrTx,
  taskId: string,
  candidateParent: string,
): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    with recursive chain(id) as (
      select ${candidateParent}::uuid
      union
      select t.parent_id from tasks t join chain c on t.id = c.id where t.parent_id is not null
    )
    select exists (select 1 from chain where id = ${taskId}::uuid) as found`);
  return result.rows[0]?.found === true;
}

export async function lastPositionInColumn(
  db: DbOrTx,
  projectId: string,
  status: TaskStatus,
): Promise<number | undefined> {
  const [row] = await db
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.status, status), isNull(tasks.deletedAt)))
    .orderBy(desc(tasks.position))
    .limit(1);
  return row?.position;
}

/** The nearest position in a column strictly above/below `position`, ignoring `exceptId`. */
export async function neighbourPosition(
  db: DbOrTx,
  projectId: string,
  status: TaskStatus,
  position: number,
  side: 'above' | 'below',
  exceptId: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ position: tasks.position })
    .from(tasks)
    .where(
      and(
        eq(tasks.projectId, projectId),
        eq(tasks.status, status),
        isNull(tasks.deletedAt),
        sql`${tasks.id} <> ${exceptId}`,
        side === 'above' ? lt(tasks.position, position) : gt(tasks.position, position),
      ),
    )
    .orderBy(side === 'above' ? desc(tasks.position) : asc(tasks.position))
    .limit(1);
  return row?.position;
}

/** Re-spaces one column when repeated inserts at one spot exhaust float precision (rare). */
export async function rebalanceColumn(
  db: DbOrTx,
  projectId: string,
  status: TaskStatus,
  gap: number,
): Promise<void> {
  await db.execute(sql`
    update tasks t set position = r.rn * ${gap}
    from (select id, row_number() over (order by position, id) as rn
          from tasks where project_id = ${projectId} and status = ${status} and deleted_at is null) r
    where t.id = r.id`);
}

export async function softDeleteTask(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ deletedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), isNull(tasks.deletedAt)))
    .returning();
  return row;
}

/** A sprint's project and state, for checking a task's `sprintId`. */
export async function findSprintBrief(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: sprints.id, projectId: sprints.projectId, state: sprints.state })
    .from(sprints)
    .where(eq(sprints.id, id))
    .limit(1);
  return row;
}
