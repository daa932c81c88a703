import type { BlockerListQuery, BlockerPage } from '@teamflow/contracts/blockers';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toBlockers } from './blocker.mapper';
import { listBlockerRows } from './blockers.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('blockers'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The register, newest first, optionally by status. */
export async function listBlockers(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: BlockerListQuery,
): Promise<BlockerPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listBlockerRows(deps.db, ctx.workspaceId, {
    status: query.status,
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['blockers', last.cursorAt, last.id]);
  return {
    items: await toBlockers(deps.db, ctx.workspaceId, page),
    nextCursor,
  };
}
