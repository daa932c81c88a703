'use client';

import { SlackIntegration, type SlackIntegrationUpdate } from '@teamflow/contracts/integrations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useSlackIntegration(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.slackIntegration(workspaceId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/integrations/slack`, {
        schema: SlackIntegration,
        signal,
      }),
    enabled,
  });
}

export function useSaveSlackIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SlackIntegrationUpdate) =>
      apiRequest('PUT', `/workspaces/${workspaceId}/integrations/slack`, { body, schema: SlackIntegration }),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.slackIntegration(workspaceId), next),
  });
}
