import type { Env } from '@teamflow/config/env';
import type { OpenAiSettings } from './openai.provider';

export type EmbeddingSettings = Omit<OpenAiSettings, 'model'> & { embeddingModel: string };

type EmbeddingEnv = Pick<
  Env,
  | 'AI_PROVIDER'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_EMBEDDING_MODEL'
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
    timeoutMs: overrides.timeoutMs ?? env.AI_TIMEOUT_MS,
    maxRetries: overrides.maxRetries ?? env.AI_MAX_RETRIES,
  };
}

// The model reads at most ~8k tokens; a task's opening is what says what it is.
const MAX_INPUT_CHARS = 8000;

/** What a task is embedded from: its title, then its description. */
export const embeddingInput = (title: string, description?: string | null): string =>
  `${title}\n${description ?? ''}`.slice(0, MAX_INPUT_CHARS);

/** Cosine similarity of two dense vectors, clamped to 0–1 (opposites count as unrelated). */
export function denseCosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  if (na === 0 || nb === 0) return 0;
  return Math.max(0, Math.min(1, dot / Math.sqrt(na * nb)));
}
