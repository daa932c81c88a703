'use client';

import {
  Leaderboard,
  Progress,
  ProgressSettings,
  Quest,
  type LeaderboardPeriod,
  type ProgressSettingsUpdate,
} from '@teamflow/contracts/progress';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { showToast } from '@/modules/ui/toast';

export function useMyProgress(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.progressOf(workspaceId, 'me'),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/progress/me`, { schema: Progress, signal }),
  });
}

export function useLeaderboard(workspaceId: string, period: LeaderboardPeriod) {
  return useQuery({
    queryKey: queryKeys.leaderboard(workspaceId, period),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/workspaces/${workspaceId}/progress/leaderboard?period=${period}`, {
        schema: Leaderboard,
        signal,
      }),
  });
}

/** The team quest; refreshed by the XP events of whoever finishes work (and every minute). */
export function useQuest(workspaceId: string, projectId?: string) {
  return useQuery({
    queryKey: queryKeys.quest(workspaceId, projectId),
    refetchInterval: 60_000,
    queryFn: ({ signal }) =>
      apiRequest(
        'GET',
        `/workspaces/${workspaceId}/progress/quest${projectId ? `?projectId=${projectId}` : ''}`,
        { schema: Quest, signal },
      ),
  });
}

export function useUpdateProgressSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressSettingsUpdate) =>
      apiRequest('PATCH', `/workspaces/${workspaceId}/progress/settings`, { body, schema: ProgressSettings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.progress(workspaceId) }),
    onError: (error) => showToast({ tone: 'error', title: 'Could not save', description: error.message }),
  });
}
