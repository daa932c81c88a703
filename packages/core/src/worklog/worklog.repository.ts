import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { worklogEntries, worklogExports, worklogInsights } from '@teamflow/db/schema/index';

/**
 * The work log's only door to the database. PRIVACY: every function takes the author's id and
 * puts it in its WHERE clause, so no call can return (or change) another person's entry, its
 * analysis or its exports — there is deliberately no lookup by entry id alone.
 */

export type EntryRow = typeof worklogEntries.$inferSelect;
export type InsightRow = typeof worklogInsights.$inferSelect;
export type ExportRow = Omit<typeof worklogExports.$inferSelect, 'content'>;
export interface EntryWithInsight {
  entry: EntryRow;
  insight: InsightRow | null;
}

// The body hash the analysis records: a save that changes the body makes the analysis stale.
export const bodyHash = sql<string>`encode(sha256(convert_to(${worklogEntries.body} || E'\\n' || array_to_string(${worklogEntries.tags}, ','), 'UTF8')), 'hex')`;

const entryColumns = {
  id: worklogEntries.id,
  userId: worklogEntries.userId,
  date: worklogEntries.date,
  body: worklogEntries.body,
  tags: worklogEntries.tags,
  version: worklogEntries.version,
  searchVector: worklogEntries.searchVector,
  createdAt: worklogEntries.createdAt,
  updatedAt: worklogEntries.updatedAt,
};

export async function insertEntry(
  db: DbOrTx,
  userId: string,
  values: { date: string; body: string; tags: string[] },
): Promise<EntryRow> {
  const [row] = await db
    .insert(worklogEntries)
    .values({ userId, ...values })
    .returning();
  return row!;
}

/** The author's entry with its analysis; undefined for anyone else's (or a missing) id. */
export async function findEntry(
  db: DbOrTx,
  userId: string,
  entryId: string,
): Promise<EntryWithInsight | undefined> {
  const [row] = await db
    .select({ entry: entryColumns, insight: worklogInsights })
    .from(worklogEntries)
    .leftJoin(worklogInsights, eq(worklogInsights.entryId, worklogEntries.id))
    .where(and(eq(worklogEntries.id, entryId), eq(worklogEntries.userId, userId)))
    .limit(1);
  return row;
}

/** Versioned write: undefined when the version is stale or the entry is not the author's. */
export async function updateEntry(
  db: DbOrTx,
  userId: string,
  entryId: string,
  version: number,
  values: { body: string; tags?: string[]; date?: string },
): Promise<EntryRow | undefined> {
  const [row] = await db
    .update(worklogEntries)
    .set({ ...values, version: sql`${worklogEntries.version} + 1` })
    .where(
      and(
        eq(worklogEntries.id, entryId),
        eq(worklogEntries.userId, userId),
        eq(worklogEntries.version, version),
      ),
    )
    .returning();
  return row;
}

export async function deleteEntry(db: DbOrTx, userId: string, entryId: string): Promise<boolean> {
  const rows = await db
    .delete(worklogEntries)
    .where(and(eq(worklogEntries.id, entryId), eq(worklogEntries.userId, userId)))
    .returning({ id: worklogEntries.id });
  return rows.length > 0;
}

export interface EntryFilter {
  from?: string;
  to?: string;
  q?: string;
  tag?: string;
  limit: number;
  after?: { date: string; createdAt: string; id: string };
}

/**
 * The author's entries, newest day first and within a day the latest written first (ids are
 * random: by id, a day's "first" entry was any of them); keyset on (date, created_at, id).
 * `cursorAt` is created_at to the microsecond (a JS Date would cut it and skip rows).
 */
export async function listEntries(
  db: DbOrTx,
  userId: string,
  f: EntryFilter,
): Promise<(EntryWithInsight & { cursorAt: string })[]> {
  const where: SQL[] = [eq(worklogEntries.userId, userId)];
  if (f.from) where.push(sql`${worklogEntries.date} >= ${f.from}`);
  if (f.to) where.push(sql`${worklogEntries.date} <= ${f.to}`);
  if (f.tag) where.push(sql`${worklogEntries.tags} @> array[${f.tag}]::text[]`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${worklogEntries.searchVector} @@ websearch_to_tsquery('english', ${f.q}) or ${worklogEntries.body} ilike ${like})`,
    );
  }
  if (f.after)
    where.push(
      sql`(${worklogEntries.date}, ${worklogEntries.createdAt}, ${worklogEntries.id}) < (${f.after.date}::date, ${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`,
    );
  return db
    .select({
      entry: entryColumns,
      insight: worklogInsights,
      cursorAt: sql<string>`to_json(${worklogEntries.createdAt}) #>> '{}'`,
    })
    .from(worklogEntries)
    .leftJoin(worklogInsights, eq(worklogInsights.entryId, worklogEntries.id))
    .where(and(...where))
    .orderBy(desc(worklogEntries.date), desc(worklogEntries.createdAt), desc(worklogEntries.id))
    .limit(f.limit);
}

