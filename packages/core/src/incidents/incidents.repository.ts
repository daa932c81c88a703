import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { IncidentSeverity, IncidentStatus } from '@teamflow/contracts/incidents';
import type { DbOrTx } from '@teamflow/db/client';
import { incidentEvents, incidents } from '@teamflow/db/schema/index';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;

export async function insertIncident(
  db: DbOrTx,
  values: typeof incidents.$inferInsert,
): Promise<IncidentRow> {
  const [row] = await db.insert(incidents).values(values).returning();
  return row!;
}

export async function findIncident(db: DbOrTx, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row;
}

export async function lockIncident(db: DbOrTx, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).for('update');
  return row;
}

export async function updateIncidentIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<Omit<typeof incidents.$inferInsert, 'id' | 'workspaceId' | 'number' | 'version'>>,
): Promise<IncidentRow | undefined> {
  const [row] = await db
    .update(incidents)
    .set({ ...values, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(incidents.id, id), eq(incidents.version, version)))
    .returning();
  return row;
}

export async function insertIncidentEvents(
  db: DbOrTx,
  values: (typeof incidentEvents.$inferInsert)[],
): Promise<IncidentEventRow[]> {
  if (values.length === 0) return [];
  return db.insert(incidentEvents).values(values).returning();
}

/** The timeline, oldest first. */
export async function listIncidentEventRows(db: DbOrTx, incidentId: string): Promise<IncidentEventRow[]> {
  return db
    .select()
    .from(incidentEvents)
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.createdAt), asc(incidentEvents.id));
}

/**
 * Newest first, keyset on (created_at, id). `cursorAt` is created_at to the microsecond (a JS Date
 * would cut it and skip rows).
 */
export async function listIncidentRows(
  db: DbOrTx,
  workspaceId: string,
  options: {
    status?: IncidentStatus;
    severity?: IncidentSeverity;
    limit: number;
    after?: { createdAt: string; id: string };
  },
): Promise<(IncidentRow & { cursorAt: string })[]> {
  const { after } = options;
  const c = [eq(incidents.workspaceId, workspaceId)];
  if (options.status) c.push(eq(incidents.status, options.status));
  if (options.severity) c.push(eq(incidents.severity, options.severity));
  if (after) {
    c.push(
      sql`(${incidents.createdAt}, ${incidents.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select({
      ...getTableColumns(incidents),
      cursorAt: sql<string>`to_json(${incidents.createdAt}) #>> '{}'`,
    })
    .from(incidents)
    .where(and(...c))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(options.limit);
}

export async function incidentsOfTask(
  db: DbOrTx,
  workspaceId: string,
  taskId: string,
): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), sql`${taskId}::uuid = any(${incidents.taskIds})`))
    .orderBy(desc(incidents.createdAt));
}
