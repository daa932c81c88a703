'use client';

import {
  Blocker,
  BlockerPage,
  type BlockerCreate,
  type BlockerResolve,
  type BlockerStatus,
} from '@teamflow/contracts/blockers';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useBlockers(workspaceId: string, status: BlockerStatus | 'all') {
  return useQuery({
    queryKey: [...queryKeys.blockers(workspaceId), status],
    queryFn: ({ signal }) =>
      apiRequest(
        'GET',
        `/workspaces/${workspaceId}/blockers?limit=100${status === 'all' ? '' : `&status=${status}`}`,
        { schema: BlockerPage, signal },
      ),
  });
}

export function useRaiseBlocker(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BlockerCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/blockers`, { body, schema: Blocker }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.blockers(workspaceId) }),
  });
}

/** One-click acknowledge or resolve. */
export function useBlockerAction(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: string;
      action: 'acknowledge' | 'resolve';
      body: BlockerResolve | object;
    }) => apiRequest('POST', `/blockers/${id}/${action}`, { body, schema: Blocker }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.blockers(workspaceId) }),
  });
}
