import type { AiJob } from '@teamflow/contracts/ai';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findAiJob, type AiJobRow } from './ai.repository';

export function toAiJob(row: AiJobRow): AiJob {
  // The row's `result` is stored only by `runAiJob`, from a provider's answer its kind's schema
  // accepted (plus the task keys and the source): it is that kind's result.
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subjectId,
    state: row.state,
    progress: row.progress,
    ...(row.result ? { result: row.result } : {}),
    ...(row.error ? { error: row.error } : {}),
    provider: row.provider,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  } as AiJob;
}

/**
 * A job of the caller's workspace (the guard already answered 404 to everyone else). A "what
 * next" job is about one person's own work: only they may read it.
 */
export async function getAiJob(deps: CoreDeps, ctx: WorkspaceCtx, jobId: string): Promise<AiJob> {
  const row = await findAiJob(deps.db, jobId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Job');
  if (row.kind === 'next' && row.requestedBy !== ctx.actor.id) throw notFound('Job');
  return toAiJob(row);
}
