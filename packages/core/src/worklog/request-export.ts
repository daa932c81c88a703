import type { WorklogExportAccepted, WorklogExportCreate } from '@teamflow/contracts/worklog';
import { worklogExportJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, Ctx } from '../platform/context';
import { resolveRange } from './date-range';
import { insertExport } from './worklog-exports.repository';

// Export files are kept this long, then the cleanup schedule removes them.
export const EXPORT_KEEP_DAYS = 7;

/** Queues a review/CV export of the caller's own log: the row and its job in one transaction. */
export async function requestExport(
  deps: CoreDeps,
  ctx: Ctx,
  timeZone: string,
  input: WorklogExportCreate,
): Promise<WorklogExportAccepted> {
  const { from, to } = resolveRange({ from: input.from, to: input.to }, timeZone);
  return deps.db.transaction(async (tx) => {
    const row = await insertExport(tx, ctx.actor.id, {
      kind: input.kind,
      format: input.format,
      fromDate: from,
      toDate: to,
      expiresAt: new Date(Date.now() + EXPORT_KEEP_DAYS * 86_400_000),
    });
    await stageJob(tx, worklogExportJob, { userId: ctx.actor.id, exportId: row.id });
    return { id: row.id, jobId: `worklog-export:${row.id}` };
  });
}
