'use client';

import {
  DecisionDetail,
  DecisionPage,
  type DecisionCreate,
  type DecisionUpdate,
} from '@teamflow/contracts/decisions';
import { DigestPage } from '@teamflow/contracts/digests';
import { TaskAsyncLinks } from '@teamflow/contracts/task-links';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useDecisions(workspaceId: string, filter: { status?: string; q?: string }) {
  const params = new URLSearchParams({ limit: '100' });
  if (filter.status) params.set('status', filter.status);
  if (filter.q) params.set('q', filter.q);
  return useQuery({
    queryKey: [...queryKeys.decisions(workspaceId), filter],
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/decisions?${params.toString()}`, {
        schema: DecisionPage,
        signal,
      }),
  });
}

export function useDecision(decisionId: string) {
  return useQuery({
    queryKey: queryKeys.decision(decisionId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/decisions/${decisionId}`, { schema: DecisionDetail, signal }),
  });
}

export function useRecordDecision(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionCreate) =>
      apiRequest('POST', `/workspaces/${workspaceId}/decisions`, { body, schema: DecisionDetail }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.decisions(workspaceId) }),
  });
}

export function useUpdateDecision(decisionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionUpdate) =>
      apiRequest('PATCH', `/decisions/${decisionId}`, { body, schema: DecisionDetail }),
    onSuccess: (decision) => queryClient.setQueryData(queryKeys.decision(decisionId), decision),
  });
}

export function useDigests(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.digests(workspaceId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/digests?limit=60`, { schema: DigestPage, signal }),
  });
}

export function useRegenerateDigest(workspaceId: string) {
  return useMutation({
    mutationFn: (date: string) => apiRequest('POST', `/workspaces/${workspaceId}/digests/${date}/regenerate`),
  });
}

/** The decisions, incidents and blockers linked to a task (task detail). */
export function useTaskAsyncLinks(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskAsyncLinks(taskId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/tasks/${taskId}/async-links`, { schema: TaskAsyncLinks, signal }),
  });
}
