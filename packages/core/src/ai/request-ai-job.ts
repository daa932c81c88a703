import { createHash } from 'node:crypto';
import { primarySource } from '@teamflow/ai/ai-chain';
import type { AiJobAccepted, AiJobKind, AiRequest, AiSource } from '@teamflow/contracts/ai';
import { aiBreakdownJob, aiNextJob, aiPrioritizeJob, aiSummarizeJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { todayIn } from '../platform/local-dates';
import { notFound } from '../platform/errors';
import { projectTimeZone } from '../projects/projects.repository';
import {
  findCachedAiJob,
  findTaskForAi,
  insertAiJob,
  insertAiUsage,
  listAssignedOpenTasks,
  listBacklog,
} from './ai.repository';
import { budgetExceeded, countAiRequest, isOverBudget } from './ai-limits';

const JOB_DEFS = {
  breakdown: aiBreakdownJob,
  prioritize: aiPrioritizeJob,
  summarize: aiSummarizeJob,
  next: aiNextJob,
} as const;
export type QueuedAiKind = keyof typeof JOB_DEFS;
const CACHE_MS = 3600_000;
// Bounds what one request sends to a model.
const BACKLOG_LIMIT = 200;

/** The snapshot a job works on; it is also what the cache key is made of. */
async function snapshot(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  kind: QueuedAiKind,
  subjectId: string,
): Promise<Record<string, unknown>> {
  if (kind === 'breakdown') {
    const t = await findTaskForAi(deps.db, subjectId);
    if (!t) throw notFound('Task');
    return {
      projectName: t.project_name,
      task: {
        key: t.key,
        title: t.title,
        description: t.description,
        priority: t.priority,
        storyPoints: t.story_points,
      },
    };
  }
  if (kind === 'next') {
    // The subject is the caller: their open assigned tasks, judged on the workspace's today.
    const today = todayIn(ctx.timeZone);
    const tasks = await listAssignedOpenTasks(deps.db, ctx.workspaceId, subjectId, today, BACKLOG_LIMIT);
    return { today, tasks };
  }
  const backlog = await listBacklog(deps.db, subjectId, kind === 'prioritize', BACKLOG_LIMIT);
  if (!backlog) throw notFound('Project');
  // Due dates are the project's dates: "overdue" is judged on its today (its zone, else the workspace's).
  return { ...backlog, today: todayIn((await projectTimeZone(deps.db, subjectId)) ?? ctx.timeZone) };
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Starts an AI job: snapshots the input, and answers a repeat of a request completed within the
 * hour with that job (no provider call, a cached usage row). Otherwise counts against the
 * workspace's hourly limit, checks the monthly budget (unless the local model answers), and
 * writes the job row and its BullMQ job (through the job outbox) in one transaction.
 */
export async function requestAiJob(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  kind: QueuedAiKind,
  subjectId: string,
  request: AiRequest,
): Promise<AiJobAccepted> {
  const localOnly = request.provider === 'local';
  const source: AiSource = primarySource(deps.env, { localOnly });
  const data = await snapshot(deps, ctx, kind, subjectId);
  const input = { localOnly, data };
  const inputHash = hashOf({ kind, subjectId, source, data });

  const cached = await findCachedAiJob(
    deps.db,
    ctx.workspaceId,
    kind,
    inputHash,
    new Date(Date.now() - CACHE_MS),
  );
  if (cached) {
    const cachedSource = (cached.result?.source ?? source) as AiSource;
    await insertAiUsage(deps.db, {
      workspaceId: ctx.workspaceId,
      userId: ctx.actor.id,
      jobId: cached.id,
      feature: kind,
      provider: cachedSource.provider,
      model: cachedSource.model,
      cached: true,
    });
    return { jobId: cached.id };
  }

  await countAiRequest(deps, ctx.workspaceId);
  if (source.provider !== 'local' && (await isOverBudget(deps, ctx.workspaceId))) throw budgetExceeded();

  const job = await deps.db.transaction(async (tx) => {
    const row = await insertAiJob(tx, {
      workspaceId: ctx.workspaceId,
      requestedBy: ctx.actor.id,
      kind: kind satisfies AiJobKind,
      subjectId,
      inputHash,
      input,
    });
    await stageJob(tx, JOB_DEFS[kind], { aiJobId: row.id });
    return row;
  });
  ctx.logger.info('ai job queued', { aiJobId: job.id, kind, provider: source.provider });
  return { jobId: job.id };
}
