import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { ProjectList } from '@teamflow/contracts/projects';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toProject } from './project.mapper';
import { listProjectRows } from './projects.repository';

// The list's name leads the tuple, so a cursor from another list sorted by name is refused, not misread.
const Cursor = z.tuple([z.literal('projects'), z.string(), z.uuid()]);

/** The workspace's projects by name, keyset-paginated by (name, id). */
export async function listProjects(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: PageQuery,
): Promise<ProjectList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listProjectRows(deps.db, ctx.workspaceId, {
    limit: query.limit + 1,
    after: after && { name: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['projects', last.name, last.id]);
  return {
    items: page.map(toProject),
    nextCursor,
  };
}
