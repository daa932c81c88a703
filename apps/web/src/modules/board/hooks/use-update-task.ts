'use client';

import { Task, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { TASK_CHANGE } from '@/modules/tasks/hooks/task-change';
import { putTaskInBoard } from './task-cache';

/** PATCH with the version the user saw; the caller handles a 409 (see the conflict dialog). */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: TASK_CHANGE,
    mutationFn: ({ taskId, body }: { taskId: string; body: TaskUpdate }) =>
      apiRequest('PATCH', `/tasks/${taskId}`, { body, schema: Task }),
    onSuccess: (saved) => putTaskInBoard(queryClient, saved),
  });
}
