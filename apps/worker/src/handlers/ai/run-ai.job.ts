import { UnrecoverableError } from 'bullmq';
import { failAiJob } from '@teamflow/core/ai/fail-ai-job';
import { runAiJob, type AiRunDeps } from '@teamflow/core/ai/run-ai-job';
import { aiBreakdownJob, aiNextJob, aiPrioritizeJob, aiSummarizeJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/**
 * ai/breakdown, ai/prioritize, ai/summarize, ai/next: one use case runs them all (the kind is on the
 * `ai_jobs` row). An AI failure (providers down, malformed output twice, budget spent) is final
 * and stays visible as a failed job; anything else (database, a lost worker) is retried once, and
 * the job row is marked failed when the last attempt goes.
 */
export const aiHandlers = (deps: Omit<AiRunDeps, 'logger'>): Registration[] =>
  [aiBreakdownJob, aiPrioritizeJob, aiSummarizeJob, aiNextJob].map((def) =>
    register(def, async (payload, { job, log }) => {
      try {
        const outcome = await runAiJob({ ...deps, logger: log }, payload.aiJobId, { id: job.id });
        if (outcome.state === 'failed') throw new UnrecoverableError(`${outcome.code}: ${outcome.message}`);
        return outcome;
      } catch (error) {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (!(error instanceof UnrecoverableError) && last)
          await failAiJob(
            { ...deps, logger: log },
            payload.aiJobId,
            'INTERNAL_ERROR',
            'The AI job could not run; try again',
          );
        throw error;
      }
    }),
  );
