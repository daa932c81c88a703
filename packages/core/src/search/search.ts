import type { DecisionStatus } from '@teamflow/contracts/decisions';
import type { IncidentStatus } from '@teamflow/contracts/incidents';
import type { SearchHit, SearchQuery, SearchResults } from '@teamflow/contracts/search';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { searchWorkspace, type SearchRow } from './search.repository';

export async function search(deps: CoreDeps, ctx: WorkspaceCtx, query: SearchQuery): Promise<SearchResults> {
  const rows = await deps.reads.read(ctx.actor.id, (db) =>
    searchWorkspace(db, ctx.workspaceId, query.q, query.limit),
  );
  return { items: rows.map(toHit), nextCursor: null };
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
