import { providerChain, runWithFallback } from '@teamflow/ai/ai-chain';
import { BacklogInput, BreakdownInput, NextInput } from '@teamflow/ai/inputs';
import { AiError, type AiProvider, type CallOptions } from '@teamflow/ai/provider';
import type { AiJobKind } from '@teamflow/contracts/ai';
import { claimStagedJob, stagedJobDone } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import { findAiJob, updateAiJob, type AiJobRow } from './ai.repository';
import { failAiJob } from './fail-ai-job';
import { meteredCallOptions } from './metered-call-options';

export type AiRunDeps = Pick<CoreDeps, 'db' | 'env'> & { logger: Logger };
export type AiRunOutcome =
  { state: 'completed' } | { state: 'failed'; code: string; message: string } | { state: 'skipped' };

const FEATURE: Record<AiJobKind, CallOptions['feature']> = {
  breakdown: 'breakdown',
  prioritize: 'prioritize',
  summarize: 'summarize',
  duplicates: 'embed',
  next: 'next',
};

async function work(
  row: AiJobRow,
  provider: AiProvider,
  options: CallOptions,
): Promise<Record<string, unknown>> {
  const data = (row.input as { data: unknown }).data;
  if (row.kind === 'breakdown') return provider.breakdown(BreakdownInput.parse(data), options);
  if (row.kind === 'next') {
    const input = NextInput.parse(data);
    const next = await provider.next(input, options);
    const byId = new Map(input.tasks.map((t) => [t.id, t]));
    return {
      items: [...next.items]
        .sort((a, b) => a.rank - b.rank)
        .map((item, i) => {
          const task = byId.get(item.taskId)!;
          return { ...item, rank: i + 1, key: task.key, title: task.title, projectId: task.projectId };
        }),
    };
  }
  const backlog = BacklogInput.parse(data);
  if (row.kind === 'summarize') return provider.summarize(backlog, options);
  const ranked = await provider.prioritize(backlog, options);
  const byId = new Map(backlog.tasks.map((t) => [t.id, t]));
  return {
    items: [...ranked.items]
      .sort((a, b) => a.rank - b.rank)
      .map((item, i) => ({
        ...item,
        rank: i + 1,
        key: byId.get(item.taskId)!.key,
        title: byId.get(item.taskId)!.title,
      })),
  };
}

/**
 * Runs one AI job (the `ai` queue's handlers call this): marks it active, asks the providers in
 * order (each paid call checked against the budget and recorded in `ai_usage` with its cost), and
 * stores the validated result with its source, or a failure with a clear code. Idempotent: a job
 * that already finished is left alone; with the BullMQ job, its staged job is claimed in the
 * transaction that stores the result (and a staged job that already ran does not start again).
 */
export async function runAiJob(
  deps: AiRunDeps,
  aiJobId: string,
  job: { id?: string } = {},
): Promise<AiRunOutcome> {
  const row = await findAiJob(deps.db, aiJobId);
  if (!row || row.state === 'completed' || row.state === 'failed') return { state: 'skipped' };
  if (await stagedJobDone(deps.db, job.id)) return { state: 'skipped' };
  await updateAiJob(deps.db, row.id, { state: 'active', progress: 10 });
  const chain = providerChain(deps.env, {
    localOnly: (row.input as { localOnly?: boolean }).localOnly === true,
  });
  const options = meteredCallOptions(
    deps,
    { workspaceId: row.workspaceId, userId: row.requestedBy, jobId: row.id, feature: row.kind },
    FEATURE[row.kind],
  );
  try {
    await updateAiJob(deps.db, row.id, { progress: 30 });
    const { value, source } = await runWithFallback(
      chain,
      (provider) => work(row, provider, options),
      (from, error) => {
        deps.logger.warn('ai provider unavailable; trying the next', {
          aiJobId,
          provider: from.name,
          error: error.message,
        });
        void updateAiJob(deps.db, row.id, { progress: 60 }).catch(() => undefined);
      },
    );
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await claimStagedJob(tx, job.id))) return false;
      await updateAiJob(tx, row.id, {
        state: 'completed',
        progress: 100,
        result: { ...value, source },
        provider: source.provider,
        finishedAt: new Date(),
      });
      return true;
    });
    if (!claimed) return { state: 'skipped' };
    deps.logger.info('ai job completed', {
      aiJobId,
      kind: row.kind,
      provider: source.provider,
      model: source.model,
    });
    return { state: 'completed' };
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    await failAiJob(deps, row.id, error.code, error.message);
    return { state: 'failed', code: error.code, message: error.message };
  }
}
