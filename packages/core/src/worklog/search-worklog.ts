import { proseOf } from '@teamflow/ai/local/worklog.rules';
import type { AiSource } from '@teamflow/contracts/ai';
import type { WorklogSearchHit, WorklogSearchQuery, WorklogSearchResult } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import {
  LOCAL_MEANING_SOURCE,
  localQueryMeaning,
  queryEmbedding,
  queryEmbeddingModel,
} from './entry-meaning';
import { closestEntries } from './worklog-vectors.repository';
import { searchEntriesByWords, searchOwnTasks, type EntryHitRow } from './worklog.repository';

// Cosines of the local mean word vectors: unrelated texts sit below this.
const LOCAL_FLOOR = 0.2;
// Cosines of OpenAI's embeddings: below the duplicate check's 0.5 (which asks for the same task,
// not the same topic). Not yet tuned on real journals.
const EMBEDDING_FLOOR = 0.3;
const SNIPPET = 200;

type MeaningHit = EntryHitRow & { source: AiSource };

function snippet(body: string, q: string): string {
  const text = proseOf(body).replace(/\s+/gu, ' ').trim();
  const at = text.toLowerCase().indexOf(q.toLowerCase().split(/\s+/u)[0] ?? '');
  const start = at > 60 ? at - 60 : 0;
  return (
    (start > 0 ? '…' : '') + text.slice(start, start + SNIPPET) + (text.length > start + SNIPPET ? '…' : '')
  );
}

/**
 * The author's entries closest in meaning to the query. With an OpenAI key (and budget, and an
 * answer), entries embedded by OpenAI are scored with OpenAI's embedding of the query and the
 * others (written before the key, or whose embedding failed) with the local vectors; otherwise
 * every entry by the local vectors. Each hit says which vectors found it.
 */
async function closestInMeaning(deps: CoreDeps, ctx: Ctx, q: string, limit: number): Promise<MeaningHit[]> {
  const userId = ctx.actor.id;
  const local = localQueryMeaning(q);
  const byLocal = (unlessScoredBy?: string) =>
    local
      ? closestEntries(deps.db, userId, local, {
          floor: LOCAL_FLOOR,
          limit,
          ...(unlessScoredBy ? { unlessScoredBy } : {}),
        })
      : Promise.resolve([]);
  const withSource = (rows: EntryHitRow[], source: AiSource) => rows.map((r) => ({ ...r, source }));
  const model = queryEmbeddingModel(deps.env);
  if (!model) return withSource(await byLocal(), LOCAL_MEANING_SOURCE);

  // The entries OpenAI has not embedded are scored locally while the query is being embedded.
  const othersByLocal = byLocal(model).then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error }),
  );
  const remote = await queryEmbedding(deps, ctx.logger, userId, q);
  if (!remote) {
    // No embedding after all (budget spent, provider away): every entry by its local vector.
    const excluded = await othersByLocal;
    if ('error' in excluded) throw excluded.error;
    return withSource(await byLocal(), LOCAL_MEANING_SOURCE);
  }
  const [byRemote, others] = await Promise.all([
    closestEntries(deps.db, userId, remote.query, { floor: EMBEDDING_FLOOR, limit }),
    othersByLocal,
  ]);
  if ('error' in others) throw others.error;
  return [...withSource(byRemote, remote.source), ...withSource(others.rows, LOCAL_MEANING_SOURCE)]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * The caller's entries by words (full text) and by meaning (see `closestInMeaning`; scored in
 * PostgreSQL), plus their own tasks by words. An entry found both ways is reported once, as
 * matched by words; each hit says how it matched (and a meaning hit, whose vectors).
 */
export async function searchWorklog(
  deps: CoreDeps,
  ctx: Ctx,
  query: WorklogSearchQuery,
): Promise<WorklogSearchResult> {
  const userId = ctx.actor.id;
  const limit = query.limit ?? 20;
  const [byWords, byMeaning, tasks] = await Promise.all([
    searchEntriesByWords(deps.db, userId, query.q, limit),
    closestInMeaning(deps, ctx, query.q, limit),
    searchOwnTasks(deps.db, userId, query.q, limit),
  ]);
  const seen = new Set<string>();
  const items: WorklogSearchHit[] = [];
  const hits: (EntryHitRow & { source?: AiSource })[] = [...byWords, ...byMeaning];
  for (const r of hits) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    items.push({
      type: 'entry',
      id: r.id,
      date: r.date,
      snippet: snippet(r.body, query.q),
      score: Math.round(r.score * 1000) / 1000,
      ...(r.source ? { matchedBy: 'meaning' as const, source: r.source } : { matchedBy: 'words' as const }),
    });
  }
  for (const t of tasks)
    items.push({
      type: 'task',
      id: t.id,
      key: t.key,
      title: t.title,
      workspaceId: t.workspace_id,
      score: Math.round(t.score * 1000) / 1000,
      matchedBy: 'words',
    });
  return { items: items.slice(0, limit * 2) };
}
