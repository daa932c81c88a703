'use client';

import { Task, type TaskMove, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import {
  applyOptimistic,
  applyTaskChange,
  cachedProjectTasks,
  rollback,
} from '@/modules/task-cache/task-cache';
import { currentTaskFromConflict } from '@/modules/tasks/hooks/conflict-from-error';
import { useOpenConflict } from '@/modules/tasks/hooks/use-open-conflict';
import { STATUS_LABEL } from '@/modules/tasks/task-status';
import { showToast } from '@/modules/ui/toast';
import { movedLocally, type MoveTarget } from '../board-columns';

/** A drop into another swimlane also hands the task to that lane's person. */
export interface MoveOptions {
  assigneeIds?: string[];
}

/**
 * Moves a card: the board cache changes at once; the api's answer replaces it, an error rolls it
 * back with a toast, and a stale version opens the conflict dialog. With `assigneeIds` the move is
 * followed by a PATCH of the assignees (with the version the move returned).
 */
export function useMoveTask(
  projectId: string,
): (task: Task, target: MoveTarget, version?: number, options?: MoveOptions) => void {
  const queryClient = useQueryClient();
  const openConflict = useOpenConflict();
  const { mutate } = useMutation({
    mutationFn: async ({
      taskId,
      body,
      assigneeIds,
    }: {
      taskId: string;
      body: TaskMove;
      assigneeIds?: string[];
    }) => {
      const moved = await apiRequest('POST', `/tasks/${taskId}/move`, { body, schema: Task });
      if (!assigneeIds) return moved;
      const patch: TaskUpdate = { version: moved.version, assigneeIds };
      return apiRequest('PATCH', `/tasks/${taskId}`, { body: patch, schema: Task });
    },
  });

  return useCallback(
    function move(task: Task, target: MoveTarget, version = task.version, options: MoveOptions = {}) {
      const { assigneeIds } = options;
      const tasks = cachedProjectTasks(queryClient, projectId) ?? [];
      // The newer of the card that was dropped and the cached copy (the dialog's "apply mine" passes theirs).
      const cached = tasks.find((t) => t.id === task.id);
      const moved = movedLocally(tasks, cached && cached.version > task.version ? cached : task, target);
      // Synchronous, so the card never flickers back to its old column between drop and request.
      const snapshot = applyOptimistic(queryClient, [assigneeIds ? { ...moved, assigneeIds } : moved]);

      mutate(
        { taskId: task.id, body: { ...target, version }, ...(assigneeIds ? { assigneeIds } : {}) },
        {
          onSuccess: (saved) => applyTaskChange(queryClient, saved, { source: 'server' }),
          onError: (error) => {
            rollback(queryClient, snapshot);
            const theirs = currentTaskFromConflict(error);
            if (theirs) {
              openConflict({
                theirs,
                mine: { status: STATUS_LABEL[target.status], place: 'where you dropped it' },
                applyMine: (current) => move(current, target, current.version, options),
                keepTheirs: (current) => applyTaskChange(queryClient, current, { source: 'server' }),
              });
              return;
            }
            showToast({ tone: 'error', title: `Could not move ${task.key}`, description: error.message });
            void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) });
          },
        },
      );
    },
    [projectId, queryClient, mutate, openConflict],
  );
}
