import { createHash } from 'node:crypto';
import { costMicros } from '@teamflow/ai/costs';
import { embeddingInput, embeddingKey, embeddingSettings, unitVector } from '@teamflow/ai/embeddings';
import { openAiEmbed, type EmbeddingSettings } from '@teamflow/ai/openai.provider';
import { AiError } from '@teamflow/ai/provider';
import { aiEmbedTasksJob } from '@teamflow/queue/jobs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import type { Logger } from '../platform/logger';
import { stageJobOnce } from '../jobs/job-outbox.repository';
import { insertAiUsage } from './ai.repository';
import { isOverBudget } from './ai-limits';
import {
  closestTasks,
  embeddingCoverage,
  staleTaskEmbeddings,
  upsertTaskEmbeddings,
  type TaskMatch,
} from './embeddings.repository';

// One provider call embeds up to BATCH tasks; one job embeds at most BATCH × ROUNDS (the rest wait
// for the next job, so a huge backlog cannot hold a worker for long).
const BATCH = 100;
const ROUNDS = 20;
// The duplicate check reads back this many of the closest tasks.
const CLOSEST = 10;
// A typing hint must answer fast: one short try, then words alone.
const QUERY_TIMEOUT_MS = 5000;
const QUERY_CACHE_SECONDS = 3600;

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
    const vectors = await embed(
      deps,
      settings,
      { workspaceId: target.workspaceId },
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

/**
 * One paid embedding call: its usage recorded in `ai_usage` (feature `duplicates`), one vector per
 * text checked, each returned at unit length (stored and query vectors alike, so a dot product in
 * SQL is their cosine).
 */
async function embed(
  deps: Pick<CoreDeps, 'db'>,
  settings: EmbeddingSettings,
  who: { workspaceId: string; userId?: string },
  texts: string[],
): Promise<number[][]> {
  const out = await openAiEmbed(settings, texts);
  await insertAiUsage(deps.db, {
    ...who,
    feature: 'duplicates',
    provider: 'openai',
    model: out.model,
    promptTokens: out.promptTokens,
    costMicros: costMicros('openai', out.model, out.promptTokens, 0),
  });
  if (out.vectors.length !== texts.length)
    throw new AiError(
      'AI_OUTPUT_INVALID',
      `openai returned ${out.vectors.length} embeddings for ${texts.length} inputs`,
    );
  return out.vectors.map(unitVector);
}

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

  const query = await queryVector(deps, ctx, key, text, async () => {
    if (await isOverBudget(deps, ctx.workspaceId)) return null;
    const [vector] = await embed(deps, settings, { workspaceId: ctx.workspaceId, userId: ctx.actor.id }, [
      text,
    ]);
    return vector!;
  });
  if (!query) return null;
  return {
    model: settings.embeddingModel,
    matches: await closestTasks(deps.db, projectId, key, query, CLOSEST),
  };
}

/** The text's embedding, from Redis for an hour after it was first asked for (typing repeats itself). */
async function queryVector(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  modelKey: string,
  text: string,
  fetch: () => Promise<number[] | null>,
): Promise<number[] | null> {
  const key = `ai:embed:${modelKey}:${createHash('sha256').update(text).digest('hex')}`;
  const cached = await deps.redis.get(key).catch(() => null);
  if (cached) return JSON.parse(cached) as number[];
  try {
    const vector = await fetch();
    if (vector)
      await deps.redis.set(key, JSON.stringify(vector), 'EX', QUERY_CACHE_SECONDS).catch(() => undefined);
    return vector;
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    ctx.logger.warn('embedding provider unavailable; duplicates by words only', { error: error.message });
    return null;
  }
}
