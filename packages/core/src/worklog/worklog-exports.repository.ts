import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { worklogExports } from '@teamflow/db/schema/index';

/**
 * The author's review and CV exports. PRIVACY as in worklog.repository.ts: every function takes the
 * author's id and puts it in its WHERE clause.
 */

export type ExportRow = Omit<typeof worklogExports.$inferSelect, 'content'>;

const exportColumns = {
  id: worklogExports.id,
  userId: worklogExports.userId,
  kind: worklogExports.kind,
  format: worklogExports.format,
  fromDate: worklogExports.fromDate,
  toDate: worklogExports.toDate,
  status: worklogExports.status,
  error: worklogExports.error,
  expiresAt: worklogExports.expiresAt,
  createdAt: worklogExports.createdAt,
  updatedAt: worklogExports.updatedAt,
};

export async function insertExport(
  db: DbOrTx,
  userId: string,
  values: { kind: 'review' | 'cv'; format: 'md' | 'pdf'; fromDate: string; toDate: string; expiresAt: Date },
): Promise<ExportRow> {
  const [row] = await db
    .insert(worklogExports)
    .values({ userId, ...values })
    .returning(exportColumns);
  return row!;
}

export async function findExport(
  db: DbOrTx,
  userId: string,
  exportId: string,
): Promise<ExportRow | undefined> {
  const [row] = await db
    .select(exportColumns)
    .from(worklogExports)
    .where(and(eq(worklogExports.id, exportId), eq(worklogExports.userId, userId)));
  return row;
}

export async function exportContent(
  db: DbOrTx,
  userId: string,
  exportId: string,
): Promise<{ row: ExportRow; content: Buffer | null } | undefined> {
  const [row] = await db
    .select({ ...exportColumns, content: worklogExports.content })
    .from(worklogExports)
    .where(and(eq(worklogExports.id, exportId), eq(worklogExports.userId, userId)));
  if (!row) return undefined;
  const { content, ...rest } = row;
  return { row: rest, content };
}

export async function setExportState(
  db: DbOrTx,
  userId: string,
  exportId: string,
  state: { status: 'running' | 'done' | 'failed'; content?: Buffer; error?: string | null },
): Promise<ExportRow | undefined> {
  const [row] = await db
    .update(worklogExports)
    .set(state)
    .where(and(eq(worklogExports.id, exportId), eq(worklogExports.userId, userId)))
    .returning(exportColumns);
  return row;
}

/**
 * The caller's exports, newest first, keyset on (created_at, id). `cursorAt` is created_at to the
 * microsecond: a JS Date would cut it and skip exports made within one millisecond.
 */
export async function listExports(
  db: DbOrTx,
  userId: string,
  options: { limit: number; after?: { createdAt: string; id: string } },
): Promise<(ExportRow & { cursorAt: string })[]> {
  const { after } = options;
  return db
    .select({ ...exportColumns, cursorAt: sql<string>`to_json(${worklogExports.createdAt}) #>> '{}'` })
    .from(worklogExports)
    .where(
      and(
        eq(worklogExports.userId, userId),
        after &&
          sql`(${worklogExports.createdAt}, ${worklogExports.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(desc(worklogExports.createdAt), desc(worklogExports.id))
    .limit(options.limit);
}
