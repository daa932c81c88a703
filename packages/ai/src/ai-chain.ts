import type { Env } from '@teamflow/config/env';
import type { AiSource } from '@teamflow/contracts/ai';
import { anthropicProvider } from './anthropic.provider';
import { localProvider } from './local/local.provider';
import { openAiProvider } from './openai.provider';
import { AiError, type AiProvider, sourceOf } from './provider';

export type AiSettings = Pick<
  Env,
  | 'AI_PROVIDER'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_BASE_URL'
  | 'ANTHROPIC_MODEL'
  | 'AI_TIMEOUT_MS'
  | 'AI_MAX_RETRIES'
  | 'AI_FALLBACK_TO_LOCAL'
>;

/**
 * The providers to try, in order. `auto`: OpenAI if its key is set, then Anthropic if its key is
 * set; with neither, local. Naming a provider puts it first (OpenAI still falls back to
 * Anthropic when that key is set). After the remote ones comes local when AI_FALLBACK_TO_LOCAL.
 */
export function providerChain(s: AiSettings, options: { localOnly?: boolean } = {}): AiProvider[] {
  const local = localProvider();
  if (options.localOnly || s.AI_PROVIDER === 'local') return [local];
  const common = { timeoutMs: s.AI_TIMEOUT_MS, maxRetries: s.AI_MAX_RETRIES };
  const openai = s.OPENAI_API_KEY
    ? openAiProvider({
        ...common,
        apiKey: s.OPENAI_API_KEY,
        baseURL: s.OPENAI_BASE_URL,
        model: s.OPENAI_MODEL,
      })
    : undefined;
  const anthropic = s.ANTHROPIC_API_KEY
    ? anthropicProvider({
        ...common,
        apiKey: s.ANTHROPIC_API_KEY,
        baseURL: s.ANTHROPIC_BASE_URL,
        model: s.ANTHROPIC_MODEL,
      })
    : undefined;
  const remote = (s.AI_PROVIDER === 'anthropic' ? [anthropic] : [openai, anthropic]).filter(
    (p): p is AiProvider => p !== undefined,
  );
  if (remote.length === 0) return [local];
  return s.AI_FALLBACK_TO_LOCAL ? [...remote, local] : remote;
}

/** Who will answer first: shown before a job runs and used to decide whether the budget applies. */
export const primarySource = (s: AiSettings, options: { localOnly?: boolean } = {}): AiSource =>
  sourceOf(providerChain(s, options)[0]!);

/**
 * Runs one feature down the chain: a provider that is unavailable (after its SDK's retries) hands
 * over to the next. Malformed output (already retried once) and a spent budget stop the chain:
 * those are answers, not outages.
 */
export async function runWithFallback<T>(
  chain: AiProvider[],
  work: (provider: AiProvider) => Promise<T>,
  onFallback?: (from: AiProvider, error: AiError) => void,
): Promise<{ value: T; source: AiSource }> {
  let last: AiError | undefined;
  for (const provider of chain) {
    try {
      return { value: await work(provider), source: sourceOf(provider) };
    } catch (error) {
      if (!(error instanceof AiError) || error.code !== 'AI_PROVIDER_UNAVAILABLE') throw error;
      last = error;
      onFallback?.(provider, error);
    }
  }
  throw new AiError(
    'AI_PROVIDER_UNAVAILABLE',
    `No AI provider could answer${last ? ` (last: ${last.message})` : ''}`,
  );
}