/** Marks the entry's analysis pending (a save happened); the previous result stays readable. */
export async function markAnalysisPending(db: DbOrTx, userId: string, entryId: string): Promise<void> {
  await db
    .insert(worklogInsights)
    .values({ entryId, userId, status: 'pending' })
    .onConflictDoUpdate({ target: worklogInsights.entryId, set: { status: 'pending', error: null } });
}

/** The entry as the analysis reads it, with the hash of what it read. */
export async function entryForAnalysis(
  db: DbOrTx,
  userId: string,
  entryId: string,
): Promise<{ body: string; tags: string[]; hash: string } | undefined> {
  const [row] = await db
    .select({ body: worklogEntries.body, tags: worklogEntries.tags, hash: bodyHash })
    .from(worklogEntries)
    .where(and(eq(worklogEntries.id, entryId), eq(worklogEntries.userId, userId)));
  return row;
}

export interface AnalysisResult {
  provider: string;
  model: string;
  sentimentScore: number;
  sentimentLabel: 'negative' | 'neutral' | 'positive';
  projects: string[];
  skills: string[];
  achievements: { text: string; impact?: string; metric?: string }[];
  themes: string[];
}

/**
 * Stores the analysis of the body that hashed to `hash`. If the entry changed since it was read,
 * nothing is written (returns false): the debounced job staged by that save analyses it again.
 */
export async function saveAnalysis(
  db: DbOrTx,
  userId: string,
  entryId: string,
  hash: string,
  r: AnalysisResult,
): Promise<InsightRow | undefined> {
  const result = await db.execute<{ entry_id: string }>(sql`
    insert into worklog_insights (entry_id, user_id, status, provider, model, sentiment_score, sentiment_label,
      projects, skills, achievements, themes, content_hash, error, analysed_at)
    select worklog_entries.id, worklog_entries.user_id, 'done', ${r.provider}, ${r.model}, ${r.sentimentScore}, ${r.sentimentLabel},
      ${pgTextArray(r.projects)}::text[], ${pgTextArray(r.skills)}::text[], ${JSON.stringify(r.achievements)}::jsonb,
      ${pgTextArray(r.themes)}::text[], ${hash}, null, now()
    from worklog_entries
    where worklog_entries.id = ${entryId} and worklog_entries.user_id = ${userId} and ${bodyHash} = ${hash}
    on conflict (entry_id) do update set
      status = excluded.status, provider = excluded.provider, model = excluded.model,
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      projects = excluded.projects, skills = excluded.skills, achievements = excluded.achievements,
      themes = excluded.themes, content_hash = excluded.content_hash, error = null, analysed_at = now(), updated_at = now()
    returning entry_id`);
  if (result.rows.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(worklogInsights)
    .where(and(eq(worklogInsights.entryId, entryId), eq(worklogInsights.userId, userId)));
  return row;
}

export async function markAnalysisFailed(
  db: DbOrTx,
  userId: string,
  entryId: string,
  error: string,
): Promise<void> {
  await db
    .update(worklogInsights)
    .set({ status: 'failed', error: error.slice(0, 500) })
    .where(and(eq(worklogInsights.entryId, entryId), eq(worklogInsights.userId, userId)));
}

/** A PostgreSQL array literal for text[] (quoted, escaped), sent as one parameter. */
function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/gu, (c) => `\\${c}`)}"`).join(',')}}`;
}

// ---- What the author did elsewhere: their projects and the tasks they completed ----

/** Names and keys of the projects in the author's workspaces (the analysis links to them). */
export async function projectsOf(db: DbOrTx, userId: string): Promise<{ name: string; key: string }[]> {
  const result = await db.execute<{ name: string; key: string }>(sql`
    select distinct p.name, p.key
    from projects p
    join workspace_members m on m.workspace_id = p.workspace_id and m.user_id = ${userId}
    join workspaces w on w.id = p.workspace_id and w.deleted_at is null
    where p.deleted_at is null
    order by p.name
    limit 500`);
  return result.rows;
}

// The author's completed tasks between two instants: assigned to them, in workspaces they still
// belong to, neither the task nor its project deleted. The list and the daily count share it.
const completedBy = (userId: string, from: Date, to: Date): SQL => sql`
    from tasks t
    join task_assignees a on a.task_id = t.id and a.user_id = ${userId}
    join projects p on p.id = t.project_id and p.deleted_at is null
    join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = ${userId}
    where t.deleted_at is null and t.completed_at is not null
      and t.completed_at >= ${from.toISOString()} and t.completed_at < ${to.toISOString()}`;

