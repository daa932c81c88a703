import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { analyse, contentLemmas, cosine, termVector } from '@teamflow/ai/local/nlp';
import type { DuplicateQuery, DuplicateResult } from '@teamflow/contracts/ai';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { searchOpenTasks } from './ai.repository';

const CANDIDATES = 25;
const MIN_SIMILARITY = 0.3;
const SHOWN = 5;

/**
 * Similar open tasks for the create dialog, answered synchronously (the dialog debounces typing,
 * and a queued job per keystroke would spend the hourly AI limit): PostgreSQL full-text search
 * finds candidates sharing any content word, then the deterministic term vectors of the local
 * model rank them by cosine similarity. No provider is called, so it costs nothing.
 */
export async function findDuplicates(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  projectId: string,
  query: DuplicateQuery,
): Promise<DuplicateResult> {
  const terms = [...new Set(contentLemmas(analyse(query.title)).map((t) => t.toLowerCase()))].filter((t) =>
    /^[\p{L}\p{N}]+$/u.test(t),
  );
  const rows = await searchOpenTasks(deps.db, projectId, terms.slice(0, 12), CANDIDATES);
  const wanted = termVector(query.title, query.description);
  const items = rows
    .map((r) => ({
      taskId: r.id,
      key: r.key,
      title: r.title,
      status: r.status,
      priority: r.priority,
      similarity: Math.round(cosine(wanted, termVector(r.title, r.description)) * 100) / 100,
    }))
    .filter((c) => c.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.key.localeCompare(b.key, 'en', { numeric: true }))
    .slice(0, SHOWN);
  return { items, source: { provider: 'local', model: LOCAL_MODEL } };
}
