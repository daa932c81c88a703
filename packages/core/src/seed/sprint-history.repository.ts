import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { sprints, sprintTasks, tasks } from '@teamflow/db/schema/index';

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
