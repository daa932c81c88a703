import { and, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { DecisionStatus } from '@teamflow/contracts/decisions';
import type { DbOrTx } from '@teamflow/db/client';
import { decisions } from '@teamflow/db/schema/index';

export type DecisionRow = typeof decisions.$inferSelect;

// The same weighted document the search index is built on (schema/async-updates.ts).
const document = sql`(setweight(to_tsvector('simple', coalesce(${decisions.title}, '')), 'A') || setweight(to_tsvector('simple', coalesce(${decisions.context}, '') || ' ' || coalesce(${decisions.decision}, '')), 'B'))`;

export async function insertDecision(
  db: DbOrTx,
  values: typeof decisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(values).returning();
  return row!;
}

export async function findDecision(db: DbOrTx, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
  return row;
}

export async function findDecisions(db: DbOrTx, ids: string[]): Promise<DecisionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(decisions).where(inArray(decisions.id, ids));
}

export async function lockDecision(db: DbOrTx, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id)).for('update');
  return row;
}

export async function updateDecisionIfVersion(
  db: DbOrTx,
  id: string,
  version: number | null,
  values: Partial<Omit<typeof decisions.$inferInsert, 'id' | 'workspaceId' | 'number' | 'version'>>,
): Promise<DecisionRow | undefined> {
  const [row] = await db
    .update(decisions)
    .set({ ...values, version: sql`${decisions.version} + 1`, updatedAt: new Date() })
    .where(
      version === null ? eq(decisions.id, id) : and(eq(decisions.id, id), eq(decisions.version, version)),
    )
    .returning();
  return row;
}

/**
 * Newest first, keyset on (created_at, id); `q` matches words (full text) or a substring of the
 * title, or the key `DEC-n`. `cursorAt` is created_at to the microsecond (a JS Date would cut it and
 * skip rows).
 */
export async function listDecisionRows(
  db: DbOrTx,
  workspaceId: string,
  options: { status?: DecisionStatus; q?: string; limit: number; after?: { createdAt: string; id: string } },
): Promise<(DecisionRow & { cursorAt: string })[]> {
  const { after } = options;
  const c = [eq(decisions.workspaceId, workspaceId)];
  if (options.status) c.push(eq(decisions.status, options.status));
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const number = /^dec-?(\d{1,9})$/i.exec(options.q)?.[1];
    c.push(
      or(
        sql`${document} @@ websearch_to_tsquery('simple', ${options.q})`,
        sql`${decisions.title} ilike ${like}`,
        ...(number ? [eq(decisions.number, Number(number))] : []),
      )!,
    );
  }
  if (after) {
    c.push(
      sql`(${decisions.createdAt}, ${decisions.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return db
    .select({
      ...getTableColumns(decisions),
      cursorAt: sql<string>`to_json(${decisions.createdAt}) #>> '{}'`,
    })
    .from(decisions)
    .where(and(...c))
    .orderBy(desc(decisions.createdAt), desc(decisions.id))
    .limit(options.limit);
}

export async function decisionsOfTask(
  db: DbOrTx,
  workspaceId: string,
  taskId: string,
): Promise<DecisionRow[]> {
  // `@>` rather than `= any(…)`: the GIN index on task_ids serves it (every task detail asks).
  const linked = sql`${decisions.taskIds} @> array[${taskId}]::uuid[]`;
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.workspaceId, workspaceId), linked))
    .orderBy(desc(decisions.createdAt));
}

/** Decisions accepted (or recorded as accepted) between two instants: the digest lists them. */
export async function decisionsAcceptedBetween(
  db: DbOrTx,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(
      and(
        eq(decisions.workspaceId, workspaceId),
        sql`${decisions.acceptedAt} >= ${from.toISOString()}::timestamptz and ${decisions.acceptedAt} < ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(decisions.number);
}
