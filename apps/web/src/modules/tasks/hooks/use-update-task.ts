'use client';

import { Task, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyOptimistic, applyTaskChange, findCachedTask } from '@/modules/task-cache/task-cache';
import { QUEUED, sendOrQueue } from '@/modules/offline/send-or-queue';
import { TASK_CHANGE } from './task-change';

/**
 * PATCH with the version the user saw; the caller handles a 409 (see the conflict dialog). Without
 * a network the change is queued and shown at once: the answer is then the cached task with the
 * change applied, at the version it was made on (the replay brings the server's).
 */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    // Runs offline too (TanStack would pause it): sendOrQueue queues the write itself.
    networkMode: 'always',
    mutationKey: TASK_CHANGE,
    mutationFn: async ({ taskId, body }: { taskId: string; body: TaskUpdate }): Promise<Task> => {
      const cached = findCachedTask(queryClient, taskId);
      const saved = await sendOrQueue(
        {
          kind: 'update-task',
          method: 'PATCH',
          path: `/tasks/${taskId}`,
          body,
          taskId,
          projectId: cached?.projectId ?? '',
          label: `Edit ${cached?.key ?? 'a task'}`,
        },
        Task,
      );
      if (saved !== QUEUED) return saved;
      const { version: _madeOn, ...changes } = body;
      const local: Task = { ...cached!, ...changes };
      applyOptimistic(queryClient, [local]);
      return local;
    },
    onSuccess: (saved) => applyTaskChange(queryClient, saved, { source: 'server' }),
  });
}
