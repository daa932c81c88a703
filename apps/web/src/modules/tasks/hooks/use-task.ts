'use client';

import { Task } from '@teamflow/contracts/tasks';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One task by id, for the task's own page (the board and drawer read the project's task list). */
export function useTask(taskId: string) {
  return useQuery({
    queryKey: queryKeys.task(taskId),
    queryFn: ({ signal }) => apiRequest('GET', `/tasks/${taskId}`, { schema: Task, signal }),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });
}
