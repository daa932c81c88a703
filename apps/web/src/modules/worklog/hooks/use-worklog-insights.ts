'use client';

import { WorklogInsights } from '@teamflow/contracts/worklog';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function useInsights(from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.worklogInsights(from, to),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/worklog/insights?${new URLSearchParams({ from, to }).toString()}`, {
        schema: WorklogInsights,
        signal,
      }),
  });
}
