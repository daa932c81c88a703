import type { DigestRegenerateAccepted } from '@teamflow/contracts/digests';
import { digestJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';

/** `POST …/digests/:date/regenerate`: stages the job (the worker replaces the day's digest). */
export async function requestDigest(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  date: string,
): Promise<DigestRegenerateAccepted> {
  return stageJob(deps.db, digestJob, { workspaceId: ctx.workspaceId, date, force: true });
}
