import type { DigestListQuery, DigestPage } from '@teamflow/contracts/digests';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toDigest } from './digest.mapper';
import { listDailySummaryRows } from './digests.repository';

// The list's name leads the tuple, so a cursor from another list is refused, not misread.
const Cursor = z.tuple([z.literal('digests'), z.iso.date()]);

/** The workspace's digests, newest day first. */
export async function listDigests(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: DigestListQuery,
): Promise<DigestPage> {
  const before = query.cursor ? decodeCursor(query.cursor, Cursor)[1] : undefined;
  const rows = await listDailySummaryRows(deps.db, ctx.workspaceId, { limit: query.limit + 1, before });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['digests', last.date]);
  return {
    items: page.map(toDigest),
    nextCursor,
  };
}
