'use client';

import { DevelopmentLinkList, GithubIntegration } from '@teamflow/contracts/integrations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useGithubIntegration(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.githubIntegration(workspaceId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/integrations/github`, {
        schema: GithubIntegration,
        signal,
      }),
    enabled,
  });
}

export function useSetGithubEnabled(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      apiRequest('PUT', `/workspaces/${workspaceId}/integrations/github`, {
        body: { enabled },
        schema: GithubIntegration,
      }),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.githubIntegration(workspaceId), next),
  });
}

export function useRotateGithubSecret(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('POST', `/workspaces/${workspaceId}/integrations/github/rotate-secret`, {
        schema: GithubIntegration,
      }),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.githubIntegration(workspaceId), next),
  });
}

/**
 * All of the task's commits and pull requests (the api pages them by 50); kept current by
 * TASK_DEVELOPMENT_UPDATED events.
 */
export function useDevelopmentLinks(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskDevelopment(taskId),
    queryFn: ({ signal }) =>
      apiGetAll(`/tasks/${taskId}/development`, { schema: DevelopmentLinkList, signal }),
  });
}
