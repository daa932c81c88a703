import type { DigestJob } from '@teamflow/contracts/ai';
import type { Queues } from '@teamflow/queue/producer';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { findStagedJob } from './job-outbox.repository';
import { withTimeout } from './job-relay';
import { findWorkspaceJobKind, outboxJobRow, toWorkspaceJob, type WorkspaceJobKind } from './workspace-jobs';

// A poll is answered from PostgreSQL alone when BullMQ does not say at once whether the job runs.
const BULLMQ_STATE_TIMEOUT_MS = 500;

/** Whether a worker holds the job now: BullMQ's word, asked only about an enqueued row. */
async function runningNow(queues: Queues, kind: WorkspaceJobKind, jobId: string, logger: Logger) {
  try {
    const state = await withTimeout(queues[kind.queue].getJobState(jobId), BULLMQ_STATE_TIMEOUT_MS);
    return state === 'active';
  } catch (error) {
    // The row is the record of the job: without BullMQ's word it is still queued.
    logger.warn('job state not read from BullMQ', { jobId, error: (error as Error).message });
    return false;
  }
}

/**
 * `GET /jobs/outbox-<n>`: an outbox job the api handed out to the caller's workspace (the guard
 * already answered 404 to everyone else); any other outbox row is 404.
 */
export async function getWorkspaceJob(
  deps: Pick<CoreDeps, 'db'> & { queues: Queues },
  ctx: WorkspaceCtx,
  jobId: string,
): Promise<DigestJob> {
  const rowId = outboxJobRow(jobId);
  const row = rowId === undefined ? undefined : await findStagedJob(deps.db, rowId);
  const kind = row && findWorkspaceJobKind(row.queue, row.name);
  if (!row || !kind || row.payload.workspaceId !== ctx.workspaceId) throw notFound('Job');
  const active = row.state === 'enqueued' && (await runningNow(deps.queues, kind, jobId, ctx.logger));
  return toWorkspaceJob(row, kind, ctx.workspaceId, active);
}
