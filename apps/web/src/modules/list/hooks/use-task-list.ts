'use client';

import { TaskPage, type TaskSort } from '@teamflow/contracts/tasks';
import { useQuery } from '@tanstack/react-query';
import { apiGetAll } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * Every task of the project in one sort (the table selects and bulk-edits across all of them), as
 * the `Task[]` the task cache keeps in step; the key sits under the board's, so board invalidations
 * refresh it.
 */
export function useTaskList(projectId: string, sort: TaskSort) {
  return useQuery({
    queryKey: [...queryKeys.boardTasks(projectId), 'list', sort] as const,
    queryFn: async ({ signal }) =>
      (
        await apiGetAll(`/projects/${projectId}/tasks?${new URLSearchParams({ sort })}`, {
          schema: TaskPage,
          signal,
        })
      ).items,
  });
}
