import type { WorklogExport } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { toWorklogExport } from './worklog.mapper';
import { listExports as listExportRows } from './worklog.repository';

/** The caller's exports still kept (7 days), newest first. */
export async function listExports(deps: CoreDeps, ctx: Ctx): Promise<{ items: WorklogExport[] }> {
  return { items: (await listExportRows(deps.db, ctx.actor.id)).map(toWorklogExport) };
}
