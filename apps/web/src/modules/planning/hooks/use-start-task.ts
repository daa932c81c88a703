'use client';

import { Task } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { applyTaskChange } from '@/modules/task-cache/task-cache';

/** "Accept" a suggestion: the task moves to in progress (read fresh, so its version is current). */
export function useStartTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (taskId: string) => {
      const current = await apiRequest('GET', `/tasks/${taskId}`, { schema: Task });
      return apiRequest('PATCH', `/tasks/${taskId}`, {
        body: { version: current.version, status: 'in_progress' },
        schema: Task,
      });
    },
    onSuccess: (task) => applyTaskChange(queryClient, task, { source: 'server' }),
  });
}
