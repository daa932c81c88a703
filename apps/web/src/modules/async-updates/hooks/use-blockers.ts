'use client';

import {
  Blocker,
  BlockerPage,
  type BlockerCreate,
  type BlockerResolve,
  type BlockerStatus,
} from '@teamflow/contracts/blockers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

/** The blocker register, newest first, 100 a page ("Show older blockers" reads the next). */
export function useBlockers(workspaceId: string, status: BlockerStatus | 'all') {
  return usePagedFeed({
    queryKey: queryKeys.blockerFeed(workspaceId, status),
    path: `/workspaces/${workspaceId}/blockers${status === 'all' ? '' : `?status=${status}`}`,
    schema: BlockerPage,
    pageSize: 100,
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
