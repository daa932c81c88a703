import type { WorklogExportListQuery, WorklogExportPage } from '@teamflow/contracts/worklog';
import { z } from 'zod';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toWorklogExport } from './worklog.mapper';
import { listExports as listExportRows } from './worklog-exports.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('worklog-exports'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The caller's exports still kept (7 days), newest first, a page at a time. */
export async function listExports(
  deps: CoreDeps,
  ctx: Ctx,
  query: WorklogExportListQuery,
): Promise<WorklogExportPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listExportRows(deps.db, ctx.actor.id, {
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'worklog-exports',
    last.cursorAt,
    last.id,
  ]);
  return {
    items: page.map(toWorklogExport),
    nextCursor,
  };
}
