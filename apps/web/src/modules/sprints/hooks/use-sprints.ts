'use client';

import {
  Burndown,
  Sprint,
  SprintList,
  Velocity,
  type SprintCreate,
  type SprintUpdate,
} from '@teamflow/contracts/sprints';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiGetAll, apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { applyOptimistic, findCachedTask, rollback } from '@/modules/task-cache/task-cache';
import { showToast } from '@/modules/ui/toast';

// Sprint counts and charts follow task changes made elsewhere (the board), so they are re-read
// whenever a page shows them; the api answers from its snapshot when nothing changed.
const ALWAYS_FRESH = { staleTime: 0 } as const;

export function useSprints(projectId: string) {
  return useQuery({
    ...ALWAYS_FRESH,
    queryKey: queryKeys.sprints(projectId),
    queryFn: async ({ signal }) =>
      (await apiGetAll(`/projects/${projectId}/sprints`, { schema: SprintList, signal })).items,
  });
}

export function useSprint(sprintId: string) {
  return useQuery({
    queryKey: queryKeys.sprint(sprintId),
    queryFn: ({ signal }) => apiRequest('GET', `/sprints/${sprintId}`, { schema: Sprint, signal }),
  });
}

export function useBurndown(sprintId: string | undefined) {
  return useQuery({
    ...ALWAYS_FRESH,
    queryKey: queryKeys.burndown(sprintId ?? ''),
    enabled: Boolean(sprintId),
    queryFn: ({ signal }) => apiRequest('GET', `/sprints/${sprintId}/burndown`, { schema: Burndown, signal }),
  });
}

export function useVelocity(projectId: string, count = 6) {
  return useQuery({
    ...ALWAYS_FRESH,
    queryKey: queryKeys.velocity(projectId, count),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/projects/${projectId}/velocity?count=${count}`, { schema: Velocity, signal }),
  });
}

/** After any sprint change: sprint lists, charts and the board (tasks moved) are re-read. */
function refreshSprintData(queryClient: QueryClient, projectId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.sprints(projectId) });
  void queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'velocity'] });
  void queryClient.invalidateQueries({ queryKey: ['sprints'] });
}

export function useCreateSprint(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SprintCreate) =>
      apiRequest('POST', `/projects/${projectId}/sprints`, { body, schema: Sprint }),
    onSuccess: () => refreshSprintData(queryClient, projectId),
  });
}

/** Edits, start and complete (PATCH with the version the user saw). */
export function useUpdateSprint(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sprintId, body }: { sprintId: string; body: SprintUpdate }) =>
      apiRequest('PATCH', `/sprints/${sprintId}`, { body, schema: Sprint }),
    onSettled: () => {
      refreshSprintData(queryClient, projectId);
      // Completing moves unfinished tasks: the board re-reads them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) });
    },
  });
}

interface MoveInput {
  taskIds: string[];
  /** The sprint to move into, or null for the backlog. */
  to: string | null;
  /** The sprint the tasks leave (for a move to the backlog). */
  from: string | null;
}

/**
 * Moves tasks between the backlog and sprints. Optimistic on the board cache (the card jumps at
 * once); rolled back with a toast saying why when the api refuses.
 */
export function useMoveToSprint(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ taskIds, to, from }: MoveInput) => {
      if (to) return apiRequest('POST', `/sprints/${to}/tasks`, { body: { taskIds }, schema: Sprint });
      if (from) return apiRequest('DELETE', `/sprints/${from}/tasks`, { body: { taskIds }, schema: Sprint });
      return undefined;
    },
    onMutate: ({ taskIds, to }) => {
      const moving = taskIds.flatMap((id) => findCachedTask(queryClient, id) ?? []);
      return {
        snapshot: applyOptimistic(
          queryClient,
          moving.map((t) => ({ ...t, sprintId: to })),
        ),
      };
    },
    onError: (error, _input, context) => {
      if (context) rollback(queryClient, context.snapshot);
      showToast({ tone: 'error', title: 'Could not move the task', description: error.message });
    },
    onSettled: () => {
      refreshSprintData(queryClient, projectId);
      void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(projectId) });
    },
  });
}
