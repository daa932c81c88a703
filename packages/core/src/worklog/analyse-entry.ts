import { providerChain, runWithFallback } from '@teamflow/ai/ai-chain';
import type { EntryInput } from '@teamflow/ai/inputs';
import { WORD_VECTOR_MODEL } from '@teamflow/ai/local/word-vectors';
import { AiError } from '@teamflow/ai/provider';
import { NO_WORKSPACE } from '@teamflow/contracts/events';
import { isPersonalOverBudget } from '../ai/ai-limits';
import { meteredCallOptions } from '../ai/metered-call-options';
import { emitEvent } from '../events/emit-event';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import { entryEmbedding, localEntryMeaning } from './entry-meaning';
import { toAnalysis } from './worklog.mapper';
import { replaceEntryVectors } from './worklog-vectors.repository';
import { entryForAnalysis, markAnalysisFailed, projectsOf, saveAnalysis } from './worklog.repository';

export type AnalyseDeps = Pick<CoreDeps, 'db' | 'env'> & { logger: Logger };
/** `changed`: nothing stored, the entry (or, for a re-read, its stored analysis) changed since it was read. */
export type AnalyseOutcome = 'done' | 'gone' | 'changed' | 'failed';

export interface AnalyseOptions {
  /** The BullMQ job's id: its staged job is claimed in the transaction that stores the analysis. */
  jobId?: string;
  /**
   * A background re-read of an analysis made by older local rules (reanalyse-outdated-entries.ts):
   * only the local rules answer and no paid embedding is made (nobody is charged for work they did
   * not ask for; the embedding stored is kept), and it is stored only over that older analysis.
   */
  localReread?: boolean;
}

/**
 * Asks the chain for the analysis, budgeted like every AI feature but on the author's own budget
 * (an entry has no workspace): a paid call is checked before it is made, every call (local ones
 * at $0 too) is recorded in `ai_usage` without a workspace. A spent budget means the local rules
 * answer, whether it was spent before the first call or between two. `localOnly`: the local rules
 * answer, whatever the budget.
 */
async function askProviders(deps: AnalyseDeps, userId: string, input: EntryInput, localOnly: boolean) {
  const options = meteredCallOptions(
    deps,
    { workspaceId: null, userId, feature: 'analyse-entry' },
    'analyse-entry',
  );
  const run = (localOnly: boolean) =>
    runWithFallback(
      providerChain(deps.env, { localOnly }),
      (provider) => provider.analyseEntry(input, options),
      (from, error) =>
        deps.logger.warn('entry analysis falls back', { from: from.name, error: error.message }),
    );
  if (localOnly) return run(true);
  const overBudget = await isPersonalOverBudget(deps, userId);
  try {
    return await run(overBudget);
  } catch (error) {
    if (error instanceof AiError && error.code === 'AI_BUDGET_EXCEEDED' && !overBudget) return run(true);
    throw error;
  }
}

/**
 * The `ai/analyse-entry` job: reads the entry as it is now, asks the provider chain (OpenAI →
 * Anthropic → local; with no key or a spent budget, the local rules) for sentiment, projects,
 * skills, achievements and themes, validated by the strict schema, and computes the entry's
 * meaning vectors for search (local, and OpenAI's embedding when a key is set). Stored only if the
 * entry still has the body that was read (a later save has its own job), with a personal
 * `WORKLOG_ENTRY_ANALYSED` event. Idempotent; with the BullMQ job, its staged job is claimed in the
 * transaction that stores the analysis. AI failures mark the analysis failed.
 */
export async function analyseEntry(
  deps: AnalyseDeps,
  target: { userId: string; entryId: string },
  options: AnalyseOptions = {},
): Promise<AnalyseOutcome> {
  const { jobId, localReread = false } = options;
  const { userId, entryId } = target;
  const entry = await entryForAnalysis(deps.db, userId, entryId);
  if (!entry) return 'gone';
  const projects = await projectsOf(deps.db, userId);
  let answer;
  try {
    answer = await askProviders(deps, userId, { body: entry.body, tags: entry.tags, projects }, localReread);
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    await markAnalysisFailed(deps.db, userId, entryId, error.message);
    return 'failed';
  }
  const { value, source } = answer;
  const vectors = [
    localEntryMeaning(entry.body),
    localReread ? null : await entryEmbedding(deps, userId, entry.body),
  ].filter((v) => v !== null);
  return deps.db.transaction(async (tx) => {
    // It ran before (the reconciler re-added it): its analysis and event are there already.
    if (!(await claimStagedJob(tx, jobId))) return 'done';
    const analysis = {
      provider: source.provider,
      model: source.model,
      sentimentScore: value.sentiment.score,
      sentimentLabel: value.sentiment.label,
      projects: value.projects,
      skills: value.skills,
      achievements: value.achievements,
      themes: value.themes,
    };
    const saved = await saveAnalysis(
      tx,
      userId,
      entryId,
      entry.hash,
      analysis,
      localReread ? 'older-local' : 'any',
    );
    if (!saved) return 'changed';
    await replaceEntryVectors(tx, userId, entryId, vectors, localReread ? [WORD_VECTOR_MODEL] : undefined);
    await emitEvent(
      tx,
      'WORKLOG_ENTRY_ANALYSED',
      { userId, entryId, analysis: toAnalysis(saved) },
      { workspaceId: NO_WORKSPACE, entityId: entryId, actor: null },
    );
    return 'done';
  });
}
