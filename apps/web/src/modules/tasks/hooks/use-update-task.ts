'use client';

import { Task, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { applyTaskChange } from '@/modules/task-cache/task-cache';
import { TASK_CHANGE } from './task-change';

/** PATCH with the version the user saw; the caller handles a 409 (see the conflict dialog). */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: TASK_CHANGE,
    mutationFn: ({ taskId, body }: { taskId: string; body: TaskUpdate }) =>
      apiRequest('PATCH', `/tasks/${taskId}`, { body, schema: Task }),
    onSuccess: (saved) => applyTaskChange(queryClient, saved, { source: 'server' }),
  });
}
