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
const WORD_MATCHES = 1000;
/**
 * Comments, decisions and incidents keep no tsvector: ranking a match builds it again from the text (~0.15 ms for a
 * decision of a few paragraphs), so fewer of their word matches are ranked: a word in every decision of a log of 1,000
 * cost a search ~150 ms with the tasks' bound.
 */
const COMPUTED_WORD_MATCHES = 200;
/** The same bound for each kind's text containing the query (trigram indexes: task, decision and incident titles, comment bodies). */
const SUBSTRING_MATCHES = 200;

const TASK_KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-([1-9][0-9]{0,8})$/;
/** At most this many keys in one query (a text's task keys resolved in one request: the web's links). */
export const MAX_TASK_KEYS = 50;

/**
 * "CORE-12" or several keys ("CORE-12 WEB-3", commas too), any case → each key's project key and task number, as
 * shown in `key`; anything else (a word among them, more than MAX_TASK_KEYS) → none (the arm finds nothing).
 */
export function parseTaskKeys(q: string): { projects: string[]; numbers: number[] } {
  const parsed = { projects: [] as string[], numbers: [] as number[] };
  const words = q.split(/[\s,]+/).filter(Boolean);
  if (words.length > MAX_TASK_KEYS) return parsed;
  for (const word of words) {
    const m = TASK_KEY.exec(word);
    if (!m) return { projects: [], numbers: [] };
    parsed.projects.push(m[1]!.toUpperCase());
    parsed.numbers.push(Number(m[2]));
  }
  return parsed;
}

/** "DEC-12" (any case) → 12 with prefix DEC; anything else → null (the key arm finds none). */
export function parseLogNumber(prefix: 'DEC' | 'INC', q: string): number | null {
  const m = /^([A-Za-z]+)-([1-9][0-9]{0,8})$/.exec(q);
  return m && m[1]!.toUpperCase() === prefix ? Number(m[2]) : null;
}

/**
 * The workspace's logs the search reads like tasks: each by its text's words (a GIN index on exactly this
 * `tsvector`, migration 0020: the expression must stay the index's), its title's substrings (trigram index) and its
 * `DEC-n` / `INC-n` number. `x` is the row's alias.
 */
const LOGS = {
  decision: {
    table: sql.raw('decisions'),
    prefix: 'DEC',
    words: sql.raw(`to_tsvector('english'::regconfig, x.title || ' ' || x.context || ' ' || x.decision)`),
    snippet: sql.raw('left(x.decision, 160)'),
  },
  incident: {
    table: sql.raw('incidents'),
    prefix: 'INC',
    words: sql.raw(
      `to_tsvector('english'::regconfig, x.title || ' ' || coalesce(x.summary, '') || ' ' || coalesce(x.postmortem, ''))`,
    ),
    snippet: sql.raw(`left(coalesce(x.summary, ''), 160)`),
  },
} as const;

/**
 * Ranked full-text search over tasks, comments, decisions and incidents of one workspace. The text is only ever a bound
 * parameter: websearch_to_tsquery never raises on odd input, and LIKE wildcards are escaped.
 *
 * Tasks are found by three arms that each use an index, and only their union is ranked: words (GIN on search_vector,
 * at most WORD_MATCHES), title substring (pg_trgm GIN on title, at most SUBSTRING_MATCHES) and `KEY-n`, one key or
 * several (project key + number, unique index). One arm ORed into one WHERE made PostgreSQL scan every task of the
 * workspace. No keys (a query of words) leave the key arm an empty join. Comments the same way, by two arms: words (GIN on the
 * body's tsvector) and body substring (pg_trgm GIN); ORed, they made it read every comment and build its tsvector.
 * Decisions and incidents by three: words (GIN on the text search reads), title substring (pg_trgm GIN) and `DEC-n` /
 * `INC-n` (the workspace's unique number).
 */
