import { z } from 'zod';
import { CalendarDate, Id, OutboxJobId, Timestamp } from './common';
import { Task, TaskPriority, TaskStatus } from './tasks';

/** Which engine produced an AI result; every result names its provider and model. */
export const AiProviderName = z.enum(['openai', 'anthropic', 'local']);
export type AiProviderName = z.infer<typeof AiProviderName>;

export const AiSource = z.object({ provider: AiProviderName, model: z.string() });
export type AiSource = z.infer<typeof AiSource>;

export const AiJobKind = z.enum(['breakdown', 'prioritize', 'summarize', 'duplicates', 'next']);
export type AiJobKind = z.infer<typeof AiJobKind>;
export const AiJobState = z.enum(['queued', 'active', 'completed', 'failed']);
export type AiJobState = z.infer<typeof AiJobState>;

/** Optional body of the AI request routes: `local` asks for the offline model (allowed over budget). */
export const AiRequest = z.object({ provider: z.literal('local').optional() });
export type AiRequest = z.infer<typeof AiRequest>;

export const AiJobAccepted = z.object({ jobId: Id });
export type AiJobAccepted = z.infer<typeof AiJobAccepted>;

/**
 * Where a suggested sub-task came from, so people can judge it before they accept it: a phrase of
 * the task's own description (quoted as written), or a step of one of the local model's
 * playbooks (the kind of work it recognised). Remote models' suggestions carry none.
 */
export const SuggestionOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('description'), phrase: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('playbook'), playbook: z.string().min(1).max(100) }),
]);
export type SuggestionOrigin = z.infer<typeof SuggestionOrigin>;

// What a provider must return (validated before it is stored; malformed output gets one retry).
export const ModelBreakdownSuggestion = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).default(''),
  estimatedHours: z.number().min(0.25).max(200),
  confidence: z.number().min(0).max(1),
  order: z.number().int().min(1).max(10),
});
/** The shape a remote model is asked for (its JSON Schema is sent with the request). */
export const ModelBreakdownOutput = z.object({
  suggestions: z.array(ModelBreakdownSuggestion).min(3).max(10),
});
export type ModelBreakdownOutput = z.infer<typeof ModelBreakdownOutput>;
export const BreakdownSuggestion = ModelBreakdownSuggestion.extend({ origin: SuggestionOrigin.optional() });
export type BreakdownSuggestion = z.infer<typeof BreakdownSuggestion>;
export const BreakdownOutput = z.object({ suggestions: z.array(BreakdownSuggestion).min(3).max(10) });
export type BreakdownOutput = z.infer<typeof BreakdownOutput>;

export const PrioritizedTask = z.object({
  taskId: Id,
  rank: z.number().int().min(1),
  score: z.number(),
  reason: z.string().min(1).max(500),
});
export type PrioritizedTask = z.infer<typeof PrioritizedTask>;
export const PrioritizeOutput = z.object({ items: z.array(PrioritizedTask) });
export type PrioritizeOutput = z.infer<typeof PrioritizeOutput>;

export const SummaryOutput = z.object({
  summary: z.string().min(1).max(4000),
  highlights: z.array(z.string().max(300)).max(10),
  risks: z.array(z.string().max(300)).max(10),
});
export type SummaryOutput = z.infer<typeof SummaryOutput>;

/**
 * "What next" for one person: their open assigned tasks ranked, each with the signals that put it
 * there. The kinds are the signals the local scoring rule weighs (docs/ai.md); a model may name
 * the same kinds in its own words.
 */
export const NextReasonKind = z.enum([
  'overdue',
  'due_soon',
  'blocks_others',
  'sprint_goal',
  'in_progress',
  'stale',
  'priority',
  'waiting',
  'check_in',
]);
export type NextReasonKind = z.infer<typeof NextReasonKind>;
export const NextReason = z.object({ kind: NextReasonKind, text: z.string().min(1).max(300) });
export type NextReason = z.infer<typeof NextReason>;
export const NextItem = z.object({
  taskId: Id,
  rank: z.number().int().min(1),
  score: z.number(),
  reasons: z.array(NextReason).min(1).max(6),
});
export type NextItem = z.infer<typeof NextItem>;
/** At most five: a short list to act on, not the backlog again. */
export const NextOutput = z.object({ items: z.array(NextItem).max(5) });
export type NextOutput = z.infer<typeof NextOutput>;

/** Results as stored on the job and returned by `GET /jobs/:id`. */
export const BreakdownResult = BreakdownOutput.extend({ source: AiSource });
export type BreakdownResult = z.infer<typeof BreakdownResult>;
export const PrioritizeResult = z.object({
  items: z.array(PrioritizedTask.extend({ key: z.string(), title: z.string() })),
  source: AiSource,
});
export type PrioritizeResult = z.infer<typeof PrioritizeResult>;
export const NextResult = z.object({
  items: z.array(NextItem.extend({ key: z.string(), title: z.string(), projectId: Id })),
  source: AiSource,
});
export type NextResult = z.infer<typeof NextResult>;
export const SummaryResult = SummaryOutput.extend({ source: AiSource });
export type SummaryResult = z.infer<typeof SummaryResult>;

