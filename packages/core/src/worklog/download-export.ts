import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { exportContent } from './worklog-exports.repository';

/** The file of the caller's finished export; 404 for anyone else's, or while it is not done. */
export async function downloadExport(
  deps: CoreDeps,
  ctx: Ctx,
  exportId: string,
): Promise<{ content: Buffer; contentType: string; filename: string }> {
  const found = await exportContent(deps.db, ctx.actor.id, exportId);
  if (!found || found.row.status !== 'done' || !found.content) throw notFound('Export file');
  const { row, content } = found;
  return {
    content,
    contentType: row.format === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8',
    filename: `teamflow-${row.kind}-${row.fromDate}-to-${row.toDate}.${row.format}`,
  };
}
