'use client';

import { TaskPage, type TaskSort } from '@teamflow/contracts/tasks';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One sorted page of the project's tasks; the key sits under the board's, so board invalidations refresh it. */
export function useTaskList(projectId: string, sort: TaskSort) {
  return useQuery({
    queryKey: [...queryKeys.boardTasks(projectId), 'list', sort] as const,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({ limit: '100', sort });
      return (await apiRequest('GET', `/projects/${projectId}/tasks?${query}`, { schema: TaskPage, signal }))
        .items;
    },
  });
}
