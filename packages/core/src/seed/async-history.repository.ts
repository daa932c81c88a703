import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { blockers, incidentEvents, incidents, statusUpdates } from '@teamflow/db/schema/index';

// The async-updates demo needs a past week: the seed runs the real use cases now, then moves their
// timestamps back. Only the seed uses these.

/** Each update is "posted" late in the morning of its own date (UTC). */
export async function backdateStatusUpdates(db: DbOrTx, workspaceId: string): Promise<void> {
  await db
    .update(statusUpdates)
    .set({
      createdAt: sql`(${statusUpdates.date}::timestamp + interval '9 hours 40 minutes') at time zone 'UTC'`,
      updatedAt: sql`(${statusUpdates.date}::timestamp + interval '9 hours 40 minutes') at time zone 'UTC'`,
    })
    .where(eq(statusUpdates.workspaceId, workspaceId));
}

export async function backdateBlocker(db: DbOrTx, blockerId: string, at: Date): Promise<void> {
  await db.update(blockers).set({ createdAt: at, updatedAt: at }).where(eq(blockers.id, blockerId));
}

/** Lays the incident's timeline out from `start`, one offset (minutes) per entry in order; resolved at the last. */
export async function backdateIncident(
  db: DbOrTx,
  incidentId: string,
  start: Date,
  offsetsMinutes: number[],
): Promise<void> {
  const events = await db
    .select({ id: incidentEvents.id })
    .from(incidentEvents)
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.createdAt), asc(incidentEvents.id));
  const at = (i: number) =>
    new Date(start.getTime() + (offsetsMinutes[i] ?? offsetsMinutes.at(-1) ?? 0) * 60_000);
  for (const [i, e] of events.entries()) {
    await db
      .update(incidentEvents)
      .set({ createdAt: at(i) })
      .where(eq(incidentEvents.id, e.id));
  }
  await db
    .update(incidents)
    .set({ createdAt: start, resolvedAt: at(events.length - 1), updatedAt: at(events.length - 1) })
    .where(eq(incidents.id, incidentId));
}
