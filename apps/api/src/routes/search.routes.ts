import type { Router } from 'express';
import { ErrorResponse, WorkspaceParams } from '@teamflow/contracts/common';
import { SearchQuery, SearchResults } from '@teamflow/contracts/search';
import { search } from '@teamflow/core/search/search';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

export function searchRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/search',
    summary: 'Ranked full-text search over tasks and comments',
    tag: 'Search',
    access: allow('search.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: SearchQuery,
    responses: { 200: SearchResults, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => search(deps, ctx, query),
  });
}
