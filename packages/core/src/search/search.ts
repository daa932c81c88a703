import type { DecisionStatus } from '@teamflow/contracts/decisions';
import type { IncidentStatus } from '@teamflow/contracts/incidents';
import type { SearchHit, SearchQuery, SearchResults } from '@teamflow/contracts/search';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import { z } from 'zod';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { searchWorkspace, type SearchRow } from './search.repository';

// The hits' order (rank, highest first, then key and id); the list's name leads, so a cursor of
// another list is refused, not misread.
const Cursor = z.tuple([z.literal('search'), z.number(), z.string(), z.uuid()]);

/**
 * Ranked hits, paged like every list (API.md: `?limit=` and `?cursor=`, `nextCursor` while more
 * follow): a search that matched more than a page says so, and the cursor continues after its
 * last hit.
 */
export async function search(deps: CoreDeps, ctx: WorkspaceCtx, query: SearchQuery): Promise<SearchResults> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await deps.reads.read(ctx.actor.id, (db) =>
    searchWorkspace(db, ctx.workspaceId, query.q, {
      limit: query.limit + 1,
      after: after && { rank: after[1], key: after[2], id: after[3] },
    }),
  );
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'search',
    Number(last.rank),
    last.key,
    last.id,
  ]);
  return { items: page.map(toHit), nextCursor };
}

function toHit(r: SearchRow): SearchHit {
  const common = { id: r.id, key: r.key, title: r.title, snippet: r.snippet, rank: Number(r.rank) };
  switch (r.type) {
    case 'task':
      return { type: 'task', ...common, projectId: r.project_id, status: r.status as TaskStatus };
    case 'comment':
      return { type: 'comment', ...common, taskId: r.task_id, projectId: r.project_id };
    case 'decision':
      return { type: 'decision', ...common, status: r.status as DecisionStatus };
    case 'incident':
      return { type: 'incident', ...common, status: r.status as IncidentStatus };
  }
}
