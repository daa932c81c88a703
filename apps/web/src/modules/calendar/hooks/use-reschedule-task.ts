'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '@/lib/query-keys';
import { currentTaskFromConflict } from '@/modules/tasks/hooks/conflict-from-error';
import { applyOptimistic, applyTaskChange, rollback } from '@/modules/task-cache/task-cache';
import { useUpdateTask } from '@/modules/tasks/hooks/use-update-task';
import { useOpenConflict } from '@/modules/tasks/hooks/use-open-conflict';
import { showToast } from '@/modules/ui/toast';

/**
 * Gives a task a new due date (or none), the way the board moves cards: the project's task cache
 * changes at once, the api's answer replaces it, an error rolls back with a toast, and a stale
 * version opens the conflict dialog.
 */
export function useRescheduleTask(projectId: string) {
  const queryClient = useQueryClient();
  const openConflict = useOpenConflict();
  const { mutate } = useUpdateTask();

  return useCallback(
    function reschedule(task: Task, dueDate: string | null, version = task.version) {
      if (task.dueDate === dueDate && version === task.version) return;
      const snapshot = applyOptimistic(queryClient, [{ ...task, dueDate }]);
      mutate(
        { taskId: task.id, body: { dueDate, version } },
        {
          onError: (error) => {
            rollback(queryClient, snapshot);
            const theirs = currentTaskFromConflict(error);
            if (theirs) {
              openConflict({
                theirs,
                mine: { dueDate: dueDate ?? '—' },
                applyMine: (current) => reschedule(current, dueDate, current.version),
                keepTheirs: (current) => applyTaskChange(queryClient, current, { source: 'server' }),
              });
              return;
            }
            showToast({
              tone: 'error',
              title: `Could not reschedule ${task.key}`,
              description: error.message,
            });
            void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) });
          },
          onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id) }),
        },
      );
    },
    [projectId, queryClient, mutate, openConflict],
  );
}
