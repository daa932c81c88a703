import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { escapeLike } from '../tasks/tasks.repository';

export type SearchRow = {
  type: 'task' | 'comment' | 'decision' | 'incident';
  id: string;
  task_id: string;
  project_id: string;
  key: string;
  title: string;
  status: string;
  snippet: string;
  rank: number;
};

/**
 * How many full-text matches of tasks are ranked at most. ts_rank reads each match's tsvector, so ranking every match
 * of a word found in a fifth of a million-task workspace took ~0.9 s. The GIN index finds the matches but gives no
 * order, and ordering them by an indexed column (newest first) means fetching every match to sort it, the same linear
 * cost. So the full-text arm takes the first N matches the bitmap heap scan meets (table order: roughly the oldest
 * rows first) and stops. The trade-off: for a word in more than N tasks, the results are the best ranked of N of its
 * matches, not of all of them; a second word (or a title substring, or a key) narrows the search to a set that is
 * ranked in full. Below N matches nothing changes.
 */
const RANKED_WORD_MATCHES = 1000;
/** The same bound for tasks whose title contains the text (trigram index): each such hit gets the title bonus. */
const TITLE_SUBSTRING_MATCHES = 200;
/** And for comments: by words (GIN on the body's tsvector) and by a substring of the body (trigram index). */
const COMMENT_WORD_MATCHES = 1000;
const COMMENT_SUBSTRING_MATCHES = 200;

/** "CORE-12" (any case) → project key and task number, as shown in `key`; anything else → nulls (the arm finds none). */
export function parseTaskKey(q: string): { key: string | null; number: number | null } {
  const m = /^([A-Za-z][A-Za-z0-9]{1,9})-([1-9][0-9]{0,8})$/.exec(q);
  return m ? { key: m[1]!.toUpperCase(), number: Number(m[2]) } : { key: null, number: null };
}

/**
 * Ranked full-text search over tasks, comments, decisions and incidents of one workspace. The text is only ever a bound
 * parameter: websearch_to_tsquery never raises on odd input, and LIKE wildcards are escaped.
 *
 * Tasks are found by three arms that each use an index, and only their union is ranked: words (GIN on search_vector,
 * at most RANKED_WORD_MATCHES), title substring (pg_trgm GIN on title, at most TITLE_SUBSTRING_MATCHES) and `KEY-n`
 * (project key + number, unique index). One arm ORed into one WHERE made PostgreSQL scan every task of the workspace.
 * A null key or number folds its arm to nothing at plan time. Comments the same way, by two arms: words (GIN on the
 * body's tsvector) and body substring (pg_trgm GIN); ORed, they made it read every comment and build its tsvector.
 */
export async function searchWorkspace(
  db: DbOrTx,
  workspaceId: string,
  q: string,
  limit: number,
): Promise<SearchRow[]> {
  const pattern = `%${escapeLike(q)}%`;
  const taskKey = parseTaskKey(q);
  const result = await db.execute<SearchRow>(sql`
    with query as (select websearch_to_tsquery('english', ${q}) as tsq),
    task_matches as (
      (select t.id from tasks t, query
        where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.search_vector @@ query.tsq
        limit ${RANKED_WORD_MATCHES})
      union
      (select t.id from tasks t
        where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.title ilike ${pattern} escape '\\'
        limit ${TITLE_SUBSTRING_MATCHES})
      union
      (select t.id from projects p join tasks t on t.project_id = p.id
        where p.workspace_id = ${workspaceId} and p.deleted_at is null and p.key = ${taskKey.key}::text
          and t.workspace_id = ${workspaceId} and t.number = ${taskKey.number}::int and t.deleted_at is null)
    ),
    comment_matches as (
      (select c.id from comments c, query
        where c.workspace_id = ${workspaceId} and c.deleted_at is null
          and to_tsvector('english'::regconfig, c.body) @@ query.tsq
        limit ${COMMENT_WORD_MATCHES})
      union
      (select c.id from comments c
        where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.body ilike ${pattern} escape '\\'
        limit ${COMMENT_SUBSTRING_MATCHES})
    )
    select * from (
      select 'task' as type, t.id, t.id as task_id, t.project_id, p.key || '-' || t.number as key, t.title, t.status,
             left(coalesce(t.description, ''), 160) as snippet,
             ts_rank(t.search_vector, query.tsq)
               + case when t.title ilike ${pattern} escape '\\' then 0.5 else 0 end
               + case when upper(p.key || '-' || t.number) = upper(${q}) then 2 else 0 end as rank
        from task_matches m join tasks t on t.id = m.id join projects p on p.id = t.project_id, query
       where t.workspace_id = ${workspaceId} and t.deleted_at is null and p.deleted_at is null
    union all
      select 'comment', c.id, t.id, t.project_id, p.key || '-' || t.number, t.title, t.status,
             left(c.body, 160),
             ts_rank(to_tsvector('english'::regconfig, c.body), query.tsq) * 0.8
        from comment_matches m join comments c on c.id = m.id join tasks t on t.id = c.task_id
             join projects p on p.id = t.project_id, query
       where c.workspace_id = ${workspaceId} and t.deleted_at is null and p.deleted_at is null
      union all
      select 'decision', d.id, null, null, 'DEC-' || d.number, d.title, d.status,
             left(d.decision, 160),
             ts_rank(to_tsvector('english'::regconfig, d.title || ' ' || d.context || ' ' || d.decision), query.tsq) * 0.9
               + case when d.title ilike ${pattern} escape '\\' then 0.5 else 0 end
               + case when upper('DEC-' || d.number) = upper(${q}) then 2 else 0 end
        from decisions d, query
       where d.workspace_id = ${workspaceId}
         and (to_tsvector('english'::regconfig, d.title || ' ' || d.context || ' ' || d.decision) @@ query.tsq
              or d.title ilike ${pattern} escape '\\' or upper('DEC-' || d.number) = upper(${q}))
      union all
      select 'incident', i.id, null, null, 'INC-' || i.number, i.title, i.status,
             left(coalesce(i.summary, ''), 160),
             ts_rank(to_tsvector('english'::regconfig, i.title || ' ' || coalesce(i.summary, '') || ' ' || coalesce(i.postmortem, '')), query.tsq) * 0.9
               + case when i.title ilike ${pattern} escape '\\' then 0.5 else 0 end
               + case when upper('INC-' || i.number) = upper(${q}) then 2 else 0 end
        from incidents i, query
       where i.workspace_id = ${workspaceId}
         and (to_tsvector('english'::regconfig, i.title || ' ' || coalesce(i.summary, '') || ' ' || coalesce(i.postmortem, '')) @@ query.tsq
              or i.title ilike ${pattern} escape '\\' or upper('INC-' || i.number) = upper(${q}))
    ) hits
    order by rank desc, key, id
    limit ${limit}`);
  return result.rows;
}
