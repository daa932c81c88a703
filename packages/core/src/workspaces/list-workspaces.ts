import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { WorkspaceList } from '@teamflow/contracts/workspaces';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { listWorkspacesForUser } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

// The list's name leads the tuple, so a cursor from another list sorted by name is refused, not misread.
const Cursor = z.tuple([z.literal('workspaces'), z.string(), z.uuid()]);

/** The caller's workspaces by name, keyset-paginated by (name, id). */
export async function listWorkspaces(deps: CoreDeps, ctx: Ctx, query: PageQuery): Promise<WorkspaceList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listWorkspacesForUser(deps.db, ctx.actor.id, {
    limit: query.limit + 1,
    after: after && { name: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'workspaces',
    last.workspace.name,
    last.workspace.id,
  ]);
  return {
    items: page.map((r) => toWorkspace(r.workspace, r.role)),
    nextCursor,
  };
}
