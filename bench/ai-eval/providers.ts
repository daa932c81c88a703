import type { AiProviderName } from '@teamflow/contracts/ai';
import { anthropicProvider } from '@teamflow/ai/anthropic.provider';
import { localProvider } from '@teamflow/ai/local/local.provider';
import { openAiProvider } from '@teamflow/ai/openai.provider';
import type { AiProvider } from '@teamflow/ai/provider';

/**
 * The providers an evaluation can reach: the local one always, OpenAI and Anthropic when their key
 * is set (with the `OPENAI_*` / `ANTHROPIC_*` settings of docs/ai.md).
 */
export function availableProviders(
  env: NodeJS.ProcessEnv,
): Partial<Record<AiProviderName, () => AiProvider>> {
  const timeoutMs = Number(env.AI_TIMEOUT_MS ?? 30000);
  const maxRetries = Number(env.AI_MAX_RETRIES ?? 2);
  return {
    local: localProvider,
    ...(env.OPENAI_API_KEY
      ? {
          openai: () =>
            openAiProvider({
              apiKey: env.OPENAI_API_KEY!,
              baseURL: env.OPENAI_BASE_URL,
              model: env.OPENAI_MODEL ?? 'gpt-4o-mini',
              timeoutMs,
              maxRetries,
            }),
        }
      : {}),
    ...(env.ANTHROPIC_API_KEY
      ? {
          anthropic: () =>
            anthropicProvider({
              apiKey: env.ANTHROPIC_API_KEY!,
              baseURL: env.ANTHROPIC_BASE_URL,
              model: env.ANTHROPIC_MODEL ?? 'claude-3-5-haiku-latest',
              timeoutMs,
              maxRetries,
            }),
        }
      : {}),
  };
}

/** The providers named in `--providers` (default: every available one); an unavailable name throws. */
export function chosenProviders(
  env: NodeJS.ProcessEnv,
  names: string | undefined,
): [AiProviderName, () => AiProvider][] {
  const available = availableProviders(env);
  const wanted = (names?.split(',') ?? Object.keys(available)) as AiProviderName[];
  return wanted.map((name) => {
    const make = available[name];
    if (!make) throw new Error(`provider ${name} is not available (unknown, or its API key is not set)`);
    return [name, make];
  });
}
