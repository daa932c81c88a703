'use client';

import { SearchResults } from '@teamflow/contracts/search';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Ranked full-text hits (tasks and comments) in one workspace; idle until there is a query. */
export function useSearch(workspaceId: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'search', query] as const,
    enabled: query.length > 0,
    queryFn: async ({ signal }) =>
      (
        await apiRequest('GET', `/workspaces/${workspaceId}/search?${new URLSearchParams({ q: query })}`, {
          schema: SearchResults,
          signal,
        })
      ).items,
  });
}
