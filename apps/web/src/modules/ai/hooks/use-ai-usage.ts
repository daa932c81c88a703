'use client';

import { AiUsageReport } from '@teamflow/contracts/ai';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useAiUsage(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.aiUsage(workspaceId),
    enabled,
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/ai/usage`, { schema: AiUsageReport, signal }),
  });
}

export function useSetAiBudget(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (monthlyBudgetUsd: number) =>
      apiRequest('PUT', `/workspaces/${workspaceId}/ai/budget`, {
        body: { monthlyBudgetUsd },
        schema: AiUsageReport,
      }),
    onSuccess: (report) => queryClient.setQueryData(queryKeys.aiUsage(workspaceId), report),
  });
}
