'use client';

import { TaskDependencies } from '@teamflow/contracts/tasks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type DependencyKind = 'blocked-by' | 'blocks';

/** The edge to write: "A blocked by B" is A depends on B; "A blocks B" is B depends on A. */
const edge = (taskId: string, otherId: string, kind: DependencyKind) =>
  kind === 'blocked-by' ? { from: taskId, to: otherId } : { from: otherId, to: taskId };

export function useDependencies(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskDependencies(taskId),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/tasks/${taskId}/dependencies`, { schema: TaskDependencies, signal }),
  });
}

export function useDependencyMutations(taskId: string) {
  const queryClient = useQueryClient();
  // Both ends of an edge show it, so both lists are refreshed.
  const refresh = (otherId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.taskDependencies(taskId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.taskDependencies(otherId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(taskId) }),
    ]);
  const add = useMutation({
    mutationFn: ({ otherId, kind }: { otherId: string; kind: DependencyKind }) => {
      const { from, to } = edge(taskId, otherId, kind);
      return apiRequest('POST', `/tasks/${from}/dependencies`, { body: { dependsOnTaskId: to } });
    },
    onSuccess: (_data, { otherId }) => refresh(otherId),
  });
  const remove = useMutation({
    mutationFn: ({ otherId, kind }: { otherId: string; kind: DependencyKind }) => {
      const { from, to } = edge(taskId, otherId, kind);
      return apiRequest('DELETE', `/tasks/${from}/dependencies/${to}`);
    },
    onSuccess: (_data, { otherId }) => refresh(otherId),
  });
  return { add, remove };
}
