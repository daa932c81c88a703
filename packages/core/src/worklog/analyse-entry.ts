import { providerChain, runWithFallback } from '@teamflow/ai/ai-chain';
import type { EntryInput } from '@teamflow/ai/inputs';
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
export type AnalyseOutcome = 'done' | 'gone' | 'changed' | 'failed';

/**
 * Asks the chain for the analysis, budgeted like every AI feature but on the author's own budget
 * (an entry has no workspace): a paid call is checked before it is made, every call (local ones
 * at $0 too) is recorded in `ai_usage` without a workspace. A spent budget means the local rules
 * answer, whether it was spent before the first call or between two.
 */
async function askProviders(deps: AnalyseDeps, userId: string, input: EntryInput) {
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
  job: { id?: string } = {},
): Promise<AnalyseOutcome> {
  const { userId, entryId } = target;
  const entry = await entryForAnalysis(deps.db, userId, entryId);
  if (!entry) return 'gone';
  const projects = await projectsOf(deps.db, userId);
  let answer;
  try {
    answer = await askProviders(deps, userId, { body: entry.body, tags: entry.tags, projects });
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    await markAnalysisFailed(deps.db, userId, entryId, error.message);
    return 'failed';
  }
  const { value, source } = answer;
  const vectors = [localEntryMeaning(entry.body), await entryEmbedding(deps, userId, entry.body)].filter(
    (v) => v !== null,
  );
  return deps.db.transaction(async (tx) => {
    // It ran before (the reconciler re-added it): its analysis and event are there already.
    if (!(await claimStagedJob(tx, job.id))) return 'done';
    const saved = await saveAnalysis(tx, userId, entryId, entry.hash, {
      provider: source.provider,
      model: source.model,
      sentimentScore: value.sentiment.score,
      sentimentLabel: value.sentiment.label,
      projects: value.projects,
      skills: value.skills,
      achievements: value.achievements,
      themes: value.themes,
    });
    if (!saved) return 'changed';
    await replaceEntryVectors(tx, userId, entryId, vectors);
    await emitEvent(
      tx,
      'WORKLOG_ENTRY_ANALYSED',
      { userId, entryId, analysis: toAnalysis(saved) },
      { workspaceId: NO_WORKSPACE, entityId: entryId, actor: null },
    );
    return 'done';
  });
}
