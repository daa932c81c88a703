import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import type { EntryHitRow } from './worklog.repository';

/**
 * The entries' meaning vectors (`worklog_vectors`), scored inside PostgreSQL. PRIVACY: like the
 * rest of the work log's repositories, every function takes the author's id into its WHERE clause.
 */

/** One meaning vector of an entry (or a query) and the model that made it. */
export interface MeaningVector {
  model: string;
  vector: readonly number[];
}

// `cube` holds at most 100 dimensions: longer vectors are stored (and queried) in parts.
const PART = 100;

interface Part {
  part: number;
  text: string;
  norm2: number;
}

function partsOf(vector: readonly number[]): Part[] {
  const parts: Part[] = [];
  for (let start = 0, part = 0; start < vector.length; start += PART, part++) {
    const xs = vector.slice(start, start + PART);
    parts.push({ part, text: `(${xs.join(', ')})`, norm2: xs.reduce((s, x) => s + x * x, 0) });
  }
  return parts;
}

/**
 * Replaces the entry's vectors with these (one set per model), in the caller's transaction. With
 * `models`, only those models' vectors are replaced and the others' kept.
 */
export async function replaceEntryVectors(
  db: DbOrTx,
  userId: string,
  entryId: string,
  vectors: MeaningVector[],
  models?: string[],
): Promise<void> {
  const ofModels = models ? sql`and model in (${sql.join(models, sql`, `)})` : sql``;
  await db.execute(
    sql`delete from worklog_vectors where entry_id = ${entryId} and user_id = ${userId} ${ofModels}`,
  );
  const rows = vectors.flatMap((v) =>
    partsOf(v.vector).map(
      (p) => sql`(${entryId}, ${userId}, ${v.model}, ${p.part}, ${p.text}::cube, ${p.norm2})`,
    ),
  );
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into worklog_vectors (entry_id, user_id, model, part, vector, norm2)
    values ${sql.join(rows, sql`, `)}`);
}

export interface ClosestOptions {
  /** Cosines below this are not a match. */
  floor: number;
  limit: number;
  /** Leave out entries that have a vector of this model (they are scored under it instead). */
  unlessScoredBy?: string;
}

/**
 * The author's entries whose `query.model` vector is closest to the query (dot product of unit
 * vectors = cosine, at least `floor`), best first, with their date and body: one round trip, and
 * only the best rows travel. Per part, q·v = (|q|² + |v|² − |q − v|²) / 2, `<->` being cube's
 * Euclidean distance (C code, no row-by-row unnest); parts add up.
 */
export async function closestEntries(
  db: DbOrTx,
  userId: string,
  query: MeaningVector,
  options: ClosestOptions,
): Promise<EntryHitRow[]> {
  const parts = partsOf(query.vector);
  const unless: SQL = options.unlessScoredBy
    ? sql`and not exists (select 1 from worklog_vectors o
        where o.entry_id = v.entry_id and o.model = ${options.unlessScoredBy} and o.part = 0)`
    : sql``;
  // One part (the local 100-dimension vectors): no grouping needed.
  const scored =
    parts.length === 1
      ? sql`
        select v.entry_id, (${parts[0]!.norm2}::float8 + v.norm2 - power(v.vector <-> ${parts[0]!.text}::cube, 2)) / 2 as score
        from worklog_vectors v
        where v.user_id = ${userId} and v.model = ${query.model} ${unless}`
      : // Each part's dot product first (`offset 0` keeps it a subquery), so the grouping hashes
        // narrow rows: grouped directly, PostgreSQL sorted the cubes themselves, spilling to disk.
        sql`
        select d.entry_id, sum(d.dot) as score from (
          select v.entry_id, (q.norm2 + v.norm2 - power(v.vector <-> q.vector, 2)) / 2 as dot
          from worklog_vectors v
          join (values ${sql.join(
            parts.map((p) => sql`(${p.part}::smallint, ${p.text}::cube, ${p.norm2}::float8)`),
            sql`, `,
          )}) as q(part, vector, norm2) on q.part = v.part
          where v.user_id = ${userId} and v.model = ${query.model} ${unless}
          offset 0
        ) d
        group by d.entry_id`;
  const result = await db.execute<EntryHitRow>(sql`
    select e.id, e.date::text as date, e.body, best.score::float8 as score
    from (
      select s.entry_id, s.score from (${scored}) s
      where s.score >= ${options.floor}
      order by s.score desc, s.entry_id
      limit ${options.limit}
    ) best
    join worklog_entries e on e.id = best.entry_id and e.user_id = ${userId}
    order by best.score desc, e.date desc, e.id`);
  return result.rows;
}
