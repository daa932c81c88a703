import type { Task } from '@teamflow/contracts/tasks';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';

/** Puts the api's copy of a task into the board cache (added if the board did not have it). */
export function putTaskInBoard(queryClient: QueryClient, task: Task): void {
  queryClient.setQueryData<Task[]>(queryKeys.boardTasks(task.projectId), (tasks) => {
    if (!tasks) return tasks;
    return tasks.some((t) => t.id === task.id)
      ? tasks.map((t) => (t.id === task.id ? task : t))
      : [...tasks, task];
  });
}
