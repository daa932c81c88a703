import type { StatusUpdateListQuery, StatusUpdatePage } from '@teamflow/contracts/status-updates';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { loadStatusUpdateRefs, toStatusUpdate } from './status-update.mapper';
import { listStatusUpdateRows } from './status-updates.repository';

// The list's name leads the tuple, so a cursor from another list is refused, not misread.
const Cursor = z.tuple([
  z.literal('status-updates'),
  z.iso.date(),
  z.iso.datetime({ offset: true }),
  z.uuid(),
]);

/** The team's feed, newest first; each update shows its mood only to its author. */
export async function listStatusUpdates(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: StatusUpdateListQuery,
): Promise<StatusUpdatePage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listStatusUpdateRows(deps.db, ctx.workspaceId, query, {
    limit: query.limit + 1,
    after: after && { date: after[1], createdAt: after[2], id: after[3] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'status-updates',
    last.date,
    last.cursorAt,
    last.id,
  ]);
  const refs = await loadStatusUpdateRefs(deps.db, ctx.workspaceId, page);
  return {
    items: page.map((row) => toStatusUpdate(row, refs, ctx.actor.id)),
    nextCursor,
  };
}
