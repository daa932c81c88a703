import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { activities, sprints, sprintTasks, tasks } from '@teamflow/db/schema/index';

// The demo needs a past: the seed runs the real use cases "now", then moves their timestamps
// back so the charts show a sprint that ran for two weeks. Only the seed uses these.

export async function backdateSprint(
  db: DbOrTx,
  sprintId: string,
  at: { startedAt: Date; completedAt?: Date },
): Promise<void> {
  await db
    .update(sprints)
    .set({ startedAt: at.startedAt, ...(at.completedAt ? { completedAt: at.completedAt } : {}) })
    .where(eq(sprints.id, sprintId));
}

/** Moves every stint of the sprint to `addedAt`; stints that ended (rollover) end at `removedAt`. */
export async function backdateStints(
  db: DbOrTx,
  sprintId: string,
  at: { addedAt: Date; removedAt?: Date; taskId?: string },
): Promise<void> {
  await db
    .update(sprintTasks)
    .set({ addedAt: at.addedAt })
    .where(
      and(eq(sprintTasks.sprintId, sprintId), at.taskId ? eq(sprintTasks.taskId, at.taskId) : undefined),
    );
  if (at.removedAt) {
    await db
      .update(sprintTasks)
      .set({ removedAt: at.removedAt })
      .where(and(eq(sprintTasks.sprintId, sprintId), isNotNull(sprintTasks.removedAt)));
  }
}

export async function backdateCompletion(db: DbOrTx, taskId: string, at: Date): Promise<void> {
  await db
    .update(tasks)
    .set({ completedAt: at, updatedAt: sql`now()` })
    .where(eq(tasks.id, taskId));
}

/**
 * Moves the project's tasks' creation (and its activity) back to `at`, keeping the seconds between
 * them, so no task is done before it was made (My patterns read "median -30 h from created to done").
 */
export async function backdateCreation(db: DbOrTx, projectId: string, at: Date): Promise<void> {
  const first = sql`(select min(created_at) from ${tasks} where project_id = ${projectId})`;
  await db
    .update(activities)
    .set({ createdAt: sql`${at}::timestamptz + (${activities.createdAt} - ${first})` })
    .where(
      and(
        eq(activities.projectId, projectId),
        eq(activities.entityType, 'task'),
        eq(activities.action, 'created'),
      ),
    );
  await db
    .update(tasks)
    .set({ createdAt: sql`${at}::timestamptz + (${tasks.createdAt} - ${first})` })
    .where(eq(tasks.projectId, projectId));
}
