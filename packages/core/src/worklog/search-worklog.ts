import { dotQuantised, WORD_VECTOR_MODEL } from '@teamflow/ai/local/word-vectors';
import { entryMeaningVector, proseOf } from '@teamflow/ai/local/worklog.rules';
import type { WorklogSearchHit, WorklogSearchQuery, WorklogSearchResult } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import {
  entriesByIds,
  meaningVectors,
  searchEntriesByWords,
  searchOwnTasks,
  type EntryHitRow,
} from './worklog.repository';

// Cosines of the mean word vectors: unrelated texts sit below this.
const MEANING_FLOOR = 0.2;
const SNIPPET = 200;

function snippet(body: string, q: string): string {
  const text = proseOf(body).replace(/\s+/gu, ' ').trim();
  const at = text.toLowerCase().indexOf(q.toLowerCase().split(/\s+/u)[0] ?? '');
  const start = at > 60 ? at - 60 : 0;
  return (
    (start > 0 ? '…' : '') + text.slice(start, start + SNIPPET) + (text.length > start + SNIPPET ? '…' : '')
  );
}

/** The author's entries closest in meaning to the query vector (cosine ≥ the floor), best first. */
async function closestInMeaning(
  deps: CoreDeps,
  userId: string,
  query: number[],
  limit: number,
): Promise<EntryHitRow[]> {
  const scored = (await meaningVectors(deps.db, userId, WORD_VECTOR_MODEL))
    .map((r) => ({ id: r.id, score: dotQuantised(query, r.vector) }))
    .filter((r) => r.score >= MEANING_FLOOR)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  const rows = new Map(
    (
      await entriesByIds(
        deps.db,
        userId,
        scored.map((s) => s.id),
      )
    ).map((r) => [r.id, r]),
  );
  return scored.flatMap((s) => {
    const row = rows.get(s.id);
    return row ? [{ ...row, score: s.score }] : [];
  });
}

/**
 * The caller's entries by words (full text) and by meaning (word vectors of the query against each
 * entry's, scored in PostgreSQL), plus their own tasks by words. An entry found both ways is
 * reported once, as matched by words; each hit says how it matched.
 */
export async function searchWorklog(
  deps: CoreDeps,
  ctx: Ctx,
  query: WorklogSearchQuery,
): Promise<WorklogSearchResult> {
  const userId = ctx.actor.id;
  const limit = query.limit ?? 20;
  const vector = entryMeaningVector(query.q);
  const [byWords, byMeaning, tasks] = await Promise.all([
    searchEntriesByWords(deps.db, userId, query.q, limit),
    vector ? closestInMeaning(deps, userId, vector, limit) : [],
    searchOwnTasks(deps.db, userId, query.q, limit),
  ]);
  const seen = new Set<string>();
  const items: WorklogSearchHit[] = [];
  for (const [rows, matchedBy] of [
    [byWords, 'words'],
    [byMeaning, 'meaning'],
  ] as const) {
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      items.push({
        type: 'entry',
        id: r.id,
        date: r.date,
        snippet: snippet(r.body, query.q),
        score: Math.round(r.score * 1000) / 1000,
        matchedBy,
      });
    }
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
