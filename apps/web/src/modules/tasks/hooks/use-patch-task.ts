'use client';

import { Task, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { currentTaskFromConflict } from '@/modules/board/hooks/conflict-from-error';
import { showToast } from '@/modules/ui/stores/toast-store';
import { TASK_CHANGE } from './task-change';

/** Replaces the task in every cached list of its project (the board and each sorted list view). */
function replaceTask(queryClient: QueryClient, task: Task): void {
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.boardTasks(task.projectId) }, (tasks) =>
    tasks?.map((t) => (t.id === task.id ? task : t)),
  );
}

/**
 * A one-field change made straight from a control (checkbox, select), shown at once. On a stale
 * version the latest copy replaces ours and the user is told to retry: nothing is silently
 * overwritten; any other error rolls back and says why.
 */
export function usePatchTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: TASK_CHANGE,
    mutationFn: ({ task, body }: { task: Task; body: Omit<TaskUpdate, 'version'> }) =>
      apiRequest('PATCH', `/tasks/${task.id}`, { body: { ...body, version: task.version }, schema: Task }),
    onMutate: ({ task, body }) => {
      // Cancelling is synchronous enough: an in-flight refetch can no longer overwrite the change.
      void queryClient.cancelQueries({ queryKey: queryKeys.boardTasks(task.projectId) });
      replaceTask(queryClient, { ...task, ...body });
    },
    onSuccess: (saved) => replaceTask(queryClient, saved),
    onError: (error, { task }) => {
      const current = currentTaskFromConflict(error);
      replaceTask(queryClient, current ?? task);
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
