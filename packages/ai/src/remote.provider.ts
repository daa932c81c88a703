import type { z } from 'zod';
import type { AiProviderName } from '@teamflow/contracts/ai';
import { BreakdownOutput, PrioritizeOutput, SummaryOutput } from '@teamflow/contracts/ai';
import type { BacklogInput, BreakdownInput } from './inputs';
import { AiError, type AiProvider, type CallOptions } from './provider';
import { breakdownPrompt, prioritizePrompt, SYSTEM_PROMPT, summaryPrompt } from './prompts';

export interface ChatAnswer {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** A remote model reached through its official SDK: one system + one user message in, text out. */
export interface ChatTransport {
  readonly name: AiProviderName;
  readonly model: string;
  /** Throws AiError('AI_PROVIDER_UNAVAILABLE') once the SDK's own retries are spent. */
  chat(system: string, user: string): Promise<ChatAnswer>;
}

/** The JSON object in a model's answer (models sometimes wrap it in a code fence or a sentence). */
export function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SyntaxError('no JSON object in the answer');
  return JSON.parse(text.slice(start, end + 1));
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  const issues = (error as z.ZodError).issues;
  if (Array.isArray(issues))
    return issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
  return String(error);
}

/** Asks, validates with Zod, and on malformed output asks once more saying what was wrong. */
async function ask<S extends z.ZodType>(
  transport: ChatTransport,
  schema: S,
  prompt: string,
  options: CallOptions,
  check: (value: z.infer<S>) => string | undefined = () => undefined,
): Promise<z.infer<S>> {
  let user = prompt;
  let problem = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    await options.beforeRemoteCall?.();
    const answer = await transport.chat(SYSTEM_PROMPT, user);
    await options.onCall?.({
      provider: transport.name,
      model: transport.model,
      feature: options.feature,
      promptTokens: answer.promptTokens,
      completionTokens: answer.completionTokens,
    });
    try {
      const value = schema.parse(extractJson(answer.text));
      const wrong = check(value);
      if (!wrong) return value;
      problem = wrong;
    } catch (error) {
      problem = describe(error);
    }
    user = `${prompt}\n\nYour previous answer was rejected: ${problem}. Answer again with ONLY the JSON object described.`;
  }
  throw new AiError(
    'AI_OUTPUT_INVALID',
    `${transport.name} ${transport.model} returned malformed output twice: ${problem}`,
    transport.name,
  );
}

/** OpenAI or Anthropic behind the provider interface: prompts in, validated results out. */
export function remoteProvider(transport: ChatTransport): AiProvider {
  return {
    name: transport.name,
    model: transport.model,
    breakdown: (input: BreakdownInput, options) =>
      ask(transport, BreakdownOutput, breakdownPrompt(input), options),
    prioritize: (input: BacklogInput, options) =>
      ask(transport, PrioritizeOutput, prioritizePrompt(input), options, (value) => {
        const want = new Set(input.tasks.map((t) => t.id));
        const got = new Set(value.items.map((i) => i.taskId));
        if (got.size !== value.items.length) return 'a task appears twice';
        if (got.size !== want.size || [...want].some((id) => !got.has(id)))
          return 'items must rank every given task id exactly once';
        return undefined;
      }),
    summarize: (input: BacklogInput, options) => ask(transport, SummaryOutput, summaryPrompt(input), options),
  };
}
