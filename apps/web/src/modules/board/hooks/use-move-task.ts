'use client';

import { Task, type TaskMove, type TaskUpdate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '@/lib/query-keys';
import {
  applyOptimistic,
  applyTaskChange,
  cachedProjectTasks,
  rollback,
} from '@/modules/task-cache/task-cache';
import { QUEUED, sendOrQueue } from '@/modules/offline/send-or-queue';
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
    // Runs offline too (TanStack would pause it): sendOrQueue queues the write itself.
    networkMode: 'always',
    // Without a network the move (and the swimlane's assignee change) joins the offline queue and
    // stays on the board as it was dropped, marked pending.
    mutationFn: async ({
      task,
      body,
      assigneeIds,
    }: {
      task: Task;
      body: TaskMove;
      assigneeIds?: string[];
    }) => {
      const target = { taskId: task.id, projectId: task.projectId };
      const moved = await sendOrQueue(
        {
          ...target,
          kind: 'move-task',
          method: 'POST',
          path: `/tasks/${task.id}/move`,
          body,
          label: `Move ${task.key}`,
        },
        Task,
      );
      if (!assigneeIds) return moved;
      const patch: TaskUpdate = { version: moved === QUEUED ? body.version : moved.version, assigneeIds };
      return sendOrQueue(
        {
          ...target,
          kind: 'update-task',
          method: 'PATCH',
          path: `/tasks/${task.id}`,
          body: patch,
          label: `Assign ${task.key}`,
        },
        Task,
      );
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
        { task, body: { ...target, version }, ...(assigneeIds ? { assigneeIds } : {}) },
        {
          onSuccess: (saved) => {
            if (saved !== QUEUED) applyTaskChange(queryClient, saved, { source: 'server' });
          },
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
