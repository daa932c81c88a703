import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { analyse, contentLemmas, cosine, termVector } from '@teamflow/ai/local/nlp';
import { embeddingInput } from '@teamflow/ai/embeddings';
import type { DuplicateCandidate, DuplicateQuery, DuplicateResult } from '@teamflow/contracts/ai';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { searchOpenTasks } from './ai.repository';
import { meaningMatches } from './meaning-matches';

const CANDIDATES = 25;
// Term-vector cosine at which shared words mean "probably the same work".
const MIN_WORDS = 0.3;
// Embedding cosine at which meaning does: OpenAI's text-embedding-3 models put unrelated short
// texts around 0.1–0.3 and rephrasings of one request above 0.5.
const MIN_MEANING = 0.5;
const SHOWN = 5;

/**
 * Similar open tasks for the create dialog, answered synchronously (the dialog debounces typing,
 * and a queued job per keystroke would spend the hourly AI limit). Words: PostgreSQL full-text
 * search finds candidates sharing a content word, ranked by the local model's deterministic term
 * vectors (free, always on). Meaning: where a provider offers embeddings (OpenAI), the text's
 * embedding is compared with the stored embeddings of the project's open tasks, so "cannot sign
 * in" finds "Login is broken". A candidate found both ways keeps the higher score.
 */
export async function findDuplicates(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  query: DuplicateQuery,
): Promise<DuplicateResult> {
  const terms = [...new Set(contentLemmas(analyse(query.title)).map((t) => t.toLowerCase()))].filter((t) =>
    /^[\p{L}\p{N}]+$/u.test(t),
  );
  const [rows, meaning] = await Promise.all([
    searchOpenTasks(deps.db, projectId, terms.slice(0, 12), CANDIDATES),
    meaningMatches(deps, ctx, projectId, embeddingInput(query.title, query.description)),
  ]);

  const found = new Map<string, DuplicateCandidate>();
  const wanted = termVector(query.title, query.description);
  for (const r of rows) {
    const similarity = cosine(wanted, termVector(r.title, r.description));
    if (similarity < MIN_WORDS) continue;
    const { id: taskId, key, title, status, priority } = r;
    found.set(taskId, { taskId, key, title, status, priority, similarity, matchedBy: ['words'] });
  }
  for (const m of meaning?.matches ?? []) {
    if (m.similarity < MIN_MEANING) continue;
    const byWords = found.get(m.taskId);
    found.set(m.taskId, {
      ...m,
      similarity: Math.max(m.similarity, byWords?.similarity ?? 0),
      matchedBy: byWords ? ['words', 'meaning'] : ['meaning'],
    });
  }

  const items = [...found.values()]
    .map((c) => ({ ...c, similarity: Math.round(c.similarity * 100) / 100 }))
    .sort((a, b) => b.similarity - a.similarity || a.key.localeCompare(b.key, 'en', { numeric: true }))
    .slice(0, SHOWN);
  const source = meaning
    ? { provider: 'openai' as const, model: meaning.model }
    : { provider: 'local' as const, model: LOCAL_MODEL };
  return { items, source };
}
