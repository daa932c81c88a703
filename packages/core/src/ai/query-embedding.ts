import { createHash } from 'node:crypto';
import { AiError } from '@teamflow/ai/provider';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';

const QUERY_CACHE_SECONDS = 3600;

/**
 * A typed text's embedding, from Redis for an hour after it was first asked for (typing and
 * searching repeat themselves). `fetch` makes the paid call (or answers null, e.g. when the
 * budget is spent); an unavailable provider is logged and answers null, so the caller goes on
 * without embeddings.
 */
export async function cachedQueryEmbedding(
  deps: Pick<CoreDeps, 'redis'>,
  logger: Logger,
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
    logger.warn('embedding provider unavailable; going on without embeddings', { error: error.message });
    return null;
  }
}
