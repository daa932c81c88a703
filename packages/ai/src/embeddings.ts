import type { Env } from '@teamflow/config/env';
import { proseOf } from './local/worklog.rules';
import type { EmbeddingSettings } from './openai.provider';

type EmbeddingEnv = Pick<
  Env,
  | 'AI_PROVIDER'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_EMBEDDING_MODEL'
  | 'OPENAI_EMBEDDING_DIMENSIONS'
  | 'AI_TIMEOUT_MS'
  | 'AI_MAX_RETRIES'
>;

/**
 * The provider that offers embeddings, if any: OpenAI when its key is set and AI is not pinned to
 * the local model. Anthropic has no embeddings API, and without a key the local model's term
 * vectors do the work, so `null` means "words only".
 */
export function embeddingSettings(
  env: EmbeddingEnv,
  overrides: { timeoutMs?: number; maxRetries?: number } = {},
): EmbeddingSettings | null {
  if (!env.OPENAI_API_KEY || env.AI_PROVIDER === 'local') return null;
  return {
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    embeddingModel: env.OPENAI_EMBEDDING_MODEL,
    dimensions: env.OPENAI_EMBEDDING_DIMENSIONS,
    timeoutMs: overrides.timeoutMs ?? env.AI_TIMEOUT_MS,
    maxRetries: overrides.maxRetries ?? env.AI_MAX_RETRIES,
  };
}

// The model reads at most ~8k tokens; a task's opening is what says what it is.
const MAX_INPUT_CHARS = 8000;

/** What a task is embedded from: its title, then its description. */
export const embeddingInput = (title: string, description?: string | null): string =>
  `${title}\n${description ?? ''}`.slice(0, MAX_INPUT_CHARS);

/** What a work-log entry is embedded from: its prose (the Markdown reduced as the local rules read it). */
export const entryEmbeddingInput = (body: string): string =>
  proseOf(body).replace(/\s+/gu, ' ').trim().slice(0, MAX_INPUT_CHARS);

/**
 * What stored vectors are filed under: the model and the length asked for, so vectors of another
 * length (after a settings change) are never compared with these; they are re-embedded instead.
 */
export const embeddingKey = (s: EmbeddingSettings): string =>
  s.dimensions ? `${s.embeddingModel}@${s.dimensions}` : s.embeddingModel;

/** The vector scaled to length 1 (zero stays zero), so a dot product of two is their cosine. */
export function unitVector(v: readonly number[]): number[] {
  const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? [...v] : v.map((x) => x / norm);
}
