import type {
  AiProviderName,
  AiSource,
  BreakdownOutput,
  NextOutput,
  PrioritizeOutput,
  SummaryOutput,
} from '@teamflow/contracts/ai';
import type { EntryAnalysisOutput } from '@teamflow/contracts/worklog';
import type { BacklogInput, BreakdownInput, EntryInput, NextInput } from './inputs';

export type AiFeature = 'breakdown' | 'prioritize' | 'summarize' | 'next' | 'embed' | 'analyse-entry';

/** One call made to a provider, reported as it happens (an `ai_usage` row each). */
export interface CallUsage {
  provider: AiProviderName;
  model: string;
  feature: AiFeature;
  promptTokens: number;
  completionTokens: number;
}

export interface CallOptions {
  feature: AiFeature;
  /** Called after every provider call that returned (including a malformed answer). */
  onCall?: (usage: CallUsage) => Promise<void>;
  /** Called before every paid call; throws (AiBudgetError) to refuse it. */
  beforeRemoteCall?: () => Promise<void>;
}

/**
 * The one provider interface. OpenAI and Anthropic implement it through a chat transport and
 * prompts; the local provider implements it with deterministic rules over wink-nlp.
 */
export interface AiProvider {
  readonly name: AiProviderName;
  readonly model: string;
  breakdown(input: BreakdownInput, options: CallOptions): Promise<BreakdownOutput>;
  prioritize(input: BacklogInput, options: CallOptions): Promise<PrioritizeOutput>;
  summarize(input: BacklogInput, options: CallOptions): Promise<SummaryOutput>;
  /** Reads one work-log entry: sentiment, projects, skills, achievements, themes. */
  analyseEntry(input: EntryInput, options: CallOptions): Promise<EntryAnalysisOutput>;
  /** One person's short list of what to take next, with reasons. */
  next(input: NextInput, options: CallOptions): Promise<NextOutput>;
}

export const sourceOf = (p: AiProvider): AiSource => ({ provider: p.name, model: p.model });

/** Codes a failed AI job reports. */
export type AiErrorCode = 'AI_PROVIDER_UNAVAILABLE' | 'AI_OUTPUT_INVALID' | 'AI_BUDGET_EXCEEDED';

export class AiError extends Error {
  override name = 'AiError';
  constructor(
    readonly code: AiErrorCode,
    message: string,
    readonly provider?: AiProviderName,
  ) {
    super(message);
  }
}

/** The provider could not answer (network, timeout, 5xx, still rate-limited after retries, auth). */
export const unavailable = (provider: AiProviderName, why: string) =>
  new AiError('AI_PROVIDER_UNAVAILABLE', `${provider} is unavailable: ${why}`, provider);
