import { embeddingInput, embeddingKey, embeddingSettings } from '@teamflow/ai/embeddings';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import { isOverBudget } from './ai-limits';
import { embedTexts } from './embed-texts';
import { staleTaskEmbeddings, upsertTaskEmbeddings } from './embeddings.repository';

// One provider call embeds up to BATCH tasks; one job embeds at most BATCH × ROUNDS (the rest wait
// for the next job, so a huge backlog cannot hold a worker for long).
const BATCH = 100;
const ROUNDS = 20;

export type EmbedDeps = Pick<CoreDeps, 'db' | 'env'> & { logger: Logger };

/**
 * The ai/embed-tasks job: embeds a project's open tasks that have no current vector, in batches,
 * each provider call checked against the workspace's budget and recorded in `ai_usage`. A spent
 * budget stops quietly (duplicates keep working from words); an unavailable provider throws, so the
 * job retries later.
 */
export async function embedProjectTasks(
  deps: EmbedDeps,
  target: { workspaceId: string; projectId: string },
): Promise<{ embedded: number }> {
  const settings = embeddingSettings(deps.env);
  if (!settings) return { embedded: 0 };
  const key = embeddingKey(settings);
  let embedded = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const stale = await staleTaskEmbeddings(deps.db, target.projectId, key, BATCH);
    if (stale.length === 0) break;
    if (await isOverBudget(deps, target.workspaceId)) {
      deps.logger.info('ai budget spent; task embeddings wait', { workspaceId: target.workspaceId });
      break;
    }
    const vectors = await embedTexts(
      deps,
      settings,
      { workspaceId: target.workspaceId, feature: 'duplicates' },
      stale.map((t) => embeddingInput(t.title, t.description)),
    );
    await upsertTaskEmbeddings(
      deps.db,
      target.workspaceId,
      key,
      stale.map((t, i) => ({ taskId: t.id, hash: t.hash, vector: vectors[i]! })),
    );
    embedded += stale.length;
  }
  return { embedded };
}
