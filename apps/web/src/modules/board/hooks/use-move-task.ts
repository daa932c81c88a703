'use client';

import { Task, type TaskMove, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/stores/toast-store';
import { applyMoveLocally, STATUS_LABEL, type MoveTarget } from '../board-columns';
import { useConflictStore } from '../stores/conflict-store';
import { currentTaskFromConflict } from './conflict-from-error';
import { putTaskInBoard } from './task-cache';

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
  const openConflict = useConflictStore((s) => s.open);
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
      const key = queryKeys.boardTasks(projectId);
      // A refetch landing mid-move would put the card back where it was.
      void queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Task[]>(key);
      // Synchronous, so the card never flickers back to its old column between drop and request.
      queryClient.setQueryData<Task[]>(key, (tasks) => {
        if (!tasks) return tasks;
        const moved = applyMoveLocally(tasks, task.id, target);
        return assigneeIds ? moved.map((t) => (t.id === task.id ? { ...t, assigneeIds } : t)) : moved;
      });

      mutate(
        { taskId: task.id, body: { ...target, version }, ...(assigneeIds ? { assigneeIds } : {}) },
        {
          onSuccess: (saved) => putTaskInBoard(queryClient, saved),
          onError: (error) => {
            queryClient.setQueryData(key, previous);
            const theirs = currentTaskFromConflict(error);
            if (theirs) {
              openConflict({
                theirs,
                mine: { status: STATUS_LABEL[target.status], place: 'where you dropped it' },
                applyMine: (current) => move(current, target, current.version, options),
                keepTheirs: (current) => putTaskInBoard(queryClient, current),
              });
              return;
            }
            showToast({ tone: 'error', title: `Could not move ${task.key}`, description: error.message });
            void queryClient.invalidateQueries({ queryKey: key });
          },
        },
      );
    },
    [projectId, queryClient, mutate, openConflict],
  );
}