export const AiJobError = z.object({ code: z.string(), message: z.string() });
const aiJobFields = {
  id: Id,
  subjectId: Id,
  state: AiJobState,
  progress: z.number().int().min(0).max(100),
  error: AiJobError.optional(),
  provider: z.string().nullable(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
};
/** A job of one kind; `result` (once completed) is that kind's result. */
const aiJobOf = <K extends AiJobKind, R extends z.ZodType>(kind: K, result: R) =>
  z.object({ ...aiJobFields, kind: z.literal(kind), result: result.optional() });
/** What a completed digest regenerate did: it wrote the digest of this day. */
export const DigestJobResult = z.object({ date: CalendarDate });
export type DigestJobResult = z.infer<typeof DigestJobResult>;
/**
 * `POST …/digests/:date/regenerate`'s job, a job of the job outbox: the AI job's fields, its id
 * the outbox job id, its subject the workspace. No provider runs the job itself (the digest says
 * who wrote its summary).
 */
export const DigestJob = z.object({
  ...aiJobFields,
  id: OutboxJobId,
  kind: z.literal('digest'),
  provider: z.null(),
  result: DigestJobResult.optional(),
});
export type DigestJob = z.infer<typeof DigestJob>;
/**
 * `GET /jobs/:id`: the AI jobs and the outbox jobs the api hands out (`digest`). `kind` says which
 * result a completed job carries. (`duplicates` names the embeddings' budget line and is never a
 * job of its own: it has no result.)
 */
export const AiJob = z.discriminatedUnion('kind', [
  aiJobOf('breakdown', BreakdownResult),
  aiJobOf('prioritize', PrioritizeResult),
  aiJobOf('summarize', SummaryResult),
  aiJobOf('next', NextResult),
  aiJobOf('duplicates', z.never()),
  DigestJob,
]);
export type AiJob = z.infer<typeof AiJob>;
export type AiJobResult = NonNullable<AiJob['result']>;
/** An AI job's UUID, or the `outbox-<n>` id of an outbox job (`DigestJob`). */
export const JobParams = z.object({ jobId: z.union([Id, OutboxJobId]) });

export const BreakdownAccept = z.object({
  jobId: Id,
  /** Indexes into the job's `suggestions` (0-based): the ones that become sub-tasks. */
  indexes: z.array(z.number().int().min(0).max(9)).min(1).max(10),
});
export type BreakdownAccept = z.infer<typeof BreakdownAccept>;
export const BreakdownAccepted = z.object({ items: z.array(Task) });
export type BreakdownAccepted = z.infer<typeof BreakdownAccepted>;

export const DuplicateQuery = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().max(5000).optional(),
});
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;
export const DuplicateCandidate = z.object({
  taskId: Id,
  key: z.string(),
  title: z.string(),
  status: TaskStatus,
  priority: TaskPriority,
  /**
   * 0–1: the higher of the cosine of the local model's term vectors ("words") and, where a provider
   * offers embeddings, the cosine of the embeddings ("meaning").
   */
  similarity: z.number().min(0).max(1),
  /** What found it: shared words (full-text search), similar meaning (embeddings), or both. */
  matchedBy: z.array(z.enum(['words', 'meaning'])).min(1),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export const DuplicateResult = z.object({ items: z.array(DuplicateCandidate), source: AiSource });
export type DuplicateResult = z.infer<typeof DuplicateResult>;

/** Whole cents: `1e-7` would be stored as 0 micros, which reads as "no paid AI" (Zod's `multipleOf` lets it pass). */
const isWholeCents = (usd: number) => Math.abs(usd * 100 - Math.round(usd * 100)) < 1e-6;

export const AiBudgetUpdate = z.object({
  monthlyBudgetUsd: z
    .number()
    .min(0)
    .max(100000)
    .refine(isWholeCents, 'Use whole cents (at most two decimals)')
    .describe('US dollars, in whole cents'),
});
export type AiBudgetUpdate = z.infer<typeof AiBudgetUpdate>;

const UsageLine = z.object({
  calls: z.number().int(),
  cachedCalls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  costUsd: z.number(),
});
export const AiUsageReport = z.object({
  month: z.string(),
  budgetUsd: z.number(),
  spentUsd: z.number(),
  remainingUsd: z.number(),
  overBudget: z.boolean(),
  provider: AiSource,
  totals: UsageLine,
  byProvider: z.array(UsageLine.extend({ provider: z.string(), model: z.string() })),
  byFeature: z.array(UsageLine.extend({ feature: z.string() })),
});
export type AiUsageReport = z.infer<typeof AiUsageReport>;
