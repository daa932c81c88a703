import type { SearchQuery, SearchResults } from '@teamflow/contracts/search';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { searchWorkspace } from './search.repository';

export async function search(deps: CoreDeps, ctx: WorkspaceCtx, query: SearchQuery): Promise<SearchResults> {
  const rows = await searchWorkspace(deps.db, ctx.workspaceId, query.q, query.limit);
  return {
    items: rows.map((r) =>
      r.type === 'task'
        ? {
            type: 'task' as const,
            id: r.id,
            projectId: r.project_id,
            key: r.key,
            title: r.title,
            status: r.status as TaskStatus,
            snippet: r.snippet,
            rank: Number(r.rank),
          }
        : {
            type: 'comment' as const,
            id: r.id,
            taskId: r.task_id,
            projectId: r.project_id,
            key: r.key,
            title: r.title,
            snippet: r.snippet,
            rank: Number(r.rank),
          },
    ),
  };
}
