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
 * Ranked full-text search over tasks, comments, decisions and incidents of one workspace. The text is only ever a bound
 * parameter: websearch_to_tsquery never raises on odd input, and LIKE wildcards are escaped.
 */
export async function searchWorkspace(
  db: DbOrTx,
  workspaceId: string,
  q: string,
  limit: number,
): Promise<SearchRow[]> {
  const pattern = `%${escapeLike(q)}%`;
  const result = await db.execute<SearchRow>(sql`
    with query as (select websearch_to_tsquery('english', ${q}) as tsq)
    select * from (
      select 'task' as type, t.id, t.id as task_id, t.project_id, p.key || '-' || t.number as key, t.title, t.status,
             left(coalesce(t.description, ''), 160) as snippet,
             ts_rank(t.search_vector, query.tsq)
               + case when t.title ilike ${pattern} escape '\\' then 0.5 else 0 end
               + case when upper(p.key || '-' || t.number) = upper(${q}) then 2 else 0 end as rank
        from tasks t join projects p on p.id = t.project_id, query
       where t.workspace_id = ${workspaceId} and t.deleted_at is null and p.deleted_at is null
         and (t.search_vector @@ query.tsq or t.title ilike ${pattern} escape '\\'
              or upper(p.key || '-' || t.number) = upper(${q}))
      union all
      select 'comment', c.id, t.id, t.project_id, p.key || '-' || t.number, t.title, t.status,
             left(c.body, 160),
             ts_rank(to_tsvector('english'::regconfig, c.body), query.tsq) * 0.8
        from comments c join tasks t on t.id = c.task_id join projects p on p.id = t.project_id, query
       where c.workspace_id = ${workspaceId} and c.deleted_at is null and t.deleted_at is null and p.deleted_at is null
         and (to_tsvector('english'::regconfig, c.body) @@ query.tsq or c.body ilike ${pattern} escape '\\')
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
