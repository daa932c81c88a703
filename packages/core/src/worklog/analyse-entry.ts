import { providerChain, runWithFallback } from '@teamflow/ai/ai-chain';
import { AiError } from '@teamflow/ai/provider';
import { quantise, WORD_VECTOR_MODEL } from '@teamflow/ai/local/word-vectors';
import { entryMeaningVector } from '@teamflow/ai/local/worklog.rules';
import { NO_WORKSPACE } from '@teamflow/contracts/events';
import { emitEvent } from '../events/emit-event';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import { toAnalysis } from './worklog.mapper';
import { entryForAnalysis, markAnalysisFailed, projectsOf, saveAnalysis } from './worklog.repository';

export type AnalyseDeps = Pick<CoreDeps, 'db' | 'env'> & { logger: Logger };
export type AnalyseOutcome = 'done' | 'gone' | 'changed' | 'failed';

/**
 * The `ai/analyse-entry` job: reads the entry as it is now, asks the provider chain (OpenAI →
 * Anthropic → local; with no key, the local rules) for sentiment, projects, skills, achievements
 * and themes, validated by the strict schema, and computes the entry's meaning vector for search.
 * Stored only if the entry still has the body that was read (a later save has its own job), with
 * a personal `WORKLOG_ENTRY_ANALYSED` event. Idempotent; with the BullMQ job, its staged job is
 * claimed in the transaction that stores the analysis. AI failures mark the analysis failed.
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
    answer = await runWithFallback(
      providerChain(deps.env),
      (provider) =>
        provider.analyseEntry({ body: entry.body, tags: entry.tags, projects }, { feature: 'analyse-entry' }),
      (from, error) =>
        deps.logger.warn('entry analysis falls back', { from: from.name, error: error.message }),
    );
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    await markAnalysisFailed(deps.db, userId, entryId, error.message);
    return 'failed';
  }
  const { value, source } = answer;
  const vector = entryMeaningVector(entry.body);
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
      vectorModel: vector ? WORD_VECTOR_MODEL : null,
      vector: vector ? quantise(vector) : null,
    });
    if (!saved) return 'changed';
    await emitEvent(
      tx,
      'WORKLOG_ENTRY_ANALYSED',
      { userId, entryId, analysis: toAnalysis(saved) },
      { workspaceId: NO_WORKSPACE, entityId: entryId, actor: null },
    );
    return 'done';
  });
}
