'use client';

import { Task, type TaskCreate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { addTask } from '@/modules/task-cache/task-cache';

export function useCreateTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TaskCreate> & Pick<TaskCreate, 'title'>) =>
      apiRequest('POST', `/projects/${projectId}/tasks`, { body, schema: Task }),
    onSuccess: (created) => addTask(queryClient, created),
  });
}
