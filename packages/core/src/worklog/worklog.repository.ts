import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { worklogEntries, worklogInsights } from '@teamflow/db/schema/index';

/**
 * The work log's entries and analyses in the database. PRIVACY: every function takes the author's
 * id and puts it in its WHERE clause, so no call can return (or change) another person's entry or
 * its analysis; there is deliberately no lookup by entry id alone. (Exports:
 * worklog-exports.repository.ts; the one query across authors, ids only, for the background
 * re-read: outdated-analyses.repository.ts.)
 */

export type EntryRow = typeof worklogEntries.$inferSelect;
export type InsightRow = typeof worklogInsights.$inferSelect;
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
 * What a save may replace: `any` analysis (the entry's own job, after a save), or only an
 * `older-local` one, a finished analysis by local rules other than those that answered now (a
 * background re-read: it must not undo a remote analysis, a newer re-read, or a save's pending).
 */
export type AnalysisReplaces = 'any' | 'older-local';

/**
 * Stores the analysis of the body that hashed to `hash`. If the entry changed since it was read,
 * or the stored analysis is not one it may replace, nothing is written (returns undefined): the
 * debounced job staged by that save analyses it again.
 */
export async function saveAnalysis(
  db: DbOrTx,
  userId: string,
  entryId: string,
  hash: string,
  r: AnalysisResult,
  replaces: AnalysisReplaces = 'any',
): Promise<InsightRow | undefined> {
  // Judged on the stored row as it is once this write holds its lock, unlike the body hash (read as
  // the statement began): an autosave that marks it pending while this write waits for it wins.
  const onlyOverOlderLocal =
    replaces === 'older-local'
      ? sql`where worklog_insights.provider = 'local' and worklog_insights.model <> ${r.model}
          and worklog_insights.status in ('done', 'failed')`
      : sql``;
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
    ${onlyOverOlderLocal}
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

// ---- What the author did elsewhere: their projects (their completed tasks: completed-tasks.repository.ts) ----

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
