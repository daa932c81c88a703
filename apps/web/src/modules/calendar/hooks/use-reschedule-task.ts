'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '@/lib/query-keys';
import { currentTaskFromConflict } from '@/modules/board/hooks/conflict-from-error';
import { putTaskInBoard } from '@/modules/board/hooks/task-cache';
import { useUpdateTask } from '@/modules/board/hooks/use-update-task';
import { useConflictStore } from '@/modules/board/stores/conflict-store';
import { showToast } from '@/modules/ui/stores/toast-store';

/**
 * Gives a task a new due date (or none), the way the board moves cards: the project's task cache
 * changes at once, the api's answer replaces it, an error rolls back with a toast, and a stale
 * version opens the conflict dialog.
 */
export function useRescheduleTask(projectId: string) {
  const queryClient = useQueryClient();
  const openConflict = useConflictStore((s) => s.open);
  const { mutate } = useUpdateTask();

  return useCallback(
    function reschedule(task: Task, dueDate: string | null, version = task.version) {
      if (task.dueDate === dueDate && version === task.version) return;
      const key = queryKeys.boardTasks(projectId);
      void queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Task[]>(key);
      queryClient.setQueryData<Task[]>(key, (tasks) =>
        tasks?.map((t) => (t.id === task.id ? { ...t, dueDate } : t)),
      );
      mutate(
        { taskId: task.id, body: { dueDate, version } },
        {
          onError: (error) => {
            queryClient.setQueryData(key, previous);
            const theirs = currentTaskFromConflict(error);
            if (theirs) {
              openConflict({
                theirs,
                mine: { dueDate: dueDate ?? '—' },
                applyMine: (current) => reschedule(current, dueDate, current.version),
                keepTheirs: (current) => putTaskInBoard(queryClient, current),
              });
              return;
            }
            showToast({
              tone: 'error',
              title: `Could not reschedule ${task.key}`,
              description: error.message,
            });
            void queryClient.invalidateQueries({ queryKey: key });
          },
          onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id) }),
        },
      );
    },
    [projectId, queryClient, mutate, openConflict],
  );
}
