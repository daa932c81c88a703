'use client';

import { BreakdownAccepted, type BreakdownAccept } from '@teamflow/contracts/ai';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { addTask } from '@/modules/task-cache/task-cache';

/** Creates the picked suggestions as sub-tasks (all or none) and puts them on the board. */
export function useAcceptBreakdown(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BreakdownAccept) =>
      apiRequest('POST', `/tasks/${taskId}/ai-breakdown/accept`, { body, schema: BreakdownAccepted }),
    onSuccess: (created) => created.items.forEach((task) => addTask(queryClient, task)),
  });
}
