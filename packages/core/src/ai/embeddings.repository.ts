import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import type { DuplicateCandidate } from '@teamflow/contracts/ai';

// A task's embedding is current while its content hash matches the title and description it was
// made from. The hash is computed here, in SQL, both when storing and when checking, so it can
// never disagree with itself.
const contentHash = sql`encode(sha256(convert_to(t.title || E'\n' || coalesce(t.description, ''), 'UTF8')), 'hex')`;
// A PostgreSQL array literal, sent as one parameter.
const realArray = (v: number[]) => `{${v.join(',')}}`;
const openTask = sql`t.deleted_at is null and t.status in ('todo', 'in_progress', 'in_review', 'blocked')`;

export type StaleTask = {
  id: string;
  title: string;
  description: string | null;
  hash: string;
};

/** Open tasks of a project with no embedding from `model`, or one made from older content; newest first. */
export async function staleTaskEmbeddings(
  db: DbOrTx,
  projectId: string,
  model: string,
  limit: number,
): Promise<StaleTask[]> {
  const result = await db.execute<StaleTask>(sql`
    select t.id, t.title, t.description, ${contentHash} as hash
    from tasks t
    left join embeddings e on e.entity_type = 'task' and e.entity_id = t.id and e.model = ${model}
    where t.project_id = ${projectId} and ${openTask}
      and (e.id is null or e.content_hash <> ${contentHash})
    order by t.updated_at desc
    limit ${limit}`);
  return result.rows;
}

/** How many of a project's open tasks have a current embedding under `model`, and how many not. */
export async function embeddingCoverage(
  db: DbOrTx,
  projectId: string,
  model: string,
): Promise<{ current: number; stale: number }> {
  const result = await db.execute<{ current: number; stale: number }>(sql`
    select count(*) filter (where e.content_hash = ${contentHash})::int as current,
           count(*) filter (where e.id is null or e.content_hash <> ${contentHash})::int as stale
    from tasks t
    left join embeddings e on e.entity_type = 'task' and e.entity_id = t.id and e.model = ${model}
    where t.project_id = ${projectId} and ${openTask}`);
  return result.rows[0] ?? { current: 0, stale: 0 };
}

export type TaskMatch = Omit<DuplicateCandidate, 'matchedBy'>;

/**
 * The project's open tasks whose current embedding is closest to `query`, scored in PostgreSQL
 * (vectors are stored at unit length, so the dot product is the cosine): only the best few rows
 * travel, not a thousand vectors.
 */
export async function closestTasks(
  db: DbOrTx,
  projectId: string,
  model: string,
  query: number[],
  limit: number,
): Promise<TaskMatch[]> {
  const result = await db.execute<TaskMatch>(sql`
    select t.id as "taskId", p.key || '-' || t.number as key, t.title, t.status, t.priority,
           greatest(0, least(1, (select sum(a * b) from unnest(e.vector, ${realArray(query)}::real[]) as x(a, b))))
             ::float8 as similarity
    from tasks t
    join projects p on p.id = t.project_id
    join embeddings e on e.entity_type = 'task' and e.entity_id = t.id and e.model = ${model}
    where t.project_id = ${projectId} and ${openTask} and e.content_hash = ${contentHash}
    order by similarity desc, t.number
    limit ${limit}`);
  return result.rows;
}

export async function upsertTaskEmbeddings(
  db: DbOrTx,
  workspaceId: string,
  model: string,
  rows: { taskId: string; hash: string; vector: number[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) => sql`(${workspaceId}, 'task', ${r.taskId}, ${model}, ${r.hash}, ${realArray(r.vector)}::real[])`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into embeddings (workspace_id, entity_type, entity_id, model, content_hash, vector)
    values ${values}
    on conflict (entity_type, entity_id, model)
    do update set content_hash = excluded.content_hash, vector = excluded.vector, updated_at = now()`);
}
