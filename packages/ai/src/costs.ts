/**
 * US dollars per million tokens (input, output), from the providers' public price lists. A model
 * not listed is charged at the most expensive listed rate of its provider, so a budget errs on
 * the safe side.
 */
const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'claude-3-5-haiku-latest': { input: 0.8, output: 4 },
  'claude-3-5-sonnet-latest': { input: 3, output: 15 },
  'claude-sonnet-4-0': { input: 3, output: 15 },
};
const FALLBACK: Record<string, { input: number; output: number }> = {
  openai: { input: 2.5, output: 10 },
  anthropic: { input: 3, output: 15 },
  local: { input: 0, output: 0 },
};

/** Cost of one call in millionths of a dollar (integer, so sums stay exact). */
export function costMicros(
  provider: string,
  model: string,
  promptTokens: number,
  completionTokens: number,
): number {
  if (provider === 'local') return 0;
  const price = PRICES[model] ?? FALLBACK[provider] ?? { input: 3, output: 15 };
  // $ per 1M tokens × tokens = micro-dollars.
  return Math.ceil(price.input * promptTokens + price.output * completionTokens);
}
