import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { InvitationList } from '@teamflow/contracts/workspaces';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { listPendingInvitations } from './workspaces.repository';
import { toInvitation } from './workspace.mapper';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('invitations'), z.iso.datetime({ offset: true }), z.uuid()]);

/** Pending invitations, oldest first, keyset-paginated by (createdAt, id). */
export async function listInvitations(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: PageQuery,
): Promise<InvitationList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listPendingInvitations(deps.db, ctx.workspaceId, {
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'invitations',
    last.cursorAt,
    last.id,
  ]);
  return {
    items: page.map(toInvitation),
    nextCursor,
  };
}
