import type { AiJob } from '@teamflow/contracts/ai';
import type { Queues } from '@teamflow/queue/producer';
import { getAiJob } from '../ai/get-ai-job';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { getWorkspaceJob } from './get-workspace-job';
import { isOutboxJobId } from './workspace-jobs';

/** `GET /jobs/:jobId`: an AI job (a UUID) or an outbox job the api handed out (`outbox-<n>`). */
export function getJob(
  deps: CoreDeps & { queues: Queues },
  ctx: WorkspaceCtx,
  jobId: string,
): Promise<AiJob> {
  return isOutboxJobId(jobId) ? getWorkspaceJob(deps, ctx, jobId) : getAiJob(deps, ctx, jobId);
}
