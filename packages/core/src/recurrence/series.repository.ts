import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { taskOccurrences, taskSeries, users } from '@teamflow/db/schema/index';

export type SeriesRow = typeof taskSeries.$inferSelect;
export type OccurrenceRow = typeof taskOccurrences.$inferSelect;
type SeriesChanges = Partial<
  Omit<typeof taskSeries.$inferInsert, 'id' | 'workspaceId' | 'projectId' | 'version'>
>;

export async function insertSeries(db: DbOrTx, values: typeof taskSeries.$inferInsert): Promise<SeriesRow> {
  const [row] = await db.insert(taskSeries).values(values).returning();
  return row!;
}

/** The series a task is an occurrence of, locked for the rest of the transaction. */
export async function lockSeriesOfTask(db: DbOrTx, taskId: string): Promise<SeriesRow | undefined> {
  const [row] = await db
    .select({ series: taskSeries })
    .from(taskOccurrences)
    .innerJoin(taskSeries, eq(taskSeries.id, taskOccurrences.seriesId))
    .where(eq(taskOccurrences.taskId, taskId))
    .for('update', { of: taskSeries });
  return row?.series;
}

export async function findSeriesOfTask(db: DbOrTx, taskId: string): Promise<SeriesRow | undefined> {
  const [row] = await db
    .select({ series: taskSeries })
    .from(taskOccurrences)
    .innerJoin(taskSeries, eq(taskSeries.id, taskOccurrences.seriesId))
    .where(eq(taskOccurrences.taskId, taskId));
  return row?.series;
}

/** Writers of one series serialise on its row: a skip, a stop and a new occurrence never interleave. */
export async function lockSeries(db: DbOrTx, id: string): Promise<SeriesRow | undefined> {
  const [row] = await db.select().from(taskSeries).where(eq(taskSeries.id, id)).for('update');
  return row;
}

/** The project's active series, locked for the rest of the transaction. */
export async function lockActiveSeriesOfProject(db: DbOrTx, projectId: string): Promise<SeriesRow[]> {
  return db
    .select()
    .from(taskSeries)
    .where(and(eq(taskSeries.projectId, projectId), eq(taskSeries.state, 'active')))
    .for('update');
}

export async function updateSeries(db: DbOrTx, id: string, values: SeriesChanges): Promise<SeriesRow> {
  const [row] = await db
    .update(taskSeries)
    .set({ ...values, version: sql`${taskSeries.version} + 1` })
    .where(eq(taskSeries.id, id))
    .returning();
  return row!;
}

/**
 * Claims a date of the series. The unique key (series, date) makes this the exactly-once point:
 * of any number of workers, retries or triggers, one gets the row, the others undefined.
 */
export async function claimOccurrence(
  db: DbOrTx,
  values: {
    workspaceId: string;
    seriesId: string;
    occursOn: string;
    taskId: string | null;
    skipped: boolean;
  },
): Promise<OccurrenceRow | undefined> {
  const [row] = await db.insert(taskOccurrences).values(values).onConflictDoNothing().returning();
  return row;
}

export async function setOccurrenceTask(db: DbOrTx, occurrenceId: string, taskId: string): Promise<void> {
  await db.update(taskOccurrences).set({ taskId }).where(eq(taskOccurrences.id, occurrenceId));
}

export async function listOccurrences(db: DbOrTx, seriesId: string, limit = 20): Promise<OccurrenceRow[]> {
  return db
    .select()
    .from(taskOccurrences)
    .where(eq(taskOccurrences.seriesId, seriesId))
    .orderBy(desc(taskOccurrences.occursOn))
    .limit(limit);
}

export async function latestOccurrenceDate(db: DbOrTx, seriesId: string): Promise<string | null> {
  const [row] = await db
    .select({ occursOn: sql<string | null>`max(${taskOccurrences.occursOn})::text` })
    .from(taskOccurrences)
    .where(eq(taskOccurrences.seriesId, seriesId));
  return row?.occursOn ?? null;
}

/** Active `every!` series whose next occurrence is due by `now` (read through task_series_due_idx). */
export async function dueSeriesIds(db: DbOrTx, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: taskSeries.id })
    .from(taskSeries)
    .where(and(eq(taskSeries.state, 'active'), eq(taskSeries.mode, 'every!'), lte(taskSeries.nextAt, now)))
    .orderBy(taskSeries.nextAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function userName(db: DbOrTx, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return row?.name;
}
