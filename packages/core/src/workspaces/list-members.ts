import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { MemberList } from '@teamflow/contracts/workspaces';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { listMembers as listMemberRows } from './workspaces.repository';

// The list's name leads the tuple, so a cursor from another (joined-at, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('members'), z.iso.datetime({ offset: true }), z.uuid()]);

/** Members in the order they joined, keyset-paginated by (joinedAt, user id). */
export async function listMembers(deps: CoreDeps, ctx: WorkspaceCtx, query: PageQuery): Promise<MemberList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listMemberRows(deps.db, ctx.workspaceId, {
    limit: query.limit + 1,
    after: after && { joinedAt: after[1], userId: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'members',
    last.cursorAt,
    last.userId,
  ]);
  return {
    items: page.map((r) => ({
      user: { id: r.userId, name: r.name, email: r.email, avatarUrl: r.avatarUrl },
      role: r.role,
      joinedAt: r.joinedAt.toISOString(),
    })),
    nextCursor,
  };
}
