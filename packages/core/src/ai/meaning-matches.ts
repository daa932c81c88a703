import { embeddingKey, embeddingSettings } from '@teamflow/ai/embeddings';
import { aiEmbedTasksJob } from '@teamflow/queue/jobs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { stageJobOnce } from '../jobs/job-outbox.repository';
import { isOverBudget } from './ai-limits';
import { embedTexts } from './embed-texts';
import { closestTasks, embeddingCoverage, type TaskMatch } from './embeddings.repository';
import { cachedQueryEmbedding } from './query-embedding';

// The duplicate check reads back this many of the closest tasks.
const CLOSEST = 10;
// A typing hint must answer fast: one short try, then words alone.
const QUERY_TIMEOUT_MS = 5000;

export interface MeaningMatches {
  model: string;
  matches: TaskMatch[];
}

/**
 * The project's open tasks closest in meaning to `text`, or `null` when no provider offers
 * embeddings, none are stored yet, the budget is spent or the provider does not answer in time
 * (the caller then goes by words alone). Tasks without a current vector get one from a background
 * job, so the next check sees them.
 */
export async function meaningMatches(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  text: string,
): Promise<MeaningMatches | null> {
  const settings = embeddingSettings(deps.env, { timeoutMs: QUERY_TIMEOUT_MS, maxRetries: 0 });
  if (!settings) return null;
  const key = embeddingKey(settings);
  const coverage = await embeddingCoverage(deps.db, projectId, key);
  // Coalesced twice over: in the outbox while it waits there, in BullMQ while a run is on.
  if (coverage.stale > 0)
    await stageJobOnce(deps.db, aiEmbedTasksJob, { workspaceId: ctx.workspaceId, projectId });
  if (coverage.current === 0) return null;

  const query = await cachedQueryEmbedding(deps, ctx.logger, key, text, async () => {
    if (await isOverBudget(deps, ctx.workspaceId)) return null;
    const [vector] = await embedTexts(
      deps,
      settings,
      { workspaceId: ctx.workspaceId, userId: ctx.actor.id, feature: 'duplicates' },
      [text],
    );
    return vector!;
  });
  if (!query) return null;
  return {
    model: settings.embeddingModel,
    matches: await closestTasks(deps.db, projectId, key, query, CLOSEST),
  };
}
