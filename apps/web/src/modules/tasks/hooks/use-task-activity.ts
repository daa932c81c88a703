'use client';

import { ActivityPage } from '@teamflow/contracts/activity';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The task's history, newest first. */
export function useTaskActivity(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskActivity(taskId),
    queryFn: async ({ signal }) =>
      (await apiRequest('GET', `/tasks/${taskId}/activity?limit=50`, { schema: ActivityPage, signal })).items,
  });
}