export type CompletedTaskRow = {
  id: string;
  key: string;
  title: string;
  project_id: string;
  project_name: string;
  workspace_id: string;
  done_at: Date;
  /** completed_at to the microsecond, for `after`: a JS Date would cut it and skip rows. */
  cursor_at: string;
};

/**
 * Tasks the author completed between two instants, most recently done first: done (or archived
 * after done), assigned to them, in workspaces they still belong to. (A task is the team's; only
 * its key, title and project appear in the author's own timeline.) At most `limit`, after the
 * `after` row when given (keyset on completed_at, id): no default, so no caller cuts a range short
 * without choosing to.
 */
export async function completedTasks(
  db: DbOrTx,
  userId: string,
  from: Date,
  to: Date,
  page: { limit: number; after?: { cursorAt: string; id: string } },
): Promise<CompletedTaskRow[]> {
  const { after } = page;
  const result = await db.execute<CompletedTaskRow>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, p.id as project_id, p.name as project_name,
           t.workspace_id, t.completed_at as done_at, to_json(t.completed_at) #>> '{}' as cursor_at
    ${completedBy(userId, from, to)}
      ${after ? sql`and (t.completed_at, t.id) < (${after.cursorAt}::timestamptz, ${after.id}::uuid)` : sql``}
    order by t.completed_at desc, t.id desc
    limit ${page.limit}`);
  return result.rows.map((r) => ({ ...r, done_at: new Date(r.done_at) }));
}

/**
 * How many tasks the author completed on each day, counted in SQL (no rows read) with the same
 * filters as `completedTasks`. `bounds` are the instants the days begin, in order, then the
 * instant the last one ends: day i holds `bounds[i] <= completed_at < bounds[i + 1]`. One count
 * per day, zeros included.
 */
export async function tasksDonePerDay(db: DbOrTx, userId: string, bounds: Date[]): Promise<number[]> {
  const counts = Array.from({ length: Math.max(bounds.length - 1, 0) }, () => 0);
  if (counts.length === 0) return counts;
  // width_bucket finds each task's day in the sorted bounds: 1 for the first day, and so on.
  const result = await db.execute<{ day: number; done: number }>(sql`
    select width_bucket(t.completed_at, ${pgTextArray(bounds.map((b) => b.toISOString()))}::timestamptz[]) as day,
           count(*)::int as done
    ${completedBy(userId, bounds[0]!, bounds.at(-1)!)}
    group by 1`);
  for (const r of result.rows) counts[r.day - 1] = r.done;
  return counts;
}

/** The author's entries in a range with their analysis, oldest first (exports read these). */
export async function entriesInRange(
  db: DbOrTx,
  userId: string,
  from: string,
  to: string,
): Promise<EntryWithInsight[]> {
  return db
    .select({ entry: entryColumns, insight: worklogInsights })
    .from(worklogEntries)
    .leftJoin(worklogInsights, eq(worklogInsights.entryId, worklogEntries.id))
    .where(
      and(
        eq(worklogEntries.userId, userId),
        sql`${worklogEntries.date} between ${from}::date and ${to}::date`,
      ),
    )
    .orderBy(worklogEntries.date, worklogEntries.createdAt);
}

// ---- Search ----

export type EntryHitRow = {
  id: string;
  date: string;
  body: string;
  score: number;
};

/** The author's entries matching the words (full text, ranked), best first. */
export async function searchEntriesByWords(
  db: DbOrTx,
  userId: string,
  q: string,
  limit: number,
): Promise<EntryHitRow[]> {
  const result = await db.execute<EntryHitRow>(sql`
    select e.id, e.date::text as date, e.body,
           ts_rank(e.search_vector, websearch_to_tsquery('english', ${q}))::float8 as score
    from worklog_entries e
    where e.user_id = ${userId} and e.search_vector @@ websearch_to_tsquery('english', ${q})
    order by score desc, e.date desc
    limit ${limit}`);
  return result.rows;
}

export type TaskHitRow = {
  id: string;
  key: string;
  title: string;
  workspace_id: string;
  score: number;
};

/** Tasks the author created or is assigned to, in workspaces they belong to, matching the words. */
export async function searchOwnTasks(
  db: DbOrTx,
  userId: string,
  q: string,
  limit: number,
): Promise<TaskHitRow[]> {
  const result = await db.execute<TaskHitRow>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.workspace_id,
           ts_rank(t.search_vector, websearch_to_tsquery('english', ${q}))::float8 as score
    from tasks t
    join projects p on p.id = t.project_id and p.deleted_at is null
    join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = ${userId}
    where t.deleted_at is null
      and (t.created_by = ${userId} or exists (select 1 from task_assignees a where a.task_id = t.id and a.user_id = ${userId}))
      and t.search_vector @@ websearch_to_tsquery('english', ${q})
    order by score desc, t.updated_at desc
    limit ${limit}`);
  return result.rows;
}

// ---- Exports ----

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