export async function searchWorkspace(
  db: DbOrTx,
  workspaceId: string,
  q: string,
  page: { limit: number; after?: { rank: number; key: string; id: string } },
): Promise<SearchRow[]> {
  const { limit, after } = page;
  const pattern = `%${escapeLike(q)}%`;
  const taskKeys = parseTaskKeys(q);
  const keys = taskKeys.projects.map((project, i) => `${project}-${taskKeys.numbers[i]}`);
  // A log's arms and its ranked hits: the same for decisions and incidents.
  const logSearch = (kind: keyof typeof LOGS) => {
    const { table, prefix, words, snippet } = LOGS[kind];
    const number = parseLogNumber(prefix, q);
    return {
      matches: sql`
        (select x.id from ${table} x, query
          where x.workspace_id = ${workspaceId} and ${words} @@ query.tsq limit ${COMPUTED_WORD_MATCHES})
        union
        (select x.id from ${table} x
          where x.workspace_id = ${workspaceId} and x.title ilike ${pattern} escape '\\' limit ${SUBSTRING_MATCHES})
        union
        (select x.id from ${table} x where x.workspace_id = ${workspaceId} and x.number = ${number}::int)`,
      hits: sql`
        select ${sql.raw(`'${kind}'`)}, x.id, null, null, ${sql.raw(`'${prefix}-'`)} || x.number, x.title, x.status,
               ${snippet},
               ts_rank(${words}, query.tsq) * 0.9
                 + case when x.title ilike ${pattern} escape '\\' then 0.5 else 0 end
                 + case when x.number = ${number}::int then 2 else 0 end
          from ${sql.raw(`${kind}_matches`)} m join ${table} x on x.id = m.id, query
         where x.workspace_id = ${workspaceId}`,
    };
  };
  const decisions = logSearch('decision');
  const incidents = logSearch('incident');
  const result = await db.execute<SearchRow>(sql`
    with query as (select websearch_to_tsquery('english', ${q}) as tsq),
    task_matches as (
      (select t.id from tasks t, query
        where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.search_vector @@ query.tsq
        limit ${WORD_MATCHES})
      union
      (select t.id from tasks t
        where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.title ilike ${pattern} escape '\\'
        limit ${SUBSTRING_MATCHES})
      union
      (select t.id from unnest(${sql.param(taskKeys.projects)}::text[], ${sql.param(taskKeys.numbers)}::int[]) k(key, number)
         join projects p on p.workspace_id = ${workspaceId} and p.deleted_at is null and p.key = k.key
         join tasks t on t.project_id = p.id and t.number = k.number
        where t.workspace_id = ${workspaceId} and t.deleted_at is null)
    ),
    comment_matches as (
      (select c.id from comments c, query
        where c.workspace_id = ${workspaceId} and c.deleted_at is null
          and to_tsvector('english'::regconfig, c.body) @@ query.tsq
        limit ${COMPUTED_WORD_MATCHES})
      union
      (select c.id from comments c
        where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.body ilike ${pattern} escape '\\'
        limit ${SUBSTRING_MATCHES})
    ),
    decision_matches as (${decisions.matches}),
    incident_matches as (${incidents.matches}),
    ranked as (
    select * from (
      select 'task' as type, t.id, t.id as task_id, t.project_id, p.key || '-' || t.number as key, t.title, t.status,
             left(coalesce(t.description, ''), 160) as snippet,
             ts_rank(t.search_vector, query.tsq)
               + case when t.title ilike ${pattern} escape '\\' then 0.5 else 0 end
               + case when upper(p.key || '-' || t.number) = any(${sql.param(keys)}::text[]) then 2 else 0 end as rank
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
      ${decisions.hits}
      union all
      ${incidents.hits}
    ) u
    ),
    -- float8, exactly as the cursor carries it back (a float4 rank would not compare equal to it).
    hits as (select type, id, task_id, project_id, key, title, status, snippet, rank::float8 as rank from ranked)
    select * from hits
    ${after ? sql`where hits.rank < ${after.rank}::float8 or (hits.rank = ${after.rank}::float8 and (hits.key, hits.id) > (${after.key}::text, ${after.id}::uuid))` : sql``}
    order by rank desc, key, id
    limit ${limit}`);
  return result.rows;
}
