'use client';

import { Task, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { applyOptimistic, applyTaskChange, rollback } from '@/modules/task-cache/task-cache';
import { QUEUED, sendOrQueue } from '@/modules/offline/send-or-queue';
import { showToast } from '@/modules/ui/toast';
import { currentTaskFromConflict } from './conflict-from-error';
import { TASK_CHANGE } from './task-change';

/**
 * A one-field change made straight from a control (checkbox, select), shown at once. On a stale
 * version the latest copy replaces ours and the user is told to retry: nothing is silently
 * overwritten; any other error rolls back and says why.
 */
export function usePatchTask() {
  const queryClient = useQueryClient();
  return useMutation({
    // Runs offline too (TanStack would pause it): sendOrQueue queues the write itself.
    networkMode: 'always',
    mutationKey: TASK_CHANGE,
    mutationFn: ({ task, body }: { task: Task; body: Omit<TaskUpdate, 'version'> }) =>
      sendOrQueue(
        {
          kind: 'update-task',
          method: 'PATCH',
          path: `/tasks/${task.id}`,
          body: { ...body, version: task.version },
          taskId: task.id,
          projectId: task.projectId,
          label: `Edit ${task.key}`,
        },
        Task,
      ),
    onMutate: ({ task, body }) => ({ snapshot: applyOptimistic(queryClient, [{ ...task, ...body }]) }),
    // Queued offline: the edit stays on screen, marked pending, until the replay's answer replaces it.
    onSuccess: (saved) => {
      if (saved !== QUEUED) applyTaskChange(queryClient, saved, { source: 'server' });
    },
    onError: (error, { task }, context) => {
      if (context) rollback(queryClient, context.snapshot);
      const current = currentTaskFromConflict(error);
      if (current) applyTaskChange(queryClient, current, { source: 'server' });
      showToast({
        tone: 'error',
        title: current ? `${task.key} was changed by someone else` : `${task.key} not saved`,
        description: current ? 'The latest version is shown; apply your change again.' : error.message,
      });
    },
    onSettled: (_data, _error, { task }) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id) }),
  });
}
