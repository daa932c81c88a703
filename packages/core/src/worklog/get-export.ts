import type { WorklogExport } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toWorklogExport } from './worklog.mapper';
import { findExport } from './worklog-exports.repository';

/** The caller's own export and its state; anyone else's id is a 404. */
export async function getExport(deps: CoreDeps, ctx: Ctx, exportId: string): Promise<WorklogExport> {
  const row = await findExport(deps.db, ctx.actor.id, exportId);
  if (!row) throw notFound('Export');
  return toWorklogExport(row);
}
