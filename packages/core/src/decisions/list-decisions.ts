import type { DecisionListQuery, DecisionPage } from '@teamflow/contracts/decisions';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toDecisions } from './decision.mapper';
import { listDecisionRows } from './decisions.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('decisions'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The decision log, newest first, by status and/or text. */
export async function listDecisions(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: DecisionListQuery,
): Promise<DecisionPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listDecisionRows(deps.db, ctx.workspaceId, {
    status: query.status,
    q: query.q || undefined,
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['decisions', last.cursorAt, last.id]);
  return {
    items: await toDecisions(deps.db, ctx.workspaceId, page),
    nextCursor,
  };
}
