import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { sprints, sprintTasks, tasks } from '@teamflow/db/schema/index';

export type SprintRow = typeof sprints.$inferSelect;
export type SprintRecord = SprintRow & { taskCount: number; totalPoints: number; donePoints: number };

// Counts of what is in the sprint now (tasks.sprint_id), read with the sprint in one query.
const counts = {
  taskCount: sql<number>`(count(${tasks.id}))::int`,
  totalPoints: sql<number>`(coalesce(sum(${tasks.storyPoints}), 0))::int`,
  donePoints: sql<number>`(coalesce(sum(${tasks.storyPoints}) filter (where ${tasks.status} = 'done'), 0))::int`,
};

function selectRecords(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(sprints), ...counts })
    .from(sprints)
    .leftJoin(tasks, and(eq(tasks.sprintId, sprints.id), isNull(tasks.deletedAt)))
    .groupBy(sprints.id);
}

export async function findSprintRecord(db: DbOrTx, id: string): Promise<SprintRecord | undefined> {
  const [row] = await selectRecords(db).where(eq(sprints.id, id));
  return row;
}

/** The sprint row locked for the rest of the transaction (state changes serialise on it). */
export async function lockSprint(db: DbOrTx, id: string): Promise<SprintRow | undefined> {
  const [row] = await db.select().from(sprints).where(eq(sprints.id, id)).for('update');
  return row;
}

// The list's sort keys: state (active, planned, completed), completion (newest first, only completed
// sprints have one), start (undated last), creation, id. The cursor carries each, the timestamps as
// text to the microsecond (a JS Date would cut them to milliseconds and repeat rows across pages).
const stateRank = sql<number>`(case ${sprints.state} when 'active' then 0 when 'planned' then 1 else 2 end)`;
const completion = sql`(case when ${sprints.state} = 'completed' then ${sprints.completedAt} end)`;
const start = sql`coalesce(${sprints.startDate}, '9999-12-31'::date)`;

export interface SprintListKey {
  stateRank: number;
  completedAt: string | null;
  start: string;
  createdAt: string;
  id: string;
}

/** After `key` in the list's order; the completion time sorts descending with nulls last, the rest ascending. */
function afterKey(key: SprintListKey) {
  const done = sql`${key.completedAt}::timestamptz`;
  const laterKeys = sql`(${start}, ${sprints.createdAt}, ${sprints.id}) > (${key.start}::date, ${key.createdAt}::timestamptz, ${key.id}::uuid)`;
  return sql`(${stateRank} > ${key.stateRank}
    or (${stateRank} = ${key.stateRank}
      and ((${done} is not null and (${completion} < ${done} or ${completion} is null))
        or (${completion} is not distinct from ${done} and ${laterKeys}))))`;
}

/** Active, then planned (by start), then completed (newest first); keyset-paginated by the full sort key. */
export async function listSprintRecords(
  db: DbOrTx,
  projectId: string,
  page: { limit: number; after?: SprintListKey },
): Promise<(SprintRecord & { listKey: SprintListKey })[]> {
  const rows = await db
    .select({
      ...getTableColumns(sprints),
      ...counts,
      keyRank: stateRank,
      keyDone: sql<string | null>`to_json(${completion}) #>> '{}'`,
      keyStart: sql<string>`${start}::text`,
      keyCreated: sql<string>`to_json(${sprints.createdAt}) #>> '{}'`,
    })
    .from(sprints)
    .leftJoin(tasks, and(eq(tasks.sprintId, sprints.id), isNull(tasks.deletedAt)))
    .where(and(eq(sprints.projectId, projectId), page.after && afterKey(page.after)))
    .groupBy(sprints.id)
    .orderBy(
      stateRank,
      sql`${completion} desc nulls last`,
      asc(start),
      asc(sprints.createdAt),
      asc(sprints.id),
    )
    .limit(page.limit);
  return rows.map(({ keyRank, keyDone, keyStart, keyCreated, ...record }) => ({
    ...record,
    listKey: {
      stateRank: keyRank,
      completedAt: keyDone,
      start: keyStart,
      createdAt: keyCreated,
      id: record.id,
    },
  }));
}

export async function insertSprint(db: DbOrTx, values: typeof sprints.$inferInsert): Promise<SprintRow> {
  const [row] = await db.insert(sprints).values(values).returning();
  return row!;
}

/** Compare-and-set on `version`; undefined when the sprint moved on. */
export async function updateSprintIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<Omit<typeof sprints.$inferInsert, 'id' | 'workspaceId' | 'projectId' | 'version'>>,
): Promise<SprintRow | undefined> {
  const [row] = await db
    .update(sprints)
    .set({ ...values, version: sql`${sprints.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sprints.id, id), eq(sprints.version, version)))
    .returning();
  return row;
}

/** Bumps version and updated_at after a membership change (so caches and clients see it moved). */
export async function touchSprint(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(sprints)
    .set({ version: sql`${sprints.version} + 1`, updatedAt: new Date() })
    .where(eq(sprints.id, id));
}

export async function activeSprintId(db: DbOrTx, projectId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: sprints.id })
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), eq(sprints.state, 'active')))
    .limit(1);
  return row?.id;
}

/** Ends a task's open stint in a sprint (history is kept: the row gets `removed_at`). */
export async function closeStint(
  db: DbOrTx,
  sprintId: string,
  taskId: string,
  at: Date,
  by: string,
): Promise<void> {
  await db
    .update(sprintTasks)
    .set({ removedAt: at, removedBy: by })
    .where(
      and(eq(sprintTasks.sprintId, sprintId), eq(sprintTasks.taskId, taskId), isNull(sprintTasks.removedAt)),
    );
}

export async function openStint(
  db: DbOrTx,
  values: { workspaceId: string; sprintId: string; taskId: string; at: Date; by: string },
): Promise<void> {
  await db
    .insert(sprintTasks)
    .values({
      workspaceId: values.workspaceId,
      sprintId: values.sprintId,
      taskId: values.taskId,
      addedAt: values.at,
      addedBy: values.by,
    })
    .onConflictDoNothing();
}

/** Live tasks of the sprint that are not finished (status other than done and archived). */
export async function unfinishedTaskIds(db: DbOrTx, sprintId: string): Promise<string[]> {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.sprintId, sprintId),
        isNull(tasks.deletedAt),
        sql`${tasks.status} not in ('done', 'archived')`,
      ),
    )
    .orderBy(asc(tasks.position), asc(tasks.id));
  return rows.map((r) => r.id);
}

/** Sets the task's sprint (bumping its version); the caller records the history and the event. */
export async function setTaskSprint(
  db: DbOrTx,
  taskId: string,
  sprintId: string | null,
): Promise<typeof tasks.$inferSelect | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ sprintId, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, taskId), isNull(tasks.deletedAt)))
    .returning();
  return row;
}
