// The statement of searchWorkspace (packages/core/src/search/search.repository.ts) with its
// parameters numbered, so the search bench can EXPLAIN what the api runs: $1 = q, $2 = workspace
// id, $3 = the escaped ILIKE pattern, $4 = limit, $5/$6 = the project key and task number parsed
// from a `KEY-n` query, $7/$8 the numbers of a `DEC-n` / `INC-n` query (null otherwise); the arms'
// caps (WORD_MATCHES, COMPUTED_WORD_MATCHES, SUBSTRING_MATCHES) are inlined. If that function changes, copy it again.
export const SEARCH_SQL = `
    with query as (select websearch_to_tsquery('english', $1) as tsq),
    task_matches as (
      (select t.id from tasks t, query
        where t.workspace_id = $2 and t.deleted_at is null and t.search_vector @@ query.tsq
        limit 1000)
      union
      (select t.id from tasks t
        where t.workspace_id = $2 and t.deleted_at is null and t.title ilike $3 escape '\\'
        limit 200)
      union
      (select t.id from projects p join tasks t on t.project_id = p.id
        where p.workspace_id = $2 and p.deleted_at is null and p.key = $5::text
          and t.workspace_id = $2 and t.number = $6::int and t.deleted_at is null)
    ),
    comment_matches as (
      (select c.id from comments c, query
        where c.workspace_id = $2 and c.deleted_at is null
          and to_tsvector('english'::regconfig, c.body) @@ query.tsq
        limit 200)
      union
      (select c.id from comments c
        where c.workspace_id = $2 and c.deleted_at is null and c.body ilike $3 escape '\\'
        limit 200)
    ),
    decision_matches as (
      (select d.id from decisions d, query
        where d.workspace_id = $2
          and to_tsvector('english'::regconfig, d.title || ' ' || d.context || ' ' || d.decision) @@ query.tsq
        limit 200)
      union
      (select d.id from decisions d
        where d.workspace_id = $2 and d.title ilike $3 escape '\\'
        limit 200)
      union
      (select d.id from decisions d where d.workspace_id = $2 and d.number = $7::int)
    ),
    incident_matches as (
      (select i.id from incidents i, query
        where i.workspace_id = $2
          and to_tsvector('english'::regconfig, i.title || ' ' || coalesce(i.summary, '') || ' ' || coalesce(i.postmortem, ''))
              @@ query.tsq
        limit 200)
      union
      (select i.id from incidents i
        where i.workspace_id = $2 and i.title ilike $3 escape '\\'
        limit 200)
      union
      (select i.id from incidents i where i.workspace_id = $2 and i.number = $8::int)
    )
    select * from (
      select 'task' as type, t.id, t.id as task_id, t.project_id, p.key || '-' || t.number as key, t.title, t.status,
             left(coalesce(t.description, ''), 160) as snippet,
             ts_rank(t.search_vector, query.tsq)
               + case when t.title ilike $3 escape '\\' then 0.5 else 0 end
               + case when upper(p.key || '-' || t.number) = upper($1) then 2 else 0 end as rank
        from task_matches m join tasks t on t.id = m.id join projects p on p.id = t.project_id, query
       where t.workspace_id = $2 and t.deleted_at is null and p.deleted_at is null
    union all
      select 'comment', c.id, t.id, t.project_id, p.key || '-' || t.number, t.title, t.status,
             left(c.body, 160),
             ts_rank(to_tsvector('english'::regconfig, c.body), query.tsq) * 0.8
        from comment_matches m join comments c on c.id = m.id join tasks t on t.id = c.task_id
             join projects p on p.id = t.project_id, query
       where c.workspace_id = $2 and t.deleted_at is null and p.deleted_at is null
      union all
      select 'decision', d.id, null, null, 'DEC-' || d.number, d.title, d.status,
             left(d.decision, 160),
             ts_rank(to_tsvector('english'::regconfig, d.title || ' ' || d.context || ' ' || d.decision), query.tsq) * 0.9
               + case when d.title ilike $3 escape '\\' then 0.5 else 0 end
               + case when d.number = $7::int then 2 else 0 end
        from decision_matches m join decisions d on d.id = m.id, query
       where d.workspace_id = $2
      union all
      select 'incident', i.id, null, null, 'INC-' || i.number, i.title, i.status,
             left(coalesce(i.summary, ''), 160),
             ts_rank(to_tsvector('english'::regconfig, i.title || ' ' || coalesce(i.summary, '') || ' ' || coalesce(i.postmortem, '')), query.tsq) * 0.9
               + case when i.title ilike $3 escape '\\' then 0.5 else 0 end
               + case when i.number = $8::int then 2 else 0 end
        from incident_matches m join incidents i on i.id = m.id, query
       where i.workspace_id = $2
    ) hits
    order by rank desc, key, id
    limit $4`;

export const likePattern = (q) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
