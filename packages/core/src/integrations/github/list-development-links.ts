import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { DevelopmentLinkList } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { decodeCursor, keysetPage } from '../../platform/cursor';
import { listDevelopmentLinkRows } from './github.repository';
import { toDevelopmentLink } from './github-integration.view';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('development-links'), z.iso.datetime({ offset: true }), z.uuid()]);

/**
 * The commits and pull requests that mention a task, oldest first, keyset-paginated by
 * (createdAt, id); a link GitHub updates keeps its place (its createdAt does not change).
 */
export async function listDevelopmentLinks(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
  query: PageQuery,
): Promise<DevelopmentLinkList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listDevelopmentLinkRows(deps.db, taskId, {
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'development-links',
    last.cursorAt,
    last.id,
  ]);
  return { items: page.map(toDevelopmentLink), nextCursor };
}
