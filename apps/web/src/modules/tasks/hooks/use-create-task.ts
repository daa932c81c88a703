'use client';

import { Task, type TaskCreate } from '@teamflow/contracts/tasks';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { addTask, cachedProjectTasks } from '@/modules/task-cache/task-cache';
import { QUEUED, queueOwner, sendOrQueue } from '@/modules/offline/send-or-queue';

type NewTask = Partial<TaskCreate> & Pick<TaskCreate, 'title'>;

/**
 * A task made without a network: on the board at once with a temporary key (`PLAT-?`) and id,
 * replaced by the api's task (its real key) when the queued create is replayed.
 */
function temporaryTask(queryClient: QueryClient, projectId: string, id: string, body: NewTask): Task {
  const siblings = cachedProjectTasks(queryClient, projectId) ?? [];
  const sample = siblings[0];
  const now = new Date().toISOString();
  const status = body.status ?? 'todo';
  const last = Math.max(0, ...siblings.filter((t) => t.status === status).map((t) => t.position));
  return {
    id,
    key: `${sample?.key.split('-')[0] ?? 'NEW'}-?`,
    number: 0,
    projectId,
    workspaceId: sample?.workspaceId ?? '',
    title: body.title,
    description: body.description ?? null,
    status,
    priority: body.priority ?? 'medium',
    storyPoints: body.storyPoints ?? null,
    dueDate: body.dueDate ?? null,
    position: last + 1024,
    parentId: body.parentId ?? null,
    sprintId: body.sprintId ?? null,
    assigneeIds: body.assigneeIds ?? [],
    labelIds: body.labelIds ?? [],
    version: 1,
    createdBy: queueOwner() ?? '',
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function useCreateTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Runs offline too (TanStack would pause it): sendOrQueue queues the write itself.
    networkMode: 'always',
    mutationFn: async (body: NewTask): Promise<Task> => {
      const preview = temporaryTask(queryClient, projectId, crypto.randomUUID(), body);
      const created = await sendOrQueue(
        {
          kind: 'create-task',
          method: 'POST',
          path: `/projects/${projectId}/tasks`,
          body,
          taskId: preview.id,
          projectId,
          label: `Create "${body.title}"`,
          preview,
        },
        Task,
      );
      return created === QUEUED ? preview : created;
    },
    onSuccess: (created) => addTask(queryClient, created),
  });
}
