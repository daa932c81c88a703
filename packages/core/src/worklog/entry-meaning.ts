import { embeddingKey, embeddingSettings, entryEmbeddingInput } from '@teamflow/ai/embeddings';
import { AiError } from '@teamflow/ai/provider';
import { quantised, WORD_VECTOR_MODEL } from '@teamflow/ai/local/word-vectors';
import { entryMeaningVector } from '@teamflow/ai/local/worklog.rules';
import type { AiSource } from '@teamflow/contracts/ai';
import { isPersonalOverBudget } from '../ai/ai-limits';
import { embedTexts } from '../ai/embed-texts';
import { cachedQueryEmbedding } from '../ai/query-embedding';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import type { MeaningVector } from './worklog-vectors.repository';

/**
 * The work log's meaning vectors, the same way for an entry and for a search: the local word
 * vectors always (free, no key), and OpenAI's embedding (the duplicate check's settings and
 * model key) when a key is set, the author's own AI budget is not spent and the provider answers.
 * Paid calls are recorded in `ai_usage` with no workspace (feature `worklog-search`).
 */

type MeaningDeps = Pick<CoreDeps, 'db' | 'env'>;

// A search answers at once: one short try, then the local vectors.
const QUERY_TIMEOUT_MS = 5000;

/** An entry's local meaning vector, as stored (null when it has no word the vectors know). */
export function localEntryMeaning(body: string): MeaningVector | null {
  const vector = entryMeaningVector(body);
  return vector ? { model: WORD_VECTOR_MODEL, vector: quantised(vector) } : null;
}

/** A query's local meaning vector (not rounded: only the stored side is). */
export function localQueryMeaning(q: string): MeaningVector | null {
  const vector = entryMeaningVector(q);
  return vector ? { model: WORD_VECTOR_MODEL, vector } : null;
}

export const LOCAL_MEANING_SOURCE: AiSource = { provider: 'local', model: WORD_VECTOR_MODEL };

/** An entry's OpenAI embedding for the analysis job to store, or null (no key, budget, outage). */
export async function entryEmbedding(
  deps: MeaningDeps & { logger: Logger },
  userId: string,
  body: string,
): Promise<MeaningVector | null> {
  const settings = embeddingSettings(deps.env);
  const input = entryEmbeddingInput(body);
  if (!settings || !input || (await isPersonalOverBudget(deps, userId))) return null;
  try {
    const [vector] = await embedTexts(
      deps,
      settings,
      { workspaceId: null, userId, feature: 'worklog-search' },
      [input],
    );
    return { model: embeddingKey(settings), vector: vector! };
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    // Searched by its local vector until its next save embeds it.
    deps.logger.warn('entry embedding unavailable; the entry is searched by its local vector', {
      error: error.message,
    });
    return null;
  }
}

export interface QueryEmbedding {
  query: MeaningVector;
  source: AiSource;
}

/** The model key a search query would be embedded under (null: no provider offers embeddings). */
export function queryEmbeddingModel(env: CoreDeps['env']): string | null {
  const settings = embeddingSettings(env);
  return settings ? embeddingKey(settings) : null;
}

/** A search query's OpenAI embedding (cached an hour), or null: search then uses the local vectors. */
export async function queryEmbedding(
  deps: Pick<CoreDeps, 'db' | 'env' | 'redis'>,
  logger: Logger,
  userId: string,
  q: string,
): Promise<QueryEmbedding | null> {
  const settings = embeddingSettings(deps.env, { timeoutMs: QUERY_TIMEOUT_MS, maxRetries: 0 });
  if (!settings) return null;
  const model = embeddingKey(settings);
  const vector = await cachedQueryEmbedding(deps, logger, model, q, async () => {
    if (await isPersonalOverBudget(deps, userId)) return null;
    const [v] = await embedTexts(deps, settings, { workspaceId: null, userId, feature: 'worklog-search' }, [
      q,
    ]);
    return v!;
  });
  return vector
    ? { query: { model, vector }, source: { provider: 'openai', model: settings.embeddingModel } }
    : null;
}
