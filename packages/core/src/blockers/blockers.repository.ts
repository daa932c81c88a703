import { and, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
import type { BlockerStatus } from '@teamflow/contracts/blockers';
import type { DbOrTx } from '@teamflow/db/client';
import { blockers } from '@teamflow/db/schema/index';

export type BlockerRow = typeof blockers.$inferSelect;

export async function insertBlockers(
  db: DbOrTx,
  values: (typeof blockers.$inferInsert)[],
): Promise<BlockerRow[]> {
  if (values.length === 0) return [];
  return db.insert(blockers).values(values).returning();
}

export async function findBlocker(db: DbOrTx, id: string): Promise<BlockerRow | undefined> {
  const [row] = await db.select().from(blockers).where(eq(blockers.id, id));
  return row;
}

/** The row locked for the rest of the transaction: state changes serialise on it. */
export async function lockBlocker(db: DbOrTx, id: string): Promise<BlockerRow | undefined> {
  const [row] = await db.select().from(blockers).where(eq(blockers.id, id)).for('update');
  return row;
}

export async function updateBlocker(
  db: DbOrTx,
  id: string,
  values: Partial<typeof blockers.$inferInsert>,
): Promise<BlockerRow> {
  const [row] = await db
    .update(blockers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(blockers.id, id))
    .returning();
  return row!;
}

/**
 * Newest first, keyset on (created_at, id). `cursorAt` is created_at to the microsecond: the blockers
 * of one status update share their transaction's now(), and a JS Date would cut it and skip them.
 */
export async function listBlockerRows(
  db: DbOrTx,
  workspaceId: string,
  options: { status?: BlockerStatus; limit: number; after?: { createdAt: string; id: string } },
): Promise<(BlockerRow & { cursorAt: string })[]> {
  const { after } = options;
  const conditions = [eq(blockers.workspaceId, workspaceId)];
  if (options.status) conditions.push(eq(blockers.status, options.status));
  if (after) {
    conditions.push(
      sql`(${blockers.createdAt}, ${blockers.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select({ ...getTableColumns(blockers), cursorAt: sql<string>`to_json(${blockers.createdAt}) #>> '{}'` })
    .from(blockers)
    .where(and(...conditions))
    .orderBy(desc(blockers.createdAt), desc(blockers.id))
    .limit(options.limit);
}

/** Blockers a person reported that are not resolved yet (the draft carries them forward). */
export async function unresolvedBlockersReportedBy(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<BlockerRow[]> {
  return db
    .select()
    .from(blockers)
    .where(
      and(
        eq(blockers.workspaceId, workspaceId),
        eq(blockers.reportedBy, userId),
        sql`${blockers.status} <> 'resolved'`,
      ),
    )
    .orderBy(desc(blockers.createdAt));
}

export async function blockersOfTask(db: DbOrTx, taskId: string): Promise<BlockerRow[]> {
  return db.select().from(blockers).where(eq(blockers.taskId, taskId)).orderBy(desc(blockers.createdAt));
}

/**
 * Open blockers due for a level: still `open` (not acknowledged, not resolved), below `level`,
 * and older than `level` × the workspace's `blocker_escalation_hours` (default 4).
 */
export async function blockersDueForLevel(db: DbOrTx, level: 1 | 2, now: Date): Promise<BlockerRow[]> {
  const result = await db.execute<{ id: string }>(sql`
    select b.id from blockers b
    join workspaces w on w.id = b.workspace_id and w.deleted_at is null
    left join check_in_settings s on s.workspace_id = b.workspace_id
    where b.status = 'open' and b.escalation_level < ${level}
      and b.created_at <= ${now.toISOString()}::timestamptz - make_interval(hours => ${level} * coalesce(s.blocker_escalation_hours, 4))
    order by b.created_at
    limit 500
  `);
  const rows: BlockerRow[] = [];
  for (const { id } of result.rows) {
    const row = await findBlocker(db, id);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Raises a blocker to `level` if it is still open below it: the one statement that decides which
 * of several workers (or a retry) escalates, so each level happens once.
 */
export async function raiseEscalation(
  db: DbOrTx,
  id: string,
  level: number,
): Promise<BlockerRow | undefined> {
  const [row] = await db
    .update(blockers)
    .set({ escalationLevel: level, updatedAt: new Date() })
    .where(and(eq(blockers.id, id), eq(blockers.status, 'open'), lt(blockers.escalationLevel, level)))
    .returning();
  return row;
}

/** Owners and admins of a workspace (who hears of escalations). */
export async function workspaceManagers(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    select user_id from workspace_members where workspace_id = ${workspaceId} and role in ('owner', 'admin')
  `);
  return result.rows.map((r) => r.user_id);
}
