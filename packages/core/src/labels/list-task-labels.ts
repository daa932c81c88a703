import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { LabelList } from '@teamflow/contracts/labels';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toLabel } from './label.mapper';
import { listLabelRows } from './labels.repository';

// Its own list name: a cursor of the workspace's labels is refused here, and this one there.
const Cursor = z.tuple([z.literal('task-labels'), z.string(), z.uuid()]);

/**
 * The labels on a task, by name as the workspace's are, keyset-paginated by (name, id). The route's
 * guard has already answered 404 for a task that is gone or not the caller's.
 */
export async function listTaskLabels(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  query: PageQuery,
): Promise<LabelList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listLabelRows(deps.db, ctx.workspaceId, {
    taskId,
    limit: query.limit + 1,
    after: after && { name: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['task-labels', last.name, last.id]);
  return {
    items: page.map(toLabel),
    nextCursor,
  };
}
