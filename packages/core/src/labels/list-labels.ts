import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { LabelList } from '@teamflow/contracts/labels';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toLabel } from './label.mapper';
import { listLabelRows } from './labels.repository';

// The list's name leads the tuple, so a cursor from another list sorted by name (a task's labels,
// projects) is refused, not misread.
const Cursor = z.tuple([z.literal('labels'), z.string(), z.uuid()]);

/** The workspace's labels by name, keyset-paginated by (name, id). */
export async function listLabels(deps: CoreDeps, ctx: WorkspaceCtx, query: PageQuery): Promise<LabelList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listLabelRows(deps.db, ctx.workspaceId, {
    limit: query.limit + 1,
    after: after && { name: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['labels', last.name, last.id]);
  return {
    items: page.map(toLabel),
    nextCursor,
  };
}
