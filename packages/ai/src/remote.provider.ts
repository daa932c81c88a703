import type { z } from 'zod';
import type { AiProviderName } from '@teamflow/contracts/ai';
import { ModelBreakdownOutput, NextOutput, PrioritizeOutput, SummaryOutput } from '@teamflow/contracts/ai';
import { EntryAnalysisOutput } from '@teamflow/contracts/worklog';
import type { BacklogInput, BreakdownInput, EntryInput, NextInput } from './inputs';
import { AiError, type AiProvider, type CallOptions } from './provider';
import {
  analyseEntryPrompt,
  breakdownPrompt,
  nextPrompt,
  prioritizePrompt,
  SYSTEM_PROMPT,
  summaryPrompt,
} from './prompts';
import { type StructuredOutput, structuredOutput, withoutNulls } from './structured-output';

export interface ChatAnswer {
  /** The answer as the provider's structured output gave it (Anthropic's tool input), when it did. */
  value?: unknown;
  /** The answer's text (OpenAI's JSON, or whatever a model wrote instead of calling the tool). */
  text: string;
  /** Why the model declined to answer in the schema (OpenAI's refusal), when it did. */
  refusal?: string;
  promptTokens: number;
  completionTokens: number;
}

/**
 * A remote model reached through its official SDK: one system + one user message in, an answer
 * shaped by the JSON Schema of `output` out (OpenAI: strict json_schema response format;
 * Anthropic: a tool whose input is that schema, which the model is made to call).
 */
export interface ChatTransport {
  readonly name: AiProviderName;
  readonly model: string;
  /** Throws AiError('AI_PROVIDER_UNAVAILABLE') once the SDK's own retries are spent. */
  chat(system: string, user: string, output: StructuredOutput): Promise<ChatAnswer>;
}

/** The shapes asked for: each Zod schema we validate with, sent to the models as JSON Schema. */
export const OUTPUTS = {
  breakdown: structuredOutput(
    'task_breakdown',
    'Sub-tasks of one task, in the order to do them.',
    ModelBreakdownOutput,
  ),
  prioritize: structuredOutput(
    'backlog_ranking',
    'Every given task ranked, with a one-sentence reason.',
    PrioritizeOutput,
  ),
  summarize: structuredOutput(
    'project_summary',
    "A short summary of the project's state, highlights and risks.",
    SummaryOutput,
  ),
  analyseEntry: structuredOutput(
    'worklog_entry_analysis',
    "What one private work-log entry says: the author's mood, projects, skills, achievements and themes.",
    EntryAnalysisOutput,
  ),
  next: structuredOutput(
    'next_tasks',
    'At most five of the given tasks to take next, best first, each with its reasons.',
    NextOutput,
  ),
};

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
  output: StructuredOutput<S>,
  prompt: string,
  options: CallOptions,
  check: (value: z.infer<S>) => string | undefined = () => undefined,
): Promise<z.infer<S>> {
  let user = prompt;
  let problem = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    await options.beforeRemoteCall?.();
    const answer = await transport.chat(SYSTEM_PROMPT, user, output);
    await options.onCall?.({
      provider: transport.name,
      model: transport.model,
      feature: options.feature,
      promptTokens: answer.promptTokens,
      completionTokens: answer.completionTokens,
    });
    try {
      if (answer.refusal) throw new Error(`the model refused: ${answer.refusal}`);
      const raw = answer.value !== undefined ? answer.value : extractJson(answer.text);
      const value = output.zod.parse(withoutNulls(raw));
      const wrong = check(value);
      if (!wrong) return value;
      problem = wrong;
    } catch (error) {
      problem = describe(error);
    }
    user = `${prompt}\n\nYour previous answer was rejected: ${problem}. Answer again in the required shape.`;
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
      ask(transport, OUTPUTS.breakdown, breakdownPrompt(input), options),
    prioritize: (input: BacklogInput, options) =>
      ask(transport, OUTPUTS.prioritize, prioritizePrompt(input), options, (value) => {
        const want = new Set(input.tasks.map((t) => t.id));
        const got = new Set(value.items.map((i) => i.taskId));
        if (got.size !== value.items.length) return 'a task appears twice';
        if (got.size !== want.size || [...want].some((id) => !got.has(id)))
          return 'items must rank every given task id exactly once';
        return undefined;
      }),
    summarize: (input: BacklogInput, options) =>
      ask(transport, OUTPUTS.summarize, summaryPrompt(input), options),
    analyseEntry: (input: EntryInput, options) =>
      ask(transport, OUTPUTS.analyseEntry, analyseEntryPrompt(input), options),
    next: (input: NextInput, options) =>
      ask(transport, OUTPUTS.next, nextPrompt(input), options, (value) => {
        const given = new Set(input.tasks.map((t) => t.id));
        const got = value.items.map((i) => i.taskId);
        if (new Set(got).size !== got.length) return 'a task appears twice';
        if (got.some((id) => !given.has(id))) return 'items must name only the given task ids';
        return undefined;
      }),
  };
}
