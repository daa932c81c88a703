'use client';

import {
  DecisionDetail,
  DecisionPage,
  type DecisionCreate,
  type DecisionUpdate,
} from '@teamflow/contracts/decisions';
import { Digest, DigestPage } from '@teamflow/contracts/digests';
import { TaskAsyncLinks } from '@teamflow/contracts/task-links';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

/** The decision log, newest first, 100 a page ("Show older decisions" reads the next). */
export function useDecisions(workspaceId: string, filter: { status?: string; q?: string }) {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.q) params.set('q', filter.q);
  const query = params.toString();
  return usePagedFeed({
    queryKey: queryKeys.decisionFeed(workspaceId, filter),
    path: `/workspaces/${workspaceId}/decisions${query ? `?${query}` : ''}`,
    schema: DecisionPage,
    pageSize: 100,
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

/** The daily digests, newest day first, 60 a page ("Show older digests" reads the next). */
export function useDigests(workspaceId: string) {
  return usePagedFeed({
    queryKey: queryKeys.digestFeed(workspaceId),
    path: `/workspaces/${workspaceId}/digests`,
    schema: DigestPage,
    pageSize: 60,
  });
}

/** One day's digest, for a link to a day the pages read so far do not reach (a digest email's). */
export function useDigest(workspaceId: string, date: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.digest(workspaceId, date),
    enabled,
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/digests/${date}`, { schema: Digest, signal }),
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
