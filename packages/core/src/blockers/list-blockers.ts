import type { BlockerListQuery, BlockerPage } from '@teamflow/contracts/blockers';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toBlockers } from './blocker.mapper';
import { listBlockerRows } from './blockers.repository';

const Cursor = z.tuple([z.iso.datetime(), z.uuid()]);

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
    after: after && { createdAt: new Date(after[0]), id: after[1] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    last.createdAt.toISOString(),
    last.id,
  ]);
  return {
    items: await toBlockers(deps.db, ctx.workspaceId, page),
    nextCursor,
  };
}
