'use client';

import { Task, type TaskStatus } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { currentTaskFromConflict } from '@/modules/tasks/hooks/conflict-from-error';

export interface BulkResult {
  updated: string[];
  conflicts: string[];
  failed: { key: string; message: string }[];
}

/** One PATCH per task, one after another, each with the version the list showed; stale ones are reported, not forced. */
export function useBulkStatus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ tasks, status }: { tasks: Task[]; status: TaskStatus }): Promise<BulkResult> => {
      const result: BulkResult = { updated: [], conflicts: [], failed: [] };
      for (const task of tasks) {
        try {
          await apiRequest('PATCH', `/tasks/${task.id}`, {
            body: { status, version: task.version },
            schema: Task,
          });
          result.updated.push(task.key);
        } catch (error) {
          if (currentTaskFromConflict(error)) result.conflicts.push(task.key);
          else
            result.failed.push({
              key: task.key,
              message: error instanceof Error ? error.message : String(error),
            });
        }
      }
      return result;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) }),
  });
}
